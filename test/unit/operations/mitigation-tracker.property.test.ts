/**
 * Nothing an officer types into the mitigation tracker is ever lost: random sequences of
 * officer edits and regenerations (same period, or rolling on to a new one).
 */
import fc from 'fast-check';
import { toA1 } from '../../../src/engine/address';
import { applyPlan } from '../../../src/engine/apply';
import type { CellValue, Workbook } from '../../../src/engine/grid';
import { MITIGATION_COLUMNS as C, planMitigationTracker, readMitigationTracker, type ExistingMitigationTracker } from '../../../src/engine/operations/mitigation-tracker';
import { seed000Workbook, tableOf, typeInto } from './seed-workbooks';

const SHEET = 'Mitigation Tracker';
const OFFICER = [C.action, C.owner, C.serviceLine, C.previous, C.current, C.oneOff, C.ongoing, C.status, C.comments];

type Command =
  | { kind: 'type'; offset: number; col: number; value: CellValue }
  | { kind: 'comment'; which: 'total' | 'still'; value: string }
  | { kind: 'regenerate'; period: string };

const value = fc.oneof(
  fc.stringMatching(/^[A-Za-z][A-Za-z0-9 ]{0,12}$/),
  fc.integer({ min: -5000, max: 5000 }).map((n) => n / 1000),
  fc.constantFrom('TBC', '-'),
  fc.constant(null),
);
const command: fc.Arbitrary<Command> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('type' as const), offset: fc.nat({ max: 14 }), col: fc.constantFrom(...OFFICER), value }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('comment' as const), which: fc.constantFrom('total' as const, 'still' as const), value: fc.stringMatching(/^[A-Za-z][a-z ]{0,10}$/) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('regenerate' as const), period: fc.constantFrom('Month 7', 'Month 8', 'Month 9') }) },
);

const trackerOf = (w: Workbook): ExistingMitigationTracker => readMitigationTracker(w.sheets.find((s) => s.name === SHEET)!)!;

/** Every officer-typed entry in the tracker, as a multiset (value → count). */
function typedEntries(t: ExistingMitigationTracker): Map<string, number> {
  const out = new Map<string, number>();
  const add = (e: unknown) => e !== null && e !== undefined && out.set(JSON.stringify(e), (out.get(JSON.stringify(e)) ?? 0) + 1);
  for (const a of t.actions) {
    for (const e of a.entries.values()) add(e);
    a.history.forEach(add);
  }
  add(t.totalComment);
  add(t.stillComment);
  add(t.toBeMitigated.comment);
  return out;
}

function regenerate(w: Workbook, period: string): Workbook {
  const table = tableOf(w.sheets.find((s) => s.name === 'Month 7')!);
  const result = planMitigationTracker(w, [table], { section: 'Children & Families', period, spareRows: 5 });
  expect(result.problems).toEqual([]);
  return applyPlan(w, result.plan);
}

describe('mitigation tracker: officers\' entries survive regeneration', () => {
  const start = regenerate(seed000Workbook(), 'Month 7');

  it('for any sequence of edits and regenerations, every typed entry is still there', () => {
    fc.assert(
      fc.property(fc.array(command, { maxLength: 25 }), (commands) => {
        let w = start;
        for (const cmd of commands) {
          const t = trackerOf(w);
          if (cmd.kind === 'type') {
            const rows = t.totalRow - t.toBeMitigatedRow - 1;
            const row = t.toBeMitigatedRow + 1 + (cmd.offset % rows);
            w = typeInto(w, SHEET, { [toA1(row, cmd.col)]: cmd.value });
          } else if (cmd.kind === 'comment') {
            w = typeInto(w, SHEET, { [toA1(cmd.which === 'total' ? t.totalRow : t.stillRow, C.comments)]: cmd.value });
          } else {
            const rolled = cmd.period !== t.currentLabel;
            const next = regenerate(w, cmd.period);
            const after = trackerOf(next);
            // Nothing typed is lost: each entry is still there at least as often.
            const before = typedEntries(t);
            const now = typedEntries(after);
            for (const [entry, count] of before) expect([entry, now.get(entry) ?? 0]).toEqual([entry, Math.max(count, now.get(entry) ?? 0)]);
            // Each action keeps its words and amounts; a roll moves this period into the previous one.
            expect(after.actions.length).toBe(t.actions.length);
            after.actions.forEach((a, i) => {
              const old = t.actions[i]!;
              for (const c of [C.action, C.owner, C.serviceLine, C.oneOff, C.ongoing, C.status, C.comments]) expect(a.entries.get(c)).toEqual(old.entries.get(c));
              if (rolled) {
                expect(a.entries.get(C.previous)).toEqual(old.entries.get(C.current));
                expect(a.entries.get(C.current)).toEqual(old.entries.get(C.current));
              } else {
                expect(a.entries).toEqual(old.entries);
                expect(a.history).toEqual(old.history);
              }
            });
            if (!rolled) expect(applyPlan(next, { title: '', edits: [] })).toEqual(regenerate(next, cmd.period));
            w = next;
          }
        }
      }),
      { numRuns: 40 },
    );
  });
});
