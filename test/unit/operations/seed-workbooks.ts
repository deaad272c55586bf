/**
 * Seed 000 workbooks for the operation tests, built from the shared grid fixtures, and
 * their tables read by the real table reader; plus helpers to type into a grid as an
 * officer would and to read cells back by address.
 */
import { parseA1 } from '../../../src/engine/address';
import type { Cell, CellValue, Sheet, Workbook } from '../../../src/engine/grid';
import type { MonitoringTable } from '../../../src/engine/model';
import { parseNumberText } from '../../../src/engine/numbers';
import { readSheet } from '../../../src/engine/read';
import { recalculate } from '../../../src/host/calc/recalculate';
import { seed000Mitigations as mitigationsWorkbook, seed000MonthsWorkbook, seed000Table1Formulas, TABLE1_ROWS } from '../../fixtures/grids';

export interface SeedLine {
  readonly label: string;
  /** Figures as published, by column B..K (index 0 = B); null for "-", text for words. */
  readonly cells: readonly (number | string | null)[];
}

/** Table 1 of seed 000 as published, row by row (section headings have no cells). */
export function seed000Rows(): { rows: SeedLine[] } {
  return {
    rows: TABLE1_ROWS.map(([label, ...rest]) => ({
      label: label!,
      cells: rest.map((t) => (t.trim() === '-' || t.trim() === '' ? null : (parseNumberText(t) ?? t.trim()))),
    })),
  };
}

const renamed = (sheet: Sheet, name: string): Sheet => ({ ...sheet, name });

/** Month 7 (header row 3, lines from row 5, SUM sub totals, typed movements in K); without K if asked. */
export function seed000Sheet(name = 'Month 7', options: { movement?: boolean } = {}): Sheet {
  const sheet = renamed(seed000Table1Formulas().sheets[0]!, name);
  return options.movement === false ? { ...sheet, rows: sheet.rows.map((r) => r?.slice(0, 10)) } : sheet;
}

/** Month 6: each line's variance as last period (Month 7 variance − published movement). */
export function seed000PreviousSheet(name = 'Month 6'): Sheet {
  return renamed(seed000MonthsWorkbook().sheets.find((s) => s.name === 'Month 6')!, name);
}

export function seed000Workbook(options: { previous?: boolean } = {}): Workbook {
  return recalculate({ sheets: options.previous === false ? [seed000Sheet()] : [seed000PreviousSheet(), seed000Sheet()] });
}

/** The first table the reader finds on a sheet. */
export function tableOf(sheet: Sheet): MonitoringTable {
  const [table] = readSheet(sheet);
  if (!table) throw new Error(`no table on ${sheet.name}`);
  return table;
}

export interface SeedMitigationRow {
  readonly label: string;
  /** Quarter 2, Month 7, Movement, One-off, Ongoing (to 3 decimals), or text ("TBC"). */
  readonly amounts: readonly (number | string)[];
  readonly comment: string;
}

/** Table 3 of seed 000 (To be Mitigated, the actions, Total Mitigations, Still to be Mitigated). */
export function seed000Mitigations(): SeedMitigationRow[] {
  const sheet = mitigationsWorkbook().sheets[0]!;
  const out: SeedMitigationRow[] = [];
  for (let r = 7; r <= 15; r++) {
    const cells = sheet.rows[r] ?? [];
    out.push({
      label: String(cells[0]?.value),
      amounts: [1, 2, 3, 4, 5].map((c) => {
        const v = cells[c]?.value;
        return typeof v === 'number' ? Math.round(v * 1000) / 1000 : String(v ?? '');
      }),
      comment: String(cells[6]?.value ?? ''),
    });
  }
  return out;
}

function at(a1: string): { row: number; col: number } {
  const ref = parseA1(a1);
  if (!ref) throw new Error(`not a cell: ${a1}`);
  return ref;
}

/** Sets cells as an officer would type them: text, numbers, or formulas starting with "=". Keeps the number format. */
export function typeInto(workbook: Workbook, sheetName: string, entries: Record<string, CellValue | string>): Workbook {
  const sheets = workbook.sheets.map((s) => {
    if (s.name !== sheetName) return s;
    const rows = s.rows.map((r) => (r ? [...r] : []));
    for (const [a1, v] of Object.entries(entries)) {
      const { row, col } = at(a1);
      while (rows.length <= row) rows.push([]);
      const old = rows[row]![col];
      const kept: Partial<Cell> = old?.format ? { format: old.format } : {};
      rows[row]![col] = typeof v === 'string' && v.startsWith('=') ? { ...kept, value: null, formula: v } : { ...kept, value: v };
    }
    return { ...s, rows };
  });
  return { ...workbook, sheets };
}

export function valueAt(workbook: Workbook, sheet: string, a1: string): CellValue {
  const { row, col } = at(a1);
  return workbook.sheets.find((x) => x.name === sheet)!.rows[row]?.[col]?.value ?? null;
}

export function formulaAt(workbook: Workbook, sheet: string, a1: string): string | undefined {
  const { row, col } = at(a1);
  return workbook.sheets.find((x) => x.name === sheet)!.rows[row]?.[col]?.formula;
}
