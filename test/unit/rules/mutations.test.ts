/**
 * Mutation tests: faults seeded into the fixtures (a changed figure, a shortened SUM, a
 * double-counted sub total, a flipped label, a wrong RAG word, a number turned into text,
 * an error value …), at least 20 per rule, each of which must be reported by that rule
 * at the faulted cell when the whole workbook is validated.
 */
import { columnLetters } from '../../../src/engine/address';
import type { Workbook } from '../../../src/engine/grid';
import { RULES } from '../../../src/engine/rules';
import { validateWorkbook } from '../../../src/engine/validate';
import { recalculate } from '../../../src/host/calc/recalculate';
import {
  TABLE1_FIRST_ROW,
  TABLE1_ROWS,
  seed000Mitigations,
  seed000MonthsWorkbook,
  seed000Table1Formulas,
  seed000Table1Values,
  seed001MtfpTracker,
  seed004Table5,
  unseenBudgetBuild,
} from '../../fixtures/grids';
import { seed000Narrative } from '../../fixtures/grids/seed000-narrative';
import { SEED003_COMMENTARY, seed003Workbook } from '../../fixtures/grids/seed003';
import { cellOf, withCell, withFormula, withValue } from '../../support/rule-tester';

interface Mutation {
  readonly rule: string;
  readonly name: string;
  readonly sheet: string;
  readonly cell: string;
  readonly workbook: () => Workbook;
}

const M7 = 'Month 7';
const FIGURES = 'BCDEFIJK'.split('');

/** Seed 000 Table 1 rows by kind, as Excel row numbers. */
const lines: { row: number; cells: readonly string[] }[] = [];
const subtotals: { row: number; first: number; last: number }[] = [];
let sectionStart = 0;
TABLE1_ROWS.forEach((cells, i) => {
  const row = TABLE1_FIRST_ROW + i;
  if (cells.length === 1) sectionStart = row + 1;
  else if (cells[0] === 'sub total') subtotals.push({ row, first: sectionStart, last: row - 1 });
  else if (!cells[0]!.endsWith('Total')) lines.push({ row, cells });
});
const TOTAL_ROW = TABLE1_FIRST_ROW + TABLE1_ROWS.length - 1;
const totalRows = [...subtotals.map((s) => s.row), TOTAL_ROW];
const overspending = lines.filter((l) => !l.cells[5]!.startsWith('('));
const underspending = lines.filter((l) => l.cells[5]!.startsWith('('));

const num = (wb: Workbook, sheet: string, cell: string): number => cellOf(wb, sheet, cell).value as number;
const bump = (make: () => Workbook, sheet: string, cell: string, by: number) => () => {
  const wb = make();
  return withValue(wb, sheet, cell, num(wb, sheet, cell) + by);
};

const FLIP: Record<string, string> = { Overspend: 'Underspend', Underspend: 'Overspend', Underachievement: 'Overachievement', Overachievement: 'Underachievement' };
const OTHER_RAG: Record<string, string> = { Red: 'Green', Amber: 'Red', Green: 'Amber' };

/** Seed 000's words with one phrase changed (narrative-figures). */
const reworded = (cell: string, from: string, to: string) => () => {
  const wb = seed000Narrative();
  return withValue(wb, M7, cell, String(cellOf(wb, M7, cell).value).replace(from, to));
};
const NARRATIVE_FAULTS: readonly [string, string, readonly string[]][] = [
  ['A2', '£142.827m', ['£124.827m', '£142.287m', '£143.827m']],
  ['A2', 'overspend of £8.380m', ['overspend of £8.830m', 'overspend of £3.380m', 'underspend of £8.380m']],
  ['A2', 'decrease of £0.375m', ['decrease of £0.357m', 'decrease of £0.475m', 'increase of £0.375m']],
  ['A45', '£14.701m', ['£14.801m', '£14.107m', '£17.401m']],
  ['A45', 'an increase of £0.234m', ['an increase of £0.243m', 'a decrease of £0.234m']],
  ['A45', 'from Quarter 2', ['from Quarter 1', 'from Month 5']],
  ['A52', 'underspend of £0.373m', ['underspend of £0.337m', 'overspend of £0.373m']],
  ['A52', 'a decrease of £0.102m', ['a decrease of £0.201m', 'an increase of £0.102m']],
  ['A59', '£8.380m', ['£8.5m', '£8.2m']],
];
const withComments = (blank?: number) => () => {
  let wb = withValue(seed000Table1Values(), M7, 'L3', 'Comments');
  for (const l of lines) if (l.row !== blank) wb = withValue(wb, M7, `L${l.row}`, `${l.cells[0]} explained`);
  return wb;
};
const withExplanationSheet = (left?: number) => (): Workbook => {
  const wb = seed000Table1Values();
  const listed = lines.filter((l) => l.row !== left).map((l) => [{ value: l.cells[0]! }, { value: 'Explained' }]);
  return { sheets: [...wb.sheets, { name: 'Variance explanations', rows: [[{ value: 'Line' }, { value: 'Explanation' }], ...listed] }] };
};
/** Lines of seed 000 that need an explanation under the default policy: Red, or at least £0.1m either way. */
const needing = lines.filter((l) => l.cells[7] === 'Red' || Math.abs(Number(l.cells[5]!.replace(/[()]/g, ''))) >= 0.1);

const mutations: Mutation[] = [
  // total-sum: a changed figure in a typed total.
  ...totalRows.flatMap((row) => FIGURES.map((c) => ({ rule: 'total-sum', name: 'changed total', sheet: M7, cell: `${c}${row}`, workbook: bump(seed000Table1Values, M7, `${c}${row}`, 0.25) }))),
  ...'DEFG'.split('').map((c) => ({ rule: 'total-sum', name: 'changed tracker total', sheet: 'MTFP Tracker', cell: `${c}19`, workbook: () => withValue(seed001MtfpTracker(), 'MTFP Tracker', `${c}19`, 1234) })),
  // total-formula: a total formula overwritten by its value.
  ...totalRows.flatMap((row) => FIGURES.map((c) => ({
    rule: 'total-formula', name: 'typed over a formula', sheet: M7, cell: `${c}${row}`,
    workbook: () => { const wb = seed000Table1Formulas(); return withValue(wb, M7, `${c}${row}`, num(wb, M7, `${c}${row}`)); },
  }))),
  // sum-range: shortened SUMs, and a sub total's line double counted in the grand total.
  ...subtotals.filter((s) => s.last > s.first).flatMap((s) => FIGURES.map((c) => ({
    rule: 'sum-range', name: 'shortened SUM', sheet: M7, cell: `${c}${s.row}`,
    workbook: () => recalculate(withFormula(seed000Table1Formulas(), M7, `${c}${s.row}`, `=SUM(${c}${s.first}:${c}${s.last - 1})`)),
  }))),
  ...FIGURES.map((c) => ({
    rule: 'sum-range', name: 'double-counted line', sheet: M7, cell: `${c}${TOTAL_ROW}`,
    workbook: () => recalculate(withFormula(seed000Table1Formulas(), M7, `${c}${TOTAL_ROW}`, `=SUM(${subtotals.map((s) => `${c}${s.row}`).join(',')},${c}${subtotals[0]!.first})`)),
  })),
  ...FIGURES.map((c) => ({
    rule: 'sum-range', name: 'sub total summing the sub total above it', sheet: M7, cell: `${c}${subtotals[1]!.row}`,
    workbook: () => recalculate(withFormula(seed000Table1Formulas(), M7, `${c}${subtotals[1]!.row}`, `=SUM(${c}${subtotals[0]!.row}:${c}${subtotals[1]!.last})`)),
  })),
  // net-budget and variance: a changed figure in a line (derived cell, or an input whose column total then breaks).
  ...lines.flatMap((l) => [
    { rule: 'net-budget', name: 'changed net budget', sheet: M7, cell: `D${l.row}`, workbook: bump(seed000Table1Values, M7, `D${l.row}`, 0.1) },
    { rule: 'net-budget', name: 'changed expenditure', sheet: M7, cell: `B${l.row}`, workbook: bump(seed000Table1Values, M7, `B${l.row}`, 0.1) },
    { rule: 'variance', name: 'changed variance', sheet: M7, cell: `F${l.row}`, workbook: bump(seed000Table1Values, M7, `F${l.row}`, -0.1) },
    { rule: 'variance', name: 'changed forecast', sheet: M7, cell: `E${l.row}`, workbook: bump(seed000Table1Values, M7, `E${l.row}`, 0.1) },
  ]),
  // variance-label: a flipped label; rag-policy: a wrong RAG word.
  ...lines.map((l) => ({ rule: 'variance-label', name: 'flipped label', sheet: M7, cell: `G${l.row}`, workbook: () => withValue(seed000Table1Values(), M7, `G${l.row}`, FLIP[l.cells[6]!]!) })),
  ...lines.map((l) => ({ rule: 'rag-policy', name: 'wrong RAG word', sheet: M7, cell: `H${l.row}`, workbook: () => withValue(seed000Table1Formulas(), M7, `H${l.row}`, OTHER_RAG[l.cells[7]!]!) })),
  ...totalRows.map((row) => ({ rule: 'rag-policy', name: 'RAG word outside the vocabulary', sheet: M7, cell: `H${row}`, workbook: () => withValue(seed000Table1Values(), M7, `H${row}`, 'Blue') })),
  // pressure-split: a changed pressure on an overspend, a pressure on an underspend.
  ...overspending.map((l) => {
    const col = l.cells[8] !== '-' ? 'I' : 'J';
    return { rule: 'pressure-split', name: 'changed pressure', sheet: M7, cell: `${col}${l.row}`, workbook: bump(seed000Table1Values, M7, `${col}${l.row}`, 0.05) };
  }),
  ...underspending.map((l) => ({ rule: 'pressure-split', name: 'pressure on an underspend', sheet: M7, cell: `J${l.row}`, workbook: () => withValue(seed000Table1Values(), M7, `J${l.row}`, 0.05) })),
  // movement: a typed movement that is not the change since Month 6; a tracker movement.
  ...lines.map((l) => ({ rule: 'movement', name: 'wrong movement', sheet: M7, cell: `K${l.row}`, workbook: () => withValue(seed000MonthsWorkbook(), M7, `K${l.row}`, 0.999) })),
  ...[8, 12, 13, 14].map((r) => ({ rule: 'movement', name: 'wrong tracker movement', sheet: 'Mitigations', cell: `D${r}`, workbook: () => withValue(seed000Mitigations(), 'Mitigations', `D${r}`, 0.5) })),
  // savings-tracker: a changed target or status figure on each row.
  ...Array.from({ length: 15 }, (_, i) => i + 4).flatMap((r) => [
    { rule: 'savings-tracker', name: 'changed target', sheet: 'MTFP Tracker', cell: `C${r}`, workbook: bump(seed001MtfpTracker, 'MTFP Tracker', `C${r}`, 1000) },
    { rule: 'savings-tracker', name: 'changed status', sheet: 'MTFP Tracker', cell: `G${r}`, workbook: bump(seed001MtfpTracker, 'MTFP Tracker', `G${r}`, 1000) },
  ]),
  // mitigation-tracker: changed amounts on the actions, typed totals.
  ...[9, 12, 13, 14].flatMap((r) => 'CEF'.split('').map((c) => ({ rule: 'mitigation-tracker', name: 'changed action amount', sheet: 'Mitigations', cell: `${c}${r}`, workbook: bump(seed000Mitigations, 'Mitigations', `${c}${r}`, -0.05) }))),
  ...'BCDEF'.split('').map((c) => ({ rule: 'mitigation-tracker', name: 'typed Total Mitigations', sheet: 'Mitigations', cell: `${c}15`, workbook: () => withValue(seed000Mitigations(), 'Mitigations', `${c}15`, -1) })),
  ...'BCD'.split('').map((c) => ({ rule: 'mitigation-tracker', name: 'typed Still to be Mitigated', sheet: 'Mitigations', cell: `${c}16`, workbook: () => withValue(seed000Mitigations(), 'Mitigations', `${c}16`, 1) })),
  // error-value, number-as-text, unreadable-figure, missing-figure.
  ...lines.map((l, i) => ({ rule: 'error-value', name: 'error value', sheet: M7, cell: `${FIGURES[i % 8]}${l.row}`, workbook: () => withValue(seed000Table1Formulas(), M7, `${FIGURES[i % 8]}${l.row}`, { error: ['#REF!', '#DIV/0!', '#N/A', '#VALUE!'][i % 4]! }) })),
  ...lines.map((l, i) => {
    const cell = `${FIGURES[i % 5]}${l.row}`;
    return { rule: 'number-as-text', name: 'number turned into text', sheet: M7, cell, workbook: () => { const wb = seed000Table1Values(); return withValue(wb, M7, cell, String(num(wb, M7, cell))); } };
  }),
  ...lines.map((l) => ({ rule: 'unreadable-figure', name: 'damaged cell', sheet: M7, cell: `E${l.row}`, workbook: () => withValue(seed000Table1Values(), M7, `E${l.row}`, `\`${l.cells[4]}`) })),
  ...lines.map((l) => ({ rule: 'missing-figure', name: 'blank figure', sheet: M7, cell: `E${l.row}`, workbook: () => withCell(seed000Table1Values(), M7, `E${l.row}`, null) })),
  // mixed-units: one column's header restated in another unit.
  ...FIGURES.map((c) => ({ rule: 'mixed-units', name: 'column in £000', sheet: M7, cell: `${c}3`, workbook: () => withValue(seed000Table1Values(), M7, `${c}3`, `${String(cellOf(seed000Table1Values(), M7, `${c}3`).value).replace('£m', "£'000")}`) })),
  ...FIGURES.map((c) => ({ rule: 'mixed-units', name: 'column in £000 (formulas)', sheet: M7, cell: `${c}3`, workbook: () => withValue(seed000Table1Formulas(), M7, `${c}3`, `${String(cellOf(seed000Table1Formulas(), M7, `${c}3`).value).replace('£m', '£k')}`) })),
  ...'BCDEF'.split('').map((c) => ({ rule: 'mixed-units', name: 'tracker column in £000', sheet: 'Mitigations', cell: `${c}7`, workbook: () => withValue(seed000Mitigations(), 'Mitigations', `${c}7`, `${String(cellOf(seed000Mitigations(), 'Mitigations', `${c}7`).value).replace('£m', '£000')}`) })),
  ...'BCD'.split('').map((c) => ({ rule: 'mixed-units', name: 'year column in £m', sheet: 'Table 5', cell: `${c}4`, workbook: () => withValue(seed004Table5(), 'Table 5', `${c}4`, '£m') })),
  // carry-forward: a year's b/f typed over its link to the year before's c/f, by various amounts.
  ...['C3', 'D3'].flatMap((cell) => [2, -2, 10, -10, 100, -100, 2500, -2500, 40000, -40000].map((delta) => ({
    rule: 'carry-forward', name: `b/f off by ${delta}`, sheet: 'Budget Build', cell, workbook: bump(unseenBudgetBuild, 'Budget Build', cell, delta),
  }))),
  // narrative-figures: a quoted figure, an overspend/underspend or increase/decrease word, or a period changed in seed 000's words and seed 003's paper.
  ...NARRATIVE_FAULTS.flatMap(([cell, from, tos]) => tos.map((to) => ({ rule: 'narrative-figures', name: `"${from}" → "${to}"`, sheet: M7, cell, workbook: reworded(cell, from, to) }))),
  ...([['£9.6m', '£9.9m', 3], ['£9.6m', '£6.9m', 3], ['overspend of £4.3 million', 'overspend of £4.6 million', 7], ['an overspend of £4.3 million', 'an underspend of £4.3 million', 7]] as const).map(([from, to, i]) => ({
    rule: 'narrative-figures', name: `seed 003 "${from}" → "${to}"`, sheet: 'Commentary', cell: `A${i + 1}`,
    workbook: () => seed003Workbook(SEED003_COMMENTARY.map((t, j) => (j === i ? t.replace(from, to) : t))),
  })),
  // variance-explained: a needed explanation left blank in the comments column, or left off the explanation sheet.
  ...needing.map((l) => ({ rule: 'variance-explained', name: 'blank comment', sheet: M7, cell: `F${l.row}`, workbook: withComments(l.row) })),
  ...needing.map((l) => ({ rule: 'variance-explained', name: 'line left off the explanation sheet', sheet: M7, cell: `F${l.row}`, workbook: withExplanationSheet(l.row) })),
];

describe('mutation tests', () => {
  it('seed at least 20 faults for every rule', () => {
    for (const rule of RULES) expect({ rule: rule.meta.id, count: mutations.filter((m) => m.rule === rule.meta.id).length }).toEqual({ rule: rule.meta.id, count: expect.any(Number) });
    const short = RULES.map((r) => r.meta.id).filter((id) => mutations.filter((m) => m.rule === id).length < 20);
    expect(short).toEqual([]);
  });

  it.each(mutations.map((m) => [`${m.rule}: ${m.name} at ${m.sheet}!${m.cell}`, m] as const))('%s is reported at the faulted cell', (_, m) => {
    const { findings } = validateWorkbook(m.workbook());
    const here = findings.filter((f) => f.rule === m.rule && f.sheet === m.sheet && f.cell === m.cell);
    expect({ reported: here.length > 0, found: findings.filter((f) => f.rule === m.rule).map((f) => `${f.sheet}!${f.cell}`) }).toEqual({ reported: true, found: expect.any(Array) });
    expect(here.every((f) => f.severity !== 'info')).toBe(true);
  });
});

// Keep the helper honest: a column beyond Z is still lettered right in faults.
test('column letters used by the faults', () => expect(columnLetters(10)).toBe('K'));
