/**
 * net-budget: net = expenditure + income (income stored negative, as seed 000), or
 * expenditure − income where income is stored positive. Cases on the small table of month7.ts.
 */
import { recalculate } from '../../../src/host/calc/recalculate';
import { netBudgetRule } from '../../../src/engine/rules';
import { seed000Table1Formulas, seed000Table1Values } from '../../fixtures/grids';
import { ruleTester, withValue } from '../../support/rule-tester';
import { month7 } from './month7';
import { positiveIncomeTable } from './small-tables';

ruleTester(netBudgetRule, {
  valid: [
    { name: 'income negative: every net is expenditure plus income', workbook: month7() },
    { name: 'a net budget written as its formula', workbook: month7({ D2: { value: 6.181, formula: '=B2+C2' } }) },
    { name: 'seed 000 Table 1 typed as published (income negative)', workbook: seed000Table1Values() },
    { name: 'seed 000 Table 1 with formulas', workbook: seed000Table1Formulas() },
    { name: 'income stored positive: net = gross − income', workbook: positiveIncomeTable() },
  ],
  invalid: [
    {
      // 7.404 + (1.223) = 6.181: the typed 6.281 is 0.100 out, and nothing else on the row is.
      name: 'a typed net budget that is wrong',
      workbook: month7({ D2: 6.281 }),
      errors: [{ cell: 'D2', messageId: 'plus', message: 'Net budget D2 for Prevention Services is 6.281 but expenditure 7.404 plus income (1.223) is 6.181 (£m)', expected: 6.181, shown: { expected: '6.181', actual: '6.281' }, output: null }],
    },
    {
      // The sub total still says 19.404 for expenditure, so B2's 7.504 breaks its column as well
      // as its row: B2 is the root, and D2 (which agrees with the rest of its column) is not reported.
      name: 'a changed expenditure figure is the root: its column total breaks too',
      workbook: month7({ B2: 7.504 }),
      errors: [{ cell: 'B2', messageId: 'root', message: 'B2 looks wrong: its column total does not add up either. Net budget D2 for Prevention Services is 6.181 but expenditure 7.504 plus income (1.223) is 6.281 (£m)', expected: 6.281, output: null }],
    },
    {
      // Recalculated, the sub total SUMs the wrong 9.600, so its own net no longer follows its
      // expenditure and income either: 19.404 + (1.723) = 17.681, not 17.781.
      name: 'a net budget formula overwritten by a number, totals recalculated',
      workbook: recalculate(month7({ D3: 9.6 })),
      errors: [
        { cell: 'D3', messageId: 'plus', message: 'Net budget D3 for Fostering is 9.600 but expenditure 10.000 plus income (0.500) is 9.500 (£m)', expected: 9.5, output: null },
        { cell: 'D5', messageId: 'plus', expected: 17.681, output: null },
      ],
    },
    {
      name: 'a sub total whose net does not follow its expenditure and income',
      workbook: month7({ D5: { value: 17.781, formula: '=SUM(D2:D4)' } }),
      errors: [{ cell: 'D5', messageId: 'plus', message: 'Net budget D5 for Children & Families sub total is 17.781 but expenditure 19.404 plus income (1.723) is 17.681 (£m)', expected: 17.681, output: null }],
    },
    {
      name: 'income stored positive: a net budget that adds the income instead of taking it off',
      workbook: recalculate(withValue(positiveIncomeTable(), 'Adults', 'D3', 6200)),
      errors: [
        { cell: 'D3', messageId: 'minus', message: /^Net budget D3 for Care homes is 6,200 but expenditure 5,000 less income 1,200 is 3,800/, output: null },
        { cell: 'D6', messageId: 'minus', expected: 7000, output: null },
      ],
    },
  ],
});
