import type { Finding } from '../../../src/engine/findings';
import type { MonitoringTable } from '../../../src/engine/model';
import type { EditPlan } from '../../../src/engine/plan';
import { DEFAULT_RAG_POLICY } from '../../../src/engine/policy';
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

  it('applying a previewed fix removes exactly the findings it fixes and records the title for revert', () => {
    let s = paneReducer(initialPaneState, { type: 'validated', findings: [d16, e16, h9] });
    s = paneReducer(s, { type: 'previewOpened', plan: fixD16, fixes: [d16] });
    expect(s.pending?.plan).toBe(fixD16);
    s = paneReducer(s, { type: 'planApplied', title: fixD16.title });
    expect(s.findings).toEqual([e16, h9]);
    expect(s.pending).toBeNull();
    expect(s.applied).toEqual(['Fix sub total D16']);
    expect(s.notice).toBe('Fix sub total D16');
  });

  it('applying a plan that fixes nothing (RAG, trackers) leaves the findings alone', () => {
    let s = paneReducer(initialPaneState, { type: 'validated', findings: [h9] });
    s = paneReducer(s, { type: 'previewOpened', plan: { title: 'Apply RAG colours', edits: [] }, fixes: [] });
    s = paneReducer(s, { type: 'planApplied', title: 'Apply RAG colours' });
    expect(s.findings).toEqual([h9]);
  });

  it('revert pops the last applied title; a revert with nothing to undo empties the history', () => {
    let s: PaneState = { ...initialPaneState, applied: ['A', 'B'] };
    s = paneReducer(s, { type: 'reverted', title: 'B' });
    expect(s.applied).toEqual(['A']);
    s = paneReducer(s, { type: 'reverted', title: null });
    expect(s.applied).toEqual([]);
  });

  it('changing tab closes an open preview without applying it', () => {
    let s = paneReducer(initialPaneState, { type: 'previewOpened', plan: fixD16, fixes: [d16] });
    s = paneReducer(s, { type: 'tabChosen', tab: 'rag' });
    expect(s).toMatchObject({ tab: 'rag', pending: null, applied: [] });
  });

  it('stores tables as read and ends the busy state', () => {
    const table = { id: 'Month 7!A3:K33' } as MonitoringTable;
    const s = paneReducer({ ...initialPaneState, busy: 'x' }, { type: 'tablesRead', tables: [table] });
    expect(s.tables).toEqual([table]);
    expect(s.busy).toBeNull();
  });
});

describe('groupFindings', () => {
  it('groups by sheet in order of first appearance, then errors, warnings, notes', () => {
    const groups = groupFindings([h9, f5, note, d16, e16]);
    expect(groups.map((g) => [g.sheet, g.severity, g.findings.map((f) => f.cell)])).toEqual([
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
