import { DEFAULT_RAG_POLICY, type RagPolicy } from '../../../src/engine/policy';
import { ragPolicyRule } from '../../../src/engine/rules';
import { seed000Table1Formulas, seed000Table1Values } from '../../fixtures/grids';
import { ruleTester, withValue } from '../../support/rule-tester';
import { monitoringWithWords, writeWord } from './small-tables';

// ---------------------------------------------------------------------------------------
// Small tables whose figures show why each expected status is expected. Default key: a line
// is Red when its overspend is ≥ 5% of |budget| or ≥ £0.1m (whichever is lower), a sub total
// at 5% or £0.25m; any smaller overspend Amber; break-even or underspend Green.

const table = monitoringWithWords;

const status = writeWord;

ruleTester(ragPolicyRule, {
  valid: [
    { name: 'small table: every status fits the default key', workbook: table() },
    { name: 'small table: letters and lower case', workbook: table({ F3: 'R', F4: 'a', F5: 'G' }) },
  ],
  invalid: [
    {
      // 0.020 is 0.5% of 4.000, under both 5% (0.200) and £0.1m: Amber, not Red.
      name: 'small table: a small overspend marked Red',
      workbook: table({ F4: 'Red' }),
      errors: [{ cell: 'F4', messageId: 'wrongStatus', severity: 'error', message: 'F4 says Red but Adoption is overspending by 0.020 (£m) (0.5% of its budget 4.000): under the RAG policy it should be Amber', expected: 'Amber', shown: { expected: 'Amber', actual: 'Red' }, output: status('F4', 'Amber') }],
    },
    {
      // 0.300 is only 3.0% of 10.000, but it is over £0.1m (the lower threshold): Red.
      name: 'small table: an overspend of £0.3m marked Amber',
      workbook: table({ F3: 'Amber' }),
      errors: [{ cell: 'F3', messageId: 'wrongStatus', message: 'F3 says Amber but Fostering is overspending by 0.300 (£m) (3.0% of its budget 10.000): under the RAG policy it should be Red', expected: 'Red', output: status('F3', 'Red') }],
    },
    {
      // 5.900 − 6.000 = (0.100), an underspend: Green.
      name: 'small table: an underspend marked Amber',
      workbook: table({ F5: 'Amber' }),
      errors: [{ cell: 'F5', messageId: 'wrongStatus', message: 'F5 says Amber but Leaving Care is on budget or underspending (variance (0.100)): under the RAG policy it should be Green', expected: 'Green', output: status('F5', 'Green') }],
    },
    {
      // Income line: 0.050 is 2.5% of |(2.000)|, under 5% (0.100) and £0.1m: Amber.
      name: 'small table: an income line measured against its budget\'s size',
      workbook: table({ F7: 'Red' }),
      errors: [{ cell: 'F7', messageId: 'wrongStatus', message: 'F7 says Red but Traded Services is overspending by 0.050 (£m) (2.5% of its budget (2.000)): under the RAG policy it should be Amber', expected: 'Amber', output: status('F7', 'Amber') }],
    },
    {
      // Sub total level: 0.270 is 1.4% of 19.000 but over £0.25m: Red.
      name: 'small table: a sub total judged at section level',
      workbook: table({ F8: 'Amber' }),
      errors: [{ cell: 'F8', messageId: 'wrongStatus', message: 'F8 says Amber but Children & Families sub total is overspending by 0.270 (£m) (1.4% of its budget 19.000): under the RAG policy it should be Red', expected: 'Red', output: status('F8', 'Red') }],
    },
    {
      // An underspend, so the word it should be is Green.
      name: 'small table: a word outside the vocabulary',
      workbook: table({ F5: 'Purple' }),
      errors: [{ cell: 'F5', messageId: 'notAWord', message: 'F5 says "Purple", which is not one of the RAG words (Red, R, Amber, A, Green, G): Leaving Care should be Green', expected: 'Green', output: status('F5', 'Green') }],
    },
    {
      // 0.300 over £0.1m: the blank should be Red.
      name: 'small table: a missing status',
      workbook: table({ F3: null }),
      errors: [{ cell: 'F3', messageId: 'missing', severity: 'warning', message: 'F3 has no RAG status: Fostering is overspending by 0.300 (£m) (3.0% of its budget 10.000), so it should be Red', expected: 'Red', output: status('F3', 'Red') }],
    },
    {
      // Amber only from 2%: Adoption's 0.020 is 0.5% of 4.000, so Green; the message still calls it an overspend.
      name: 'small table: a council policy with Amber only from 2%',
      workbook: table(),
      options: { policy: { ...DEFAULT_RAG_POLICY, amberFromPercent: 0.02 } },
      errors: [{ cell: 'F4', messageId: 'wrongStatus', message: 'F4 says Amber but Adoption is overspending by 0.020 (£m) (0.5% of its budget 4.000): under the RAG policy it should be Green', expected: 'Green', output: status('F4', 'Green') }],
    },
  ],
});

// ---------------------------------------------------------------------------------------
// Seed 000 and the other published tables, each with one changed cell.

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
