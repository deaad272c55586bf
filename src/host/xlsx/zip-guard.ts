/**
 * Zip bombs: a small file whose parts unpack to gigabytes. The package's directory is
 * checked before anything is inflated (check-bytes.ts), and every inflate stops at the
 * part's declared size (the codecs), so memory stays bounded; either way the officer gets
 * a WorkbookReadError naming the file, never a zip library's own words. Browser-safe.
 */
import { xlsxMessages } from './messages';
import { WorkbookReadError } from './errors';
import { FastReadUnsupported, MAX_UNPACKED_BYTES, ZipTooLarge, readDirectory, type AsyncZipCodec, type ZipCodec } from './fast/zip';

function megabytes(bytes: number): number {
  return Math.round(bytes / (1024 * 1024));
}

/** The WorkbookReadError for a ZipTooLarge; anything else is returned as it is. */
export function zipErrorForOfficer(err: unknown, fileName: string): unknown {
  if (!(err instanceof ZipTooLarge)) return err;
  return err.declared
    ? new WorkbookReadError('tooLarge', fileName, xlsxMessages.unpacksTooLarge(fileName, megabytes(MAX_UNPACKED_BYTES)))
    : new WorkbookReadError('corrupt', fileName, xlsxMessages.corrupt(fileName, xlsxMessages.reasonPartTooLarge));
}

/** Refuses a package whose directory declares too much, before anything is inflated. */
export function checkDeclaredSizes(bytes: Uint8Array, fileName: string): void {
  try {
    readDirectory(bytes);
  } catch (err) {
    if (err instanceof FastReadUnsupported) return; // not this check's to refuse: the readers word it
    throw zipErrorForOfficer(err, fileName);
  }
}

/**
 * Inflates every part once, one at a time and each no further than its declared size, so
 * that a reader which inflates whole parts before checking them (exceljs) never meets a
 * bomb. Used before handing a package to exceljs.
 */
export async function checkInflatedSizes(bytes: Uint8Array, fileName: string, codec: ZipCodec | AsyncZipCodec): Promise<void> {
  try {
    const directory = readDirectory(bytes);
    for (const name of directory.names) {
      const raw = directory.raw(name);
      if (!raw || raw.method !== 8) continue;
      const out = await codec.inflateRaw(raw.data, raw.unpacked);
      if (out.length > raw.unpacked) throw new ZipTooLarge(out.length, false);
    }
  } catch (err) {
    if (err instanceof FastReadUnsupported) return; // exceljs reads or refuses what this cannot
    throw zipErrorForOfficer(err, fileName);
  }
}
