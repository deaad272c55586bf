import { varianceLabelRule } from '../../../src/engine/rules';
import { seed000MonthsWorkbook, seed000Table1Formulas, seed000Table1Values } from '../../fixtures/grids';
import { ruleTester, withValue } from '../../support/rule-tester';

const M7 = 'Month 7';
const values = seed000Table1Values;

ruleTester(varianceLabelRule, {
  valid: [
    { name: 'seed 000 Table 1 typed as published', workbook: values() },
    { name: 'seed 000 Table 1 with formulas', workbook: seed000Table1Formulas() },
    { name: 'Month 6 and Month 7 sheets', workbook: seed000MonthsWorkbook() },
    { name: 'words in another case and spelling', workbook: withValue(withValue(values(), M7, 'G5', 'underspent'), M7, 'G7', 'OVERSPEND') },
    { name: 'a nil variance written as a dash', workbook: withValue(withValue(values(), M7, 'F25', 0), M7, 'G25', '-') },
  ],
  invalid: [
    {
      name: 'a flipped label',
      workbook: withValue(values(), M7, 'G5', 'Overspend'),
      errors: [{ cell: 'G5', messageId: 'wrongDirection', output: [{ kind: 'setValues', sheet: 'Month 7', range: 'G5', values: [['Underspend']] }], severity: 'error', expected: 'Underspend', message: 'G5 says "Overspend" but the variance (0.057) for Prevention Services is an underspend: it should say "Underspend"' }],
    },
    {
      name: 'an income line labelled as spending',
      workbook: withValue(values(), M7, 'G27', 'Overspend'),
      errors: [{ cell: 'G27', messageId: 'wrongFamily', output: [{ kind: 'setValues', sheet: 'Month 7', range: 'G27', values: [['Underachievement']] }], severity: 'warning', expected: 'Underachievement', message: /is an income line \(net budget \(0\.097\)\)/ }],
    },
    {
      name: 'a spending line labelled as income',
      workbook: withValue(values(), M7, 'G7', 'Underachievement'),
      errors: [{ cell: 'G7', messageId: 'notIncome', output: [{ kind: 'setValues', sheet: 'Month 7', range: 'G7', values: [['Overspend']] }], severity: 'warning', expected: 'Overspend' }],
    },
    {
      name: 'an income line with the wrong direction',
      workbook: withValue(values(), M7, 'G28', 'Underachievement'),
      errors: [{ cell: 'G28', messageId: 'wrongDirection', output: [{ kind: 'setValues', sheet: 'Month 7', range: 'G28', values: [['Overachievement']] }], severity: 'error', expected: 'Overachievement' }],
    },
    {
      name: 'a blank label on an overspend',
      workbook: withValue(values(), M7, 'G13', null),
      errors: [{ cell: 'G13', messageId: 'missing', output: [{ kind: 'setValues', sheet: 'Month 7', range: 'G13', values: [['Overspend']] }], severity: 'warning', expected: 'Overspend' }],
    },
    {
      name: 'a word that is not a variance label',
      workbook: withValue(values(), M7, 'G14', 'Overspnd'),
      errors: [{ cell: 'G14', messageId: 'unknownWord', output: [{ kind: 'setValues', sheet: 'Month 7', range: 'G14', values: [['Overspend']] }], severity: 'error', message: /"Overspnd", which is not a variance label/ }],
    },
    {
      name: 'a nil variance labelled as an underspend',
      workbook: withValue(values(), M7, 'F25', 0),
      errors: [{ cell: 'G25', messageId: 'nilVariance', output: [{ kind: 'setValues', sheet: 'Month 7', range: 'G25', values: [['On budget']] }], severity: 'warning', expected: 'On budget' }],
    },
    {
      name: 'a sub total label',
      workbook: withValue(values(), M7, 'G16', 'Underspend'),
      errors: [{ cell: 'G16', messageId: 'wrongDirection', output: [{ kind: 'setValues', sheet: 'Month 7', range: 'G16', values: [['Overspend']] }], expected: 'Overspend' }],
    },
  ],
});
