import type { Workbook } from '../../../src/engine/grid';
import { movementRule } from '../../../src/engine/rules';
import { seed000Mitigations, seed000MonthsWorkbook, seed000Table1Values } from '../../fixtures/grids';
import { ruleTester, withValue } from '../../support/rule-tester';
import { grid, m, smallTracker } from './small-tables';

// ---------------------------------------------------------------------------------------
// Small tables whose figures show why each expected movement is expected.

/** Month 6: variances 0.200, (0.100), nil; sub total 0.100. Rows: 1 title, 2 header, 3-5 lines, 6 sub total. */
const month6 = (at = {}) => grid('Month 6', [
  ["Children's Services budget monitoring, Month 6"],
  ['Service Area', 'Current Net Budget £m', 'Full Year Projection £m', 'Month 6 Variance £m'],
  ['Fostering', m(10), m(10.2), m(0.2)],
  ['Adoption', m(20), m(19.9), m(-0.1)],
  ['Leaving Care', m(30), m(30), m(0)],
  ['Children & Families sub total', m(60), m(60.1), m(0.1)],
], at);

/** Month 7: movement = this variance − Month 6's: 0.3 − 0.2 = 0.1, (0.1) − (0.1) = 0, 0.05 − 0 = 0.05. */
const month7 = (at = {}) => grid('Month 7', [
  ["Children's Services budget monitoring, Month 7"],
  ['Service Area', 'Current Net Budget £m', 'Full Year Projection £m', 'Month 7 Variance £m', 'Movement From Month 6 £m'],
  ['Fostering', m(10), m(10.3), m(0.3), m(0.1)],
  ['Adoption', m(20), m(19.9), m(-0.1), m(0)],
  ['Leaving Care', m(30), m(30.05), m(0.05), m(0.05)],
  ['Children & Families sub total', m(60), m(60.25), m(0.25), m(0.15)],
], at);

/** Both months in one workbook, Month 6 first (the sheet the movement header names). */
const months = (at6 = {}, at7 = {}): Workbook => ({ sheets: [...month6(at6).sheets, ...month7(at7).sheets] });
const lastMonthsFile = { previous: { workbook: month6(), fileName: 'Month 6.xlsx', sheet: 'Month 6' } };

const tracker = smallTracker;

ruleTester(movementRule, {
  valid: [
    { name: 'small tables: each movement is this variance less Month 6\'s', workbook: months() },
    { name: 'small tables: Month 6 from last month\'s file', workbook: month7(), options: lastMonthsFile },
    { name: 'small tracker: each movement is Month 7 less Quarter 2', workbook: tracker() },
  ],
  invalid: [
    {
      // 0.300 − 0.200 = 0.100, the movement says 0.200.
      name: 'small tables: a movement that is not the change in variance',
      workbook: months({}, { E3: m(0.2) }),
      errors: [{ cell: 'E3', sheet: 'Month 7', messageId: 'sheet', severity: 'error', message: 'Movement E3 for Fostering is 0.200 but this variance 0.300 less 0.200 on Month 6 is 0.100 (£m)', expected: 0.1, shown: { expected: '0.100', actual: '0.200' }, output: null }],
    },
    {
      // The same, with Month 6 in last month's file.
      name: 'small tables: a movement against last month\'s file',
      workbook: month7({ E3: m(0.2) }),
      options: lastMonthsFile,
      errors: [{ cell: 'E3', messageId: 'sheet', message: 'Movement E3 for Fostering is 0.200 but this variance 0.300 less 0.200 on Month 6 is 0.100 (£m)', expected: 0.1, output: null }],
    },
    {
      // 0.1004 shows as 0.100, which is 0.300 − 0.200.
      name: 'small tables: a movement off by less than half a shown decimal is rounding',
      workbook: months({}, { E3: m(0.1004) }),
      errors: [{ cell: 'E3', sheet: 'Month 7', messageId: 'rounding', severity: 'info', message: 'Movement E3 for Fostering is 0.100 and the change in variance is 0.100 (£m): a rounding difference, not an error', output: null }],
    },
    {
      // Forecast and variance both raised by 0.100 on Fostering but not in the sub total (0.4 − 0.1 +
      // 0.05 = 0.35, not 0.25): the variance is the changed cell, and 0.4 − 0.2 = 0.2, not the 0.1 shown.
      name: 'small tables: a changed variance whose column total breaks is the root',
      workbook: months({}, { C3: m(10.4), D3: m(0.4) }),
      errors: [{ cell: 'D3', sheet: 'Month 7', messageId: 'root', message: 'D3 looks wrong: its column total does not add up either. Movement E3 for Fostering is 0.100 but this variance 0.400 less 0.200 on Month 6 is 0.200 (£m)', output: null }],
    },
    {
      // Month 6 calls the line "Care Leavers": neither name matches the other month's.
      name: 'small tables: a line renamed since last month (info, both ways)',
      workbook: months({ A5: 'Care Leavers' }),
      errors: [
        { cell: 'E2', sheet: 'Month 7', messageId: 'removed', severity: 'info', message: 'Line "Care Leavers" on Month 6 (variance 0.000) is not in this table: its change is not shown in the movement', output: null },
        { cell: 'E5', sheet: 'Month 7', messageId: 'unmatched', severity: 'info', message: 'No line matching "Leaving Care" on Month 6, so the movement in E5 cannot be checked', output: null },
      ],
    },
    {
      // (0.300) − (0.100) = (0.200), the movement says (0.300).
      name: 'small tracker: a movement that is not Month 7 less Quarter 2',
      workbook: tracker({ D4: m(-0.3) }),
      errors: [{ cell: 'D4', messageId: 'columns', message: 'Movement D4 for Reduce agency staff is (0.300) but (0.300) less (0.100) is (0.200) (£m)', expected: -0.2, output: null }],
    },
  ],
});

// ---------------------------------------------------------------------------------------
// Seed 000 and the other published tables, each with one changed cell.

const M7 = 'Month 7';

ruleTester(movementRule, {
  valid: [
    { name: 'Month 7 against the Month 6 sheet its movement header names', workbook: seed000MonthsWorkbook() },
    { name: 'Table 1 typed as published, against Month 6 from last month\'s file', workbook: seed000Table1Values(), options: { previous: { workbook: seed000MonthsWorkbook(), fileName: 'Month 6.xlsx', sheet: 'Month 6' } } },
    { name: 'Table 1 as published, last month\'s file found by the header\'s period', workbook: seed000Table1Values(), options: { previous: { workbook: seed000MonthsWorkbook(), fileName: 'Month 6.xlsx' } } },
    { name: 'the mitigation tracker (Quarter 2 and Month 7 columns)', workbook: seed000Mitigations() },
    { name: 'no previous period available: nothing to check', workbook: seed000Table1Values() },
  ],
  invalid: [
    {
      name: 'a typed movement that is not the change in variance',
      workbook: withValue(seed000MonthsWorkbook(), M7, 'K5', 0.5),
      errors: [{ cell: 'K5', messageId: 'sheet', sheet: M7, message: 'Movement K5 for Prevention Services is 0.500 but this variance (0.057) less (0.057) on Month 6 is 0.000 (£m)' }],
    },
    {
      name: 'a movement against last month\'s file',
      workbook: withValue(seed000Table1Values(), M7, 'K7', 0.334),
      options: { previous: { workbook: seed000MonthsWorkbook(), fileName: 'Month 6.xlsx', sheet: 'Month 6' } },
      errors: [{ cell: 'K7', messageId: 'sheet', sheet: M7, expected: 0.234 }],
    },
    {
      name: 'a line renamed since last month cannot be matched (info, both ways)',
      workbook: withValue(seed000MonthsWorkbook(), 'Month 6', 'A9', 'Area Teams South'),
      errors: [
        { cell: 'K3', messageId: 'removed', sheet: M7, severity: 'info', message: 'Line "Area Teams South" on Month 6 (variance (1.007)) is not in this table: its change is not shown in the movement' },
        { cell: 'K9', messageId: 'unmatched', sheet: M7, severity: 'info', message: 'No line matching "Fieldwork West" on Month 6, so the movement in K9 cannot be checked' },
      ],
    },
    {
      name: 'a tracker movement that is not this period less the previous',
      workbook: withValue(seed000Mitigations(), 'Mitigations', 'D13', -0.3),
      errors: [{ cell: 'D13', messageId: 'columns', sheet: 'Mitigations', message: 'Movement D13 for Homes & Horizons - Increase occupancy rates - NEW is (0.300) but (0.235) less 0.000 is (0.235) (£m)' }],
    },
  ],
});
