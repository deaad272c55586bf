import { totalFormulaRule } from '../../../src/engine/rules';
import { seed000Mitigations, seed000Table1Formulas, seed000Table1Values, seed001MtfpTracker, seed004Table5 } from '../../fixtures/grids';
import { findingsOf, ruleTester, withCell, withValue } from '../../support/rule-tester';
import { m, savingsByYear, twoSections } from './small-tables';

// ---------------------------------------------------------------------------------------
// Small tables whose typed totals show why each expected formula is expected.


const table = twoSections;

const byYear = savingsByYear;

ruleTester(totalFormulaRule, {
  valid: [
    { name: 'small table: sub totals and total are SUMs', workbook: table() },
    { name: 'small table: row and column totals are SUMs', workbook: byYear() },
  ],
  invalid: [
    {
      // 30 is right today (10 + 20), but typed it will not follow a changed line.
      name: 'small table: a sub total typed over its formula',
      workbook: table({ B5: m(30) }),
      errors: [{ cell: 'B5', messageId: 'typed', severity: 'warning', message: 'Sub total B5 is the typed number 30.000, not a formula: it will not follow changes to its lines. Use =SUM(B3:B4)', expected: '=SUM(B3:B4)', shown: { expected: '=SUM(B3:B4)', actual: '30.000' }, output: [{ kind: 'setFormulas', sheet: 'Month 7', range: 'B5', formulas: [['=SUM(B3:B4)']] }] }],
    },
    {
      // The total is 30 + 12 = 42: the formula adds the two sub totals, not every row above.
      name: 'small table: the grand total typed',
      workbook: table({ B9: m(42) }),
      errors: [{ cell: 'B9', messageId: 'typed', message: 'Total B9 is the typed number 42.000, not a formula: it will not follow changes to its lines. Use =SUM(B5,B8)', expected: '=SUM(B5,B8)', output: [{ kind: 'setFormulas', sheet: 'Month 7', range: 'B9', formulas: [['=SUM(B5,B8)']] }] }],
    },
    {
      // 100 + 200 + 300 = 600, typed rather than =SUM(B3:D3).
      name: 'small table: a typed row total',
      workbook: byYear({ E3: 600 }),
      errors: [{ cell: 'E3', messageId: 'typedRowTotal', message: 'Row total E3 is the typed number 600, not a formula: it will not follow changes to its years. Use =SUM(B3:D3)', expected: '=SUM(B3:D3)', output: [{ kind: 'setFormulas', sheet: 'Table 5', range: 'E3', formulas: [['=SUM(B3:D3)']] }] }],
    },
    {
      // 200 + 500 = 700, typed in the total row.
      name: 'small table: a typed column total under a row-total column',
      workbook: byYear({ C5: 700 }),
      errors: [{ cell: 'C5', messageId: 'typed', message: 'Total C5 is the typed number 700, not a formula: it will not follow changes to its lines. Use =SUM(C3:C4)', expected: '=SUM(C3:C4)', output: [{ kind: 'setFormulas', sheet: 'Table 5', range: 'C5', formulas: [['=SUM(C3:C4)']] }] }],
    },
  ],
});

// ---------------------------------------------------------------------------------------
// Seed 000 and the other published tables, each with one changed cell.

const M7 = 'Month 7';
const M = '#,##0.000;(#,##0.000);"-"';

ruleTester(totalFormulaRule, {
  valid: [
    { name: 'seed 000 Table 1 with SUM formulas', workbook: seed000Table1Formulas() },
    { name: 'seed 000 mitigation tracker', workbook: seed000Mitigations() },
    { name: 'seed 001 tracker TOTALS', workbook: seed001MtfpTracker() },
    { name: 'seed 004 Table 5 row and column totals', workbook: seed004Table5() },
  ],
  invalid: [
    {
      name: 'a sub total typed over its formula',
      workbook: withCell(seed000Table1Formulas(), M7, 'D16', { value: 98.506, format: M }),
      errors: [{ cell: 'D16', messageId: 'typed', output: [{ kind: 'setFormulas', sheet: 'Month 7', range: 'D16', formulas: [['=SUM(D5:D15)']] }], severity: 'warning', expected: '=SUM(D5:D15)', message: 'Sub total D16 is the typed number 98.506, not a formula: it will not follow changes to its lines. Use =SUM(D5:D15)' }],
    },
    {
      name: 'the grand total typed: the fix adds the sub totals',
      workbook: withCell(seed000Table1Formulas(), M7, 'B37', { value: 193.526, format: M }),
      errors: [{ cell: 'B37', messageId: 'typed', output: [{ kind: 'setFormulas', sheet: 'Month 7', range: 'B37', formulas: [['=SUM(B16,B21,B33,B36)']] }], expected: '=SUM(B16,B21,B33,B36)' }],
    },
    {
      name: 'a typed row total (seed 004 Table 5)',
      workbook: withCell(seed004Table5(), 'Table 5', 'E5', { value: 3754, format: '#,##0;(#,##0);"-"' }),
      errors: [{ cell: 'E5', messageId: 'typedRowTotal', output: [{ kind: 'setFormulas', sheet: 'Table 5', range: 'E5', formulas: [['=SUM(B5:D5)']] }], expected: '=SUM(B5:D5)', message: /Row total E5 is the typed number 3,754/ }],
    },
  ],
});

describe('total-formula on the table typed as published', () => {
  it('warns on every total cell of every figure column, and nowhere else', () => {
    const cells = findingsOf(totalFormulaRule, seed000Table1Values()).map((f) => f.cell);
    const expected = [16, 21, 33, 36, 37].flatMap((r) => 'BCDEFIJK'.split('').map((c) => `${c}${r}`));
    expect(cells.sort()).toEqual(expected.sort());
  });

  it('offers SUM fixes over each section', () => {
    const f = findingsOf(totalFormulaRule, withValue(seed000Table1Values(), M7, 'F33', -0.859)).find((x) => x.cell === 'F33');
    expect(f?.expected).toBe('=SUM(F23:F32)');
  });
});
