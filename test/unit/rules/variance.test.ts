import { recalculate } from '../../../src/host/calc/recalculate';
import { varianceRule } from '../../../src/engine/rules';
import { seed000Table1Formulas, seed000Table1Values } from '../../fixtures/grids';
import { ruleTester, withValue } from '../../support/rule-tester';
import { favourableVarianceTable, positiveIncomeTable } from './small-tables';

const M7 = 'Month 7';

ruleTester(varianceRule, {
  valid: [
    { name: 'seed 000 Table 1 typed as published', workbook: seed000Table1Values() },
    { name: 'seed 000 Table 1 with formulas', workbook: seed000Table1Formulas() },
    { name: 'positive-income table', workbook: positiveIncomeTable() },
    { name: 'favourable variances positive, with variance %', workbook: favourableVarianceTable() },
  ],
  invalid: [
    {
      name: 'a typed variance that is wrong',
      workbook: withValue(seed000Table1Values(), M7, 'F5', -0.157),
      errors: [{ cell: 'F5', messageId: 'overspendPositive', message: 'Variance F5 for Prevention Services is (0.157) but forecast 6.124 less budget 6.181 is (0.057) (£m)', expected: -0.057 }],
    },
    {
      name: 'a changed forecast is the root: its column total breaks too',
      workbook: withValue(seed000Table1Values(), M7, 'E7', 60.717),
      errors: [{ cell: 'E7', messageId: 'root', message: /^E7 looks wrong/ }],
    },
    {
      name: 'an income line (negative net budget)',
      workbook: withValue(seed000Table1Values(), M7, 'F30', -0.097),
      errors: [{ cell: 'F30', messageId: 'overspendPositive', message: /forecast \(0\.013\) less budget \(0\.110\) is 0\.097/ }],
    },
    {
      name: 'favourable-positive convention: a variance with the wrong sign',
      workbook: recalculate(withValue(favourableVarianceTable(), 'Housing', 'D3', 300)),
      errors: [
        { cell: 'D3', messageId: 'underspendPositive', message: /^Variance D3 for Homelessness is 300 but budget 2,000 less forecast 2,300 is \(300\)/ },
        { cell: 'D8', messageId: 'underspendPositive', expected: -580 },
      ],
    },
    {
      name: 'a variance % that is not variance over budget',
      workbook: withValue(favourableVarianceTable(), 'Housing', 'E4', 0.2),
      errors: [{ cell: 'E4', messageId: 'percent', message: 'Variance % E4 for Housing advice is 20.0% but variance 100 over budget 1,000 is 10.0%' }],
    },
    {
      name: 'a variance % within rounding of what it shows is info',
      workbook: withValue(favourableVarianceTable(), 'Housing', 'E4', 0.1004),
      errors: [{ cell: 'E4', messageId: 'percentRounding', severity: 'info' }],
    },
  ],
});
