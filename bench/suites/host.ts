/**
 * Excel host: syncs, payload bytes and time to read-and-validate a workbook and to apply
 * a plan, at 100 to 50,000 rows, through the Office.js adapter on the simulated Excel,
 * beside a naive per-row implementation written here for comparison (one sync per row,
 * the way a first Office.js add-in is often written). Target for the adapter: at most 3
 * syncs per action while its payload fits one request, plus one per further 4 MB block.
 * "web ms" adds 50 ms per sync, a typical round trip to Excel on the web.
 */
import { rangeToA1, toA1 } from '../../src/engine/address';
import type { Cell, Workbook } from '../../src/engine/grid';
import type { EditPlan } from '../../src/engine/plan';
import { validateWorkbook } from '../../src/engine/validate';
import { createOfficeHost } from '../../src/host/office';
import { SimulatedExcel } from '../../src/host/simulated';

const SIZES = [100, 1_000, 10_000, 50_000];
const WEB_ROUND_TRIP_MS = 50;
const FMT = '#,##0.000;(#,##0.000);"-"';
const HEADERS = ['Service Area', 'Expenditure Budget £m', 'Income Budget £m', 'Net Budget £m', 'Full Year Projection £m', 'Variance £m', 'Overspend / (Underspend)', 'RAG Status', 'Ongoing Pressure £m', 'One-off Pressures £m', 'Movement £m'];
const SHEET = 'Month 7';

interface Row {
  bench: string;
  rows: number;
  syncs: number;
  payloadBytes: number;
  ms: number;
}

/** A monitoring table of `lines` lines: typed budgets, row formulas, one total. */
function workbook(lines: number): Workbook {
  const rows: Cell[][] = [[{ value: 'Children, Families & Education (Month 7)', bold: true }], [], HEADERS.map((h) => ({ value: h, bold: true }))];
  for (let i = 0; i < lines; i++) {
    const r = rows.length + 1;
    const exp = ((i * 7919) % 20000) / 1000;
    const inc = -((i * 104729) % 5000) / 1000;
    const fc = Math.round((exp + inc) * (0.95 + ((i % 11) / 100)) * 1000) / 1000;
    const variance = fc - (exp + inc);
    rows.push([
      { value: `Service line ${i + 1}` },
      { value: exp, format: FMT },
      { value: inc, format: FMT },
      { value: null, formula: `=B${r}+C${r}`, format: FMT },
      { value: fc, format: FMT },
      { value: null, formula: `=E${r}-D${r}`, format: FMT },
      { value: variance > 0 ? 'Overspend' : 'Underspend' },
      { value: variance > 0.1 ? 'Red' : variance > 0 ? 'Amber' : 'Green' },
      { value: variance > 0 ? variance : 0, format: FMT },
      { value: 0, format: FMT },
      { value: ((i % 13) - 6) / 1000, format: FMT },
    ]);
  }
  const last = rows.length;
  rows.push([{ value: 'Total', bold: true }, ...'BCDEF'.split('').map((c) => ({ value: null, formula: `=SUM(${c}4:${c}${last})`, format: FMT }))]);
  return { sheets: [{ name: SHEET, rows }] };
}

/** The plan a "movement" operation would write: a column of formulas, its format, a RAG-style highlight. */
function plan(lines: number): EditPlan {
  const first = 4;
  const last = first + lines - 1;
  return {
    title: 'Movement column',
    edits: [
      { kind: 'setValues', sheet: SHEET, range: 'M3', values: [['Check £m']] },
      { kind: 'setFormulas', sheet: SHEET, range: `M${first}:M${last}`, formulas: Array.from({ length: lines }, (_, i) => [`=F${first + i}-K${first + i}`]) },
      { kind: 'setNumberFormat', sheet: SHEET, range: `M${first}:M${last}`, format: FMT },
      { kind: 'addConditionalFormat', sheet: SHEET, range: `M${first}:M${last}`, tag: 'bench-check', format: { rule: { type: 'formula', formula: `=$M${first}>0.1` }, style: { fill: '#FFC7CE' } } },
    ],
  };
}

function fresh(lines: number): SimulatedExcel {
  const excel = SimulatedExcel.fromWorkbook(workbook(lines));
  excel.toWorkbook(); // calculate once up front, as Excel would have
  excel.resetStats();
  return excel;
}

async function measure(bench: string, rows: number, excel: SimulatedExcel, action: () => Promise<unknown>): Promise<Row> {
  excel.resetStats();
  const start = performance.now();
  await action();
  const ms = Math.round(performance.now() - start);
  return { bench, rows, syncs: excel.stats.syncs, payloadBytes: excel.stats.requestBytes + excel.stats.responseBytes, ms };
}

/** Naive read: one sync for the sheets, one for each used range, then one per row. */
async function naiveRead(excel: SimulatedExcel): Promise<Workbook> {
  return excel.run({}, async (context) => {
    const sheets = context.workbook.worksheets.load('items/name');
    await context.sync();
    const out: Workbook['sheets'][number][] = [];
    for (const ws of sheets.items) {
      const used = ws.getUsedRangeOrNullObject(true).load('rowIndex,columnIndex,rowCount,columnCount');
      await context.sync();
      const rows: Cell[][] = [];
      if (!used.isNullObject) {
        for (let r = 0; r < used.rowCount; r++) {
          const address = rangeToA1({ start: { row: used.rowIndex + r, col: used.columnIndex }, end: { row: used.rowIndex + r, col: used.columnIndex + used.columnCount - 1 } });
          const row = ws.getRange(address).load('values,formulas,numberFormat');
          await context.sync();
          rows[used.rowIndex + r] = row.values[0]!.map((v, c) => {
            const f = row.formulas[0]![c];
            const fmt = row.numberFormat[0]![c];
            return { value: v === '' ? null : (v as Cell['value']), ...(typeof f === 'string' && f.startsWith('=') ? { formula: f } : {}), ...(fmt !== 'General' ? { format: fmt } : {}) };
          });
        }
      }
      out.push({ name: ws.name, rows });
    }
    return { sheets: out };
  });
}

/** Naive apply: per row, read the cell to check it is empty, then write it (two syncs a row). */
async function naiveApply(excel: SimulatedExcel, p: EditPlan): Promise<void> {
  await excel.run({}, async (context) => {
    const ws = context.workbook.worksheets.getItem(SHEET);
    for (const edit of p.edits) {
      if (edit.kind === 'setFormulas' || edit.kind === 'setValues') {
        const grid = edit.kind === 'setFormulas' ? edit.formulas : edit.values;
        const [start] = edit.range.split(':');
        const firstRow = Number(/\d+/.exec(start!)![0]);
        for (let i = 0; i < grid.length; i++) {
          const cell = ws.getRange(`M${firstRow + i}`).load('formulas');
          await context.sync();
          if (cell.formulas[0]![0] !== '') throw new Error('occupied');
          cell.formulas = [[grid[i]![0] ?? '']];
          await context.sync();
        }
      } else if (edit.kind === 'setNumberFormat') {
        const [start, end] = edit.range.split(':');
        const a = Number(/\d+/.exec(start!)![0]);
        const b = Number(/\d+/.exec(end!)![0]);
        for (let r = a; r <= b; r++) {
          ws.getRange(toA1(r - 1, 12)).numberFormat = [[edit.format]];
          await context.sync();
        }
      } else if (edit.kind === 'addConditionalFormat' && edit.format.rule.type === 'formula') {
        const cf = ws.getRange(edit.range).conditionalFormats.add('Custom');
        cf.custom.rule.formula = edit.format.rule.formula;
        if (edit.format.style.fill) cf.custom.format.fill.color = edit.format.style.fill;
        await context.sync();
      }
    }
  });
}

export default async function run(): Promise<void> {
  const results: Row[] = [];
  for (const rows of SIZES) {
    const batched = fresh(rows);
    const host = createOfficeHost(batched);
    results.push(await measure('validate', rows, batched, async () => validateWorkbook((await host.readWorkbook()).workbook)));
    results.push(await measure('apply', rows, batched, () => host.applyPlan(plan(rows))));
    const naive = fresh(rows);
    results.push(await measure('naive-validate', rows, naive, async () => validateWorkbook(await naiveRead(naive))));
    results.push(await measure('naive-apply', rows, naive, () => naiveApply(naive, plan(rows))));
  }
  const header = ['bench', 'rows', 'syncs', 'payload MB', 'ms', 'web ms (50 ms/sync)'];
  const table = results.map((r) => [r.bench, r.rows.toLocaleString('en-GB'), String(r.syncs), (r.payloadBytes / 1024 / 1024).toFixed(2), String(r.ms), String(r.ms + r.syncs * WEB_ROUND_TRIP_MS)]);
  const widths = header.map((h, i) => Math.max(h.length, ...table.map((t) => t[i]!.length)));
  console.log(header.map((h, i) => h.padEnd(widths[i]!)).join('  '));
  for (const t of table) console.log(t.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  '));
  for (const r of results) console.log(JSON.stringify(r));
}
