/**
 * The pane's commands: each reads from the host, calls the engine, and reports back to the
 * reducer. Every failure ends in the one message bar, in plain English. Plain functions over
 * a dispatch and a state getter, so they run (and are tested) without React.
 */
import {
  type ColumnOverride, type ColumnRole, type EditPlan, type Finding, fixPlan, type MonitoringTable, type OperationName, type OperationResult,
  type PreviousPeriod, type RagPolicy, readTables as readTablesOf, runOperation, validate as validateWorkbook, type Workbook, workbookHeadline, isRagPlanTitle,
} from '../engine';
import { UI } from './messages';
import { type ExcelHost, HostError, type ReadResult } from '../host/host';
import { readPreviousWorkbook } from './previous-file';
import { SETTING_KEYS } from './settings-keys';
import type { PaneAction, PaneState } from './state/reducer';
import { writtenRanges } from './state/overwrite';
import { cellChanges } from './state/cell-changes';
import { findingCellFormats } from './finding-figures';
import { ragPolicyFromSetting, isOverrideList, ignoredKindsFromSetting } from './settings';

export interface PaneCommands {
  load(): Promise<void>;
  validate(): Promise<void>;
  /** Validates again after the workbook changed, leaving a message the officer has not dismissed on show. */
  revalidate(): Promise<void>;
  selectFinding(finding: Finding): Promise<void>;
  previewFix(findings: readonly Finding[]): Promise<void>;
  /** `withoutUndo`: after Excel refused to keep the Undo record, the officer chose to go on without it. */
  applyPending(options?: { readonly withoutUndo?: boolean }): Promise<void>;
  revert(): Promise<void>;
  chooseRole(sheet: string, column: string, role: ColumnRole): Promise<void>;
  savePolicy(policy: RagPolicy): Promise<void>;
  previewRag(): Promise<void>;
  /** Last month's file, when that is the `previous` chosen, is what validation compares movements with from then on. */
  previewMovement(tableId: string, previous: PreviousPeriod): Promise<void>;
  previewTracker(kind: 'mitigation' | 'savings' | 'report' | 'explanations', tableId: string | null, section?: string): Promise<void>;
  /** Reads last month's file, which validation then compares movements with. */
  readPreviousFile(file: File): Promise<Workbook | undefined>;
  /** Stops (or, with `ignore` false, restarts) reporting a kind of finding in this workbook. */
  ignoreKind(rule: string, title: string, ignore: boolean): Promise<void>;
  previewChart(tableId: string | null, per: 'lines' | 'sections', placement: 'beside' | 'sheet'): Promise<void>;
}

/** Turns anything thrown into a sentence for the message bar; never a stack trace. */
export function plainMessage(error: unknown): string {
  if (error instanceof Error && error.message && !/\n\s+at /.test(error.message)) return error.message;
  if (typeof error === 'string' && error.trim()) return error;
  return UI.errors.generic;
}

/**
 * What the pane shows for an operation's result: its plan to preview, the notes added to
 * the description; or, when it cannot run, its problems as the one message.
 */
export function operationOutcome(result: OperationResult): { readonly plan: EditPlan } | { readonly message: string } {
  if (result.problems.length > 0) return { message: result.problems.join(' ') };
  if (result.notes.length === 0) return { plan: result.plan };
  return { plan: { ...result.plan, description: [result.plan.description, ...result.notes].filter(Boolean).join(' ') } };
}

/** The tracker buttons' operations. */
const TRACKER_OPERATIONS: Readonly<Record<'mitigation' | 'savings' | 'report' | 'explanations', OperationName>> = { mitigation: 'mitigationTracker', savings: 'savingsTracker', report: 'report', explanations: 'explanations' };

export function createPaneCommands(host: ExcelHost, dispatch: (action: PaneAction) => void, getState: () => PaneState): PaneCommands {
  const run = async (label: string, work: () => Promise<void>, background = false): Promise<void> => {
    dispatch({ type: 'workStarted', label, ...(background ? { background } : {}) });
    try {
      await work();
    } catch (error) {
      dispatch({ type: 'workFailed', message: plainMessage(error) });
    }
  };

  // The workbook as last read: choosing a column role re-reads its tables without a round trip.
  let lastRead: ReadResult | undefined;
  const read = async (): Promise<ReadResult> => (lastRead = await host.readWorkbook());
  const tablesOf = (result: ReadResult, overrides: readonly ColumnOverride[]): { workbook: Workbook; tables: readonly MonitoringTable[] } => {
    lastRead = result;
    const tables = readTablesOf(result.workbook, { overrides });
    dispatch({ type: 'tablesRead', tables, applied: result.appliedPlans });
    return { workbook: result.workbook, tables };
  };
  const readTables = async (overrides: readonly ColumnOverride[]) => tablesOf(await read(), overrides);

  /** The table chosen in a tab, unless the workbook has changed under it since (its range is its id). */
  const chosenTable = (tables: readonly MonitoringTable[], id: string | null): { tableId?: string } => {
    if (id === null) return {};
    if (!tables.some((t) => t.id === id)) throw new Error(UI.errors.tableChanged);
    return { tableId: id };
  };
  /** `replaces`: the plan is meant to replace the officer's figures where it writes (after the preview). */
  const preview = (plan: EditPlan, fixes: readonly Finding[], replaces: boolean, workbook: Workbook) =>
    dispatch({ type: 'previewOpened', plan, fixes, allowOverwrite: replaces ? writtenRanges(plan) : [], changes: cellChanges(plan, workbook), workbook });
  /** An operation's plan opens in the preview; an operation that cannot run says why in the message bar. */
  const previewOperation = (result: OperationResult, replaces: boolean, workbook: Workbook) => {
    const outcome = operationOutcome(result);
    if ('message' in outcome) dispatch({ type: 'workFailed', message: outcome.message });
    else preview(outcome.plan, [], replaces, workbook);
  };
  const saveSetting = (key: string, value: unknown) => host.updateSettings({ [key]: value });
  // The progress bar's words: how many sheets a read covers (known after the first), how many changes a write makes.
  const reading = () => UI.progress.reading(lastRead?.workbook.sheets.length);
  const applying = () => {
    const pending = getState().pending;
    return pending ? UI.progress.applying(pending.changes.length || pending.plan.edits.length) : UI.working;
  };

  /**
   * Validates a read: the one just made, or (after apply and revert) the one the host made in
   * the same run. `showFindings` false keeps the Validate tab's list as it was (a tracker preview).
   */
  const validateRead = (result: ReadResult, showFindings = true) => {
    lastRead = result;
    const { workbook, appliedPlans } = result;
    const { overrides, policy, previous } = getState();
    const { tables, findings } = validateWorkbook(workbook, { overrides, policy, ...(previous ? { previous } : {}) });
    dispatch({ type: 'tablesRead', tables, applied: appliedPlans });
    if (showFindings) {
      const headline = workbookHeadline(workbook, tables);
      dispatch({ type: 'validated', findings, formats: findingCellFormats(findings, workbook), ...(headline ? { headline } : {}) });
    }
    return { workbook, tables, findings };
  };
  const validate = async (): Promise<void> => {
    validateRead(await read());
  };

  return {
    load: () =>
      run(reading(), async () => {
        // The first read brings the settings with it: one round trip.
        const result = await read();
        const roles = result.settings[SETTING_KEYS.columnRoles];
        const policy = result.settings[SETTING_KEYS.ragPolicy];
        const overrides = isOverrideList(roles) ? roles : [];
        const ignored = ignoredKindsFromSetting(result.settings[SETTING_KEYS.ignoredKinds]);
        dispatch({ type: 'settingsLoaded', overrides, policy: ragPolicyFromSetting(policy), ignored });
        tablesOf(result, overrides);
      }),
    validate: () => run(reading(), validate),
    revalidate: () => run(reading(), validate, true),
    selectFinding: (finding) => run(UI.working, async () => {
      await host.selectCell(finding.sheet, finding.cell);
      dispatch({ type: 'noticeShown', message: UI.validate.goTo(finding.sheet, finding.cell) });
    }),
    previewFix: (findings) =>
      run(reading(), async () => {
        const plan = fixPlan(findings);
        if (!plan) return;
        // The cells as they are now, for the preview's old → new.
        const { workbook } = await read();
        preview(plan, findings, true, workbook);
      }),
    applyPending: (applyOptions) =>
      run(applying(), async () => {
        const pending = getState().pending;
        if (!pending) return;
        const revalidate = getState().findings !== null;
        const withoutUndo = applyOptions?.withoutUndo === true;
        let result;
        try {
          // A sheet the plan adds (a tracker, the report) is opened for the officer, in the same run.
          const added = pending.plan.edits.find((e) => e.kind === 'addSheet');
          const select = added ? { select: { sheet: added.sheet, range: 'A1' } } : {};
          result = await host.applyPlan(pending.plan, { allowOverwrite: pending.allowOverwrite, readAfter: revalidate, ...select, ...(withoutUndo ? { withoutUndo } : {}) });
        } catch (error) {
          if (!(error instanceof HostError && error.code === 'undoTooLarge')) throw error;
          dispatch({ type: 'undoRefused', message: error.message });
          return;
        }
        const { read: after, ...applied } = result;
        // Without Undo there is nothing to take back: the plan is not added to Revert's list.
        if (withoutUndo) dispatch({ type: 'previewClosed' });
        else dispatch({ type: 'planApplied', applied });
        if (after) validateRead(after);
      }),
    revert: () =>
      run(getState().applied[0] ? UI.progress.reverting(getState().applied[0]!.title) : UI.revert, async () => {
        // The plans that can be taken back came with the last read (and each apply adds its own).
        const last = getState().applied[0];
        if (!last) {
          dispatch({ type: 'noticeShown', message: UI.nothingToRevert });
          return;
        }
        const after = await host.revert(last.id, { readAfter: true });
        dispatch({ type: 'reverted', title: UI.reverted(last.title) });
        if (!after) return;
        if (getState().findings !== null) validateRead(after);
        else tablesOf(after, getState().overrides);
      }),
    chooseRole: (sheet, column, role) =>
      run(UI.working, async () => {
        dispatch({ type: 'roleChosen', sheet, column, role });
        const overrides = getState().overrides;
        await saveSetting(SETTING_KEYS.columnRoles, overrides);
        // The workbook has not changed: its tables are read again from the last read.
        if (lastRead) tablesOf(lastRead, overrides);
        else await readTables(overrides);
        dispatch({ type: 'noticeShown', message: UI.tables.saved });
      }),
    savePolicy: (policy) =>
      run(UI.rag.save, async () => {
        dispatch({ type: 'policyChanged', policy });
        await saveSetting(SETTING_KEYS.ragPolicy, policy);
        dispatch({ type: 'noticeShown', message: UI.rag.saved });
        // Colours applied under the old policy would now disagree with it: offer to apply them again.
        if (getState().applied.some((p) => isRagPlanTitle(p.title))) dispatch({ type: 'reapplyOffered' });
      }),
    previewRag: () =>
      run(reading(), async () => {
        const { workbook, tables } = await readTables(getState().overrides);
        previewOperation(runOperation('rag', { workbook, tables, policy: getState().policy }), true, workbook);
      }),
    previewMovement: (tableId, previous) =>
      run(reading(), async () => {
        const { workbook, tables } = await readTables(getState().overrides);
        const before = 'workbook' in previous ? previous.workbook : workbook;
        if (previous.sheet !== undefined && !before.sheets.some((s) => s.name === previous.sheet)) throw new Error(UI.errors.unknownSheet(previous.sheet));
        // A sheet of this workbook is what each table's headers name anyway; only a file is remembered.
        dispatch({ type: 'previousChosen', previous: 'workbook' in previous ? previous : null });
        previewOperation(runOperation('movement', { workbook, tables, previous, ...chosenTable(tables, tableId) }), true, workbook);
      }),
    previewTracker: (kind, tableId, section) =>
      run(reading(), async () => {
        const { workbook, tables, findings } = validateRead(await read(), kind === 'report');
        const { policy } = getState();
        const request = { workbook, tables, findings, policy, ...chosenTable(tables, tableId), ...(section ? { section } : {}) };
        previewOperation(runOperation(TRACKER_OPERATIONS[kind], request), false, workbook);
      }),
    previewChart: (tableId, per, placement) =>
      run(reading(), async () => {
        const { workbook, tables } = await readTables(getState().overrides);
        const request = { workbook, tables, policy: getState().policy, ...chosenTable(tables, tableId), chart: { per, placement } };
        previewOperation(runOperation('chart', request), false, workbook);
      }),
    readPreviousFile: async (file) => {
      let result: Workbook | undefined;
      await run(UI.movement.file, async () => {
        const workbook = await readPreviousWorkbook(await file.arrayBuffer(), file.name);
        result = workbook;
        dispatch({ type: 'previousChosen', previous: { workbook, fileName: file.name } });
        dispatch({ type: 'noticeShown', message: UI.workbench.opened(file.name) });
      });
      return result;
    },
    ignoreKind: (rule, title, ignore) =>
      run(UI.working, async () => {
        const now = getState().ignored;
        const ignored = ignore ? [...new Set([...now, rule])] : now.filter((r) => r !== rule);
        await saveSetting(SETTING_KEYS.ignoredKinds, ignored);
        dispatch({ type: 'ignoredChanged', ignored });
        dispatch({ type: 'noticeShown', message: ignore ? UI.validate.ignoredSaved(title) : UI.validate.restoredSaved(title) });
      }),
  };
}
