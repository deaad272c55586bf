import { recalculate } from '../../../src/host/calc/recalculate';
import { savingsTrackerRule } from '../../../src/engine/rules';
import { seed001MtfpTracker } from '../../fixtures/grids';
import { ruleTester, withValue } from '../../support/rule-tester';
import { grid } from './small-tables';

// ---------------------------------------------------------------------------------------
// A small tracker whose figures show why each expected target is expected.

const P = '#,##0;(#,##0);"-"';
const pounds = (value: number) => ({ value, format: P });

/**
 * Seed 001's shape in whole pounds. Rows: 1 title, 2 header, 3-4 savings, 5 TOTALS.
 * Each target = over-achieved + achieved + on track + at risk; TOTALS add each column.
 *
 *   CFE001  300,000  =  100,000 achieved + 200,000 on track
 *   CFE002  500,000  =  200,000 on track + 300,000 at risk
 *   TOTALS  800,000       0    100,000    400,000    300,000
 */
const tracker = (at = {}) => grid('MTFP Tracker', [
  ["Children's Transformation Programme – MTFP Tracker"],
  ['Ref', 'Saving', '£ target', 'Over-achieved', 'Achieved', 'On Track', 'At Risk', 'Comments'],
  ['CFE001', 'Home to school transport', pounds(300000), null, pounds(100000), pounds(200000), null, null],
  ['CFE002', 'Fostering placements', pounds(500000), null, null, pounds(200000), pounds(300000), 'Awaiting updated figures'],
  ['TOTALS', null, pounds(800000), pounds(0), pounds(100000), pounds(400000), pounds(300000), null],
], at);

ruleTester(savingsTrackerRule, {
  valid: [{ name: 'small tracker: every target is its status columns', workbook: tracker() }],
  invalid: [
    {
      // 100,000 achieved + 200,000 on track = 300,000, the target says 350,000.
      name: 'small tracker: a target that is not its status columns',
      workbook: tracker({ C3: pounds(350000) }),
      errors: [{ cell: 'C3', messageId: 'buckets', severity: 'error', message: 'Target C3 for Home to school transport is 350,000 but its status columns add up to 300,000 (£)', expected: 300000, shown: { expected: '300,000', actual: '350,000' }, output: null }],
    },
    {
      // At risk raised to 250,000 with its TOTALS to match: 200,000 + 250,000 = 450,000, not the 500,000 target.
      name: 'small tracker: a status figure changed along with its column total',
      workbook: tracker({ G4: pounds(250000), G5: pounds(250000) }),
      errors: [{ cell: 'C4', messageId: 'buckets', message: 'Target C4 for Fostering placements is 500,000 but its status columns add up to 450,000 (£)', expected: 450000, output: null }],
    },
    {
      // On track 250,000 makes the row 100,000 + 250,000 = 350,000, and TOTALS' 400,000 is no longer
      // 250,000 + 200,000: the changed status cell is the root, not the target.
      name: 'small tracker: a status figure changed alone is the root',
      workbook: tracker({ F3: pounds(250000) }),
      errors: [{ cell: 'F3', messageId: 'root', message: 'F3 looks wrong: its column total does not add up either. Target C3 for Home to school transport is 300,000 but its status columns add up to 350,000 (£)', output: null }],
    },
  ],
});

// ---------------------------------------------------------------------------------------
// Seed 000 and the other published tables, each with one changed cell.

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
