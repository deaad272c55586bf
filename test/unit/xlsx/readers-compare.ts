/** The fast reader against the exceljs path: what they knowingly read differently, normalised away. */
import { promises as fs } from 'node:fs';
import type { Workbook } from '../../../src/engine/grid';
import { readWorkbookFast } from '../../../src/host/xlsx/fast/read-fast';
import { excelJsToWorkbook, loadExcelJsBuffer } from '../../../src/host/xlsx/read-buffer';

/**
 * Where the two readers knowingly differ, the fast one keeps what the file says:
 * - exceljs drops backslash escapes from number formats ("\\(" becomes "(");
 * - exceljs moves "references" inside quoted text when it expands a shared formula
 *   (`INDIRECT("'X'!$A$8:ZZ$450")` becomes `…:AAB$450` two columns on).
 * - exceljs drops a formula's empty text result (`=IFERROR(…, "")` saved as `t="str"`,
 *   `<v></v>`), which the fast reader keeps as "", as Excel's API reports it.
 * So formats are compared without backslashes, formulas with their quoted text blanked,
 * and a formula's "" as no result.
 */
export function comparable(workbook: Workbook): Workbook {
  return {
    sheets: workbook.sheets.map((s) => ({
      ...s,
      rows: s.rows.map((r) =>
        r?.map((c) => {
          if (!c) return c;
          const out = { ...c };
          if (c.format !== undefined) out.format = c.format.replace(/\\/g, '');
          if (c.formula !== undefined) out.formula = c.formula.replace(/"(?:[^"]|"")*"/g, '""');
          if (c.formula !== undefined && c.value === '') out.value = null;
          return out;
        }),
      ),
    })),
  };
}

/** A file read by the fast reader and by the exceljs path. */
export async function bothReaders(file: string): Promise<[Workbook, Workbook]> {
  const bytes = await fs.readFile(file);
  return [readWorkbookFast(bytes), excelJsToWorkbook(await loadExcelJsBuffer(bytes, file))];
}
