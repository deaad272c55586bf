/** Shared helpers for the realdata precision tests: read a file once, validate it, index its findings. */
import path from 'node:path';
import type { Finding } from '../../../src/engine/findings';
import type { MonitoringTable, TableRow } from '../../../src/engine/model';
import { validateWorkbook } from '../../../src/engine/validate';
import { readWorkbookFile } from '../../../src/host/xlsx/read-file';

export const REALDATA = path.resolve(__dirname, '../../../../shared/realdata');

export interface Checked {
  readonly tables: readonly MonitoringTable[];
  readonly findings: readonly Finding[];
}

export async function checkRealFile(name: string): Promise<Checked> {
  const workbook = await readWorkbookFile(path.join(REALDATA, name));
  return validateWorkbook(workbook);
}

/** `sheet!cell rule` of every finding of a severity, sorted. */
export function cellsOf(findings: readonly Finding[], severity: Finding['severity'], sheet?: string): string[] {
  return findings
    .filter((f) => f.severity === severity && (sheet === undefined || f.sheet === sheet))
    .map((f) => `${f.sheet}!${f.cell} ${f.rule}`)
    .sort();
}

/** The body row at an Excel (1-based) row number of the table that holds it on a sheet. */
export function rowAt(tables: readonly MonitoringTable[], sheet: string, excelRow: number): TableRow | undefined {
  for (const t of tables) {
    if (t.sheet !== sheet) continue;
    const r = t.rows.find((x) => x.row === excelRow - 1);
    if (r) return r;
  }
  return undefined;
}

/** Column letters from `from` to `to`, e.g. letters('D', 'F') → D, E, F. */
export function letters(from: string, to: string): string[] {
  const out: string[] = [];
  for (let c = from.charCodeAt(0); c <= to.charCodeAt(0); c++) out.push(String.fromCharCode(c));
  return out;
}
