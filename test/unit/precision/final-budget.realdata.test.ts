/**
 * ExceLint's FinalBudget (a telescope's power, MFLOPS, mass and cost budgets): "Total
 * Remaining" (=C17-C12) is a calculation, not a total, and a "Method" column of words
 * with a few "?" is text, not figures. Nothing in it is wrong.
 */
import { type Checked, checkRealFile, rowAt } from './realdata';

let checked: Checked;
beforeAll(async () => {
  checked = await checkRealFile('excelint_FinalBudget.xlsx');
}, 120_000);

describe('FinalBudget precision', () => {
  it('reads "Total Remaining" =C17-C12 as a calculated line, and "Total" =SUM(C5:C11) as the total', () => {
    expect(rowAt(checked.tables, 'System Budget', 18)?.kind).toBe('line');
    expect(rowAt(checked.tables, 'System Budget', 12)?.covers?.map((r) => r + 1)).toEqual([5, 6, 7, 8, 9, 10, 11]);
  });

  it('reads the Method column ("Database", "?") as text', () => {
    const t = checked.tables.find((x) => x.sheet === 'Mass(kg)' && x.range.startsWith('B5:'))!;
    expect(t.columns.find((c) => c.letter === 'D')?.role).toBe('otherText');
  });

  it('gives no finding at all', () => {
    expect(checked.findings.map((f) => `${f.sheet}!${f.cell} ${f.rule}`)).toEqual([]);
  });
});
