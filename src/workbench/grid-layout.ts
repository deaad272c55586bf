/**
 * The grid's layout, as Excel lays out a sheet: column widths (the file's, or fitted to the
 * figures), text that spills into empty cells to its right, and the rows and columns that
 * stay in place when the grid scrolls. Pure, so it is tested without a browser.
 */
import { isEmptySimCell, type SimCell, type SimSheet } from '../host/simulated/state';

/** Pixels: the row-number bar's width, and every row's height (the column-letter bar's too). */
export const ROW_HEADER_WIDTH = 44;
export const ROW_HEIGHT = 20;
/** Excel's default column (8.43 characters of Calibri 11). */
export const DEFAULT_COLUMN_PX = 64;
const MAX_FITTED_PX = 260;
/** Cell padding either side, in pixels. */
export const CELL_PADDING = 4;

/** Whether a cell's content spills into empty neighbours: text only (Excel shows numbers, booleans and errors within their cell). */
export function spills(cell: SimCell | undefined): boolean {
  return cell !== undefined && !cell.error && typeof cell.value === 'string' && cell.value !== '';
}

/**
 * For each cell of a row whose text spills, the last column it may spill into: up to (not
 * including) the next non-empty cell, within the `cols` columns shown. A cell followed by a
 * non-empty one is not listed.
 */
export function spillExtents(row: readonly (SimCell | undefined)[] | undefined, cols: number): Map<number, number> {
  const out = new Map<number, number>();
  if (!row) return out;
  let nextFilled = cols;
  // Right to left, so each cell knows where the next filled cell is.
  for (let c = Math.min(row.length, cols) - 1; c >= 0; c--) {
    const cell = row[c];
    if (isEmptySimCell(cell)) continue;
    if (spills(cell) && nextFilled - 1 > c) out.set(c, nextFilled - 1);
    nextFilled = c;
  }
  return out;
}

/**
 * Each column's width in pixels: the sheet's own (set in the file or by the add-in), else wide
 * enough for the column's figures and for text that cannot spill (its right neighbour is
 * filled), between Excel's default and a limit; `textWidth` measures a text in pixels.
 */
export function columnWidthsPx(sheet: SimSheet, cols: number, textWidth: (text: string) => number, shown: (cell: SimCell | undefined) => string): number[] {
  const fitted = Array.from({ length: cols }, () => DEFAULT_COLUMN_PX);
  for (let r = 0; r < sheet.rows.length; r++) {
    const row = sheet.rows[r];
    if (!row) continue;
    for (let c = 0; c < Math.min(row.length, cols); c++) {
      const cell = row[c];
      if (isEmptySimCell(cell)) continue;
      if (spills(cell) && isEmptySimCell(row[c + 1])) continue;
      const need = Math.ceil(textWidth(shown(cell))) + 2 * CELL_PADDING + 2;
      if (need > fitted[c]!) fitted[c] = Math.min(MAX_FITTED_PX, need);
    }
  }
  return fitted.map((px, c) => {
    const points = sheet.columnWidths.get(c);
    return points === undefined ? px : Math.round((points * 4) / 3);
  });
}

/** Sum of the widths of columns `from` to `to` inclusive. */
export function spanWidth(widths: readonly number[], from: number, to: number): number {
  let sum = 0;
  for (let c = from; c <= to && c < widths.length; c++) sum += widths[c]!;
  return sum;
}

/**
 * What stays in place when the grid scrolls: the sheet's frozen panes, and always at least
 * column A (the labels), as the issue asks; the column-letter and row-number bars always.
 */
export function frozenPanes(sheet: Pick<SimSheet, 'frozen'>): { rows: number; cols: number } {
  return { rows: sheet.frozen?.rows ?? 0, cols: Math.max(1, sheet.frozen?.cols ?? 0) };
}

/** Sticky offsets: each frozen column's `left` and each frozen row's `top`, in pixels. */
export function stickyOffsets(widths: readonly number[], frozen: { rows: number; cols: number }): { left: number[]; top: number[] } {
  const left: number[] = [];
  let x = ROW_HEADER_WIDTH;
  for (let c = 0; c < Math.min(frozen.cols, widths.length); c++) {
    left.push(x);
    x += widths[c]!;
  }
  const top = Array.from({ length: frozen.rows }, (_, r) => ROW_HEIGHT * (r + 1));
  return { left, top };
}
