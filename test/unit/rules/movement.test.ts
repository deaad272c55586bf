import { movementRule } from '../../../src/engine/rules';
import { seed000Mitigations, seed000MonthsWorkbook, seed000Table1Values } from '../../fixtures/grids';
import { ruleTester, withValue } from '../../support/rule-tester';

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
