/** A total that is an earlier total plus further lines: its formula states what it covers. */
import { sheetFromValues } from '../../../src/engine/grid';
import { readTables } from '../../../src/engine/read';
import { validateWorkbook } from '../../../src/engine/validate';

const f = (formula: string, value: number) => ({ formula, value });
const table = (total: { formula: string; value: number }) => ({
  sheets: [sheetFromValues('Q3', [
    ['Directorate', 'Net Budget £000', 'Forecast £000'],
    ['Children', 100, 110],
    ['Adults', 200, 190],
    ['Total excluding COVID-19', f('=B2+B3', 300), f('=C2+C3', 300)],
    ['COVID-19 costs', 40, 45],
    ['COVID-19 grant', -40, -40],
    ['Total', total, f('=C4+C5+C6', 305)],
  ])],
});

describe('a total that is a sub total plus further lines', () => {
  it('covers the earlier total and the lines after it, as its formula says, and is clean', () => {
    const wb = table(f('=B4+B5+B6', 300));
    expect(readTables(wb)[0]!.rows.find((r) => r.row === 6)).toMatchObject({ kind: 'total', covers: [3, 4, 5], coverBasis: 'widened' });
    expect(validateWorkbook(wb).findings.filter((x) => x.severity !== 'info')).toEqual([]);
  });

  it('still reports a formula that leaves one of those lines out', () => {
    const errors = validateWorkbook(table(f('=B4+B5', 340))).findings.filter((x) => x.severity === 'error' && !x.causedBy).map((x) => `${x.rule} ${x.cell}`);
    expect(errors).toEqual(['sum-range B7']);
  });
});
