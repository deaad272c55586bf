/**
 * The fast reader in a browser (the task pane in Excel, the workbench): no exceljs, no Node.
 * The byte checks are the CLI's (too large, empty, .xls, encrypted, not a zip: each a
 * WorkbookReadError with its own message); past them a file this reader cannot handle
 * throws FastReadUnsupported, which the caller words for the officer.
 */
import type { Workbook } from '../../../engine';
import { checkWorkbookBytes, nonEmpty } from '../check-bytes';
import { browserZipCodec } from './browser-codec';
import { readWorkbookPackage } from './read-package';
import { openZipAsync } from './zip';
import { zipErrorForOfficer } from '../zip-guard';

export async function readWorkbookFastInBrowser(data: ArrayBuffer | Uint8Array, fileName: string): Promise<Workbook> {
  const bytes = checkWorkbookBytes(data, fileName);
  try {
    return nonEmpty(readWorkbookPackage(await openZipAsync(bytes, browserZipCodec)), fileName);
  } catch (err) {
    throw zipErrorForOfficer(err, fileName);
  }
}
