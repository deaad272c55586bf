/** number-as-text: a figure stored as text, which Excel's SUM skips (on the small table of month7.ts). */
import { sheetFromValues } from '../../../src/engine/grid';
import { numberAsTextRule } from '../../../src/engine/rules';
import { ruleTester } from '../../support/rule-tester';
import { month7 } from './month7';

/** A savings tracker in whole pounds (seed 001's layout): target = over-achieved + achieved + on track + at risk. */
const tracker = (achieved: number | string) => ({
  sheets: [sheetFromValues('MTFP Tracker', [
    ['Ref', 'Saving', '£ target', 'Over-achieved', 'Achieved', 'On Track', 'At Risk'],
    ['CFE016', 'Placements review', 3385800, 0, 0, 1482000, 1903800],
    ['CFE017', 'Transport', 149000, 0, achieved, 0, 0],
    ['TOTALS', '', { value: 3534800, formula: '=SUM(C2:C3)' }, { value: 0, formula: '=SUM(D2:D3)' }, { value: 149000, formula: '=SUM(E2:E3)' }, { value: 1482000, formula: '=SUM(F2:F3)' }, { value: 1903800, formula: '=SUM(G2:G3)' }],
  ])],
});

ruleTester(numberAsTextRule, {
  valid: [
    { name: 'every figure a number', workbook: month7() },
    { name: 'a tracker in whole pounds', workbook: tracker(149000) },
  ],
  invalid: [
    {
      name: 'a figure stored as text',
      workbook: month7({ B2: '7.404' }),
      errors: [{ cell: 'B2', messageId: 'text', expected: 7.404, shown: { expected: '7.404', actual: '7.404' }, message: 'B2 holds "7.404" as text, so totals skip it: store it as the number 7.404 (£m)', output: [{ kind: 'setValues', sheet: 'Month 7', range: 'B2', values: [[7.404]] }] }],
    },
    {
      // "(1.223)" is how the table shows an income of −1.223: the number it means is negative.
      name: 'a negative in parentheses stored as text',
      workbook: month7({ C2: '(1.223)' }),
      errors: [{ cell: 'C2', messageId: 'text', expected: -1.223, output: [{ kind: 'setValues', sheet: 'Month 7', range: 'C2', values: [[-1.223]] }] }],
    },
    {
      name: 'thousands with commas stored as text',
      workbook: tracker('149,000'),
      errors: [{ cell: 'E3', messageId: 'text', expected: 149000, output: [{ kind: 'setValues', sheet: 'MTFP Tracker', range: 'E3', values: [[149000]] }] }],
    },
  ],
});
