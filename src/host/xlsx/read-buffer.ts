/**
 * Reading a workbook from bytes: browser-safe (no Node imports), used by the workbench
 * and, through read-file.ts, by the CLI. Every failure is a WorkbookReadError.
 */
import ExcelJS from 'exceljs';
import type { Cell, Sheet, Workbook } from '../../engine';
import { xlsxMessages } from './messages';
import { toEngineCell } from './cells';
import { WorkbookReadError } from './errors';
import { checkWorkbookBytes, nonEmpty } from './check-bytes';
import { isProtected } from './internals';

// Re-exported so the CLI and tests keep one import for reading.
export { MAX_WORKBOOK_BYTES, checkWorkbookBytes, isEmptyWorkbook, megabytes, nonEmpty } from './check-bytes';

/** Why exceljs or its zip reader gave up, in words an officer can act on; never a stack. */
function reasonOf(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  // JSZip's own words ("Bug : uncompressed data size mismatch", "Corrupted zip : ...") never reach the officer.
  if (/zip|central directory|end of data|invalid signature|unexpected end|size mismatch|^bug\b|crc32|invalid (block|distance|code|stored)/i.test(text)) return xlsxMessages.reasonDamagedZip;
  // A TypeError inside the reader means a part it does not understand (drawings in exceljs 4.4, for one).
  if (err instanceof TypeError) return xlsxMessages.reasonUnsupportedPart;
  const line = text.split('\n')[0]?.trim() ?? '';
  return line.length > 160 ? `${line.slice(0, 157)}...` : line || xlsxMessages.reasonUnknown;
}

/** Checks the bytes and loads them with exceljs; the ExcelJS.Workbook is what `apply` edits. */
export async function loadExcelJsBuffer(data: ArrayBuffer | Uint8Array, fileName: string): Promise<ExcelJS.Workbook> {
  const bytes = checkWorkbookBytes(data, fileName);
  const wb = new ExcelJS.Workbook();
  try {
    // exceljs's types ask for a Node Buffer; it accepts any ArrayBuffer view (JSZip underneath).
    await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch (err) {
    throw new WorkbookReadError('corrupt', fileName, xlsxMessages.corrupt(fileName, reasonOf(err)));
  }
  if (wb.worksheets.length === 0) throw new WorkbookReadError('noSheets', fileName, xlsxMessages.noSheets(fileName));
  return wb;
}

export function excelJsSheetToSheet(ws: ExcelJS.Worksheet, date1904: boolean): Sheet {
  const rows: (Cell | undefined)[][] = [];
  ws.eachRow((row, rowNumber) => {
    const cells: (Cell | undefined)[] = [];
    let any = false;
    row.eachCell((cell, colNumber) => {
      const c = toEngineCell(cell, date1904);
      if (c) {
        cells[colNumber - 1] = c;
        any = true;
      }
    });
    if (any) rows[rowNumber - 1] = cells;
  });
  const sheet: { name: string; rows: (Cell | undefined)[][]; protected?: boolean } = { name: ws.name, rows };
  if (isProtected(ws)) sheet.protected = true;
  return sheet;
}

/** The engine's grid of an exceljs workbook (also used after `apply` edits it in memory). */
export function excelJsToWorkbook(wb: ExcelJS.Workbook): Workbook {
  const date1904 = wb.properties?.date1904 === true;
  return { sheets: wb.worksheets.map((ws) => excelJsSheetToSheet(ws, date1904)) };
}

/** The grid, refusing a workbook with nothing in it: there is nothing to check or edit. */
export function excelJsToNonEmptyWorkbook(wb: ExcelJS.Workbook, fileName: string): Workbook {
  return nonEmpty(excelJsToWorkbook(wb), fileName);
}

export async function readWorkbookBuffer(data: ArrayBuffer | Uint8Array, fileName: string): Promise<Workbook> {
  return excelJsToNonEmptyWorkbook(await loadExcelJsBuffer(data, fileName), fileName);
}
