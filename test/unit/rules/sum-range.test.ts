import { recalculate } from '../../../src/host/calc/recalculate';
import { sumRangeRule } from '../../../src/engine/rules';
import { layoutAdultsNested, layoutTotalsAbove, seed000MonthsWorkbook, seed000Mitigations, seed000Table1Formulas, seed004Table5 } from '../../fixtures/grids';
import { findingsOf, ruleTester, withFormula, withValue } from '../../support/rule-tester';

const M7 = 'Month 7';
const t1 = (cell: string, formula: string) => recalculate(withFormula(seed000Table1Formulas(), M7, cell, formula));

ruleTester(sumRangeRule, {
  valid: [
    { name: 'seed 000 Table 1 SUMs', workbook: seed000Table1Formulas() },
    { name: 'Month 6 and Month 7', workbook: seed000MonthsWorkbook() },
    { name: 'seed 000 mitigation tracker', workbook: seed000Mitigations() },
    { name: 'seed 004 Table 5', workbook: seed004Table5() },
    { name: 'nested sub totals of our own layout', workbook: layoutAdultsNested() },
    { name: 'totals above their lines', workbook: layoutTotalsAbove() },
    { name: 'a SUM that spans the blank section heading above its lines', workbook: t1('D16', '=SUM(D4:D15)') },
    { name: 'the same lines written as additions', workbook: t1('D21', '=D18+D19+D20') },
  ],
  invalid: [
    {
      name: 'a SUM shortened by one line',
      workbook: t1('D16', '=SUM(D5:D14)'),
      errors: [{ cell: 'D16', messageId: 'wrongRange', output: [{ kind: 'setFormulas', sheet: 'Month 7', range: 'D16', formulas: [['=SUM(D5:D15)']] }], expected: '=SUM(D5:D15)', message: 'Sub total D16 is =SUM(D5:D14), which leaves out row 15 (CSC Management); it should be =SUM(D5:D15)' }],
    },
    {
      name: 'a SUM that takes in the column header',
      workbook: t1('B16', '=SUM(B3:B15)'),
      errors: [{ cell: 'B16', messageId: 'wrongRange', output: [{ kind: 'setFormulas', sheet: 'Month 7', range: 'B16', formulas: [['=SUM(B5:B15)']] }], message: /takes in the header row 3/ }],
    },
    {
      name: 'a grand total that adds a sub total and its lines (double counting)',
      workbook: t1('F37', '=SUM(F16,F21,F33,F36,F35)'),
      errors: [{ cell: 'F37', messageId: 'wrongRange', output: [{ kind: 'setFormulas', sheet: 'Month 7', range: 'F37', formulas: [['=SUM(F16,F21,F33,F36)']] }], expected: '=SUM(F16,F21,F33,F36)', message: /counts row 35 \(Children, Families & Education Team\) twice \(double counting\)/ }],
    },
    {
      name: 'a sub total running into the next section',
      workbook: t1('E21', '=SUM(E18:E23)'),
      errors: [{ cell: 'E21', messageId: 'wrongRange', output: [{ kind: 'setFormulas', sheet: 'Month 7', range: 'E21', formulas: [['=SUM(E18:E20)']] }], message: /takes in row 23 \(Special Educational Needs and Disabilities\) from outside what it totals/ }],
    },
    {
      name: 'a sub total taking in a cell above the table',
      workbook: recalculate(withValue(withFormula(seed000Table1Formulas(), M7, 'E36', '=SUM(E35,E1)'), M7, 'E1', 5)),
      errors: [{ cell: 'E36', messageId: 'wrongRange', output: [{ kind: 'setFormulas', sheet: 'Month 7', range: 'E36', formulas: [['=SUM(E35)']] }], expected: '=SUM(E35)', message: 'Sub total E36 is =SUM(E35,E1), which takes in E1 outside the table; it should be =SUM(E35)' }],
    },
    {
      name: 'a sub total adding up the wrong column',
      workbook: t1('E16', '=SUM(D5:D15)'),
      errors: [{ cell: 'E16', messageId: 'wrongRange', output: [{ kind: 'setFormulas', sheet: 'Month 7', range: 'E16', formulas: [['=SUM(E5:E15)']] }], expected: '=SUM(E5:E15)', message: /leaves out row 5 \(Prevention Services\), .* and takes in D5:D15 from another column or sheet/ }],
    },
  ],
});

describe('sum-range and row formulas', () => {
  it('leaves a total cell that adds across its own row (net = expenditure + income) to total-sum', () => {
    const wb = recalculate(withFormula(seed000Table1Formulas(), M7, 'D16', '=B16+C16'));
    expect(findingsOf(sumRangeRule, wb)).toEqual([]);
  });
});
