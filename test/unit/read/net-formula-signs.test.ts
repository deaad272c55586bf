/** A net budget's own formula (=B9+C9) says how income is signed, whatever a wrong figure suggests. */
import { buildLayout, withCellChanged } from '../../support/layouts';
import { validateWorkbook } from '../../../src/engine/validate';

it('a line net typed over with a wrong figure is one error there, the convention read from the formulas', () => {
  const line = (expenditure: number, income: number) => ({ expenditure, income, variance: 0 });
  const layout = buildLayout({
    sections: [[line(50, 0), line(50, 0), line(50, 0)], [line(50, 10), line(50, 0)]],
    totalsAbove: false, incomePositive: false, codeColumn: false, percentColumn: false, checkColumn: false,
    averageRow: false, originalBudget: false, underspendPositive: false, noteColumn: false, furtherLines: false,
  });
  // Schools (expenditure 50, income (10), net =B9+C9) and Transport, whose net D10 is typed over: 50 becomes 100.
  const { findings } = validateWorkbook(withCellChanged(layout.workbook, 'D10', { value: 100 }));
  expect(findings.filter((f) => f.severity === 'error' && !f.causedBy).map((f) => `${f.rule} ${f.cell}: ${f.message}`)).toEqual([
    'net-budget D10: Net budget D10 for Transport is 100 but expenditure 50 plus income 0 is 50 (£000)',
  ]);
});
