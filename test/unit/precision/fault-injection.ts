/** Shared by the precision tests: describe what the reader found, inject faults, list what validation reports. */
import { parseA1 } from '../../../src/engine/address';
import type { Cell, Workbook } from '../../../src/engine/grid';
import type { MonitoringTable } from '../../../src/engine/model';
import { validateWorkbook } from '../../../src/engine/validate';
import { calculate } from '../../fixtures/grids';

/** Each row as `row:kind{covered rows}`, 1-based as the sheet shows them. */
export const shape = (t: MonitoringTable): string =>
  t.rows.map((r) => `${r.row + 1}:${r.kind}${r.covers ? `{${r.covers.map((x) => x + 1).join(',')}}` : ''}`).join(' ');

/** As `shape`, with how each total's coverage was decided (section, subtotals, above …). */
export const shapeWithBasis = (t: MonitoringTable): string =>
  t.rows.map((r) => `${r.row + 1}:${r.kind}${r.covers ? `{${r.covers.map((x) => x + 1).join(',')}}${r.coverBasis}` : ''}`).join(' ');

/** Each column as `letter:role`. */
export const roles = (t: MonitoringTable): string => t.columns.map((c) => `${c.letter}:${c.role}`).join(' ');

/** The workbook with some cells of one sheet (the first by default) replaced, keeping the old format, recalculated. */
export function withCells(workbook: Workbook, changes: Record<string, Partial<Cell>>, sheetName = workbook.sheets[0]!.name): Workbook {
  const sheets = workbook.sheets.map((s) => {
    if (s.name !== sheetName) return s;
    const rows = s.rows.map((r) => (r ? [...r] : []));
    for (const [a1, change] of Object.entries(changes)) {
      const at = parseA1(a1)!;
      const row = (rows[at.row] ??= []);
      const next: Cell = { ...(row[at.col] ?? { value: null }), ...change };
      if (!('formula' in change)) delete (next as { formula?: string }).formula;
      row[at.col] = next;
    }
    return { ...s, rows };
  });
  return calculate({ sheets });
}

/** Errors and warnings as `cell rule severity`, sorted. */
export const found = (workbook: Workbook): string[] =>
  validateWorkbook(workbook).findings.filter((f) => f.severity !== 'info').map((f) => `${f.cell} ${f.rule} ${f.severity}`).sort();

/** As `found`, with the sheet named. */
export const foundOn = (workbook: Workbook): string[] =>
  validateWorkbook(workbook).findings.filter((f) => f.severity !== 'info').map((f) => `${f.sheet}!${f.cell} ${f.rule} ${f.severity}`).sort();
