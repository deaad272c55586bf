/** One unit per table: stated in the column headers, else in a title above, else in the number format. */
import { FIGURE_ROLES, type TableColumn } from '../model';
import { type Unit, unitInFormat, unitInText } from '../units';
import type { SheetScan } from './cells';
import { CellKind } from './cells';

/** Local copy: reading a constant through a module binding costs a call per cell under CommonJS. */
const KIND = { ...CellKind };

export interface TableUnit {
  readonly unit?: Unit;
  readonly source?: 'header' | 'title' | 'format';
}

export function tableUnit(scan: SheetScan, columns: readonly TableColumn[], titles: readonly string[], firstRow: number, lastRow: number): TableUnit {
  const counts = new Map<Unit, number>();
  for (const c of columns) if (c.unit && (FIGURE_ROLES.has(c.role) || c.role === 'otherText')) counts.set(c.unit, (counts.get(c.unit) ?? 0) + 1);
  if (counts.size > 0) {
    const unit = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]![0];
    return { unit, source: 'header' };
  }
  for (const text of [...titles].reverse()) {
    const unit = unitInText(text);
    if (unit) return { unit, source: 'title' };
  }
  // The first few figures' formats: a unit format is applied to a whole column.
  const figureCols = columns.filter((c) => FIGURE_ROLES.has(c.role)).map((c) => c.col);
  let looked = 0;
  for (let r = firstRow; r <= lastRow && looked < 50; r++) {
    for (const c of figureCols) {
      if (scan.kindAt(r, c) !== KIND.Number) continue;
      looked++;
      const unit = unitInFormat(scan.sheet.rows[r]?.[c]?.format);
      if (unit) return { unit, source: 'format' };
    }
  }
  return {};
}
