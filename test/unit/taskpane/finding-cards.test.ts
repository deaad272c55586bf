/**
 * One fault, one error in the Validate tab: consequences are listed under their root's card,
 * the summary counts roots only, "fix all of this kind" offers roots only, and the evidence
 * line says what the reading rests on.
 */
import { summarise, type Finding } from '../../../src/engine/findings';
import type { EditPlan } from '../../../src/engine/plan';
import { evidenceLine, findingCards, findingCounts, findingKey, fixableOfKind, groupFindings, initialPaneState, paneReducer } from '../../../src/taskpane/state/reducer';

const plan = (cell: string): EditPlan => ({ title: `Fix ${cell}`, edits: [{ kind: 'setFormulas', sheet: 'Month 7', range: cell, formulas: [['=SUM(B5:B15)']] }] });
const byB16 = { rule: 'total-sum', sheet: 'Month 7', cell: 'B16' } as const;

// The sample's Children & Families sub total typed over as 115.000, as the engine reports it.
const b16: Finding = {
  rule: 'total-sum', severity: 'error', sheet: 'Month 7', cell: 'B16',
  message: 'Sub total B16 is 115.000 but its lines add up to 115.076 (£m)', expected: 115.076, actual: 115,
  fix: plan('B16'),
  evidence: { covers: 'B5:B15', confirmedBy: [{ kind: 'otherColumns', cells: 'C16:K16' }], summary: 'B16 should add B5:B15, as C16:K16 do' },
};
const b16Typed: Finding = {
  rule: 'total-formula', severity: 'warning', sheet: 'Month 7', cell: 'B16',
  message: 'Sub total B16 is the typed number 115.000, not a formula', expected: '=SUM(B5:B15)', actual: 115,
  fix: plan('B16'), causedBy: byB16,
};
const d16: Finding = { rule: 'net-budget', severity: 'error', sheet: 'Month 7', cell: 'D16', message: 'Net budget D16 is 98.506 but 98.430', expected: 98.43, actual: 98.506, causedBy: byB16 };
const d37: Finding = { rule: 'net-budget', severity: 'error', sheet: 'Month 7', cell: 'D37', message: 'Net budget D37 is 142.827 but 142.751', expected: 142.751, actual: 142.827, causedBy: byB16 };
// A typed-over sub total that still adds up: a warning of its own, fixable.
const b21: Finding = {
  rule: 'total-formula', severity: 'warning', sheet: 'Month 7', cell: 'B21',
  message: 'Sub total B21 is the typed number 19.106, not a formula', expected: '=SUM(B18:B20)', actual: 19.106, fix: plan('B21'),
};
const note: Finding = {
  rule: 'total-sum', severity: 'info', sheet: 'Month 6', cell: 'E16', message: 'E16 may not add its lines', expected: 10, actual: 11,
  evidence: { covers: 'E5:E15', confirmedBy: [], summary: 'could not tell what E16 covers: nothing but its own figure says it adds E5:E15' },
};
const orphan: Finding = { rule: 'net-budget', severity: 'error', sheet: 'Month 7', cell: 'D21', message: 'Net budget D21 is off', expected: 1, actual: 2, causedBy: { rule: 'total-sum', sheet: 'Month 7', cell: 'B21' } };

describe('findingCards', () => {
  it('lists each consequence under its root, in order, even when it comes before the root', () => {
    const cards = findingCards([d37, b16, b16Typed, b21, d16]);
    expect(cards.map((c) => [c.finding.cell, c.finding.rule, c.consequences.map((x) => `${x.cell} ${x.rule}`)])).toEqual([
      ['B16', 'total-sum', ['D37 net-budget', 'B16 total-formula', 'D16 net-budget']],
      ['B21', 'total-formula', []],
    ]);
  });

  it('shows a consequence whose root is not in the list as a finding of its own', () => {
    const cards = findingCards([b16, d16, orphan]);
    expect(cards.map((c) => [c.finding.cell, c.consequences.map((x) => x.cell)])).toEqual([['B16', ['D16']], ['D21', []]]);
  });
});

describe('groupFindings with consequences', () => {
  it('groups by the root’s sheet and severity: the warning at B16 and the errors at D16, D37 stay on B16’s card', () => {
    const groups = groupFindings([b16, b16Typed, d16, d37, b21, note]);
    expect(groups.map((g) => [g.sheet, g.severity, g.cards.map((c) => `${c.finding.cell}+${c.consequences.length}`)])).toEqual([
      ['Month 7', 'error', ['B16+3']],
      ['Month 7', 'warning', ['B21+0']],
      ['Month 6', 'info', ['E16+0']],
    ]);
  });
});

describe('findingCounts', () => {
  it('counts roots only, as summarise does, and says how many are listed under them', () => {
    const findings = [b16, b16Typed, d16, d37, b21, note];
    expect(findingCounts(findings)).toEqual({ errors: 1, warnings: 1, infos: 1, consequences: 3 });
    expect(findingCounts(findings)).toEqual(summarise(findings));
  });

  it('counts a consequence shown on its own card (its root missing) by its severity', () => {
    expect(findingCounts([b16, d16, orphan])).toEqual({ errors: 2, warnings: 0, infos: 0, consequences: 1 });
  });

  it('a workbook whose only faults are consequences of nothing listed is not ready to submit', () => {
    expect(findingCounts([orphan]).errors).toBe(1);
  });
});

describe('fixableOfKind with consequences', () => {
  it('does not offer a consequence’s fix: fixing its root is the action', () => {
    expect(fixableOfKind([b16, b16Typed, d16, d37, b21], 'total-formula')).toEqual([b21]);
    expect(fixableOfKind([b16, b16Typed, d16, d37, b21], 'total-sum')).toEqual([b16]);
  });
});

describe('evidenceLine', () => {
  it('says what a confirmed reading rests on, under the message', () => {
    expect(evidenceLine(b16)).toBe('Because B16 should add B5:B15, as C16:K16 do');
  });

  it('for a note whose reading nothing confirmed, says why it is only a note', () => {
    expect(evidenceLine(note)).toBe('Could not tell what E16 covers: nothing but its own figure says it adds E5:E15');
  });

  it('is absent without evidence', () => {
    expect(evidenceLine(d16)).toBeNull();
  });
});

describe('paneReducer and consequences', () => {
  it('opens and closes the list under a root', () => {
    let s = paneReducer(initialPaneState, { type: 'validated', findings: [b16, b16Typed, d16, d37] });
    expect(s.openConsequences).toEqual([]);
    s = paneReducer(s, { type: 'consequencesToggled', root: b16 });
    expect(s.openConsequences).toEqual([findingKey(b16)]);
    s = paneReducer(s, { type: 'consequencesToggled', root: b16 });
    expect(s.openConsequences).toEqual([]);
  });

  it('applying the root’s fix clears the root and what follows from it, and nothing else', () => {
    let s = paneReducer(initialPaneState, { type: 'validated', findings: [b16, b16Typed, d16, d37, b21] });
    s = paneReducer(s, { type: 'previewOpened', plan: plan('B16'), fixes: [b16], allowOverwrite: [], changes: [] });
    s = paneReducer(s, { type: 'planApplied', applied: { id: 'p1', title: 'Fix B16', appliedAt: '2026-01-01T00:00:00Z' } });
    expect(s.findings).toEqual([b21]);
  });
});
