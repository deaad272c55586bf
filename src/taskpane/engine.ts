/**
 * The real engine behind the pane's engine port. Operations return a plan with notes and
 * problems; here problems become the one plain-English error, notes go in the preview.
 */
import { validateWorkbook } from '../engine/validate';
import { readTables } from '../engine/read';
import { planRagFormatting } from '../engine/operations/rag-formatting';
import { planMovementAgainst } from '../engine/operations/movement';
import { planMitigationTracker } from '../engine/operations/mitigation-tracker';
import type { OperationResult } from '../engine/operations/shared';
import { findSheet } from '../engine/grid';
import type { EditPlan } from '../engine/plan';
import { UI } from '../engine/messages/ui';
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
  movementPlan: (workbook, table, previous, overrides) => {
    const source = previous.file?.workbook ?? workbook;
    const sheet = findSheet(source, previous.sheet);
    if (!sheet) throw new Error(UI.errors.unknownSheet(previous.sheet));
    const candidates = readTables({ sheets: [sheet] }, { overrides }).filter((t) => t.columns.some((c) => c.role === 'variance'));
    const before = candidates.find((t) => t.firstCol === table.firstCol) ?? candidates[0];
    if (!before) throw new Error(UI.movement.noPreviousTable(previous.file ? `${previous.file.fileName} (${sheet.name})` : sheet.name));
    return planOrThrow(planMovementAgainst(table, workbook, { table: before, sheet, ...(previous.file ? { fileName: previous.file.fileName } : {}) }));
  },
  mitigationTrackerPlan: (workbook, tables, table) => planOrThrow(planMitigationTracker(workbook, tables, { tableId: table.id })),
};
