/**
 * The CLI's fast reader (Node only): see read-package.ts. Throws FastReadUnsupported on
 * anything unusual, so the caller can fall back to exceljs.
 */
import type { Workbook } from '../../../engine';
import { nodeZipCodec } from './node-codec';
import { readWorkbookPackage } from './read-package';
import { openZip } from './zip';

export function readWorkbookFast(bytes: Uint8Array): Workbook {
  return readWorkbookPackage(openZip(bytes, nodeZipCodec));
}
