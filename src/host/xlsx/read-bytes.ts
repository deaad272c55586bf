/**
 * The grid of a workbook's bytes, read the same way everywhere (the CLI's `check`, the
 * workbench's Open): the fast reader first, exceljs for a file it does not handle. So the
 * workbench and `check` see the same cells, cached results and defined names. Only how the
 * zip is opened differs: Node's zlib in the CLI, the browser's streams in the workbench.
 */
import type { Workbook } from '../../engine';
import { browserZipCodec } from './fast/browser-codec';
import { readWorkbookPackage } from './fast/read-package';
import { type AsyncZipCodec, type ZipCodec, type ZipPackage, openZipAsync } from './fast/zip';
import { checkInflatedSizes, zipErrorForOfficer } from './zip-guard';
import { checkWorkbookBytes, excelJsToNonEmptyWorkbook, loadExcelJsBuffer, nonEmpty } from './read-buffer';

export async function readWorkbookGrid(
  data: ArrayBuffer | Uint8Array,
  fileName: string,
  codec: ZipCodec | AsyncZipCodec,
  open: (bytes: Uint8Array) => ZipPackage | Promise<ZipPackage>,
): Promise<Workbook> {
  const bytes = checkWorkbookBytes(data, fileName);
  let fast: Workbook | undefined;
  try {
    fast = readWorkbookPackage(await open(bytes));
  } catch (err) {
    // Anything the fast reader does not know (zip64, 1904 dates, an odd part) is exceljs's to read or refuse;
    // a part that unpacks past its size is no one's.
    const refused = zipErrorForOfficer(err, fileName);
    if (refused !== err) throw refused;
  }
  if (fast) return nonEmpty(fast, fileName);
  // exceljs inflates whole parts before checking their sizes: a bomb is refused first.
  await checkInflatedSizes(bytes, fileName, codec);
  return excelJsToNonEmptyWorkbook(await loadExcelJsBuffer(bytes, fileName), fileName);
}

/** In the browser (the workbench's Open). */
export function readWorkbookBytesAsFile(data: ArrayBuffer | Uint8Array, fileName: string): Promise<Workbook> {
  return readWorkbookGrid(data, fileName, browserZipCodec, (bytes) => openZipAsync(bytes, browserZipCodec));
}
