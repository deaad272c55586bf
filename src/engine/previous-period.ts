import type { Workbook } from './grid';

/**
 * Where last period's figures are: a sheet of this workbook, or last month's file and, when
 * the officer picked one, its sheet. The one shape validation and the movement operation
 * take; without it each finds the earlier sheet a table's own headers name.
 */
export type PreviousPeriod =
  | { readonly sheet: string }
  | { readonly workbook: Workbook; readonly fileName: string; readonly sheet?: string };

/** The other workbook a previous period names, if it is last month's file. */
export function previousWorkbook(previous: PreviousPeriod | undefined): Workbook | undefined {
  return previous && 'workbook' in previous ? previous.workbook : undefined;
}
