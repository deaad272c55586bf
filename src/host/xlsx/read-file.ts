/** Reading a workbook from disk (Node only: the CLI and tests); the grid itself is read as in the browser (read-bytes.ts). */
import { promises as fs } from 'node:fs';
import type ExcelJS from 'exceljs';
import type { Workbook } from '../../engine';
import { xlsxMessages } from './messages';
import { csvSheetName, csvToWorkbook, isCsvPath } from './csv';
import { WorkbookReadError } from './errors';
import { nodeZipCodec } from './fast/node-codec';
import { openZip } from './fast/zip';
import { readWorkbookGrid } from './read-bytes';
import { checkInflatedSizes } from './zip-guard';
import { MAX_WORKBOOK_BYTES, checkWorkbookBytes, loadExcelJsBuffer, megabytes, nonEmpty } from './read-buffer';

/** Reads the file's bytes after checking it exists and is not too large to hold in memory. */
export async function readWorkbookBytes(filePath: string): Promise<Uint8Array> {
  let stat;
  try {
    stat = await fs.stat(filePath);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new WorkbookReadError('missing', filePath, xlsxMessages.missingFile(filePath));
    throw new WorkbookReadError('unreadable', filePath, xlsxMessages.unreadableFile(filePath, code ?? 'unknown error'));
  }
  if (stat.isDirectory()) throw new WorkbookReadError('notAFile', filePath, xlsxMessages.notAFile(filePath));
  if (stat.size > MAX_WORKBOOK_BYTES) {
    throw new WorkbookReadError('tooLarge', filePath, xlsxMessages.tooLarge(filePath, megabytes(stat.size), megabytes(MAX_WORKBOOK_BYTES)));
  }
  try {
    return await fs.readFile(filePath);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'unknown error';
    throw new WorkbookReadError('unreadable', filePath, xlsxMessages.unreadableFile(filePath, code));
  }
}

/** Loads the file into exceljs (for `apply`, which edits and saves it). */
export async function loadExcelJsFile(filePath: string): Promise<ExcelJS.Workbook> {
  return (await loadExcelJsFileWithBytes(filePath)).wb;
}

/** The same, with the file's bytes, which `apply` patches to save (package/patch.ts). */
export async function loadExcelJsFileWithBytes(filePath: string): Promise<{ wb: ExcelJS.Workbook; bytes: Uint8Array }> {
  const bytes = checkWorkbookBytes(await readWorkbookBytes(filePath), filePath);
  // exceljs inflates whole parts before checking their sizes: a bomb is refused first.
  await checkInflatedSizes(bytes, filePath, nodeZipCodec);
  return { wb: await loadExcelJsBuffer(bytes, filePath), bytes };
}

/**
 * The grid of a workbook file. The fast reader (fast/read-fast.ts) does the work; a file
 * it does not handle goes through exceljs, whose errors become WorkbookReadErrors.
 */
export async function readWorkbookFile(filePath: string): Promise<Workbook> {
  const raw = await readWorkbookBytes(filePath);
  if (isCsvPath(filePath)) return nonEmpty(csvToWorkbook(new TextDecoder('utf-8').decode(raw), csvSheetName(filePath)), filePath);
  return readWorkbookGrid(raw, filePath, nodeZipCodec, (bytes) => openZip(bytes, nodeZipCodec));
}
