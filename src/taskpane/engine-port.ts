/**
 * The engine calls the pane makes, gathered in one object so the composition root
 * (the add-in or the workbench) wires the real engine and tests can see each call.
 */
import type { Finding } from '../engine/findings';
import type { Workbook } from '../engine/grid';
import type { ColumnOverride, MonitoringTable } from '../engine/model';
import type { EditPlan } from '../engine/plan';
import type { RagPolicy } from '../engine/policy';

export interface PreviousPeriod {
  readonly workbook: Workbook;
  readonly sheet: string;
}

export interface PaneEngine {
  readTables(workbook: Workbook, overrides: readonly ColumnOverride[]): readonly MonitoringTable[];
  validate(workbook: Workbook, tables: readonly MonitoringTable[], policy: RagPolicy): readonly Finding[];
  ragPlan(workbook: Workbook, table: MonitoringTable, policy: RagPolicy): EditPlan;
  movementPlan(workbook: Workbook, table: MonitoringTable, previous: PreviousPeriod): EditPlan;
  mitigationTrackerPlan(workbook: Workbook, table: MonitoringTable): EditPlan;
  savingsTrackerPlan(workbook: Workbook, table: MonitoringTable): EditPlan;
  reportPlan(workbook: Workbook, findings: readonly Finding[]): EditPlan;
  /** Reads another .xlsx (last month's file). Absent in Excel, where exceljs is not bundled. */
  readWorkbookFile?: (bytes: ArrayBuffer, fileName: string) => Promise<Workbook>;
}
