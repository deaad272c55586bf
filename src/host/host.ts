/**
 * What the task pane (and operations) use to talk to a workbook inside Excel, whether the
 * real one (Office.js) or the simulated one: `createOfficeHost(excelApi)` returns it for both.
 * Every method is one user action, i.e. one `Excel.run`.
 */
import type { EditPlan, Workbook } from '../engine';

export interface ReadResult {
  /** Every worksheet's used range: values, formulas, number formats, protection (bold and indent for sheets up to STYLE_CELL_LIMIT cells). */
  readonly workbook: Workbook;
  /** The add-in's own settings stored in the workbook (see `updateSettings`). */
  readonly settings: Record<string, unknown>;
  /** The plans that can still be undone, newest first. */
  readonly appliedPlans: readonly AppliedPlanSummary[];
  /** What the officer should know about this read, in plain English (e.g. the workbook was recalculated, a sheet read in part). */
  readonly notices?: readonly string[];
}

/** A cell range the officer explicitly agreed to overwrite, e.g. the cell a "Fix" button repairs. */
export interface QualifiedRange {
  readonly sheet: string;
  readonly range: string;
}

export interface ApplyOptions {
  /**
   * Cells that may be overwritten although they hold the officer's data. Everything else a
   * plan writes values or formulas into must be empty or hold the add-in's own earlier output.
   */
  readonly allowOverwrite?: readonly QualifiedRange[];
  /**
   * Apply although the plan's record for Undo would be too large for the workbook to keep
   * (HostError 'undoTooLarge'): the plan is applied and cannot be undone by the add-in.
   */
  readonly withoutUndo?: boolean;
  /** Read the workbook again in the same Excel.run once the plan is written (for re-validating). */
  readonly readAfter?: boolean;
  /** Show this sheet and cell once the plan is written (a tracker or report just made), in the same run. */
  readonly select?: QualifiedRange;
}

export interface AppliedPlanSummary {
  readonly id: string;
  readonly title: string;
  /** ISO time the plan was applied. */
  readonly appliedAt: string;
}

/**
 * Every method is one Excel.run: one round of the officer's action, however many syncs it
 * takes. Apply and revert can hand back the workbook as it is afterwards (`readAfter`), read
 * in the same run, so re-validating after them costs no further round trip.
 */
export interface ExcelHost {
  readWorkbook(): Promise<ReadResult>;
  /** Applies the plan in one batched write, or throws HostError and writes nothing. */
  applyPlan(plan: EditPlan, options?: ApplyOptions): Promise<AppliedPlanSummary & { readonly read?: ReadResult }>;
  /** Takes an applied plan back exactly; throws HostError when that would overwrite later edits. */
  revert(planId: string, options?: { readonly readAfter?: boolean }): Promise<ReadResult | undefined>;
  appliedPlans(): Promise<readonly AppliedPlanSummary[]>;
  /** "Go to finding": activates the sheet and selects the cell or range. */
  selectCell(sheet: string, address: string): Promise<void>;
  /** Sets some of the add-in's settings, keeping the others, in one run. */
  updateSettings(changes: Record<string, unknown>): Promise<void>;
  /**
   * Calls `onChange` whenever the officer (or anything but this add-in) changes the workbook's
   * cells or sheets, so the pane can say its results are out of date. Resolves to a function
   * that stops watching. Absent where the host cannot tell (Excel older than ExcelApi 1.7).
   */
  watchChanges?(onChange: (change: WorkbookChange) => void): Promise<() => Promise<void>>;
}

/** What changed, as far as the host can say: a sheet and range, or a sheet added or deleted. */
export interface WorkbookChange {
  readonly sheet?: string;
  readonly address?: string;
  /** The host knows the officer made it (the workbench's grid): never an echo of the pane's own write. */
  readonly byOfficer?: boolean;
}

export type HostErrorCode =
  | 'sheetProtected'
  | 'officerData'
  | 'sheetMissing'
  | 'sheetAlreadyExists'
  | 'badRange'
  | 'mixedValidation'
  | 'changedSinceApplied'
  | 'addedSheetEdited'
  | 'planNotFound'
  | 'accessDenied'
  | 'itemNotFound'
  | 'cellEditMode'
  | 'payloadTooLarge'
  | 'rangeTooLarge'
  | 'sheetHidden'
  | 'structureProtected'
  | 'mergedCells'
  | 'tableColumn'
  | 'excelTooOld'
  | 'undoTooLarge'
  | 'general'
  | 'rollbackIncomplete';

/** The one kind of error a host throws: a plain-English message for the message bar. */
export class HostError extends Error {
  override readonly name = 'HostError';
  constructor(
    readonly code: HostErrorCode,
    message: string,
    readonly sheet?: string,
    readonly cell?: string,
    /** The underlying Office error, for the console and bug reports (never shown as the message). */
    cause?: unknown,
  ) {
    super(message, cause === undefined ? undefined : { cause });
  }
}
