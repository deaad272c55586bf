import { DEFAULT_RAG_POLICY, type RagPolicy } from '../../../src/engine/policy';
import { ragPolicyRule } from '../../../src/engine/rules';
import { seed000Table1Formulas, seed000Table1Values } from '../../fixtures/grids';
import { ruleTester, withValue } from '../../support/rule-tester';

const M7 = 'Month 7';
const values = seed000Table1Values;

const lenient: RagPolicy = {
  ...DEFAULT_RAG_POLICY,
  red: { ...DEFAULT_RAG_POLICY.red, line: { money: 200_000, percent: 0.1, combine: 'lower' } },
};
const amberFromTwo: RagPolicy = { ...DEFAULT_RAG_POLICY, amberFromPercent: 0.02 };

ruleTester(ragPolicyRule, {
  valid: [
    { name: 'seed 000 Table 1: every status fits the published key', workbook: values() },
    { name: 'seed 000 with formulas', workbook: seed000Table1Formulas() },
    { name: 'letters and lower case are RAG words', workbook: withValue(withValue(values(), M7, 'H5', 'green'), M7, 'H13', 'R') },
  ],
  invalid: [
    {
      name: 'a small overspend marked Red',
      workbook: withValue(values(), M7, 'H14', 'Red'),
      errors: [{ cell: 'H14', messageId: 'wrongStatus', output: [{ kind: 'setValues', sheet: 'Month 7', range: 'H14', values: [['Amber']] }], expected: 'Amber', message: 'H14 says Red but Leaving Care is overspending by 0.029 (£m) (1.2% of its budget 2.469): under the RAG policy it should be Amber' }],
    },
    {
      name: 'an overspend of £0.168m marked Amber (Red at £0.1m)',
      workbook: withValue(values(), M7, 'H13', 'Amber'),
      errors: [{ cell: 'H13', messageId: 'wrongStatus', output: [{ kind: 'setValues', sheet: 'Month 7', range: 'H13', values: [['Red']] }], expected: 'Red' }],
    },
    {
      name: 'an underspend marked Amber',
      workbook: withValue(values(), M7, 'H6', 'Amber'),
      errors: [{ cell: 'H6', messageId: 'wrongStatus', output: [{ kind: 'setValues', sheet: 'Month 7', range: 'H6', values: [['Green']] }], expected: 'Green', message: /is on budget or underspending \(variance \(0\.373\)\)/ }],
    },
    {
      name: 'a word outside the vocabulary',
      workbook: withValue(values(), M7, 'H5', 'Purple'),
      errors: [{ cell: 'H5', messageId: 'notAWord', output: [{ kind: 'setValues', sheet: 'Month 7', range: 'H5', values: [['Green']] }], expected: 'Green', message: /"Purple", which is not one of the RAG words \(Red, R, Amber, A, Green, G\)/ }],
    },
    {
      name: 'a sub total judged at section level',
      workbook: withValue(values(), M7, 'H16', 'Amber'),
      errors: [{ cell: 'H16', messageId: 'wrongStatus', output: [{ kind: 'setValues', sheet: 'Month 7', range: 'H16', values: [['Red']] }], expected: 'Red' }],
    },
    {
      name: 'the grand total judged at table level',
      workbook: withValue(values(), M7, 'H37', 'Green'),
      errors: [{ cell: 'H37', messageId: 'wrongStatus', output: [{ kind: 'setValues', sheet: 'Month 7', range: 'H37', values: [['Red']] }], expected: 'Red' }],
    },
    {
      name: 'a missing status',
      workbook: withValue(values(), M7, 'H7', null),
      errors: [{ cell: 'H7', messageId: 'missing', output: [{ kind: 'setValues', sheet: 'Month 7', range: 'H7', values: [['Red']] }], severity: 'warning', expected: 'Red' }],
    },
    {
      name: 'a council policy: Red at 10% or £200k',
      workbook: values(),
      options: { policy: lenient },
      errors: [{ cell: 'H13', messageId: 'wrongStatus', output: [{ kind: 'setValues', sheet: 'Month 7', range: 'H13', values: [['Amber']] }], expected: 'Amber' }, { cell: 'H23', messageId: 'wrongStatus', output: [{ kind: 'setValues', sheet: 'Month 7', range: 'H23', values: [['Amber']] }], expected: 'Amber' }],
    },
    {
      name: 'a council policy: Amber only from 2%',
      workbook: values(),
      options: { policy: amberFromTwo },
      errors: [{ cell: 'H14', messageId: 'wrongStatus', output: [{ kind: 'setValues', sheet: 'Month 7', range: 'H14', values: [['Green']] }], expected: 'Green' }],
    },
  ],
});
