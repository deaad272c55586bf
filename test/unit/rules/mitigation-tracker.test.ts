import { recalculate } from '../../../src/host/calc/recalculate';
import { mitigationTrackerRule } from '../../../src/engine/rules';
import { seed000Mitigations } from '../../fixtures/grids';
import { ruleTester, withValue } from '../../support/rule-tester';
import { m, smallTracker } from './small-tables';

// ---------------------------------------------------------------------------------------
// A small tracker whose figures show why each expected amount is expected.

const tracker = smallTracker;

ruleTester(mitigationTrackerRule, {
  valid: [{ name: 'small tracker: splits, total and balance all hold (TBC adds nothing)', workbook: tracker() }],
  invalid: [
    {
      // The actions are (0.300) + (0.200) + TBC = (0.500); Total and Still were both typed from (0.600).
      name: 'small tracker: a Total Mitigations that is not the sum of the actions',
      workbook: tracker({ C7: m(-0.6), C8: m(0.6) }),
      errors: [{ cell: 'C7', messageId: 'total', severity: 'error', message: 'C7 ("Total Mitigations Identified to be Actioned") is (0.600) but the actions above it add up to (0.500) (£m)', expected: -0.5, shown: { expected: '(0.500)', actual: '(0.600)' }, output: null }],
    },
    {
      // 1.200 + (0.500) = 0.700, Still to be Mitigated says 0.800.
      name: 'small tracker: a Still to be Mitigated that is not to be mitigated plus total',
      workbook: tracker({ C8: m(0.8) }),
      errors: [{ cell: 'C8', messageId: 'still', message: 'C8 ("Still to be Mitigated") is 0.800 but to be mitigated 1.200 plus total mitigations (0.500) is 0.700 (£m)', expected: 0.7, output: null }],
    },
    {
      // At Quarter 2: 1.000 + (0.100) = 0.900, it says 1.000.
      name: 'small tracker: the Quarter 2 balance',
      workbook: tracker({ B8: m(1) }),
      errors: [{ cell: 'B8', messageId: 'still', message: 'B8 ("Still to be Mitigated") is 1.000 but to be mitigated 1.000 plus total mitigations (0.100) is 0.900 (£m)', expected: 0.9, output: null }],
    },
    {
      // One-off (0.100) + ongoing (0.200) = (0.300), the action says (0.250); total and balance typed to match it.
      name: 'small tracker: an action whose one-off and ongoing do not add up to it',
      workbook: tracker({ C4: m(-0.25), C7: m(-0.45), C8: m(0.75) }),
      errors: [{ cell: 'C4', messageId: 'split', message: 'C4 for Reduce agency staff is (0.250) but its one-off (0.100) and ongoing (0.200) mitigation add up to (0.300) (£m)', expected: -0.3, output: null }],
    },
    {
      // 0.7004 shows as 0.700, which is 1.200 + (0.500).
      name: 'small tracker: a balance off by less than half a shown decimal is rounding',
      workbook: tracker({ C8: m(0.7004) }),
      errors: [{ cell: 'C8', messageId: 'rounding', severity: 'info', message: 'C8 for Still to be Mitigated is 0.700 and should be 0.700 (£m): a rounding difference, not an error', output: null }],
    },
  ],
});

// ---------------------------------------------------------------------------------------
// Seed 000 and the other published tables, each with one changed cell.

const S = 'Mitigations';

ruleTester(mitigationTrackerRule, {
  valid: [{ name: 'seed 000 Table 3 (TBC actions included)', workbook: seed000Mitigations() }],
  invalid: [
    {
      name: 'a typed Total Mitigations that is not the sum of the actions',
      workbook: withValue(seed000Mitigations(), S, 'C15', -0.4),
      errors: [
        { cell: 'C15', messageId: 'total', message: 'C15 ("Total Mitigations Identified to be Actioned") is (0.400) but the actions above it add up to (0.378) (£m)' },
        { cell: 'C16', messageId: 'still', message: 'C16 ("Still to be Mitigated") is 9.737 but to be mitigated 10.115 plus total mitigations (0.400) is 9.715 (£m)' },
      ],
    },
    {
      name: 'an ongoing amount changed: the action no longer splits, and the total no longer adds',
      workbook: withValue(seed000Mitigations(), S, 'F13', -0.2),
      errors: [{ cell: 'F13', messageId: 'root', message: /^F13 looks wrong/ }, { cell: 'F15', messageId: 'total', expected: -0.343 }],
    },
    {
      name: 'an action amount changed and recalculated: its split no longer holds',
      workbook: recalculate(withValue(seed000Mitigations(), S, 'C14', -0.05)),
      errors: [{ cell: 'C14', messageId: 'split', message: 'C14 for Housing benefit claims for UASC - NEW is (0.050) but its one-off 0.000 and ongoing (0.043) mitigation add up to (0.043) (£m)' }],
    },
    {
      name: 'a typed Still to be Mitigated',
      workbook: withValue(seed000Mitigations(), S, 'B16', 9.9),
      errors: [{ cell: 'B16', messageId: 'still', expected: 9.91 }],
    },
  ],
});
