/**
 * The seed tables as fixtures: clean ones give no errors; the ones typed in exactly as
 * published are validated as they are, and what genuinely does not add up in them
 * (worked out by hand from the published figures) is reported at its cells.
 */
import { summarise } from '../../../src/engine/findings';
import type { Workbook } from '../../../src/engine/grid';
import { validateWorkbook } from '../../../src/engine/validate';
import { GRID_FIXTURES, seed001MtfpTracker, seed002CostReductions, seed002OneSheet, seed002Pressures, seed002Savings, seed004Table3, seed004Table4, seed004Table5, seed004Table6 } from '../../fixtures/grids';

/** The same workbook with every formula replaced by its value: a table typed in from the paper. */
function typedIn(workbook: Workbook): Workbook {
  return { sheets: workbook.sheets.map((s) => ({ ...s, rows: s.rows.map((r) => r?.map((c) => (c?.formula ? { ...c, formula: undefined } : c))) })) };
}

const errorsOf = (wb: Workbook) => validateWorkbook(wb).findings.filter((f) => f.severity === 'error');
const cells = (wb: Workbook, rule?: string) => errorsOf(wb).filter((f) => !rule || f.rule === rule).map((f) => `${f.sheet}!${f.cell}`);

const CLEAN = [
  'seed000-table1-formulas', 'seed000-table1-values', 'seed000-months', 'seed000-mitigations', 'seed001-mtfp-tracker',
  'seed004-table3', 'seed004-table4', 'seed004-table5', 'seed004-table6', 'layout-adults-nested', 'layout-totals-above',
];

describe('clean seed fixtures', () => {
  it.each(CLEAN)('%s gives zero errors', (name) => {
    const result = validateWorkbook(GRID_FIXTURES[name]!());
    expect(result.tables.length).toBeGreaterThan(0);
    expect(result.findings.filter((f) => f.severity === 'error').map((f) => `${f.sheet}!${f.cell} ${f.message}`)).toEqual([]);
  });

  it.each(['seed000-table1-formulas', 'seed000-months', 'seed000-mitigations', 'seed001-mtfp-tracker', 'seed004-table5'])('%s, built with formulas, gives no finding at all', (name) => {
    expect(validateWorkbook(GRID_FIXTURES[name]!()).findings.map((f) => f.message)).toEqual([]);
  });

  it('seeds 001 and 004 typed in as published add up: only the typed totals are noted', () => {
    const typedTotals = (make: () => Workbook) => validateWorkbook(typedIn(make())).findings.map((f) => `${f.rule} ${f.cell}`);
    expect(typedTotals(seed001MtfpTracker)).toEqual(['C19', 'D19', 'E19', 'F19', 'G19'].map((c) => `total-formula ${c}`));
    expect(typedTotals(seed004Table4)).toEqual(['E6', 'B7', 'C7', 'D7'].map((c) => `total-formula ${c}`));
    expect(typedTotals(seed004Table5)).toEqual(['E5', 'E6', 'E7', 'B8', 'C8', 'D8', 'E8'].map((c) => `total-formula ${c}`));
    expect(typedTotals(seed004Table6)).toEqual(['total-formula E7']);
    // Typed in, Table 3's closing row ("2024/25 Proposed Base Budget") is not named a total, so it is read as a line.
    expect(summarise(validateWorkbook(typedIn(seed004Table3())).findings)).toEqual({ errors: 0, warnings: 0, infos: 0, consequences: 0 });
  });
});

describe('seed 002 typed in exactly as published', () => {
  it('pressures: nine cells hold several figures, and so no column total can add up', () => {
    expect(cells(seed002Pressures(), 'unreadable-figure')).toEqual(['D3', 'E3', 'F3', 'G3', 'E4', 'D7', 'E7', 'F7', 'G7'].map((c) => `Pressures!${c}`));
    const totals = errorsOf(seed002Pressures()).filter((f) => f.rule === 'total-sum');
    expect(totals.map((f) => [f.cell, f.actual, f.expected])).toEqual([
      ['D8', 10006, 1247],
      ['E8', 10103, 707],
      ['F8', 9665, 782],
      ['G8', 9665, 782],
    ]);
    expect(totals[0]!.message).toBe('Total D8 is 10,006 but its lines add up to 1,247 (£000), not counting D3, D7, which are not numbers');
  });

  it('savings: the damaged cells, and the totals that do not add up', () => {
    const findings = errorsOf(seed002Savings());
    expect(findings.map((f) => `${f.rule} ${f.cell}`)).toEqual([
      'unreadable-figure E8', // ", ,"
      'unreadable-figure C9', // "`(19)"
      'unreadable-figure D10', // "`(7)"
      'unreadable-figure F25', // "_" on the "Cost control measures" heading
      'unreadable-figure E32', // ", ,"
      'total-sum C35',
      'total-sum D35',
      'total-sum E35',
      'total-sum F35',
    ]);
    const total = (cell: string) => findings.find((f) => f.cell === cell && f.rule === 'total-sum')!;
    // 2024/25: (4,897) plus the (19) behind the backtick is exactly the published (4,916).
    expect([total('C35').actual, total('C35').expected]).toEqual([-4916, -4897]);
    // 2025/26 and 2027/28 are 465 short even when repaired: three lines (144 + 225 + 96) have no figure in those years.
    expect([total('D35').actual, total('D35').expected]).toEqual([-4493, -4021]);
    expect([total('F35').actual, total('F35').expected]).toEqual([-4373, -3908]);
    expect([total('E35').actual, total('E35').expected]).toEqual([-4418, -2449]);
  });

  it('repairing the backtick in C9 makes the 2024/25 total add up', () => {
    const wb = seed002Savings();
    const finding = errorsOf(wb).find((f) => f.cell === 'C9')!;
    expect(finding.fix?.edits).toEqual([{ kind: 'setValues', sheet: 'Savings', range: 'C9', values: [[-19]] }]);
  });

  it('cost reduction proposals: none of the three published TOTALs is the sum of its column', () => {
    const findings = errorsOf(seed002CostReductions());
    expect(findings.map((f) => [f.rule, f.cell, f.actual, f.expected])).toEqual([
      ['total-sum', 'B8', 3.08, 2.98],
      ['total-sum', 'C8', 8.26, 8.22],
      ['total-sum', 'D8', 13.63, 14.97],
    ]);
  });

  it('both tables on one sheet are checked apart, at their own cells', () => {
    const found = cells(seed002OneSheet());
    expect(found).toContain('Budget!C19');
    expect(found).toContain('Budget!C45');
    expect(found).toContain('Budget!D8');
    expect(found).toHaveLength(22);
  });
});
