/**
 * ExceLint's fin_accounts (three airports' statements of financial performance, $000):
 * calculated lines (plugs, differences, profit lines) are not totals, and the errors that
 * remain are SUMs that really leave out a line of their section.
 */
import { type Checked, cellsOf, checkRealFile, letters, rowAt } from './realdata';

let checked: Checked;
beforeAll(async () => {
  checked = await checkRealFile('excelint_fin_accounts.xlsx');
}, 120_000);

const shape = (sheet: string, excelRow: number): string => {
  const r = rowAt(checked.tables, sheet, excelRow);
  if (!r) return 'none';
  return r.covers ? `${r.kind}{${r.covers.map((x) => x + 1).join(',')}}${r.coverBasis}` : r.kind;
};

describe('fin_accounts AIAL: calculated lines are not totals', () => {
  it('reads the plug "Utilities and General" (=94361-B26-…) as a line, and TOTAL EXPENSES as the total of rows 21–28', () => {
    expect(shape('AIAL', 25)).toBe('line');
    expect(shape('AIAL', 29)).toBe('subtotal{21,22,23,24,25,26,27,28}section');
  });

  it('reads differences (=B17-B29, =B31-B33+B34, =B35-B36) as lines, and a + of two rows as covering just those two', () => {
    expect([shape('AIAL', 31), shape('AIAL', 35), shape('AIAL', 37)]).toEqual(['line', 'line', 'line']);
    expect(shape('AIAL', 39)).toBe('total{37,38}formula');
    expect(shape('AIAL', 17)).toBe('total{13,15}subtotals');
  });

  it('a second grand total (TOTAL ASSETS) does not take in the first (TOTAL EQUITY AND LIABILITIES)', () => {
    expect(shape('AIAL', 101)).toBe('total{86,97,99}subtotals');
  });

  it('gives no sum-range or total-sum error on rows 25, 29, 31, 35, 39 or 101 in any column', () => {
    const flagged = checked.findings.filter((f) => f.sheet === 'AIAL' && f.severity === 'error' && /^[A-M](25|29|31|35|39|101)$/.test(f.cell));
    expect(flagged).toEqual([]);
  });
});

describe('fin_accounts: the errors that remain are real', () => {
  it('are exactly the SUMs that leave out a line of their section', () => {
    const expected = [
      // Total Current Liabilities =SUM(D66:D73) skips Bank Overdraft (row 65), as B and C do not.
      ...letters('D', 'M').map((c) => `AIAL!${c}74 sum-range`),
      // Total Non-Current Assets =SUM(D80:D83) skips Infrastructure and Investment Properties.
      ...letters('D', 'M').map((c) => `AIAL!${c}86 sum-range`),
      // EQUITY AT THE END OF THE YEAR =SUM(B44:B47) skips Prior Period Adjustment (row 48), which I49 adds (H49 is typed).
      ...letters('B', 'M').filter((c) => c !== 'H' && c !== 'I').map((c) => `AIAL!${c}49 sum-range`),
      // Total Current Assets =SUM(B90:B95) skips Taxation Receivable (row 96) in every year but E.
      ...letters('B', 'M').filter((c) => c !== 'E').map((c) => `AIAL!${c}97 sum-range`),
      // Total Current Liabilities =SUM(G68:G75) skips Bank Overdraft/Advance (row 67).
      ...letters('G', 'K').map((c) => `WIAL!${c}76 sum-range`),
      // OPERATING REVENUE =SUM(B6:B12) skips Realised Gain on Sale (row 13); H14 alone includes it.
      ...letters('B', 'M').filter((c) => c !== 'H').map((c) => `CIAL!${c}14 sum-range`),
    ].sort();
    expect(cellsOf(checked.findings, 'error')).toEqual(expected);
  });

  it('a typed total one unit off its typed lines is a rounding note: TOTAL REVENUE 106,616 over 105,568 + 1,047 as shown', () => {
    const h17 = checked.findings.filter((f) => f.sheet === 'AIAL' && f.cell === 'H17' && f.rule === 'total-sum');
    expect(h17.map((f) => [f.severity, f.actual, f.expected])).toEqual([['info', 106616, 106615]]);
  });
});
