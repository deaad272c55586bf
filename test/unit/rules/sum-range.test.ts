import { recalculate } from '../../../src/host/calc/recalculate';
import { sumRangeRule } from '../../../src/engine/rules';
import { layoutAdultsNested, layoutTotalsAbove, seed000MonthsWorkbook, seed000Mitigations, seed000Table1Formulas, seed004Table5 } from '../../fixtures/grids';
import { findingsOf, ruleTester, withFormula, withValue } from '../../support/rule-tester';
import { calc, grid, m, mf, savingsByYear, twoSections } from './small-tables';

// ---------------------------------------------------------------------------------------
// Small tables whose formulas show why each expected range is expected.


const table = twoSections;

const byYear = savingsByYear;

const formula = (cell: string, f: string) => [{ kind: 'setFormulas' as const, sheet: 'Month 7', range: cell, formulas: [[f]] }];

ruleTester(sumRangeRule, {
  valid: [
    { name: 'small table: each sub total SUMs its section, the total its sub totals', workbook: table() },
    { name: 'small table: a sub total written as additions', workbook: table({ B5: calc('=B3+B4') }) },
    { name: 'small table: row totals over their years', workbook: byYear() },
  ],
  invalid: [
    {
      // Children & Families is rows 3-4: =SUM(B3:B3) drops Adoption.
      name: 'small table: a SUM shortened by one line',
      workbook: table({ B5: calc('=SUM(B3:B3)') }),
      errors: [{ cell: 'B5', messageId: 'wrongRange', severity: 'error', message: 'Sub total B5 is =SUM(B3:B3), which leaves out row 4 (Adoption); it should be =SUM(B3:B4)', expected: '=SUM(B3:B4)', shown: { expected: '=SUM(B3:B4)', actual: '=SUM(B3:B3)' }, output: formula('B5', '=SUM(B3:B4)') }],
    },
    {
      // Row 2 is the header: the section's lines start at row 3.
      name: 'small table: a SUM that takes in the header',
      workbook: table({ B5: calc('=SUM(B2:B4)') }),
      errors: [{ cell: 'B5', messageId: 'wrongRange', message: 'Sub total B5 is =SUM(B2:B4), which takes in the header row 2; it should be =SUM(B3:B4)', expected: '=SUM(B3:B4)', output: formula('B5', '=SUM(B3:B4)') }],
    },
    {
      // B8 already holds Transport (row 7): adding B7 again counts it twice.
      name: 'small table: a total that adds a sub total and one of its lines',
      workbook: table({ B9: calc('=SUM(B5,B8,B7)') }),
      errors: [{ cell: 'B9', messageId: 'wrongRange', message: 'Total B9 is =SUM(B5,B8,B7), which counts row 7 (Transport) twice (double counting); it should be =SUM(B5,B8)', expected: '=SUM(B5,B8)', output: formula('B9', '=SUM(B5,B8)') }],
    },
    {
      // B3:B8 holds both sub totals and all four lines they add: every line is counted twice.
      name: 'small table: a total over the whole column, sub totals included',
      workbook: table({ B9: calc('=SUM(B3:B8)') }),
      errors: [{ cell: 'B9', messageId: 'wrongRange', message: 'Total B9 is =SUM(B3:B8), which counts row 3 (Fostering), row 4 (Adoption), row 6 (Schools), row 7 (Transport) twice (double counting); it should be =SUM(B5,B8)', expected: '=SUM(B5,B8)', output: formula('B9', '=SUM(B5,B8)') }],
    },
    {
      // The forecast sub total adds the budget column B instead of its own column C.
      name: 'small table: a sub total adding up the wrong column',
      workbook: table({ C5: calc('=SUM(B3:B4)') }),
      errors: [{ cell: 'C5', messageId: 'wrongRange', message: 'Sub total C5 is =SUM(B3:B4), which leaves out row 3 (Fostering), row 4 (Adoption) and takes in B3:B4 from another column or sheet; it should be =SUM(C3:C4)', expected: '=SUM(C3:C4)', output: formula('C5', '=SUM(C3:C4)') }],
    },
  ],
});

// ---------------------------------------------------------------------------------------
// Seed 000 and the other published tables, each with one changed cell.

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

describe('one column’s SUM wider than the others agree on', () => {
  it('is the fault: the sub total is read as the others add it, and the wide SUM is reported', () => {
    // Budget's sub total adds itself and Schools (the next line); Forecast and Variance add Line A and Line B.
    const workbook = grid('Month 7', [
      ['Service Area', 'Budget £m', 'Forecast £m', 'Variance £m'],
      ['Line A', m(10), m(11), mf('=C2-B2', 1)],
      ['Line B', m(20), m(19), mf('=C3-B3', -1)],
      ['Sub total', mf('=SUM(B2:B5)', 35), mf('=SUM(C2:C3)', 30), mf('=SUM(D2:D3)', 0)],
      ['Schools', m(5), m(6), mf('=C5-B5', 1)],
      ['Total', mf('=B4+B5', 40), mf('=C4+C5', 36), mf('=D4+D5', 1)],
    ]);
    const found = findingsOf(sumRangeRule, workbook);
    expect(found.map((f) => [f.cell, f.message, f.fix?.edits])).toEqual([
      ['B4', 'Sub total B4 is =SUM(B2:B5), which takes in row 5 (Schools) from outside what it totals and includes itself; it should be =SUM(B2:B3)', [{ kind: 'setFormulas', sheet: 'Month 7', range: 'B4', formulas: [['=SUM(B2:B3)']] }]],
    ]);
  });
});
