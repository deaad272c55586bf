/** Helpers every operation shares: results, units and number formats. */
import { contiguousRuns } from '../domain/sum-formulas';
import { cellAt, isErrorValue, type Cell, type Sheet } from '../grid';
import type { MonitoringTable, TableColumn } from '../model';
import type { EditPlan } from '../plan';
import { UNIT_DECIMALS } from '../units';

/** Tag on every conditional format the add-in writes, so reapplying removes only its own. */
export const TAG_PREFIX = 'budget-monitor:';

/** What an operation hands back: a plan to preview and apply, and what the officer should know. */
export interface OperationResult {
  readonly plan: EditPlan;
  /** Things worth telling the officer (new lines, removed lines, assumptions made). */
  readonly notes: readonly string[];
  /** Why the operation cannot run; when there are any, the plan has no edits. */
  readonly problems: readonly string[];
  /**
   * Cells holding the officer's own entries that the plan replaces on purpose (a typed
   * movement replaced by its formula, a wrong RAG word, a tracker's rolled-over amount).
   * The preview shows them; the host is told it may write them (ApplyOptions.allowOverwrite).
   */
  readonly overwrites?: readonly SheetRange[];
}

export interface SheetRange {
  readonly sheet: string;
  readonly range: string;
}

export function refused(title: string, problems: readonly string[], notes: readonly string[] = []): OperationResult {
  return { plan: { title, edits: [] }, notes, problems, overwrites: [] };
}

export function figureFormatForDecimals(decimals: number): string {
  const body = decimals > 0 ? `#,##0.${'0'.repeat(decimals)}` : '#,##0';
  return `${body};(${body});"-"`;
}

/** The number format a table shows a column's figures in, or the unit's usual one. */
export function columnFormat(sheet: Sheet | undefined, table: MonitoringTable, column: TableColumn | undefined): string {
  if (sheet && column) {
    for (const row of table.rows) {
      if (row.kind !== 'line' && row.kind !== 'subtotal' && row.kind !== 'total') continue;
      const format = cellAt(sheet, row.row, column.col).format;
      if (format && !/^general$/i.test(format)) return format;
    }
  }
  return figureFormatForDecimals(table.unit ? UNIT_DECIMALS[table.unit] : 2);
}

/** What a cell shows as text, trimmed ('' for empty cells and errors). */
export function cellText(cell: Cell): string {
  const v = cell.value;
  if (v === null || isErrorValue(v)) return '';
  return String(v).trim();
}

/** A cell the officer typed something into (a value or a formula). */
export function hasContent(cell: Cell): boolean {
  if (cell.formula !== undefined) return true;
  const v = cell.value;
  return !(v === null || (typeof v === 'string' && v.trim() === ''));
}

/** The cell as it should be written back: its formula if it has one, else its value. */
export function cellEntry(cell: Cell): string | number | null {
  if (cell.formula !== undefined) return cell.formula;
  const v = cell.value;
  if (v === null || isErrorValue(v)) return v === null ? null : v.error;
  if (typeof v === 'boolean') return v ? '=TRUE' : '=FALSE';
  return v;
}

/** A number literal safe to put in a formula (no exponent notation, no float noise). */
export function numberLiteral(value: number): string {
  const rounded = Number(value.toPrecision(15));
  return Number.isInteger(rounded) ? String(rounded) : rounded.toFixed(12).replace(/0+$/, '').replace(/\.$/, '');
}

/** `F5:F15`, or `F5` for a single row (0-based rows). */
export function columnSpan(letter: string, startRow: number, endRow: number): string {
  return startRow === endRow ? `${letter}${startRow + 1}` : `${letter}${startRow + 1}:${letter}${endRow + 1}`;
}

/** Cells of one column as few ranges as possible: rows 4,5,6,9 of K → K5:K7, K10. */
export function columnRanges(sheet: string, letter: string, rows: readonly number[]): SheetRange[] {
  return contiguousRuns(rows).map(([a, b]) => ({ sheet, range: columnSpan(letter, a, b) }));
}
