import fc from 'fast-check';
import { toA1 } from '../../../src/engine/address';
import { applyPlan } from '../../../src/engine/apply';
import type { CellValue, Workbook } from '../../../src/engine/grid';
import type { Edit } from '../../../src/engine/plan';
import { planSavingsTracker, SAVINGS_COLUMNS as S } from '../../../src/engine/operations/savings-tracker';
import { readTables } from '../../../src/engine/read';
import { recalculate } from '../../../src/host/calc/recalculate';
import { GRID_FIXTURES, MTFP_ROWS } from '../../fixtures/grids';
import { evaluateRules } from './cf-eval';
import { typeInto, valueAt } from './seed-workbooks';

const SHEET = 'Savings Tracker';
const generate = (w: Workbook, options: Parameters<typeof planSavingsTracker>[2] = {}) => {
  const result = planSavingsTracker(w, readTables(w), { year: '24/25', ...options });
  return { result, after: recalculate(applyPlan(w, result.plan)) };
};

describe('savings tracker from seed 001 (MTFP tracker)', () => {
  const source = GRID_FIXTURES['seed001-mtfp-tracker']!();
  const { result, after } = generate(source);
  const n = MTFP_ROWS.length;
  const totalsRow = 4 + n + 10; // header on row 3, savings from row 4, ten spare rows

  it('copies every saving and totals them by formula to the seed\'s TOTALS', () => {
    expect(result.problems).toEqual([]);
    expect(n).toBe(15);
    expect(result.plan.edits[0]).toEqual({ kind: 'addSheet', sheet: SHEET, after: 'MTFP Tracker' });
    expect(valueAt(after, SHEET, `B${totalsRow}`)).toBe('TOTALS');
    // TOTALS as published: target, achieved, on track, at risk (DOMAIN.md §3); nothing over-achieved.
    expect(['C', 'D', 'E', 'F', 'G'].map((c) => valueAt(after, SHEET, `${c}${totalsRow}`))).toEqual([9_568_900, 0, 1_371_200, 4_166_400, 4_031_300]);
    expect(valueAt(after, SHEET, 'A4')).toBe(MTFP_ROWS[0]![0]);
  });

  it('every saving\'s buckets add up to its target, and the RAG follows delivery status', () => {
    const checks = Array.from({ length: n }, (_, i) => valueAt(after, SHEET, `I${4 + i}`));
    expect(checks).toEqual(Array(n).fill(0));
    const rag = (ref: string) => valueAt(after, SHEET, `J${4 + MTFP_ROWS.findIndex((r) => r[0] === ref)}`);
    expect([rag('CFE001'), rag('CFE003'), rag('CFE009'), rag('CFE016')]).toEqual(['Amber', 'Green', 'Red', 'Red']);
    expect(valueAt(after, SHEET, `J${totalsRow}`)).toBe('Red'); // the seed's overall status "R"
  });

  it('flags a saving whose buckets do not add up to its target', () => {
    const faulty = recalculate(typeInto(after, SHEET, { F4: 100_000 })); // CFE001 on track 175,500 → 100,000
    expect(valueAt(faulty, SHEET, 'I4')).toBe(75_500);
    const rule = result.plan.edits.filter((e): e is Extract<Edit, { kind: 'addConditionalFormat' }> => e.kind === 'addConditionalFormat' && e.format.rule.type === 'formula');
    const flagged = [...evaluateRules(faulty, rule)[0]!].filter(([, met]) => met).map(([key]) => Number(key.split(':')[1]) + 1);
    expect(flagged).toEqual([4, totalsRow]);
  });

  it('regenerating keeps what officers typed and does not copy the source again', () => {
    const typed = recalculate(typeInto(after, SHEET, { H5: 'Checked with schools', A19: 'CFE020', B19: 'New saving', C19: 50_000, G19: 50_000, H30: 'cfo note' }));
    const again = generate(typed);
    expect(again.result.problems).toEqual([]);
    expect(again.result.plan.edits.filter((e) => e.kind === 'setFormulas')).toEqual([]);
    expect(again.after).toEqual(typed);
  });
});

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
