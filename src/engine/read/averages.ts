/**
 * Rows labelled as totals that hold averages or rates, not money added up ("Total Unitary
 * Authorities" = the average Band D; "Total average per service"). In every figure column
 * where the row disagrees with the sum of what it covers, its figure lies within the range
 * of those lines, all of one sign, which no sum of two or more of them can; and it disagrees
 * in all of them (a typed-over total is off in one column, not in every one). Such a row is
 * a note: not summed by totals, not judged as money. A row whose formulas add up is a sum,
 * however short it falls.
 */
import { FIGURE_ROLES, type TableColumn, type TableRow } from '../model';
import { toleranceFor } from '../units';
import type { SheetScan } from './cells';
import { isAdditive } from '../domain/formula-references';
import { hasNumberAt, numberAt } from './values';

export function settleAverageRows(scan: SheetScan, rows: readonly TableRow[], columns: readonly TableColumn[]): TableRow[] {
  const figureCols = columns.filter((c) => FIGURE_ROLES.has(c.role)).map((c) => c.col);
  const averages = new Set<number>();
  for (const row of rows) {
    if (!row.covers || row.covers.length < 2 || (row.kind !== 'total' && row.kind !== 'subtotal')) continue;
    if (isAverage(scan, row, figureCols)) averages.add(row.row);
  }
  if (averages.size === 0) return [...rows];
  return rows.map((r) => {
    if (averages.has(r.row)) {
      const note: { -readonly [K in keyof TableRow]: TableRow[K] } = { row: r.row, kind: 'note', label: r.label, indent: r.indent };
      if (r.section !== undefined) note.section = r.section;
      return note;
    }
    if (!r.covers?.some((c) => averages.has(c))) return r;
    return { ...r, covers: r.covers.filter((c) => !averages.has(c)) };
  });
}

function isAverage(scan: SheetScan, row: TableRow, figureCols: readonly number[]): boolean {
  let judged = 0;
  for (const col of figureCols) {
    if (!hasNumberAt(scan, row.row, col)) continue;
    // A SUM says what it is: a sum, however short it falls.
    const formula = scan.sheet.rows[row.row]?.[col]?.formula;
    if (formula !== undefined && isAdditive(formula)) return false;
    const stated = numberAt(scan, row.row, col)!;
    let sum = 0;
    let least = Infinity;
    let most = -Infinity;
    let counted = 0;
    for (const r of row.covers!) {
      const v = numberAt(scan, r, col);
      if (v === undefined) continue;
      sum += v;
      if (!hasNumberAt(scan, r, col)) continue;
      least = Math.min(least, v);
      most = Math.max(most, v);
      counted++;
    }
    if (counted === 0 || (sum === 0 && stated === 0)) continue; // nothing of substance in this column
    if (Math.abs(stated - sum) <= toleranceFor(6) * Math.max(1, Math.abs(sum))) return false; // it adds up here: a sum
    const oneSign = least > 0 || most < 0;
    if (counted < 2 || !oneSign || stated < least || stated > most) return false;
    judged++;
  }
  return judged > 0 && (judged >= 2 || row.covers!.length >= 3);
}
