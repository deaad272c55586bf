import { recalculate } from '../../../src/host/calc/recalculate';
import { netBudgetRule } from '../../../src/engine/rules';
import { seed000Table1Formulas, seed000Table1Values } from '../../fixtures/grids';
import { ruleTester, withValue } from '../../support/rule-tester';
import { positiveIncomeTable } from './small-tables';

const M7 = 'Month 7';

ruleTester(netBudgetRule, {
  valid: [
    { name: 'seed 000 Table 1 typed as published (income negative)', workbook: seed000Table1Values() },
    { name: 'seed 000 Table 1 with formulas', workbook: seed000Table1Formulas() },
    { name: 'income stored positive: net = gross − income', workbook: positiveIncomeTable() },
  ],
  invalid: [
    {
      name: 'a typed net budget that is wrong (its column total still adds the stated figures)',
      workbook: withValue(seed000Table1Values(), M7, 'D5', 6.281),
      errors: [{ cell: 'D5', messageId: 'plus', message: 'Net budget D5 for Prevention Services is 6.281 but expenditure 7.404 plus income (1.223) is 6.181 (£m)', expected: 6.181 }],
    },
    {
      name: 'a changed expenditure figure is the root: its column total breaks too',
      workbook: withValue(seed000Table1Values(), M7, 'B5', 7.504),
      errors: [{ cell: 'B5', messageId: 'root', message: /^B5 looks wrong: its column total does not add up either\. Net budget D5 for Prevention Services is 6\.181 but expenditure 7\.504 plus income \(1\.223\) is 6\.281/ }],
    },
    {
      name: 'a net budget formula overwritten by a number, totals recalculated',
      workbook: recalculate(withValue(seed000Table1Formulas(), M7, 'D7', 46.916)),
      // The sub total and total SUM the wrong net, so their own net = expenditure + income breaks too.
      errors: [{ cell: 'D7', messageId: 'plus', expected: 45.916 }, { cell: 'D16', messageId: 'plus', expected: 98.506 }, { cell: 'D37', messageId: 'plus', expected: 142.827 }],
    },
    {
      name: 'a sub total whose net does not follow its expenditure and income',
      workbook: withValue(seed000Table1Values(), M7, 'D16', 98.606),
      errors: [{ cell: 'D16', messageId: 'plus', message: /^Net budget D16 for sub total is 98\.606 but expenditure 115\.076 plus income \(16\.570\) is 98\.506/ }],
    },
    {
      name: 'income stored positive: a net budget that adds the income instead of taking it off',
      workbook: recalculate(withValue(positiveIncomeTable(), 'Adults', 'D3', 6200)),
      errors: [
        { cell: 'D3', messageId: 'minus', message: /^Net budget D3 for Care homes is 6,200 but expenditure 5,000 less income 1,200 is 3,800/ },
        { cell: 'D6', messageId: 'minus', expected: 7000 },
      ],
    },
  ],
});
