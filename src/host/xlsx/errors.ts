/** The one error the xlsx host throws when a file cannot be read: a plain-English line, never a stack trace. */

export type WorkbookReadProblem =
  | 'missing'
  | 'notAFile'
  | 'unreadable'
  | 'tooLarge'
  | 'empty'
  | 'notAZip'
  | 'oldXls'
  | 'encrypted'
  | 'notAWorkbook'
  | 'noSheets'
  | 'noData'
  | 'corrupt';

export class WorkbookReadError extends Error {
  override readonly name = 'WorkbookReadError';

  constructor(
    readonly problem: WorkbookReadProblem,
    readonly file: string,
    message: string,
  ) {
    super(message);
  }
}

/** Thrown when an edit plan cannot be applied to a workbook (a missing or protected sheet, a bad range). */
export class PlanApplyError extends Error {
  override readonly name = 'PlanApplyError';
}

export function isWorkbookReadError(err: unknown): err is WorkbookReadError {
  return err instanceof WorkbookReadError;
}
