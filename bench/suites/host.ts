/**
 * Office round trips through Microsoft's own Excel client (@microsoft/office-js, loaded in
 * Node; its requests answered by the simulated workbook over the wire, src/host/wire): for
 * validate (read + validate) and for each operation (RAG, movement, mitigation tracker,
 * savings tracker, report, fix all, revert) at 100 to 50,000 lines, the syncs, the request
 * and response bytes (the JSON bodies the client's send function sees), the bytes per cell
 * read (for the reads: response bytes over the cells whose grids came back) and the time. Beside them, the
 * targets: at most 3 syncs per action plus one per further 4 MB block; at most 40 bytes per
 * cell read. A naive per-row read (one sync per row) at the small sizes, for contrast.
 * Targets are printed, never asserted.
 */
import { rangeToA1 } from '../../src/engine/address';
import type { Finding } from '../../src/engine/findings';
import { summarise } from '../../src/engine/findings';
import type { Cell, Workbook } from '../../src/engine/grid';
import type { MonitoringTable } from '../../src/engine/model';
import { planMitigationTracker } from '../../src/engine/operations/mitigation-tracker';
import { planMovement } from '../../src/engine/operations/movement';
import { planRagFormatting } from '../../src/engine/operations/rag-formatting';
import { planSavingsTracker } from '../../src/engine/operations/savings-tracker';
import type { OperationResult } from '../../src/engine/operations/shared';
import { planValidationReport } from '../../src/engine/operations/validation-report';
import { mergePlans, type EditPlan } from '../../src/engine/plan';
import { DEFAULT_RAG_POLICY } from '../../src/engine/policy';
import { readTables } from '../../src/engine/read';
import { validateWorkbook } from '../../src/engine/validate';
import type { ExcelHost } from '../../src/host/host';
import { BLOCK_BYTES } from '../../src/host/office/blocks';
import { createOfficeHost } from '../../src/host/office';
import { SimulatedExcel } from '../../src/host/simulated';
import { officeClientExcel, type OfficeClientExcel, type RequestBody } from '../../src/host/wire';
import { monitoringWorkbook } from '../monitoring';
import { loadText } from '../timing';

/** `BENCH_LINES=100,1000 npx tsx bench/run.ts host` runs some sizes only. */
const SIZES = process.env.BENCH_LINES ? process.env.BENCH_LINES.split(',').map(Number) : [100, 1_000, 10_000, 50_000];
const NAIVE_SIZES = new Set([100, 1_000]);
const MAX_SYNCS = 3;
const MAX_BYTES_PER_CELL = 40;
const WEB_ROUND_TRIP_MS = 50;

/** Bytes of the response that carried each kind of cell grid (the read's breakdown). */
type Breakdown = Record<string, number>;

interface Row {
  action: string;
  lines: number;
  /** Excel.run calls: one per action is the target. */
  runs: number;
  syncs: number;
  requestBytes: number;
  responseBytes: number;
  maxRequestBytes: number;
  maxResponseBytes: number;
  cellsRead: number;
  ms: number;
  breakdown: Breakdown;
  note?: string;
}

const encoder = new TextEncoder();
const bytes = (text: string): number => encoder.encode(text).length;

function gridSize(value: unknown): number {
  if (!Array.isArray(value) || value.length === 0 || !Array.isArray(value[0])) return 0;
  return value.length * (value[0] as unknown[]).length;
}

/**
 * The cells each sync read (the largest grid answered for each range object: its values,
 * formulas, formats, types or cell properties are the same cells) and the response bytes
 * by kind of grid.
 */
function analyse(traffic: readonly { request: string; response: string }[]): { cells: number; breakdown: Breakdown } {
  let cells = 0;
  const breakdown: Breakdown = {};
  for (const { request, response } of traffic) {
    const sent = JSON.parse(request) as RequestBody;
    const answer = JSON.parse(response) as { Results?: { ActionId: number; Value: unknown }[] };
    const pathOf = new Map(sent.Actions.map((a) => [a.Id, a.ObjectPathId]));
    const byPath = new Map<number, number>();
    for (const result of answer.Results ?? []) {
      const path = pathOf.get(result.ActionId) ?? -result.ActionId;
      let size = gridSize(result.Value);
      if (size > 0) breakdown.CellProperties = (breakdown.CellProperties ?? 0) + bytes(JSON.stringify(result.Value));
      if (result.Value && typeof result.Value === 'object' && !Array.isArray(result.Value)) {
        for (const [key, value] of Object.entries(result.Value)) {
          const n = gridSize(value);
          if (n === 0) continue;
          size = Math.max(size, n);
          breakdown[key] = (breakdown[key] ?? 0) + bytes(JSON.stringify(value));
        }
      }
      if (size > 0) byPath.set(path, Math.max(byPath.get(path) ?? 0, size));
    }
    for (const n of byPath.values()) cells += n;
  }
  return { cells, breakdown };
}

async function measure(action: string, lines: number, excel: SimulatedExcel, wire: OfficeClientExcel, work: () => Promise<unknown>): Promise<Row> {
  excel.resetStats();
  const runsBefore = excel.runs;
  wire.server.traffic = [];
  const start = performance.now();
  let note: string | undefined;
  try {
    await work();
  } catch (error) {
    note = `failed: ${error instanceof Error ? error.message : String(error)}`;
  }
  const ms = Math.round(performance.now() - start);
  if (process.env.BENCH_PROGRESS) console.error(`  ${action}, ${lines} lines: ${ms} ms, ${excel.stats.syncs} syncs`);
  const { cells, breakdown } = analyse(wire.server.traffic.slice(0, excel.stats.syncs));
  wire.server.traffic = undefined;
  const s = excel.stats;
  return {
    action, lines, runs: excel.runs - runsBefore, syncs: s.syncs, requestBytes: s.requestBytes, responseBytes: s.responseBytes, maxRequestBytes: s.maxRequestBytes, maxResponseBytes: s.maxResponseBytes,
    cellsRead: cells, ms, breakdown, ...(note ? { note } : {}),
  };
}

/** Syncs allowed for an action: 3, plus one per further 4 MB block of request or response. */
function syncTarget(row: Row): number {
  const blocks = Math.ceil(Math.max(row.requestBytes, row.responseBytes) / BLOCK_BYTES);
  return MAX_SYNCS + Math.max(0, blocks - 1);
}

/** Naive read: one sync for the sheets, one for each used range, then one per row. */
async function naiveRead(wire: OfficeClientExcel): Promise<Workbook> {
  return wire.run({}, async (context) => {
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

/** Every root finding's fix in one plan, as "Fix all" would apply them; the cells it may overwrite. */
function fixAll(findings: readonly Finding[]): { plan: EditPlan; cells: { sheet: string; range: string }[] } | undefined {
  const plans = findings.filter((f) => f.fix && !f.causedBy).map((f) => f.fix!);
  if (plans.length === 0) return undefined;
  const plan = mergePlans(`Fix ${plans.length} findings`, plans);
  const cells = plan.edits.flatMap((e) => (e.kind === 'setValues' || e.kind === 'setFormulas' ? [{ sheet: e.sheet, range: e.range }] : []));
  return { plan, cells };
}

async function sizeRun(lines: number): Promise<Row[]> {
  const out: Row[] = [];
  const excel = SimulatedExcel.fromWorkbook(monitoringWorkbook(lines, { faults: true, savings: true }));
  excel.toWorkbook(); // calculated once up front, as Excel would have it
  const wire = officeClientExcel(excel);
  const host: ExcelHost = createOfficeHost(wire);

  let workbook: Workbook = { sheets: [] };
  let findings: readonly Finding[] = [];
  let readMs = 0;
  const validated = await measure('validate', lines, excel, wire, async () => {
    const t0 = performance.now();
    workbook = (await host.readWorkbook()).workbook;
    readMs = performance.now() - t0;
    findings = validateWorkbook(workbook).findings;
  });
  out.push({ ...validated, note: validated.note ?? `read ${Math.round(readMs)} ms + engine ${validated.ms - Math.round(readMs)} ms; ${findings.length} findings` });
  const tables = readTables(workbook);
  const table = tables.find((t) => t.sheet === 'Month 7') as MonitoringTable;

  const applied: Record<string, string> = {};
  const operation = async (action: string, plan: () => OperationResult | { plan: EditPlan; cells: { sheet: string; range: string }[] } | undefined): Promise<void> => {
    const result = plan();
    if (!result || ('problems' in result && result.problems.length > 0)) {
      out.push({ action, lines, runs: 0, syncs: 0, requestBytes: 0, responseBytes: 0, maxRequestBytes: 0, maxResponseBytes: 0, cellsRead: 0, ms: 0, breakdown: {}, note: result && 'problems' in result ? result.problems.join(' ') : 'nothing to do' });
      return;
    }
    const allowOverwrite = 'problems' in result ? (result.overwrites ?? []) : result.cells;
    out.push(await measure(action, lines, excel, wire, async () => {
      applied[action] = (await host.applyPlan(result.plan, { allowOverwrite })).id;
    }));
  };
  await operation('RAG formatting', () => planRagFormatting(table, DEFAULT_RAG_POLICY, { workbook, writeWords: true }));
  // Reverted at once: later plans may push its record out of the settings' size limit.
  const rag = applied['RAG formatting'];
  if (rag) out.push(await measure('revert RAG formatting', lines, excel, wire, () => host.revert(rag)));
  await operation('movement', () => planMovement(table, workbook));
  await operation('mitigation tracker', () => planMitigationTracker(workbook, tables, { tableId: table.id }));
  await operation('savings tracker', () => planSavingsTracker(workbook, tables));
  await operation('validation report', () => planValidationReport(findings, summarise(findings), new Date(), { workbook }));
  // Fix all: the fixes of every root finding of the table, applied together on the workbook as it now is.
  await operation('fix all', () => fixAll(findings.filter((f) => f.sheet === 'Month 7' || f.sheet === 'Month 6')));
  const fixed = applied['fix all'];
  if (fixed) out.push(await measure('revert fix all', lines, excel, wire, () => host.revert(fixed)));
  if (NAIVE_SIZES.has(lines)) {
    const naive = SimulatedExcel.fromWorkbook(monitoringWorkbook(lines, { faults: true, savings: true }));
    naive.toWorkbook();
    const naiveWire = officeClientExcel(naive);
    out.push(await measure('naive per-row validate', lines, naive, naiveWire, async () => validateWorkbook(await naiveRead(naiveWire))));
  }
  return out;
}

const kb = (n: number): string => (n / 1024).toFixed(n < 10 * 1024 ? 1 : 0);

export default async function run(): Promise<void> {
  const loadBefore = loadText();
  const rows: Row[] = [];
  for (const lines of SIZES) {
    const t0 = performance.now();
    rows.push(...(await sizeRun(lines)));
    console.log(`  … ${lines.toLocaleString('en-GB')} lines done in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  }
  const client = officeClientExcel(SimulatedExcel.fromWorkbook({ sheets: [] })).client.build;
  console.log(`Office round trips through Microsoft's Excel client (@microsoft/office-js ${client}), answered by the simulated workbook`);
  console.log(`workbook: Month 6 and Month 7 monitoring tables of N lines (11 columns, sections of 25) and an MTFP sheet of N savings; machine: ${loadBefore} before, ${loadText()} after`);
  console.log(`targets (not asserted): syncs ≤ ${MAX_SYNCS} per action + 1 per further 4 MB block; read ≤ ${MAX_BYTES_PER_CELL} bytes per cell read. "web ms" adds ${WEB_ROUND_TRIP_MS} ms per sync.`);
  const header = ['action', 'lines', 'Excel.run', 'syncs', 'target', 'req KB', 'resp KB', 'max req KB', 'max resp KB', 'cells read', 'B/cell', '≤ 40', 'ms', 'web ms'];
  const table = rows.map((r) => {
    // Bytes per cell read is the read's figure: an apply's response is mostly its writes' answers.
    const perCell = r.cellsRead > 0 && r.action.endsWith('validate') ? r.responseBytes / r.cellsRead : undefined;
    return [
      r.action, r.lines.toLocaleString('en-GB'), String(r.runs), String(r.syncs), r.note?.startsWith('failed') || r.note === 'nothing to do' ? '-' : `≤ ${syncTarget(r)}${r.syncs > syncTarget(r) ? ' MISSED' : ''}`,
      kb(r.requestBytes), kb(r.responseBytes), kb(r.maxRequestBytes), kb(r.maxResponseBytes), r.cellsRead.toLocaleString('en-GB'),
      perCell === undefined ? '-' : perCell.toFixed(1), perCell === undefined ? '' : perCell <= MAX_BYTES_PER_CELL ? 'met' : 'MISSED',
      String(r.ms), String(r.ms + r.syncs * WEB_ROUND_TRIP_MS), r.note ?? '',
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...table.map((t) => t[i]!.length)));
  console.log(header.map((h, i) => h.padEnd(widths[i]!)).join('  '));
  for (const t of table) console.log(t.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : i === t.length - 1 ? c : c.padStart(widths[i]!))).join('  '));
  console.log('read response bytes per cell read, by what carried them:');
  for (const r of rows.filter((x) => x.action === 'validate')) {
    const parts = Object.entries(r.breakdown).map(([k, v]) => `${k} ${(v / r.cellsRead).toFixed(1)}`);
    console.log(`  ${r.lines.toLocaleString('en-GB').padStart(6)} lines: ${parts.join(', ')}, envelope ${((r.responseBytes - Object.values(r.breakdown).reduce((a, b) => a + b, 0)) / r.cellsRead).toFixed(1)}`);
  }
  for (const r of rows) console.log(JSON.stringify({ suite: 'host', client, ...r, syncTarget: syncTarget(r), bytesPerCellRead: r.cellsRead > 0 ? Math.round((10 * r.responseBytes) / r.cellsRead) / 10 : null }));
}
