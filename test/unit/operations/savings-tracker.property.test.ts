/** Savings tracker regeneration against random officer edits (npm run test:slow). */
import fc from 'fast-check';
import { toA1 } from '../../../src/engine/address';
import { applyPlan } from '../../../src/engine/apply';
import type { CellValue, Workbook } from '../../../src/engine/grid';
import { planSavingsTracker, SAVINGS_COLUMNS as S } from '../../../src/engine/operations/savings-tracker';
import { readTables } from '../../../src/engine/read';
import { recalculate } from '../../../src/host/calc/recalculate';
import { GRID_FIXTURES } from '../../fixtures/grids';
import { typeInto } from './seed-workbooks';

const SHEET = 'Savings Tracker';
const generate = (w: Workbook, options: Parameters<typeof planSavingsTracker>[2] = {}) => {
  const result = planSavingsTracker(w, readTables(w), { year: '24/25', ...options });
  return { result, after: recalculate(applyPlan(w, result.plan)) };
};

describe('savings tracker: nothing typed is lost across regenerations', () => {
  const start = generate(GRID_FIXTURES['seed001-mtfp-tracker']!(), { spareRows: 3 }).after;
  const value = fc.oneof(fc.stringMatching(/^[A-Za-z][A-Za-z0-9 ]{0,10}$/), fc.integer({ min: 0, max: 4_000_000 }), fc.constant(null as CellValue));
  const step = fc.oneof(
    fc.record({ kind: fc.constant('type' as const), row: fc.nat({ max: 19 }), col: fc.constantFrom(S.ref, S.saving, S.target, S.overAchieved, S.achieved, S.onTrack, S.atRisk, S.comments), value }),
    fc.record({ kind: fc.constant('regenerate' as const) }),
  );
  it('every officer column entry survives in place', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 20 }), (steps) => {
        let w = start;
        for (const s of steps) {
          if (s.kind === 'type') {
            w = typeInto(w, SHEET, { [toA1(3 + s.row, s.col)]: s.value });
            continue;
          }
          const before = w.sheets.find((x) => x.name === SHEET)!;
          const totalsBefore = before.rows.findIndex((cells) => cells?.[S.saving]?.value === 'TOTALS');
          const result = planSavingsTracker(w, readTables(w).filter((t) => t.sheet !== SHEET), { year: '24/25', spareRows: 3 });
          if (result.problems.length > 0) {
            // An entry typed below the table where the grown layout needs to go, or over the
            // TOTALS label: refused with a message saying which, and nothing written.
            expect(result.plan.edits).toEqual([]);
            expect(result.problems).toEqual([
              expect.stringMatching(/^(Savings Tracker![A-Z]+\d+ holds an entry the tracker layout would overwrite|The "TOTALS" row on sheet "Savings Tracker" was changed)/),
            ]);
            continue;
          }
          w = applyPlan(w, result.plan);
          const now = w.sheets.find((x) => x.name === SHEET)!;
          before.rows.forEach((cells, r) =>
            cells?.forEach((cell, c) => {
              // Every saving row's officer columns, as typed.
              if (r >= 3 && r < totalsBefore && c <= S.comments && cell && cell.value !== null && cell.formula === undefined) {
                expect([r, c, now.rows[r]?.[c]?.value]).toEqual([r, c, cell.value]);
              }
            }),
          );
        }
      }),
      { numRuns: 60 },
    );
  });
});
