import { recalculate } from '../../../src/host/calc/recalculate';
import { mitigationTrackerRule } from '../../../src/engine/rules';
import { seed000Mitigations } from '../../fixtures/grids';
import { ruleTester, withValue } from '../../support/rule-tester';

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
