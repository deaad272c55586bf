/**
 * Totals that state their range in words ("(total of lines 190 to 698)"): the rows whose
 * line number (a column of the sheet) falls in the range, or those sheet rows when no
 * column numbers the lines.
 */
import type { TableColumn } from '../model';
import type { SheetScan } from './cells';
import type { RowFacts } from './rows';
import { hasNumberAt, numberAt } from './values';

/** A line's number: a whole number, or the first of several written as text ("870 & 885"). */
function lineNumberAt(scan: SheetScan, r: number, c: number): number | undefined {
  if (hasNumberAt(scan, r, c)) {
    const n = numberAt(scan, r, c);
    return n !== undefined && Number.isInteger(n) ? n : undefined;
  }
  const v = scan.sheet.rows[r]?.[c]?.value;
  const m = typeof v === 'string' ? /^\s*(\d+)\s*(?:&|,|and|\/)\s*\d+\s*$/.exec(v) : null;
  return m ? Number(m[1]) : undefined;
}

/** Rows numbered x..y in a column of the table (the row's own line number sits in it), else sheet rows x..y. */
export function statedRangeRows(scan: SheetScan, facts: readonly RowFacts[], columns: readonly TableColumn[], at: RowFacts): number[] {
  const [x, y] = at.statedRange!;
  let best: number[] = [];
  for (const column of columns) {
    const own = numberAt(scan, at.row, column.col);
    if (!hasNumberAt(scan, at.row, column.col) || own === undefined || !Number.isInteger(own)) continue;
    const rows = facts
      .filter((f) => {
        if (f.row === at.row || f.hint === 'blank') return false;
        const n = lineNumberAt(scan, f.row, column.col);
        return n !== undefined && n >= x && n <= y;
      })
      .map((f) => f.row);
    if (rows.length > best.length) best = rows;
  }
  if (best.length > 0) return best;
  return facts.filter((f) => f.row !== at.row && f.hint !== 'blank' && f.row + 1 >= x && f.row + 1 <= y).map((f) => f.row);
}
