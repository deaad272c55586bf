import { pressureSplitRule } from '../../../src/engine/rules';
import { seed000Table1Formulas, seed000Table1Values } from '../../fixtures/grids';
import { ruleTester, withValue } from '../../support/rule-tester';

const M7 = 'Month 7';
const values = seed000Table1Values;

ruleTester(pressureSplitRule, {
  valid: [
    { name: 'seed 000 Table 1 typed as published', workbook: values() },
    { name: 'seed 000 with formulas', workbook: seed000Table1Formulas() },
  ],
  invalid: [
    {
      name: 'a one-off pressure short of the overspend',
      workbook: withValue(values(), M7, 'J13', 0.1),
      errors: [{ cell: 'J13', messageId: 'split', message: 'Pressures for CLA West add up to 0.100 (ongoing 0.000, one-off 0.100) but its overspend in F13 is 0.168 (£m)' }],
    },
    {
      name: 'an ongoing pressure on an underspending line',
      workbook: withValue(values(), M7, 'I5', 0.05),
      errors: [{ cell: 'I5', messageId: 'notOverspent', message: 'I5 shows a pressure of 0.050 but Prevention Services is not overspending (variance (0.057)): pressures should be nil (£m)' }],
    },
    {
      name: 'a changed ongoing pressure',
      workbook: withValue(values(), M7, 'I7', 14.601),
      errors: [{ cell: 'I7', messageId: 'split', expected: 14.701 }],
    },
    {
      name: 'a pressure cleared on an overspending line: the column total shows which',
      workbook: withValue(values(), M7, 'J14', 0),
      errors: [{ cell: 'J14', messageId: 'split', expected: 0.029 }],
    },
  ],
});
