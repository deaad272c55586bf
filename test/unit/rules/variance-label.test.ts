import { varianceLabelRule } from '../../../src/engine/rules';
import { seed000MonthsWorkbook, seed000Table1Formulas, seed000Table1Values } from '../../fixtures/grids';
import { ruleTester, withValue } from '../../support/rule-tester';
import { monitoringWithWords, writeWord } from './small-tables';

// ---------------------------------------------------------------------------------------
// Small tables whose figures show why each expected word is expected.

const table = monitoringWithWords;

const label = writeWord;

ruleTester(varianceLabelRule, {
  valid: [
    { name: 'small table: each word follows its variance (income line: Underachievement)', workbook: table() },
    { name: 'small table: words in another case', workbook: table({ E3: 'OVERSPEND', E5: 'underspent' }) },
  ],
  invalid: [
    {
      // 5.900 − 6.000 = (0.100): an underspend, labelled Overspend.
      name: 'small table: an underspend labelled Overspend',
      workbook: table({ E5: 'Overspend' }),
      errors: [{ cell: 'E5', messageId: 'wrongDirection', severity: 'error', message: 'E5 says "Overspend" but the variance (0.100) for Leaving Care is an underspend: it should say "Underspend"', expected: 'Underspend', shown: { expected: 'Underspend', actual: 'Overspend' }, output: label('E5', 'Underspend') }],
    },
    {
      // Net budget (2.000) is income: a positive variance there is an Underachievement, not an Overspend.
      name: 'small table: an income line labelled in spending words',
      workbook: table({ E7: 'Overspend' }),
      errors: [{ cell: 'E7', messageId: 'wrongFamily', severity: 'warning', message: 'E7 says "Overspend" but Traded Services is an income line (net budget (2.000)): it should say "Underachievement"', expected: 'Underachievement', output: label('E7', 'Underachievement') }],
    },
    {
      // Net budget 10.000 is spending, variance +0.300: Overspend, not Underachievement.
      name: 'small table: a spending line labelled in income words',
      workbook: table({ E3: 'Underachievement' }),
      errors: [{ cell: 'E3', messageId: 'notIncome', severity: 'warning', message: 'E3 says "Underachievement" but Fostering is not an income line (net budget 10.000): it should say "Overspend"', expected: 'Overspend', output: label('E3', 'Overspend') }],
    },
    {
      // Income line, (1.950) − (2.000) = +0.050: less income than budgeted, an Underachievement.
      name: 'small table: an income line with the wrong direction',
      workbook: table({ E7: 'Overachievement' }),
      errors: [{ cell: 'E7', messageId: 'wrongDirection', severity: 'error', expected: 'Underachievement', output: label('E7', 'Underachievement') }],
    },
    {
      // 1.000 − 1.000 = nil: neither an underspend nor an overspend.
      name: 'small table: a nil variance labelled Underspend',
      workbook: table({ E6: 'Underspend' }),
      errors: [{ cell: 'E6', messageId: 'nilVariance', severity: 'warning', message: 'E6 says "Underspend" but the variance for Youth Justice is nil: it should say "On budget"', expected: 'On budget', output: label('E6', 'On budget') }],
    },
    {
      // 4.020 − 4.000 = 0.020: an overspend with no word beside it.
      name: 'small table: a blank label on an overspend',
      workbook: table({ E4: null }),
      errors: [{ cell: 'E4', messageId: 'missing', severity: 'warning', message: 'E4 is blank but the variance 0.020 for Adoption is an overspend: it should say "Overspend"', expected: 'Overspend', output: label('E4', 'Overspend') }],
    },
    {
      // A misspelling: the variance +0.300 says what the word should be.
      name: 'small table: a word that is not a variance label',
      workbook: table({ E3: 'Overspnd' }),
      errors: [{ cell: 'E3', messageId: 'unknownWord', severity: 'error', message: 'E3 says "Overspnd", which is not a variance label: for a variance of 0.300 it should say "Overspend"', expected: 'Overspend', output: label('E3', 'Overspend') }],
    },
    {
      // The sub total's variance 0.270 (0.3 + 0.02 − 0.1 + 0 + 0.05) is an overspend.
      name: 'small table: a sub total labelled Underspend',
      workbook: table({ E8: 'Underspend' }),
      errors: [{ cell: 'E8', messageId: 'wrongDirection', message: 'E8 says "Underspend" but the variance 0.270 for Children & Families sub total is an overspend: it should say "Overspend"', expected: 'Overspend', output: label('E8', 'Overspend') }],
    },
  ],
});

// ---------------------------------------------------------------------------------------
// Seed 000 and the other published tables, each with one changed cell.

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
