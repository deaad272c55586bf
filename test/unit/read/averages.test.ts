/** Rows labelled as totals that hold averages are notes, not totals; a SUM is always a sum. */
import { sheetFromValues } from '../../../src/engine/grid';
import { readTables } from '../../../src/engine/read';
import { validateWorkbook } from '../../../src/engine/validate';

const lines: [string, number, number][] = [['Blaenau Gwent', 1768, 27], ['Bridgend', 1597, 52], ['Caerphilly', 1254, 15], ['Cardiff', 1335, 3]];

describe('average rows', () => {
  it('a typed "Total" row that is the average of its lines is a note, with no error', () => {
    const wb = { sheets: [sheetFromValues('Band D', [['Authority', 'County council CT £', 'Community council CT £'], ['Total Unitary Authorities', 1489, 24], ...lines])] };
    const table = readTables(wb)[0]!;
    expect(table.rows.find((r) => r.row === 1)?.kind).toBe('note');
    expect(validateWorkbook(wb).findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });

  it('a total typed wrong in one column only is still a total, and its error is reported', () => {
    const wb = { sheets: [sheetFromValues('Band D', [['Authority', 'County council CT £', 'Community council CT £'], ...lines, ['Total', 1500, 97]])] };
    const errors = validateWorkbook(wb).findings.filter((f) => f.severity === 'error').map((f) => [f.cell, f.expected, f.actual]);
    expect(errors).toEqual([['B6', 5954, 1500]]);
  });

  it('a SUM that falls within the range of its lines is a short sum, not an average', () => {
    const wb = { sheets: [sheetFromValues('Band D', [['Authority', 'Net Budget £'], ...lines.map((l) => [l[0], l[1]]), ['Total', { value: 1768, formula: '=SUM(B2:B2)' }]])] };
    expect(validateWorkbook(wb).findings.filter((f) => f.severity === 'error' && !f.causedBy).map((f) => `${f.rule} ${f.cell}`)).toEqual(['sum-range B6']);
  });
});
