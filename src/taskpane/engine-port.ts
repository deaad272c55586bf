/**
 * The engine calls the pane makes, gathered in one object: the add-in and the workbench
 * wire the real engine (src/taskpane/engine.ts), and each call is one place to adapt.
 * Every plan function throws an Error with a plain-English message when it cannot run.
 */
import type { Finding } from '../engine/findings';
import type { Workbook } from '../engine/grid';
import type { ColumnOverride, MonitoringTable } from '../engine/model';
import type { EditPlan } from '../engine/plan';
import type { RagPolicy } from '../engine/policy';

/** Last period's figures: a sheet of this workbook, or a sheet of last month's file. */
export interface PreviousPeriodChoice {
  readonly sheet: string;
  readonly file?: { readonly workbook: Workbook; readonly fileName: string };
}

export interface PaneEngine {
  readTables(workbook: Workbook, overrides: readonly ColumnOverride[]): readonly MonitoringTable[];
  validate(workbook: Workbook, overrides: readonly ColumnOverride[], policy: RagPolicy): { readonly tables: readonly MonitoringTable[]; readonly findings: readonly Finding[] };
  ragPlan(workbook: Workbook, table: MonitoringTable, policy: RagPolicy): EditPlan;
  movementPlan(workbook: Workbook, table: MonitoringTable, previous: PreviousPeriodChoice): EditPlan;
  /** Tracker and report operations; absent ones are not offered. */
  /** `section`: mitigate that section's sub total variance (a section header's label) rather than the table total. */
  mitigationTrackerPlan?: (workbook: Workbook, tables: readonly MonitoringTable[], table: MonitoringTable, section?: string) => EditPlan;
  savingsTrackerPlan?: (workbook: Workbook, tables: readonly MonitoringTable[], table: MonitoringTable) => EditPlan;
  reportPlan?: (workbook: Workbook, findings: readonly Finding[]) => EditPlan;
  /** Insert chart: budget v forecast and the variance by RAG, per line or section, beside the table or on a Charts sheet. */
  chartPlan?: (workbook: Workbook, table: MonitoringTable, options: { readonly per: 'lines' | 'sections'; readonly placement: 'beside' | 'sheet' }, policy: RagPolicy) => EditPlan;
  /** The "Variance explanations" sheet for the lines the policy says need one. */
  explanationsPlan?: (workbook: Workbook, tables: readonly MonitoringTable[], table: MonitoringTable, policy: RagPolicy) => EditPlan;
  /** The reported table's headline ("2024/25 net budget £142.827m, forecasting …"), if it has a total variance. */
  headline?: (workbook: Workbook, tables: readonly MonitoringTable[]) => string | undefined;
  /** Reads another .xlsx (last month's file); throws an Error with a plain-English message. */
  readWorkbookFile?: (bytes: ArrayBuffer, fileName: string) => Promise<Workbook>;
}
