import { errorValueRule, missingFigureRule, mixedUnitsRule, numberAsTextRule, unreadableFigureRule } from '../../../src/engine/rules';
import { seed000Mitigations, seed000Table1Formulas, seed000Table1Values, seed001MtfpTracker, seed002Pressures, seed002Savings, seed004Table4 } from '../../fixtures/grids';
import { ruleTester, withCell, withValue } from '../../support/rule-tester';
import { mixedUnitTable } from './small-tables';

const M7 = 'Month 7';
const values = seed000Table1Values;

ruleTester(errorValueRule, {
  valid: [
    { name: 'seed 000 typed', workbook: values() },
    { name: 'seed 000 formulas', workbook: seed000Table1Formulas() },
    { name: 'seed 002 as published (damaged, but no error values)', workbook: seed002Savings() },
  ],
  invalid: [
    {
      name: 'a #REF! value',
      workbook: withValue(values(), M7, 'D5', { error: '#REF!' }),
      errors: [{ cell: 'D5', message: 'D5 shows the error #REF!: the formula refers to a cell that was deleted' }],
    },
    {
      name: 'a formula showing #DIV/0!',
      workbook: withCell(seed000Table1Formulas(), M7, 'F7', { value: { error: '#DIV/0!' }, formula: '=E7/0' }),
      errors: [{ cell: 'F7', message: 'F7 shows the error #DIV/0! from its formula =E7/0: a division by zero or by an empty cell' }],
    },
    {
      name: 'error text pasted as a value, in a text column too',
      workbook: withValue(withValue(values(), M7, 'E9', '#N/A'), M7, 'H9', '#VALUE!'),
      errors: [{ cell: 'E9' }, { cell: 'H9' }],
    },
  ],
});

ruleTester(numberAsTextRule, {
  valid: [
    { name: 'seed 000 typed', workbook: values() },
    { name: 'seed 001 tracker', workbook: seed001MtfpTracker() },
  ],
  invalid: [
    {
      name: 'a figure stored as text',
      workbook: withValue(values(), M7, 'B5', '7.404'),
      errors: [{ cell: 'B5', expected: 7.404, message: 'B5 holds "7.404" as text, so totals skip it: store it as the number 7.404 (£m)' }],
    },
    {
      name: 'a negative in parentheses stored as text',
      workbook: withValue(values(), M7, 'C5', '(1.223)'),
      errors: [{ cell: 'C5', expected: -1.223 }],
    },
    {
      name: 'thousands with commas stored as text',
      workbook: withValue(seed001MtfpTracker(), 'MTFP Tracker', 'E4', '149,000'),
      errors: [{ cell: 'E4', expected: 149000 }],
    },
  ],
});

ruleTester(unreadableFigureRule, {
  valid: [
    { name: 'seed 000 typed', workbook: values() },
    { name: 'seed 000 mitigation tracker (TBC is not damage)', workbook: seed000Mitigations() },
  ],
  invalid: [
    {
      name: 'seed 002 savings as published: stray backticks, ", ," cells and a "_"',
      workbook: seed002Savings(),
      errors: [
        { cell: 'E8', message: 'E8 holds ", ," in a figure column, which is not a number, nil (-) or TBC' },
        { cell: 'C9', expected: -19, message: 'C9 holds "`(19)", which is not a number: it looks like (19) with stray characters' },
        { cell: 'D10', expected: -7 },
        { cell: 'F25' },
        { cell: 'E32' },
      ],
    },
    {
      name: 'seed 002 pressures as published: several figures in one cell',
      workbook: seed002Pressures(),
      errors: ['D3', 'E3', 'F3', 'G3', 'E4', 'D7', 'E7', 'F7', 'G7'].map((cell) => ({ cell, message: /holds several figures in one cell/ })),
    },
    {
      name: 'a word in a figure column',
      workbook: withValue(values(), M7, 'E20', 'see note'),
      errors: [{ cell: 'E20' }],
    },
  ],
});

ruleTester(missingFigureRule, {
  valid: [
    { name: 'seed 000 typed', workbook: values() },
    { name: 'seed 000 mitigation tracker', workbook: seed000Mitigations() },
    { name: 'seed 001 tracker (blank statuses mean nothing)', workbook: seed001MtfpTracker() },
    { name: 'seed 004 Table 4 (blank later years)', workbook: seed004Table4() },
  ],
  invalid: [
    {
      name: 'a blank forecast on a line with a budget',
      workbook: withValue(values(), M7, 'E5', null),
      errors: [{ cell: 'E5', severity: 'warning', message: /^E5 \(Full Year Projection £m\) is blank on "Prevention Services"/ }],
    },
  ],
});

ruleTester(mixedUnitsRule, {
  valid: [{ name: 'seed 000 typed (all £m)', workbook: values() }],
  invalid: [
    {
      name: 'a £m column in a £000 table',
      workbook: mixedUnitTable(),
      errors: [{ cell: 'D2', message: 'Column D ("Variance £m") is in £m but the table is in £000: one unit per table' }],
    },
  ],
});
