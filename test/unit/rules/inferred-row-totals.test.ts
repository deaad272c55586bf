/** A "Total …" column whose parts are two columns apart: found by the figures, a row that breaks it is a warning. */
import { sheetFromValues } from '../../../src/engine/grid';
import { validateWorkbook } from '../../../src/engine/validate';

const COUNCILS = ['Adur', 'Allerdale', 'Amber Valley', 'Arun', 'Ashfield', 'Ashford', 'Babergh', 'Barrow', 'Basildon', 'Bassetlaw', 'Blaby', 'Bolsover'];

function financing(broken?: { row: number; value: number }) {
  const rows = COUNCILS.map((name, i) => {
    const borrowing = 100 + 17 * i;
    const grants = 40 + 3 * i;
    const pfi = i % 3 === 0 ? 0 : 25 + i;
    const total = borrowing + pfi;
    return [name, borrowing, grants, pfi, broken && broken.row === i ? broken.value : total];
  });
  return {
    sheets: [sheetFromValues('Financing', [
      ['Capital financing (£000)'],
      ['Authority', 'Prudential borrowing', 'Grants', 'PFI financing', 'Total borrowing including PFI'],
      ...rows,
    ])],
  };
}

describe('a Total column that adds two columns that are not side by side', () => {
  it('is found by its figures and gives nothing when every row adds up', () => {
    expect(validateWorkbook(financing()).findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });

  it('reports a row where it does not, as a warning naming the parts', () => {
    const found = validateWorkbook(financing({ row: 4, value: 168 })).findings.filter((f) => f.severity !== 'info');
    expect(found.map((f) => [f.rule, f.severity, f.cell, f.expected, f.actual])).toEqual([['total-sum', 'warning', 'E7', 197, 168]]);
    expect(found[0]!.message).toBe('E7 is 168 but B7, D7 come to 197 (£000); on 11 of 12 rows this "Total" column equals them');
  });
});
