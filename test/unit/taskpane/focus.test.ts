/** Where focus goes after the pane's work (src/taskpane/focus.ts), and the workbench's F6 order. */
import { focusAfter } from '../../../src/taskpane/focus';
import { initialPaneState, type PaneState } from '../../../src/taskpane/state/reducer';
import { nextRegion } from '../../../src/workbench/regions';
import type { EditPlan } from '../../../src/engine/plan';

const plan: EditPlan = { title: 'Restore the SUM in B16', edits: [] } as unknown as EditPlan;
const pending = { plan, fixes: [], allowOverwrite: [], changes: [] };
const applied = { id: 'p1', title: 'Restore the SUM in B16', appliedAt: '2024-11-01T00:00:00Z' } as unknown as PaneState['applied'][number];
const state = (over: Partial<PaneState>): PaneState => ({ ...initialPaneState, ...over });

describe('focusAfter', () => {
  it('goes into a preview when it opens', () => {
    expect(focusAfter(state({ busy: 'Reading 2 sheets…' }), state({ pending }))).toBe('preview');
  });

  it('goes to Revert once a preview is applied', () => {
    expect(focusAfter(state({ pending, busy: 'Applying 1 change…' }), state({ applied: [applied], notice: applied.title }))).toBe('revert');
  });

  it('goes to the tab’s first action after Revert', () => {
    expect(focusAfter(state({ applied: [applied], busy: 'Reverting' }), state({ notice: 'Reverted: Restore the SUM in B16.' }))).toBe('action');
  });

  it('goes to the message bar when something fails', () => {
    expect(focusAfter(state({ pending, busy: 'Applying 1 change…' }), state({ pending, error: 'B16 was edited' }))).toBe('error');
  });

  it('returns to where the officer was when work ends or a preview is cancelled, and otherwise stays', () => {
    expect(focusAfter(state({ busy: 'Reading 2 sheets…' }), state({ findings: [] }))).toBe('restore');
    expect(focusAfter(state({ pending }), state({}))).toBe('restore');
    const same = state({});
    expect(focusAfter(same, { ...same, tab: 'rag' })).toBeNull();
  });
});

describe('nextRegion (F6)', () => {
  it('cycles the sheet, the pane and the toolbar, forwards and back', () => {
    expect(nextRegion('grid', 1)).toBe('pane');
    expect(nextRegion('pane', 1)).toBe('toolbar');
    expect(nextRegion('toolbar', 1)).toBe('grid');
    expect(nextRegion('grid', -1)).toBe('toolbar');
    expect(nextRegion(null, 1)).toBe('grid');
  });
});
