/**
 * Last month's file, read in the pane by the fast reader (no exceljs in the pane). The byte
 * checks name their own problem (an old .xls, a password); anything the reader does not
 * follow is one plain sentence that says what to do.
 */
import type { Workbook } from '../engine';
import { isWorkbookReadError } from '../host/xlsx/errors';
import { readWorkbookFastInBrowser } from '../host/xlsx/fast/read-fast-browser';
import { UI } from './messages';

export async function readPreviousWorkbook(bytes: ArrayBuffer, fileName: string): Promise<Workbook> {
  try {
    return await readWorkbookFastInBrowser(bytes, fileName);
  } catch (error) {
    if (isWorkbookReadError(error)) throw error;
    throw new Error(UI.movement.cannotRead(fileName));
  }
}
