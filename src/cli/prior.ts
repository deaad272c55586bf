/** `--prior`: a sheet of the workbook being checked, or last month's .xlsx file. */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { PreviousPeriod, Workbook } from '../engine';
import { cliMessages } from './messages';
import { readWorkbookFile } from '../host/xlsx/read-file';
import { UsageError } from './args';

async function isFile(p: string): Promise<boolean> {
  try {
    return (await fs.stat(p)).isFile();
  } catch {
    return false;
  }
}

/**
 * A sheet name wins when the workbook has it; otherwise the argument is a file (a missing
 * or unreadable file is a WorkbookReadError naming it).
 */
export async function resolvePrior(arg: string | undefined, workbook: Workbook, file: string): Promise<PreviousPeriod | undefined> {
  if (arg === undefined) return undefined;
  if (workbook.sheets.some((s) => s.name === arg)) return { sheet: arg };
  if (/\.xls[xm]?$/i.test(arg) || (await isFile(arg))) {
    return { workbook: await readWorkbookFile(arg), fileName: path.basename(arg) };
  }
  throw new UsageError(cliMessages.prior.noSheet(arg, file));
}
