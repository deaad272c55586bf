/**
 * The grid of a workbook's bytes in the browser (the workbench's Open), read exactly as the
 * CLI reads a file (read-file.ts): the fast reader first, exceljs for a file it does not
 * handle. So the workbench and `check` see the same cells, cached results and defined names.
 */
import type { Workbook } from '../../engine/grid';
import { browserZipCodec } from './fast/browser-codec';
import { readWorkbookPackage } from './fast/read-package';
import { openZipAsync } from './fast/zip';
import { checkInflatedSizes, zipErrorForOfficer } from './zip-guard';
import { checkWorkbookBytes, excelJsToNonEmptyWorkbook, loadExcelJsBuffer, nonEmpty } from './read-buffer';

export async function readWorkbookBytesAsFile(data: ArrayBuffer | Uint8Array, fileName: string): Promise<Workbook> {
  const bytes = checkWorkbookBytes(data, fileName);
  let fast: Workbook | undefined;
  try {
    fast = readWorkbookPackage(await openZipAsync(bytes, browserZipCodec));
  } catch (err) {
    // Anything the fast reader does not know (zip64, 1904 dates, an odd part) is exceljs's to read or refuse;
    // a part that unpacks past its size is no one's.
    const refused = zipErrorForOfficer(err, fileName);
    if (refused !== err) throw refused;
  }
  if (fast) return nonEmpty(fast, fileName);
  await checkInflatedSizes(bytes, fileName, browserZipCodec);
  return excelJsToNonEmptyWorkbook(await loadExcelJsBuffer(bytes, fileName), fileName);
}
