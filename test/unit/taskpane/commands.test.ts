/**
 * The pane's commands end to end without a browser: the real engine, the Office adapter and
 * the simulated Excel, with the pure reducer as the state.
 */
import { SimulatedExcel } from '../../../src/host/simulated/excel';
import { createOfficeHost } from '../../../src/host/office';
import { HostError } from '../../../src/host/host';
import { createPaneCommands } from '../../../src/taskpane/commands';
import { findingFigures } from '../../../src/taskpane/finding-figures';
import { SETTING_KEYS } from '../../../src/taskpane/settings-keys';
import { initialPaneState, paneReducer, type PaneAction, type PaneState } from '../../../src/taskpane/state/reducer';
import { sampleWorkbook } from '../../../src/workbench/sample';

function setUp() {
  const excel = SimulatedExcel.fromWorkbook(sampleWorkbook());
  const host = createOfficeHost(excel);
  let state: PaneState = initialPaneState;
  const actions: PaneAction[] = [];
  const dispatch = (action: PaneAction) => {
    actions.push(action);
    state = paneReducer(state, action);
  };
  const commands = createPaneCommands(host, dispatch, () => state);
  return { excel, commands, actions, state: () => state };
}

describe('pane commands', () => {
  it('load reads both monitoring tables of the sample', async () => {
    const { commands, state } = setUp();
    await commands.load();
    expect(state().error).toBeNull();
    expect(state().tables.map((t) => t.id)).toEqual(['Month 6!A3:G37', 'Month 7!A3:K37']);
  });

  it('validate, fix and revert: a typed-over sub total is restored, then put back exactly', async () => {
    const { excel, commands, state } = setUp();
    await commands.load();
    excel.typeInto('Month 7', 'B16', 115);
    await commands.validate();
    const atB16 = state().findings!.filter((f) => f.sheet === 'Month 7' && f.cell === 'B16');
    expect(atB16.map((f) => f.rule).sort()).toEqual(['total-formula', 'total-sum']);
    // Expected / Found as the sheet formats B16 (three decimals), not the raw 115.
    const sum = atB16.find((f) => f.rule === 'total-sum')!;
    expect(state().findingFormats['Month 7!B16']).toMatch(/0\.000/);
    expect(findingFigures(sum, state().findingFormats)).toEqual({ expected: '115.076', found: '115.000' });
    const fixable = atB16.find((f) => f.fix)!;
    await commands.previewFix([fixable]);
    expect(state().pending?.allowOverwrite).toEqual([{ sheet: 'Month 7', range: 'B16' }]);
    // The preview shows the typed figure as the sheet formats it, and the formula that replaces it.
    expect(state().pending?.changes).toEqual([{ sheet: 'Month 7', cell: 'B16', before: '115.000', after: '=SUM(B5:B15)' }]);
    await commands.applyPending();
    expect(state().error).toBeNull();
    expect(excel.snapshot().sheets[1]!.cells.B16).toMatchObject({ formula: '=SUM(B5:B15)' });
    expect(state().findings!.some((f) => f.sheet === 'Month 7' && f.cell === 'B16')).toBe(false);
    expect(state().applied).toHaveLength(1);

    await commands.revert();
    expect(state().error).toBeNull();
    expect(state().notice).toMatch(/^Reverted: /);
    expect(excel.snapshot().sheets[1]!.cells.B16).toMatchObject({ value: 115 });
    expect(excel.snapshot().sheets[1]!.cells.B16?.formula).toBeUndefined();
    expect(state().applied).toHaveLength(0);
  });

  it('a corrected column role and the RAG policy are saved in the workbook settings', async () => {
    const { excel, commands, state } = setUp();
    await commands.load();
    await commands.chooseRole('Month 7', 'K', 'comments');
    await commands.savePolicy({ ...state().policy, basis: 'gross' });
    const settings = excel.settings();
    // The adapter keeps the pane's settings together under its own key.
    const stored = JSON.stringify(settings);
    expect(stored).toContain(SETTING_KEYS.columnRoles);
    expect(stored).toContain('"column":"K","role":"comments"');
    expect(stored).toContain('"basis":"gross"');
    expect(state().tables.find((t) => t.id === 'Month 7!A3:K37')?.columns.find((c) => c.letter === 'K')).toMatchObject({ role: 'comments', overridden: true });

    // A colleague opening the workbook gets the same roles and policy.
    let colleagueState: PaneState = initialPaneState;
    const colleague = createPaneCommands(createOfficeHost(excel), (a) => { colleagueState = paneReducer(colleagueState, a); }, () => colleagueState);
    await colleague.load();
    expect(colleagueState.overrides).toEqual([{ sheet: 'Month 7', column: 'K', role: 'comments' }]);
    expect(colleagueState.policy.basis).toBe('gross');
  });

  it('ignoring a kind of finding is saved in the workbook, kept for a colleague, and undone by checking again', async () => {
    const { excel, commands, state } = setUp();
    await commands.load();
    const runs = excel.runs;
    await commands.ignoreKind('total-formula', 'Typed totals', true);
    expect(excel.runs - runs).toBe(1);
    expect(state().ignored).toEqual(['total-formula']);
    expect(state().notice).toBe('“Typed totals” will not be reported in this workbook. Check again undoes this.');
    expect(JSON.stringify(excel.settings())).toContain(`"${SETTING_KEYS.ignoredKinds}":["total-formula"]`);

    let colleagueState: PaneState = initialPaneState;
    const colleague = createPaneCommands(createOfficeHost(excel), (a) => { colleagueState = paneReducer(colleagueState, a); }, () => colleagueState);
    await colleague.load();
    expect(colleagueState.ignored).toEqual(['total-formula']);

    await commands.ignoreKind('total-formula', 'Typed totals', false);
    expect(state().ignored).toEqual([]);
    expect(JSON.stringify(excel.settings())).toContain(`"${SETTING_KEYS.ignoredKinds}":[]`);
  });

  it('saving a policy offers to apply the colours again only when RAG colours were applied before', async () => {
    const { commands, state } = setUp();
    await commands.load();
    await commands.savePolicy({ ...state().policy, basis: 'gross' });
    expect(state().reapplyOffered).toBe(false);
    await commands.previewRag();
    await commands.applyPending();
    expect(state().applied[0]!.title).toBe('Colour RAG on Month 7');
    await commands.savePolicy({ ...state().policy, basis: 'net' });
    expect(state().reapplyOffered).toBe(true);
    // Taking the offer opens the RAG preview, and the offer goes.
    await commands.previewRag();
    expect(state().pending?.plan.title).toBe('Colour RAG on Month 7');
    expect(state().reapplyOffered).toBe(false);
  });

  it('an operation that cannot run ends in one plain-English message and changes nothing', async () => {
    const { excel, commands, state } = setUp();
    await commands.load();
    const before = JSON.stringify(excel.snapshot());
    await commands.previewMovement('Month 7!A3:K37', { sheet: 'Month 5' });
    expect(state().error).toBe('The sheet “Month 5” no longer exists.');
    expect(state().pending).toBeNull();
    expect(JSON.stringify(excel.snapshot())).toBe(before);
  });

  it('selecting a finding selects its cell in Excel', async () => {
    const { excel, commands } = setUp();
    await commands.selectFinding({ rule: 'x', severity: 'error', sheet: 'Month 7', cell: 'F16', message: '', expected: null, actual: null });
    expect(excel.state.selection).toEqual({ sheet: 'Month 7', address: 'F16' });
  });
});

describe('last month\'s file in the pane', () => {
  it('once chosen for movement, validation checks movements against it too', async () => {
    // Excel holds Month 7 only; last month's file has Month 6 with External Placements' variance at 1.000.
    const [month6, month7] = sampleWorkbook().sheets;
    const excel = SimulatedExcel.fromWorkbook({ sheets: [month7!] });
    const lastMonth = { ...month6!, rows: month6!.rows.map((row, r) => (r === 6 ? row!.map((cell, c) => (c === 5 ? { value: 1, format: cell!.format! } : cell)) : row)) };
    let state: PaneState = initialPaneState;
    const commands = createPaneCommands(createOfficeHost(excel), (a) => void (state = paneReducer(state, a)), () => state);
    await commands.load();
    await commands.validate();
    expect(state.findings!.filter((f) => f.rule === 'movement')).toEqual([]);

    await commands.previewMovement('Month 7!A3:K37', { workbook: { sheets: [lastMonth] }, fileName: 'Month 6.xlsx', sheet: 'Month 6' });
    expect(state.error).toBeNull();
    expect(state.pending?.plan.title).toBe('Movement from Month 6 on Month 7');
    await commands.validate();
    expect(state.findings!.filter((f) => f.rule === 'movement').map((f) => [f.cell, f.message])).toEqual([
      ['K7', 'Movement K7 for External Placements is 0.234 but this variance 14.701 less 1.000 on Month 6 is 13.701 (£m)'],
    ]);
  });
});

describe('mitigation tracker from the pane', () => {
  it('mitigates the chosen section\'s sub total (Children & Families, 10.115) rather than the directorate total', async () => {
    const { excel, commands, state } = setUp();
    await commands.load();
    await commands.previewTracker('mitigation', 'Month 7!A3:K37', 'Children & Families');
    expect(state().error).toBeNull();
    const formulas = JSON.stringify(state().pending!.plan.edits.filter((e) => e.kind === 'setFormulas'));
    expect(formulas).toMatch(/'Month 7'!\$?F\$?16\b/);
    expect(formulas).not.toMatch(/'Month 7'!\$?F\$?37\b/);
    const runs = excel.runs;
    await commands.applyPending();
    expect(state().error).toBeNull();
    // The new sheet is opened for the officer, in the apply's own run.
    expect(excel.runs - runs).toBe(1);
    expect(excel.state.selection).toEqual({ sheet: 'Mitigation Tracker', address: 'A1' });
  });
});

describe('variance explanations and the headline from the pane', () => {
  it('validating shows the reported table\'s headline', async () => {
    const { commands, state } = setUp();
    await commands.validate();
    expect(state().headline).toBe('2024/25 net budget £142.827m, forecasting an overspend of £8.380m, a decrease of £0.375m from Month 6');
  });

  it('previews the drafted explanations, applies them (the sentences calculated by Excel) and reverts them', async () => {
    const { excel, commands, state } = setUp();
    await commands.load();
    await commands.previewTracker('explanations', 'Month 7!A3:K37');
    expect(state().error).toBeNull();
    expect(state().pending!.plan.title).toBe('Draft variance explanations on Variance explanations');
    await commands.applyPending();
    expect(state().error).toBeNull();
    const cells = excel.snapshot().sheets.find((s) => s.name === 'Variance explanations')!.cells;
    expect(cells.E6?.value).toBe('The External Placements budget is forecasting an overspend of £14.701m and is rated Red. This is an increase of £0.234m from Month 6.');
    await commands.revert();
    expect(excel.snapshot().sheets.some((s) => s.name === 'Variance explanations')).toBe(false);
  });
});

describe('a change too large for Excel to keep its Undo record', () => {
  it('is refused with the preview kept open, offering to apply without Undo, which then applies it', async () => {
    const excel = SimulatedExcel.fromWorkbook(sampleWorkbook());
    const real = createOfficeHost(excel);
    // Excel keeps about 1 MB a setting: this host refuses every Undo record, as it would a huge one.
    const host = { ...real, applyPlan: (plan: Parameters<typeof real.applyPlan>[0], options?: Parameters<typeof real.applyPlan>[1]) => (options?.withoutUndo ? real.applyPlan(plan, options) : Promise.reject(new HostError('undoTooLarge', 'too large to undo'))) };
    let state: PaneState = initialPaneState;
    const commands = createPaneCommands(host, (a) => { state = paneReducer(state, a); }, () => state);
    await commands.load();
    excel.typeInto('Month 7', 'B16', 115);
    await commands.validate();
    await commands.previewFix([state.findings!.find((f) => f.cell === 'B16' && f.fix)!]);
    await commands.applyPending();
    expect(state.error).toBe('too large to undo');
    expect(state.pending?.withoutUndoOffered).toBe(true);
    expect(excel.snapshot().sheets[1]!.cells.B16).toMatchObject({ value: 115 });
    await commands.applyPending({ withoutUndo: true });
    expect(state.pending).toBeNull();
    expect(excel.snapshot().sheets[1]!.cells.B16).toMatchObject({ formula: '=SUM(B5:B15)' });
    expect(state.error).toBeNull();
    expect(state.findings!.some((f) => f.cell === 'B16' && f.sheet === 'Month 7')).toBe(false);
  });
});
