import ExcelJS from 'exceljs';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FAULT_FIXTURES, fixturePath } from '../../fixtures/build-fixtures';
import { seed000Table1Formulas } from '../../fixtures/grids';
import { realTools } from '../../../src/cli/tools';
import { readWorkbookFile } from '../../../src/host/xlsx/read-file';
import { internals } from '../../../src/host/xlsx/internals';
import { markerOfFormula } from '../../../src/host/xlsx/cf-tag';
import { cellAt } from '../../../src/engine/grid';
import { DEFAULT_RAG_POLICY } from '../../../src/engine/policy';
import { expectOneLineError, runWith } from './run-cli';

let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'bm-apply-'));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const tools = realTools();
const { engine } = tools;

async function revalidate(file: string) {
  return engine.validate(await readWorkbookFile(file), { policy: DEFAULT_RAG_POLICY });
}

function firstSubtotalRow(): number {
  return seed000Table1Formulas().sheets[0]!.rows.findIndex((r) => r?.[0]?.value === 'sub total');
}

describe('apply --fix', () => {
  it.each(Object.keys(FAULT_FIXTURES))('%s: no fixable error remains, the input is untouched', async (name) => {
    const input = fixturePath(name);
    const before = await fs.readFile(input);
    const out = path.join(dir, 'fixed.xlsx');
    const run = await runWith(['apply', input, '--out', out, '--fix']);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/^Applied \d+ fix(es)?\.$/m);
    expect(run.stdout).toMatch(/Wrote .*fixed\.xlsx\.\n$/);
    expect(await fs.readFile(input)).toEqual(before);

    const after = await revalidate(out);
    expect(after.findings.filter((f) => f.severity === 'error' && f.fix)).toEqual([]);
    expect(run.code).toBe(after.findings.some((f) => f.severity === 'error') ? 1 : 0);
  }, 30_000);

  it('fault-typed-subtotal: the typed sub total becomes its SUM with the figure Excel would show', async () => {
    const out = path.join(dir, 'fixed.xlsx');
    const run = await runWith(['apply', fixturePath('fault-typed-subtotal'), '--out', out, '--fix']);
    expect(run.code).toBe(0);
    const r = firstSubtotalRow();
    const sheet = (await readWorkbookFile(out)).sheets[0]!;
    expect(cellAt(sheet, r, 3).formula).toBe(`=SUM(D5:D${r})`);
    expect(cellAt(sheet, r, 3).value).toBeCloseTo(98.506, 9);
    // The grand total, which depends on it, shows the corrected figure too.
    const totalRow = sheet.rows.findIndex((row) => typeof row?.[0]?.value === 'string' && (row[0].value as string).endsWith('Services Total'));
    expect(cellAt(sheet, totalRow, 3).value).toBeCloseTo(142.827, 9);
    expect((await revalidate(out)).findings.filter((f) => f.severity === 'error')).toEqual([]);
  });
});

describe('apply --rag', () => {
  async function ragRules(file: string): Promise<{ ref: string; marker: string | undefined }[]> {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    return internals(wb.getWorksheet('Month 7')!).conditionalFormattings.flatMap((cf) =>
      cf.rules.map((r) => ({ ref: cf.ref, marker: markerOfFormula((r as { formulae?: string[] }).formulae?.[0]) })),
    );
  }

  it('writes native tagged rules; applying again replaces them and keeps the officer’s own', async () => {
    // An officer's own rule on the variance column, to be kept.
    const start = path.join(dir, 'start.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(fixturePath('seed000-table1-formulas'));
    wb.getWorksheet('Month 7')!.addConditionalFormatting({ ref: 'F5:F10', rules: [{ type: 'expression', priority: 1, formulae: ['F5>1'], style: { font: { italic: true } } }] });
    await wb.xlsx.writeFile(start);

    const once = path.join(dir, 'once.xlsx');
    const twice = path.join(dir, 'twice.xlsx');
    expect((await runWith(['apply', start, '--out', once, '--rag'])).stderr).toBe('');
    expect((await runWith(['apply', once, '--out', twice, '--rag'])).stderr).toBe('');
    const first = await ragRules(once);
    const second = await ragRules(twice);
    expect(first.filter((r) => r.marker === undefined)).toEqual([{ ref: 'F5:F10', marker: undefined }]);
    expect(first.filter((r) => r.marker !== undefined).length).toBeGreaterThan(3);
    expect(second.map((r) => r.marker).sort()).toEqual(first.map((r) => r.marker).sort());
    expect(second.length).toBe(first.length);
  });
});

describe('apply refuses, writing nothing', () => {
  it('an existing output without --force, and replaces it with --force', async () => {
    const out = path.join(dir, 'exists.xlsx');
    await fs.writeFile(out, 'keep me');
    expectOneLineError(await runWith(['apply', fixturePath('fault-typed-subtotal'), '--out', out, '--fix']), /exists\.xlsx already exists; choose another name or add --force/);
    expect(await fs.readFile(out, 'utf8')).toBe('keep me');
    const forced = await runWith(['apply', fixturePath('fault-typed-subtotal'), '--out', out, '--fix', '--force']);
    expect(forced.code).toBe(0);
    expect((await readWorkbookFile(out)).sheets[0]!.name).toBe('Month 7');
  });

  it('the input as output, even with --force', async () => {
    const input = path.join(dir, 'in.xlsx');
    await fs.copyFile(fixturePath('fault-typed-subtotal'), input);
    const before = await fs.readFile(input);
    expectOneLineError(await runWith(['apply', input, '--out', path.join(dir, '.', 'in.xlsx'), '--fix', '--force']), /--out names the input file/);
    expect(await fs.readFile(input)).toEqual(before);
  });

  it('an unreadable input', async () => {
    const out = path.join(dir, 'out.xlsx');
    expectOneLineError(await runWith(['apply', path.join(dir, 'missing.xlsx'), '--out', out, '--fix']), /missing\.xlsx: no such file/);
    await expect(fs.stat(out)).rejects.toThrow();
  });

  it('an operation that refuses this workbook', async () => {
    const out = path.join(dir, 'out.xlsx');
    const refusing = { ...tools, engine: { ...engine, runOperation: () => ({ plan: { title: 'Report', edits: [] }, notes: [], problems: ['The sheet "Report" is not the add-in’s own.'] }) } };
    expectOneLineError(await runWith(['apply', fixturePath('seed000-months'), '--out', out, '--report'], refusing), /--report: The sheet "Report" is not the add-in’s own\. Nothing was written\./);
    expect(await fs.readdir(dir)).toEqual([]);
  });

  it('a plan that cannot be applied (protected sheet)', async () => {
    const input = path.join(dir, 'protected.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(fixturePath('fault-typed-subtotal'));
    await wb.getWorksheet('Month 7')!.protect('', {});
    await wb.xlsx.writeFile(input);
    const out = path.join(dir, 'out.xlsx');
    expectOneLineError(await runWith(['apply', input, '--out', out, '--fix']), /The changes could not be made: Sheet "Month 7" is protected; unprotect it in Excel .*Nothing was written\./);
    await expect(fs.stat(out)).rejects.toThrow();
  });
});

describe('apply --movement and --tracker (formulas evaluated by HyperFormula)', () => {
  const figure = (v: unknown): number => (typeof v === 'number' ? v : NaN);

  it('--movement rebuilds a removed movement column as live formulas equal to the seed movements', async () => {
    const { seed000MonthsWorkbook } = await import('../../fixtures/grids');
    const { workbookToExcelJs } = await import('../../../src/host/xlsx/write');
    const original = seed000MonthsWorkbook();
    const m7 = original.sheets.find((s) => s.name === 'Month 7')!;
    const K = 10;
    const withoutMovement = { sheets: original.sheets.map((s) => (s === m7 ? { ...s, rows: s.rows.map((r) => r?.filter((_c, c) => c !== K)) } : s)) };
    const input = path.join(dir, 'no-movement.xlsx');
    await workbookToExcelJs(withoutMovement).xlsx.writeFile(input);
    const out = path.join(dir, 'movement.xlsx');
    const run = await runWith(['apply', input, '--out', out, '--movement']);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('Applied: Movement from Month 6 on Month 7.');

    const sheet = (await readWorkbookFile(out)).sheets.find((s) => s.name === 'Month 7')!;
    const headerRow = 2;
    const col = sheet.rows[headerRow]!.findIndex((c) => typeof c?.value === 'string' && /^Movement From Month 6/i.test(c.value));
    expect(col).toBeGreaterThan(5);
    let compared = 0;
    m7.rows.forEach((row, r) => {
      const expected = row?.[K];
      if (r <= headerRow || typeof expected?.value !== 'number') return;
      const cell = cellAt(sheet, r, col);
      expect(cell.formula).toMatch(/^=/);
      expect(figure(cell.value)).toBeCloseTo(expected.value, 9);
      compared++;
    });
    expect(compared).toBeGreaterThan(25);
  });

  it('--tracker links To be Mitigated to this month’s total variance (8.380, 8.755 the month before)', async () => {
    const out = path.join(dir, 'tracker.xlsx');
    const run = await runWith(['apply', fixturePath('seed000-months'), '--out', out, '--tracker']);
    expect(run.stderr).toBe('');
    const sheet = (await readWorkbookFile(out)).sheets.find((s) => s.name === 'Mitigation Tracker')!;
    const header = sheet.rows.findIndex((r) => r?.[0]?.value === 'In-Year Mitigation Proposed');
    const colOf = (text: string) => sheet.rows[header]!.findIndex((c) => c?.value === text);
    const rowOf = (label: string) => sheet.rows.findIndex((r) => r?.[0]?.value === label);
    const thisMonth = colOf('Month 7 £m');
    const lastMonth = colOf('Month 6 £m');
    expect(cellAt(sheet, rowOf('To be Mitigated'), thisMonth).formula).toMatch(/'Month 7'!F37/);
    expect(figure(cellAt(sheet, rowOf('To be Mitigated'), thisMonth).value)).toBeCloseTo(8.38, 9);
    expect(figure(cellAt(sheet, rowOf('To be Mitigated'), lastMonth).value)).toBeCloseTo(8.755, 9);
    expect(figure(cellAt(sheet, rowOf('Still to be Mitigated'), thisMonth).value)).toBeCloseTo(8.38, 9);
  });
});

describe('apply --savings-tracker and --report', () => {
  it('--savings-tracker: the TOTALS row adds up to seed 001’s totals (9,568,900 = 1,371,200 + 4,166,400 + 4,031,300)', async () => {
    const out = path.join(dir, 'savings.xlsx');
    const run = await runWith(['apply', fixturePath('seed001-mtfp-tracker'), '--out', out, '--savings-tracker']);
    expect(run.stderr).toBe('');
    const sheet = (await readWorkbookFile(out)).sheets.find((s) => s.name === 'Savings Tracker')!;
    const header = sheet.rows.findIndex((r) => r?.[0]?.value === 'Ref');
    const col = (text: string) => sheet.rows[header]!.findIndex((c) => typeof c?.value === 'string' && c.value.startsWith(text));
    const totals = sheet.rows.findIndex((r) => r?.some((c) => c?.value === 'TOTALS'));
    const total = (text: string) => cellAt(sheet, totals, col(text));
    expect(total('Target').formula).toMatch(/^=SUM\(/);
    expect(total('Target').value).toBe(9_568_900);
    expect(total('Achieved').value).toBe(1_371_200);
    expect(total('On Track').value).toBe(4_166_400);
    expect(total('At Risk').value).toBe(4_031_300);
  });

  it('--report: a sheet listing every finding of the input, each linked to its cell', async () => {
    const input = fixturePath('fault-typed-subtotal');
    const out = path.join(dir, 'report.xlsx');
    const run = await runWith(['apply', input, '--out', out, '--report']);
    expect(run.stderr).toBe('');
    const before = engine.validate(await readWorkbookFile(input), { policy: DEFAULT_RAG_POLICY }).findings;
    const sheet = (await readWorkbookFile(out)).sheets.find((s) => s.name === 'Validation Report')!;
    const links = sheet.rows.flatMap((r) => r ?? []).filter((c) => c?.formula?.startsWith('=HYPERLINK(')).map((c) => c!.value);
    expect(links.sort()).toEqual(before.map((f) => f.cell).sort());
    expect(sheet.rows.some((r) => r?.some((c) => c?.value === "=SUM(D5:D15)"))).toBe(true); // text, not the apostrophe
  });
});

describe('apply --explanations', () => {
  it('drafts the "Variance explanations" sheet: sentences calculated from the table, and nothing left unexplained', async () => {
    const out = path.join(dir, 'explained.xlsx');
    const run = await runWith(['apply', fixturePath('seed000-months'), '--out', out, '--explanations']);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/Draft variance explanations on Variance explanations/);
    const written = await readWorkbookFile(out);
    const sheet = written.sheets.find((s) => s.name === 'Variance explanations')!;
    expect(sheet.rows[3]?.map((c) => c?.value)).toEqual(['Line', 'Variance £m', 'RAG', 'Movement from Month 6 £m', 'Draft explanation', 'Reason', 'Action', 'Owner', 'Needed because']);
    expect(cellAt(sheet, 5, 0).value).toBe('External Placements');
    expect(cellAt(sheet, 5, 1).formula).toBe("='Month 7'!F7");
    expect(cellAt(sheet, 5, 4).value).toBe('The External Placements budget is forecasting an overspend of £14.701m and is rated Red. This is an increase of £0.234m from Month 6.');
    const findings = engine.validate(written, { policy: DEFAULT_RAG_POLICY }).findings;
    expect(findings.filter((f) => f.rule === 'variance-explained' || (f.rule === 'narrative-figures' && f.sheet === 'Variance explanations'))).toEqual([]);
  });
});
