/** Which formulas make a row a total: only those that add cells up. */
import { isAdditive } from '../../../src/engine/domain/formula-references';

describe('isAdditive', () => {
  it.each([
    '=SUM(B5:B9)',
    '=B5+B6+B9',
    '=+B13+B15',
    '=SUM(B4,B12,B23)',
    '=SUBTOTAL(9,B5:B9)',
    '=SUM($B$5:$B$9)+B12',
    "=SUM('Month 6'!B5:B9)",
  ])('%s adds cells up', (formula) => {
    expect(isAdditive(formula)).toBe(true);
  });

  it.each([
    '=B17-B29', // Net Profit: a difference
    '=94361-B26-B27-B28', // a plug line
    '=0.15*B6', // a share
    '=+B31-B33+B34',
    '=B5/B6',
    '=SUM(B5:B9)-B7',
    '=SUM(B5:B9)+100', // a constant added
    '=AVERAGE(B5:B9)',
    '=VLOOKUP($C$12,RS_data,I17,FALSE)',
  ])('%s does not', (formula) => {
    expect(isAdditive(formula)).toBe(false);
  });
});
