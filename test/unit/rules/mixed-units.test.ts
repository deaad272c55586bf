/** mixed-units: one unit per table. */
import type { Workbook } from '../../../src/engine/grid';
import { mixedUnitsRule } from '../../../src/engine/rules';
import { FMT_THOUSANDS as K, num, sheet } from '../../fixtures/grids';
import { ruleTester } from '../../support/rule-tester';
import { month7 } from './month7';

/** A £000 table with one column stated in £m. Excel rows: 1 title, 2 header, 3-4 lines, 5 total. */
function mixedUnitTable(): Workbook {
  return {
    sheets: [
      sheet('Mixed', [
        ['Place directorate monitoring'],
        ['Service', "Budget £'000", "Forecast £'000", 'Variance £m'],
        ['Highways', num(4000, K), num(4100, K), num(0.1, '#,##0.000')],
        ['Waste', num(6000, K), num(5900, K), num(-0.1, '#,##0.000')],
        ['Total Place', num(10000, K), num(10000, K), num(0, '#,##0.000')],
      ]),
    ],
  };
}

ruleTester(mixedUnitsRule, {
  valid: [{ name: 'every column in £m', workbook: month7() }],
  invalid: [
    {
      name: 'a £m column in a £000 table',
      workbook: mixedUnitTable(),
      errors: [{ cell: 'D2', messageId: 'header', message: 'Column D ("Variance £m") is in £m but the table is in £000: one unit per table', shown: { expected: '£000', actual: '£m' } }],
    },
  ],
});
