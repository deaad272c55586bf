/** missing-figure: a blank figure on a line that has others (on the small table of month7.ts). */
import { missingFigureRule } from '../../../src/engine/rules';
import { seed000Mitigations, seed001MtfpTracker, seed004Table4 } from '../../fixtures/grids';
import { ruleTester } from '../../support/rule-tester';
import { month7 } from './month7';

ruleTester(missingFigureRule, {
  valid: [
    { name: 'every line has all its figures', workbook: month7() },
    { name: 'seed 000 mitigation tracker as published', workbook: seed000Mitigations() },
    { name: 'seed 001 tracker as published (blank statuses mean nothing)', workbook: seed001MtfpTracker() },
    { name: 'seed 004 Table 4 as published (blank later years)', workbook: seed004Table4() },
  ],
  invalid: [
    {
      // Prevention Services has a budget (6.181) and a variance, but no projection to explain them.
      name: 'a blank forecast on a line with a budget',
      workbook: month7({ E2: null }),
      errors: [{ cell: 'E2', messageId: 'missing', severity: 'warning', message: /^E2 \(Full Year Projection £m\) is blank on "Prevention Services"/, output: null }],
    },
  ],
});
