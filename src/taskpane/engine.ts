/**
 * The real engine behind the pane's engine port. Operations return a plan with notes and
 * problems; here problems become the one plain-English error, notes go in the preview.
 */
import { validateWorkbook } from '../engine/validate';
import { readTables } from '../engine/read';
import { planRagFormatting } from '../engine/operations/rag-formatting';
import { planMovement } from '../engine/operations/movement';
import { planMitigationTracker } from '../engine/operations/mitigation-tracker';
import { planSavingsTracker } from '../engine/operations/savings-tracker';
import { planValidationReport } from '../engine/operations/validation-report';
import { planChart } from '../engine/operations/chart';
import { planVarianceExplanations } from '../engine/operations/variance-explanations';
import { currentMonitoringTable } from '../engine/operations/mitigation-tracker';
import { tableHeadline } from '../engine/narrative/headline';
import { summarise } from '../engine/findings';
import type { OperationResult } from '../engine/operations/shared';
import { findSheet } from '../engine/grid';
import type { EditPlan } from '../engine/plan';
import { UI } from '../engine/messages/ui';
import { readWorkbookFastInBrowser } from '../host/xlsx/fast/read-fast-browser';
import { isWorkbookReadError } from '../host/xlsx/errors';
import type { PaneEngine } from './engine-port';

/** The plan to preview, or an Error carrying the operation's own explanation. */
export function planOrThrow(result: OperationResult): EditPlan {
  if (result.problems.length > 0) throw new Error(result.problems.join(' '));
  if (result.notes.length === 0) return result.plan;
  const description = [result.plan.description, ...result.notes].filter(Boolean).join(' ');
  return { ...result.plan, description };
}

export const paneEngine: PaneEngine = {
  readTables: (workbook, overrides) => readTables(workbook, { overrides }),
  validate: (workbook, overrides, policy) => validateWorkbook(workbook, { overrides, policy }),
  ragPlan: (workbook, table, policy) => planOrThrow(planRagFormatting(table, policy, { workbook, writeWords: true })),
  movementPlan: (workbook, table, previous) => {
    if (!previous.file) return planOrThrow(planMovement(table, workbook, { sheet: previous.sheet }));
    // The officer picked the sheet of last month's file: offer only that one.
    const sheet = findSheet(previous.file.workbook, previous.sheet);
    if (!sheet) throw new Error(UI.errors.unknownSheet(previous.sheet));
    return planOrThrow(planMovement(table, workbook, { workbook: { sheets: [sheet] }, fileName: previous.file.fileName }));
  },
  mitigationTrackerPlan: (workbook, tables, table, section) => planOrThrow(planMitigationTracker(workbook, tables, { tableId: table.id, ...(section ? { section } : {}) })),
  savingsTrackerPlan: (workbook, tables, table) => planOrThrow(planSavingsTracker(workbook, tables, { tableId: table.id })),
  reportPlan: (workbook, findings) => planOrThrow(planValidationReport(findings, summarise(findings), new Date(), { workbook })),
  explanationsPlan: (workbook, tables, table, policy) => planOrThrow(planVarianceExplanations(workbook, tables, { tableId: table.id, policy })),
  headline: (workbook, tables) => {
    const table = currentMonitoringTable(workbook, tables);
    const sheet = table && findSheet(workbook, table.sheet);
    return table && sheet ? tableHeadline(table, sheet) : undefined;
  },
  readWorkbookFile: readPreviousWorkbook,
  chartPlan: (workbook, table, options, policy) => planOrThrow(planChart(workbook, table, { ...options, policy })),
};

/**
 * Last month's file, read by the fast reader (no exceljs in the pane). The byte checks name
 * their own problem (an old .xls, a password); anything the reader does not follow is one
 * plain sentence that says what to do.
 */
async function readPreviousWorkbook(bytes: ArrayBuffer, fileName: string) {
  try {
    return await readWorkbookFastInBrowser(bytes, fileName);
  } catch (error) {
    if (isWorkbookReadError(error)) throw error;
    throw new Error(UI.movement.cannotRead(fileName));
  }
}
