import { applyPlan } from '../../../src/engine/apply';
import type { Workbook } from '../../../src/engine/grid';
import type { Edit } from '../../../src/engine/plan';
import { planSavingsTracker } from '../../../src/engine/operations/savings-tracker';
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

describe('savings tracker asked for from a monitoring table', () => {
  it('starts from empty rows to fill, never from the service lines', () => {
    const months = GRID_FIXTURES['seed000-months']!();
    const monitoring = readTables(months).find((t) => t.kind === 'monitoring')!;
    const { result, after } = generate(months, { tableId: monitoring.id });
    expect(result.problems).toEqual([]);
    // Header on row 3, ten empty rows to fill (4 to 13), totals on row 14.
    expect(['A4', 'B4', 'C4', 'B13'].map((a) => valueAt(after, SHEET, a))).toEqual([null, null, null, null]);
    expect(valueAt(after, SHEET, 'B14')).toBe('TOTALS');
  });

  it('starts from the workbook’s savings table when it has one, whichever table was chosen', () => {
    const both: Workbook = { sheets: [...GRID_FIXTURES['seed000-months']!().sheets, ...GRID_FIXTURES['seed001-mtfp-tracker']!().sheets] };
    const monitoring = readTables(both).find((t) => t.kind === 'monitoring')!;
    const { after } = generate(both, { tableId: monitoring.id });
    expect(valueAt(after, SHEET, 'A4')).toBe(MTFP_ROWS[0]![0]);
  });
});
