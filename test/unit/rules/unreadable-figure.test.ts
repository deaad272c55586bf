/** unreadable-figure: damaged figure cells, as seed 002 was published, and a word among figures. */
import { unreadableFigureRule } from '../../../src/engine/rules';
import { seed000Mitigations, seed002Pressures, seed002Savings } from '../../fixtures/grids';
import { ruleTester } from '../../support/rule-tester';
import { month7 } from './month7';

ruleTester(unreadableFigureRule, {
  valid: [
    { name: 'every figure a number', workbook: month7() },
    { name: 'seed 000 mitigation tracker (TBC is not damage)', workbook: seed000Mitigations() },
  ],
  invalid: [
    {
      name: 'seed 002 savings as published: stray backticks, ", ," cells and a "_"',
      workbook: seed002Savings(),
      errors: [
        { cell: 'E8', messageId: 'notNumber', message: 'E8 holds ", ," in a figure column, which is not a number, nil (-) or TBC' },
        { cell: 'C9', messageId: 'stray', output: [{ kind: 'setValues', sheet: 'Savings', range: 'C9', values: [[-19]] }], expected: -19, message: 'C9 holds "`(19)", which is not a number: it looks like (19) with stray characters' },
        { cell: 'D10', messageId: 'stray', output: [{ kind: 'setValues', sheet: 'Savings', range: 'D10', values: [[-7]] }], expected: -7 },
        { cell: 'F25', messageId: 'notNumber' },
        { cell: 'E32', messageId: 'notNumber' },
      ],
    },
    {
      name: 'seed 002 pressures as published: several figures in one cell',
      workbook: seed002Pressures(),
      errors: ['D3', 'E3', 'F3', 'G3', 'E4', 'D7', 'E7', 'F7', 'G7'].map((cell) => ({ cell, messageId: 'several', message: /holds several figures in one cell/ })),
    },
    {
      name: 'a word in a figure column',
      workbook: month7({ E3: 'see note' }),
      errors: [{ cell: 'E3', messageId: 'notNumber', message: 'E3 holds "see note" in a figure column, which is not a number, nil (-) or TBC', output: null }],
    },
  ],
});
