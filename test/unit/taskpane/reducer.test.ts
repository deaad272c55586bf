import type { Finding } from '../../../src/engine/findings';
import type { MonitoringTable } from '../../../src/engine/model';
import type { EditPlan } from '../../../src/engine/plan';
import { DEFAULT_RAG_POLICY } from '../../../src/engine/policy';
import { writtenRanges } from '../../../src/taskpane/state/overwrite';
import { fixableOfKind, groupFindings, initialPaneState, paneReducer, type PaneState } from '../../../src/taskpane/state/reducer';

const fixD16: EditPlan = { title: 'Fix sub total D16', edits: [{ kind: 'setFormulas', sheet: 'Month 7', range: 'D16', formulas: [['=SUM(D5:D15)']] }] };
const fixE16: EditPlan = { title: 'Fix sub total E16', edits: [{ kind: 'setFormulas', sheet: 'Month 7', range: 'E16', formulas: [['=SUM(E5:E15)']] }] };

function finding(sheet: string, cell: string, severity: Finding['severity'], rule: string, fix?: EditPlan): Finding {
  return { rule, severity, sheet, cell, message: `${rule} at ${cell}`, expected: 1, actual: 2, ...(fix ? { fix } : {}) };
}

const d16 = finding('Month 7', 'D16', 'error', 'total-sum', fixD16);
const e16 = finding('Month 7', 'E16', 'error', 'total-sum', fixE16);
const h9 = finding('Month 7', 'H9', 'warning', 'rag', undefined);
const f5 = finding('Month 6', 'F5', 'error', 'figures');
const note = finding('Month 7', 'A1', 'info', 'unit');

describe('paneReducer', () => {
  it('starts on Validate with nothing run and the default policy', () => {
    expect(initialPaneState.tab).toBe('validate');
    expect(initialPaneState.findings).toBeNull();
    expect(initialPaneState.policy).toBe(DEFAULT_RAG_POLICY);
  });

  it('clears an old error and notice when new work starts, and a failure ends the work with one message', () => {
    let s: PaneState = { ...initialPaneState, error: 'old', notice: 'old notice' };
    s = paneReducer(s, { type: 'workStarted', label: 'Validate workbook' });
    expect(s).toMatchObject({ busy: 'Validate workbook', error: null, notice: null });
    s = paneReducer(s, { type: 'workFailed', message: 'The sheet “Month 6” no longer exists.' });
    expect(s).toMatchObject({ busy: null, error: 'The sheet “Month 6” no longer exists.' });
    expect(paneReducer(s, { type: 'errorDismissed' }).error).toBeNull();
  });

  it('keeps one override per sheet and column, the latest choice winning', () => {
    let s = paneReducer(initialPaneState, { type: 'roleChosen', sheet: 'Month 7', column: 'F', role: 'variance' });
    s = paneReducer(s, { type: 'roleChosen', sheet: 'Month 6', column: 'F', role: 'forecast' });
    s = paneReducer(s, { type: 'roleChosen', sheet: 'Month 7', column: 'F', role: 'movement' });
    expect(s.overrides).toEqual([
      { sheet: 'Month 6', column: 'F', role: 'forecast' },
      { sheet: 'Month 7', column: 'F', role: 'movement' },
    ]);
  });

  it('applying a previewed fix removes exactly the findings it fixes and records the plan for revert', () => {
    let s = paneReducer(initialPaneState, { type: 'validated', findings: [d16, e16, h9] });
    const allow = [{ sheet: 'Month 7', range: 'D16' }];
    const changes = [{ sheet: 'Month 7', cell: 'D16', before: '150.000', after: '=SUM(D5:D15)' }];
    s = paneReducer(s, { type: 'previewOpened', plan: fixD16, fixes: [d16], allowOverwrite: allow, changes });
    expect(s.pending).toEqual({ plan: fixD16, fixes: [d16], allowOverwrite: allow, changes });
    s = paneReducer(s, { type: 'planApplied', applied: { id: 'p1', title: fixD16.title, appliedAt: '2026-01-01T00:00:00Z' } });
    expect(s.findings).toEqual([e16, h9]);
    expect(s.pending).toBeNull();
    expect(s.applied.map((a) => a.id)).toEqual(['p1']);
    expect(s.notice).toBe('Fix sub total D16');
  });

  it('a new validation replaces the finding cell formats; one read without formats leaves none behind', () => {
    let s = paneReducer(initialPaneState, { type: 'validated', findings: [d16], formats: { 'Month 7!D16': '0.000' } });
    expect(s.findingFormats).toEqual({ 'Month 7!D16': '0.000' });
    s = paneReducer(s, { type: 'validated', findings: [h9] });
    expect(s.findingFormats).toEqual({});
  });

  it('applying a plan that fixes nothing (RAG, trackers) leaves the findings alone', () => {
    let s = paneReducer(initialPaneState, { type: 'validated', findings: [h9] });
    s = paneReducer(s, { type: 'previewOpened', plan: { title: 'Apply RAG colours', edits: [] }, fixes: [], allowOverwrite: [], changes: [] });
    s = paneReducer(s, { type: 'planApplied', applied: { id: 'p2', title: 'Apply RAG colours', appliedAt: '2026-01-01T00:00:00Z' } });
    expect(s.findings).toEqual([h9]);
  });

  it('revert drops the newest applied plan and says what was reverted', () => {
    const a = { id: 'a', title: 'A', appliedAt: '2026-01-01T00:00:00Z' };
    const b = { id: 'b', title: 'B', appliedAt: '2026-01-01T00:01:00Z' };
    let s: PaneState = { ...initialPaneState, applied: [b, a] };
    s = paneReducer(s, { type: 'reverted', title: 'Reverted: B.' });
    expect(s.applied).toEqual([a]);
    expect(s.notice).toBe('Reverted: B.');
  });

  it('changing tab closes an open preview without applying it', () => {
    let s = paneReducer(initialPaneState, { type: 'previewOpened', plan: fixD16, fixes: [d16], allowOverwrite: [], changes: [] });
    s = paneReducer(s, { type: 'tabChosen', tab: 'rag' });
    expect(s).toMatchObject({ tab: 'rag', pending: null, applied: [] });
  });

  it('stores tables and the revertible plans the host reports as read, and ends the busy state', () => {
    const table = { id: 'Month 7!A3:K37' } as MonitoringTable;
    const applied = [{ id: 'x1', title: 'Apply RAG colours', appliedAt: '2026-01-01T00:00:00Z' }];
    const s = paneReducer({ ...initialPaneState, busy: 'x' }, { type: 'tablesRead', tables: [table], applied });
    expect(s.tables).toEqual([table]);
    expect(s.applied).toEqual(applied);
    expect(s.busy).toBeNull();
  });
});

describe('groupFindings', () => {
  it('groups by sheet in order of first appearance, then errors, warnings, notes', () => {
    const groups = groupFindings([h9, f5, note, d16, e16]);
    expect(groups.map((g) => [g.sheet, g.severity, g.cards.map((c) => c.finding.cell)])).toEqual([
      ['Month 7', 'error', ['D16', 'E16']],
      ['Month 7', 'warning', ['H9']],
      ['Month 7', 'info', ['A1']],
      ['Month 6', 'error', ['F5']],
    ]);
  });
});

describe('fixableOfKind', () => {
  it('lists the fixable findings of the same rule only', () => {
    expect(fixableOfKind([d16, e16, h9, f5], 'total-sum')).toEqual([d16, e16]);
    expect(fixableOfKind([d16, e16, h9, f5], 'figures')).toEqual([]);
  });
});

describe('writtenRanges', () => {
  it('lists only the value and formula writes of a plan, by sheet', () => {
    const plan: EditPlan = {
      title: 'Compute movement',
      edits: [
        { kind: 'setFormulas', sheet: 'Month 7', range: 'K5:K15', formulas: [] },
        { kind: 'setNumberFormat', sheet: 'Month 7', range: 'K5:K15', format: '0.000' },
        { kind: 'addConditionalFormat', sheet: 'Month 7', range: 'H5:H37', tag: 'rag', format: { rule: { type: 'formula', formula: '=TRUE' }, style: { fill: '#FF0000' } } },
        { kind: 'setValues', sheet: "Bob's", range: 'A1', values: [['x']] },
      ],
    };
    expect(writtenRanges(plan)).toEqual([{ sheet: 'Month 7', range: 'K5:K15' }, { sheet: "Bob's", range: 'A1' }]);
  });
});

describe('work the officer did not ask for', () => {
  it('re-validating after an edit leaves the message bar and the notice as they are', () => {
    const shown = { ...initialPaneState, error: 'The cells were edited since the add-in wrote them.', notice: 'Reverted: Fix B16.' };
    expect(paneReducer(shown, { type: 'workStarted', label: 'Reading 2 sheets…', background: true })).toMatchObject({ busy: 'Reading 2 sheets…', error: shown.error, notice: shown.notice });
    expect(paneReducer(shown, { type: 'workStarted', label: 'Reading 2 sheets…' })).toMatchObject({ error: null, notice: null });
  });
});
