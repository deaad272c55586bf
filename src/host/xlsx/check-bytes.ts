/**
 * The checks every reader makes before and after parsing (size, file kind, something in it),
 * free of exceljs so the task pane's fast reader shares them. Every failure is a WorkbookReadError.
 */
import type { Workbook } from '../../engine';
import { xlsxMessages } from './messages';
import { WorkbookReadError } from './errors';
import { sniffFileKind } from './sniff';
import { checkDeclaredSizes } from './zip-guard';

/** exceljs holds a whole workbook in memory, several times its size; past this we refuse up front. */
export const MAX_WORKBOOK_BYTES = 100 * 1024 * 1024;

export function megabytes(bytes: number): number {
  return Math.round(bytes / (1024 * 1024));
}

function asBytes(data: ArrayBuffer | Uint8Array): Uint8Array {
  return data instanceof Uint8Array ? data : new Uint8Array(data);
}

/** Refuses what is not an .xlsx package (too large, unpacking too large, empty, .xls, encrypted, not a zip) before any parsing. */
export function checkWorkbookBytes(data: ArrayBuffer | Uint8Array, fileName: string): Uint8Array {
  const bytes = asBytes(data);
  if (bytes.byteLength > MAX_WORKBOOK_BYTES) {
    throw new WorkbookReadError('tooLarge', fileName, xlsxMessages.tooLarge(fileName, megabytes(bytes.byteLength), megabytes(MAX_WORKBOOK_BYTES)));
  }
  switch (sniffFileKind(bytes)) {
    case 'empty':
      throw new WorkbookReadError('empty', fileName, xlsxMessages.emptyFile(fileName));
    case 'oldXls':
      throw new WorkbookReadError('oldXls', fileName, xlsxMessages.oldXls(fileName));
    case 'encrypted':
      throw new WorkbookReadError('encrypted', fileName, xlsxMessages.encrypted(fileName));
    case 'other':
      throw new WorkbookReadError('notAZip', fileName, xlsxMessages.notAZip(fileName));
    case 'zip':
      break;
  }
  // A zip bomb is refused here, before any reader inflates a byte of it.
  checkDeclaredSizes(bytes, fileName);
  return bytes;
}

export function isEmptyWorkbook(workbook: Workbook): boolean {
  return workbook.sheets.every((s) => s.rows.every((r) => r === undefined || r.every((c) => c === undefined)));
}

export function nonEmpty(workbook: Workbook, fileName: string): Workbook {
  if (workbook.sheets.length === 0) throw new WorkbookReadError('noSheets', fileName, xlsxMessages.noSheets(fileName));
  if (isEmptyWorkbook(workbook)) throw new WorkbookReadError('noData', fileName, xlsxMessages.noData(fileName));
  return workbook;
}
