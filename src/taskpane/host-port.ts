/**
 * What the task pane needs from a host (Office.js in Excel, the simulated workbook in the
 * workbench). The pane talks to nothing else, so both hosts run the very same pane.
 */
import type { Workbook } from '../engine/grid';
import type { EditPlan } from '../engine/plan';

export interface PaneHost {
  /** The whole workbook as a grid (values after calculation, formulas, formats). */
  readWorkbook(): Promise<Workbook>;
  /** Applies a plan in one batch; the host records what it overwrote so it can revert. */
  applyPlan(plan: EditPlan): Promise<void>;
  /** Undoes the most recent applied plan; false when there is none. */
  revert(): Promise<boolean>;
  /** Selects and scrolls to a cell, e.g. ("Month 7", "F16"). */
  selectCell(sheet: string, cell: string): Promise<void>;
  /** Settings stored in the workbook itself (no secrets), so colleagues see the same. */
  getSetting(key: string): Promise<unknown>;
  setSetting(key: string, value: unknown): Promise<void>;
}

/** Workbook setting keys the pane owns. */
export const SETTING_KEYS = {
  columnRoles: 'budgetMonitor.columnRoles',
  ragPolicy: 'budgetMonitor.ragPolicy',
} as const;
