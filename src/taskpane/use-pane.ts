/**
 * The pane's commands: each reads from the host, calls the engine, and reports back to the
 * reducer. Every failure ends in the one message bar, in plain English.
 */
import { useCallback, useMemo, useReducer, useRef } from 'react';
import type { Finding } from '../engine/findings';
import type { Workbook } from '../engine/grid';
import { UI } from '../engine/messages/ui';
import type { ColumnOverride, ColumnRole, MonitoringTable } from '../engine/model';
import { mergePlans, type EditPlan } from '../engine/plan';
import { DEFAULT_RAG_POLICY, type RagPolicy } from '../engine/policy';
import type { PaneEngine } from './engine-port';
import { SETTING_KEYS, type PaneHost } from './host-port';
import { initialPaneState, paneReducer, type PaneAction, type PaneState } from './state/reducer';
import { isRagPolicy, isOverrideList } from './settings';

export interface PaneCommands {
  load(): Promise<void>;
  validate(): Promise<void>;
  selectFinding(finding: Finding): Promise<void>;
  previewFix(findings: readonly Finding[]): void;
  applyPending(): Promise<void>;
  revert(): Promise<void>;
  chooseRole(sheet: string, column: string, role: ColumnRole): Promise<void>;
  savePolicy(policy: RagPolicy): Promise<void>;
  previewRag(): Promise<void>;
  previewMovement(tableId: string, previous: { workbook?: Workbook; sheet: string }): Promise<void>;
  previewTracker(kind: 'mitigation' | 'savings' | 'report', tableId: string | null): Promise<void>;
  readPreviousFile(file: File): Promise<Workbook | undefined>;
}

/** Turns anything thrown into a sentence for the message bar; never a stack trace. */
export function plainMessage(error: unknown): string {
  if (error instanceof Error && error.message && !/\n\s+at /.test(error.message)) return error.message;
  if (typeof error === 'string' && error.trim()) return error;
  return UI.errors.generic;
}

export function usePane(host: PaneHost, engine: PaneEngine): { state: PaneState; dispatch: (a: PaneAction) => void; commands: PaneCommands } {
  const [state, dispatch] = useReducer(paneReducer, initialPaneState);
  const latest = useRef(state);
  latest.current = state;

  const run = useCallback(async (label: string, work: () => Promise<void>) => {
    dispatch({ type: 'workStarted', label });
    try {
      await work();
    } catch (error) {
      dispatch({ type: 'workFailed', message: plainMessage(error) });
    }
  }, []);

  const readTables = useCallback(
    async (overrides: readonly ColumnOverride[]): Promise<{ workbook: Workbook; tables: readonly MonitoringTable[] }> => {
      const workbook = await host.readWorkbook();
      const tables = engine.readTables(workbook, overrides);
      dispatch({ type: 'tablesRead', tables });
      return { workbook, tables };
    },
    [host, engine],
  );

  const commands = useMemo<PaneCommands>(() => {
    const tableById = (tables: readonly MonitoringTable[], id: string | null): MonitoringTable => {
      const table = tables.find((t) => t.id === id) ?? tables[0];
      if (!table) throw new Error(UI.errors.noTables);
      return table;
    };
    const preview = (plan: EditPlan, fixes: readonly Finding[] = []) => dispatch({ type: 'previewOpened', plan, fixes });

    const validate = async () => {
      const { workbook, tables } = await readTables(latest.current.overrides);
      dispatch({ type: 'validated', findings: engine.validate(workbook, tables, latest.current.policy) });
    };

    return {
      load: () =>
        run(UI.working, async () => {
          const [roles, policy] = await Promise.all([host.getSetting(SETTING_KEYS.columnRoles), host.getSetting(SETTING_KEYS.ragPolicy)]);
          const overrides = isOverrideList(roles) ? roles : [];
          dispatch({ type: 'settingsLoaded', overrides, policy: isRagPolicy(policy) ? policy : DEFAULT_RAG_POLICY });
          await readTables(overrides);
        }),
      validate: () => run(UI.validate.run, validate),
      selectFinding: (finding) => run(UI.working, async () => {
        await host.selectCell(finding.sheet, finding.cell);
        dispatch({ type: 'noticeShown', message: UI.validate.goTo(finding.sheet, finding.cell) });
      }),
      previewFix: (findings) => {
        const plans = findings.flatMap((f) => (f.fix ? [f.fix] : []));
        if (plans.length === 0) return;
        const plan = plans.length === 1 ? plans[0]! : mergePlans(`${plans[0]!.title} and ${plans.length - 1} more`, plans);
        preview(plan, findings);
      },
      applyPending: () =>
        run(UI.working, async () => {
          const pending = latest.current.pending;
          if (!pending) return;
          await host.applyPlan(pending.plan);
          dispatch({ type: 'planApplied', title: pending.plan.title });
          if (latest.current.findings !== null) await validate();
        }),
      revert: () =>
        run(UI.revert, async () => {
          const title = latest.current.applied.at(-1) ?? null;
          const done = await host.revert();
          dispatch({ type: 'reverted', title: done ? (title ?? UI.revert) : null });
          if (!done) dispatch({ type: 'noticeShown', message: UI.nothingToRevert });
          else if (latest.current.findings !== null) await validate();
          else await readTables(latest.current.overrides);
        }),
      chooseRole: (sheet, column, role) =>
        run(UI.working, async () => {
          dispatch({ type: 'roleChosen', sheet, column, role });
          const overrides = latest.current.overrides;
          await host.setSetting(SETTING_KEYS.columnRoles, overrides);
          await readTables(overrides);
          dispatch({ type: 'noticeShown', message: UI.tables.saved });
        }),
      savePolicy: (policy) =>
        run(UI.rag.save, async () => {
          dispatch({ type: 'policyChanged', policy });
          await host.setSetting(SETTING_KEYS.ragPolicy, policy);
          dispatch({ type: 'noticeShown', message: UI.rag.saved });
        }),
      previewRag: () =>
        run(UI.rag.apply, async () => {
          const { workbook, tables } = await readTables(latest.current.overrides);
          const targets = tables.filter((t) => t.kind === 'monitoring' && t.columns.some((c) => c.role === 'rag'));
          if (targets.length === 0) throw new Error(UI.errors.noTables);
          const plans = targets.map((t) => engine.ragPlan(workbook, t, latest.current.policy));
          preview(plans.length === 1 ? plans[0]! : mergePlans(UI.rag.apply, plans));
        }),
      previewMovement: (tableId, previous) =>
        run(UI.movement.apply, async () => {
          const { workbook, tables } = await readTables(latest.current.overrides);
          const before = previous.workbook ?? workbook;
          if (!before.sheets.some((s) => s.name === previous.sheet)) throw new Error(UI.errors.unknownSheet(previous.sheet));
          preview(engine.movementPlan(workbook, tableById(tables, tableId), { workbook: before, sheet: previous.sheet }));
        }),
      previewTracker: (kind, tableId) =>
        run(UI.working, async () => {
          const { workbook, tables } = await readTables(latest.current.overrides);
          if (kind === 'report') {
            const findings = engine.validate(workbook, tables, latest.current.policy);
            dispatch({ type: 'validated', findings });
            preview(engine.reportPlan(workbook, findings));
            return;
          }
          const table = tableById(tables, tableId);
          preview(kind === 'mitigation' ? engine.mitigationTrackerPlan(workbook, table) : engine.savingsTrackerPlan(workbook, table));
        }),
      readPreviousFile: async (file) => {
        const reader = engine.readWorkbookFile;
        if (!reader) return undefined;
        let result: Workbook | undefined;
        await run(UI.movement.file, async () => {
          result = await reader(await file.arrayBuffer(), file.name);
          dispatch({ type: 'noticeShown', message: UI.workbench.opened(file.name) });
        });
        return result;
      },
    };
  }, [host, engine, run, readTables]);

  return { state, dispatch, commands };
}
