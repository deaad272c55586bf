import { pressureSplitRule } from '../../../src/engine/rules';
import { seed000Table1Formulas, seed000Table1Values } from '../../fixtures/grids';
import { ruleTester, withValue } from '../../support/rule-tester';
import { m, monitoringWithWords } from './small-tables';

// ---------------------------------------------------------------------------------------
// Small tables whose figures show why each expected pressure is expected.

const table = monitoringWithWords;

ruleTester(pressureSplitRule, {
  valid: [{ name: 'small table: ongoing + one-off = each overspend, nil on underspends', workbook: table() }],
  invalid: [
    {
      // Fostering overspends 0.300; ongoing 0.200 + one-off nil = 0.200.
      name: 'small table: pressures short of the overspend',
      workbook: table({ G3: m(0.2) }),
      errors: [{ cell: 'G3', messageId: 'split', severity: 'error', message: 'Pressures for Fostering add up to 0.200 (ongoing 0.200, one-off 0.000) but its overspend in D3 is 0.300 (£m)', expected: 0.3, shown: { expected: '0.300', actual: '0.200' }, output: null }],
    },
    {
      // An overspend of 0.050 on the income line with both pressures cleared: 0 + 0 ≠ 0.050.
      name: 'small table: an overspending line with no pressure',
      workbook: table({ G7: m(0) }),
      errors: [{ cell: 'G7', messageId: 'split', message: 'Pressures for Traded Services add up to 0.000 (ongoing 0.000, one-off 0.000) but its overspend in D7 is 0.050 (£m)', expected: 0.05, output: null }],
    },
    {
      // Leaving Care underspends by 0.100: no pressure to split.
      name: 'small table: a pressure on an underspending line',
      workbook: table({ G5: m(0.05) }),
      errors: [{ cell: 'G5', messageId: 'notOverspent', message: 'G5 shows a pressure of 0.050 but Leaving Care is not overspending (variance (0.100)): pressures should be nil (£m)', expected: 0, output: null }],
    },
    {
      // 0.0204 against the 0.020 overspend: under half the last shown decimal, both show 0.020.
      name: 'small table: a split off by less than half a shown decimal is rounding',
      workbook: table({ H4: m(0.0204) }),
      errors: [{ cell: 'H4', messageId: 'splitRounding', severity: 'info', message: 'Pressures for Adoption add up to 0.020 and its overspend is 0.020 (£m): a rounding difference, not an error', expected: 0.02, output: null }],
    },
  ],
});

// ---------------------------------------------------------------------------------------
// Seed 000 and the other published tables, each with one changed cell.

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
