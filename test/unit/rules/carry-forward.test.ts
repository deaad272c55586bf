/** carry-forward: each year's base budget b/f equals the year before's base c/f. Small inline budget builds. */
import { sheetFromValues } from '../../../src/engine/grid';
import { carryForwardRule } from '../../../src/engine/rules/carry-forward';
import { ruleTester } from '../../support/rule-tester';

const f = (formula: string, value: number) => ({ formula, value });

/** A three-year build (£000): b/f + pressures − savings = c/f, and each year's b/f links to the year before's c/f. */
function build(bf2026: number | { formula: string; value: number } = f('=B7', 1050), bf2027: number | { formula: string; value: number } = f('=C7', 1110)) {
  return {
    sheets: [sheetFromValues('Budget Build', [
      ['Children’s Services budget build (£000)'],
      ['', '2025/26', '2026/27', '2027/28'],
      ['Base budget b/f', 1000, bf2026, bf2027],
      ['Pressures', 80, 90, 100],
      ['Savings', -30, -30, -40],
      ['Virements', 0, 0, 0],
      ['Base budget c/f', f('=SUM(B3:B6)', 1050), f('=SUM(C3:C6)', 1110), f('=SUM(D3:D6)', 1170)],
    ])],
  };
}

ruleTester(carryForwardRule, {
  valid: [
    { name: 'each b/f links to the year before’s c/f', workbook: build() },
    { name: 'typed b/f figures that equal the year before’s c/f', workbook: build(1050, 1110) },
  ],
  invalid: [
    {
      // 2026/27 starts from 1,060 where 2025/26 ended at 1,050: a £10k gap nobody can explain.
      name: 'a b/f typed over its link, £10k more than the year before carried forward',
      workbook: build(1060),
      errors: [{ cell: 'C3', messageId: 'bf', expected: 1050, message: 'C3 ("Base budget b/f") is 1,060 but the base carried forward from the year before (B7) is 1,050 (£000)' }],
    },
    {
      name: 'the third year starts from the first year’s close, not the second’s',
      workbook: build(f('=B7', 1050), f('=B7', 1050)),
      errors: [{ cell: 'D3', messageId: 'bf', expected: 1110 }],
    },
  ],
});
