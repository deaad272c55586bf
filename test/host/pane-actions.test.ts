/**
 * Every action the officer takes in the pane is one Excel.run, counted through Microsoft's
 * own Excel client (the simulated workbook answering its requests): the pane's commands,
 * the Office adapter and the engine together, on the workbench's sample workbook.
 */
import { createPaneCommands, type PaneCommands } from '../../src/taskpane/commands';
import { initialPaneState, paneReducer, type PaneState } from '../../src/taskpane/state/reducer';
import { sampleWorkbook } from '../../src/workbench/sample';
import { officeClientHost } from './helpers';

function setUp() {
  const { excel, host } = officeClientHost(sampleWorkbook());
  let state: PaneState = initialPaneState;
  const commands = createPaneCommands(host, (action) => void (state = paneReducer(state, action)), () => state);
  /** Excel.run calls and context.sync round trips the action took; it must end without an error. */
  const cost = async (action: (commands: PaneCommands) => Promise<unknown>): Promise<{ runs: number; syncs: number }> => {
    const runs = excel.runs;
    excel.resetStats();
    await action(commands);
    expect(state.error).toBeNull();
    return { runs: excel.runs - runs, syncs: excel.stats.syncs };
  };
  return { excel, cost, state: () => state };
}

test('load, validate, fix, fix all, each operation, revert, a column role and the policy: one Excel.run each', async () => {
  const { excel, cost, state } = setUp();
  expect(await cost((c) => c.load())).toEqual({ runs: 1, syncs: 3 });
  excel.typeInto('Month 7', 'B16', 115);
  excel.typeInto('Month 7', 'C16', 40);
  expect(await cost((c) => c.validate())).toEqual({ runs: 1, syncs: 3 });

  // Fix one finding: the preview reads the cells as they are now, apply re-validates from its own run.
  const fixable = () => state().findings!.filter((f) => f.fix && !f.causedBy && f.sheet === 'Month 7');
  expect(await cost((c) => c.previewFix([fixable()[0]!]))).toEqual({ runs: 1, syncs: 3 });
  expect(await cost((c) => c.applyPending())).toEqual({ runs: 1, syncs: 5 });
  // Fix all: the rest of the fixes, previewed and applied together.
  const rest = fixable();
  expect(rest.length).toBeGreaterThan(0);
  expect(await cost((c) => c.previewFix(rest))).toEqual({ runs: 1, syncs: 3 });
  expect(await cost((c) => c.applyPending())).toEqual({ runs: 1, syncs: 5 });

  // A plan that adds a sheet (a tracker, the report) then opens it: one more sync, in the same run.
  const operations: [(c: PaneCommands) => Promise<void>, number][] = [
    [(c) => c.previewRag(), 5], [(c) => c.previewMovement('Month 7!A3:K37', { sheet: 'Month 6' }), 5],
    [(c) => c.previewTracker('mitigation', 'Month 7!A3:K37'), 6], [(c) => c.previewTracker('report', null), 6],
  ];
  for (const [preview, applySyncs] of operations) {
    expect(await cost(preview)).toEqual({ runs: 1, syncs: 3 });
    expect(state().pending).not.toBeNull();
    expect(await cost((c) => c.applyPending())).toEqual({ runs: 1, syncs: applySyncs });
  }
  expect(state().applied).toHaveLength(6);
  expect(await cost((c) => c.revert())).toEqual({ runs: 1, syncs: 6 });
  expect(state().applied).toHaveLength(5);
  expect(await cost((c) => c.chooseRole('Month 7', 'K', 'comments'))).toEqual({ runs: 1, syncs: 1 });
  expect(await cost((c) => c.savePolicy({ ...state().policy, basis: 'gross' }))).toEqual({ runs: 1, syncs: 1 });
  // Go to a finding: every finding was fixed above, so one as validate would report it.
  const finding = { rule: 'total-sum', severity: 'error' as const, sheet: 'Month 7', cell: 'F16', message: '', expected: null, actual: null };
  expect(await cost((c) => c.selectFinding(finding))).toEqual({ runs: 1, syncs: 2 });
});
