/** An original and a latest budget side by side: the variance is judged against the one its figures follow. */
import { sheetFromValues } from '../../../src/engine/grid';
import { readTables } from '../../../src/engine/read';
import { validateWorkbook } from '../../../src/engine/validate';

const rows = (order: 'originalFirst' | 'latestFirst') => {
  const head = order === 'originalFirst' ? ['Service', 'Original Budget £000', 'Latest Budget £000'] : ['Service', 'Latest Budget £000', 'Original Budget £000'];
  const line = (name: string, original: number, latest: number, forecast: number) =>
    [name, ...(order === 'originalFirst' ? [original, latest] : [latest, original]), forecast, forecast - latest];
  return sheetFromValues('Q2', [
    [...head, 'Forecast £000', 'Variance £000'],
    line('Placements', 1000, 1100, 1150),
    line('Fostering', 500, 450, 430),
    line('Transport', 300, 300, 320),
  ]);
};

describe('several budget columns', () => {
  it.each(['originalFirst', 'latestFirst'] as const)('the variance follows the latest budget (%s): it is the budget, the original is a figure', (order) => {
    const wb = { sheets: [rows(order)] };
    const table = readTables(wb)[0]!;
    const budget = table.columns.find((c) => c.role === 'netBudget')!;
    expect(budget.header).toBe('Latest Budget £000');
    expect(table.columns.find((c) => c.header === 'Original Budget £000')?.role).toBe('otherNumber');
    expect(validateWorkbook(wb).findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });

  it('a variance that follows neither is still judged against the latest budget, by its header', () => {
    const sheet = rows('originalFirst');
    const wb = { sheets: [{ ...sheet, rows: sheet.rows.map((r, i) => (i === 1 ? [...(r ?? []).slice(0, 4), { value: 99 }] : r)) }] };
    const errors = validateWorkbook(wb).findings.filter((f) => f.severity === 'error' && !f.causedBy).map((f) => [f.rule, f.cell, f.expected]);
    expect(errors).toEqual([['variance', 'E2', 50]]);
  });
});
