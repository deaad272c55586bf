/** Random grids: the reader never throws and what it returns is consistent (npm run test:slow). */
import fc from 'fast-check';
import type { Cell, CellValue } from '../../../src/engine/grid';
import { readTables } from '../../../src/engine/read';
import { expectConsistent } from './consistency';

describe('grids no one planned for', () => {
  const cellValue: fc.Arbitrary<CellValue> = fc.oneof(
    fc.constant(null),
    fc.double({ noNaN: false }),
    fc.integer({ min: -1e6, max: 1e6 }),
    fc.constantFrom('Total', 'sub total', 'TOTALS', 'Still to be Mitigated', 'To be Mitigated', '-', 'TBC', '(1.5)', '`(19)', ', ,',
      'Service Area', 'Budget £m', 'Forecast', 'Variance', '2024/25', 'Quarter 2 £m', 'RAG', 'Movement From Month 6', 'Education',
      'TOTAL SERVICE EXPENDITURE (total of lines 1 to 9)', '#REF!', '£', ''),
    fc.string({ maxLength: 12 }),
    fc.boolean(),
    fc.constant({ error: '#N/A' }),
  );
  const cell: fc.Arbitrary<Cell | undefined> = fc.oneof(
    fc.constant(undefined),
    cellValue.map((value) => ({ value })),
    fc.tuple(cellValue, fc.constantFrom('=SUM(B1:B3)', '=A1+B2', '=SUM(A1,A3)', "='Other'!B2", '=SUM(')).map(([value, formula]) => ({ value, formula })),
  );
  const grid = fc.array(fc.option(fc.array(cell, { maxLength: 8 }), { nil: undefined }), { maxLength: 30 });

  it('never throws on random grids, and what it returns is consistent', () => {
    fc.assert(
      fc.property(grid, grid, (a, b) => {
        const tables = readTables({ sheets: [{ name: 'A', rows: a }, { name: 'B', rows: b }] });
        for (const t of tables) expectConsistent(t);
      }),
      { numRuns: 300 },
    );
  });
});
