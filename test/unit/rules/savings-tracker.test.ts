import { recalculate } from '../../../src/host/calc/recalculate';
import { savingsTrackerRule } from '../../../src/engine/rules';
import { seed001MtfpTracker } from '../../fixtures/grids';
import { ruleTester, withValue } from '../../support/rule-tester';

const S = 'MTFP Tracker';

ruleTester(savingsTrackerRule, {
  valid: [{ name: 'seed 001 MTFP tracker', workbook: seed001MtfpTracker() }],
  invalid: [
    {
      name: 'a status figure changed after the totals were calculated: that cell is the root',
      workbook: withValue(seed001MtfpTracker(), S, 'F15', 1_482_100),
      errors: [{ cell: 'F15', messageId: 'root', message: /^F15 looks wrong: its column total does not add up either\. Target C15 for 16\+ placements \(Block contract\) is 3,385,800 but its status columns add up to 3,385,900/ }],
    },
    {
      name: 'a target changed after the totals were calculated',
      workbook: withValue(seed001MtfpTracker(), S, 'C4', 324_000),
      errors: [{ cell: 'C4', messageId: 'buckets', expected: 324_500 }],
    },
    {
      // TOTALS (row 19) then disagrees too, but only as an echo of row 10: not reported again.
      name: 'a status figure changed and everything recalculated: the target no longer matches, on that row only',
      workbook: recalculate(withValue(seed001MtfpTracker(), S, 'G10', 100_000)),
      errors: [
        { cell: 'C10', messageId: 'buckets', message: 'Target C10 for Using Council staff to draft all EHC assessments and plans, instead of using an external provider is 125,000 but its status columns add up to 100,000 (£)' },
      ],
    },
  ],
});
