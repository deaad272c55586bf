/** mixed-units: one unit per table; a column in £000 inside a £m table mis-adds by a factor of 1,000. */
import type { Finding } from '../findings';
import type { TableColumn } from '../model';
import { UNIT_LABEL, type Unit, unitInFormat } from '../units';
import type { RuleContext } from './context';
import { summedColumns } from './utils/figures';
import type { Rule } from './types';

export const mixedUnitsRule: Rule = {
  meta: {
    id: 'mixed-units',
    title: 'Mixed units',
    why: 'Figures in different units added together give totals that are wrong by a factor of a thousand.',
    many: '{count} columns or cells are in a different unit from their table',
    severity: 'warning',
    description: 'All figure columns of a table are in one unit.',
    fixable: false,
    messages: {
      header: 'Column {column} ("{header}") is in {columnUnit} but the table is in {tableUnit}: one unit per table',
      format: '{cell} is formatted in {columnUnit} but the table is in {tableUnit}: one unit per table',
    },
  },
  check(ctx) {
    const meta = mixedUnitsRule.meta;
    const columns = summedColumns(ctx.table);
    const headerUnits = columns.map((c) => c.unit).filter((u): u is Unit => u !== undefined);
    const tableUnit = ctx.table.unit ?? majority(headerUnits);
    if (!tableUnit) return [];
    const out: Finding[] = [];
    const headerRow = ctx.table.headerRows[ctx.table.headerRows.length - 1] ?? ctx.table.firstRow;
    for (const column of columns) {
      if (column.unit && column.unit !== tableUnit) {
        out.push(ctx.report(meta, {
          messageId: 'header',
          data: { column: column.letter, header: column.header, columnUnit: UNIT_LABEL[column.unit], tableUnit: UNIT_LABEL[tableUnit] },
          row: headerRow,
          col: column.col,
          expected: UNIT_LABEL[tableUnit],
          actual: UNIT_LABEL[column.unit],
        }));
        continue;
      }
      const odd = formatUnitMismatch(ctx, column, tableUnit);
      if (odd) out.push(odd);
    }
    return out;
  },
};

/** Rows whose formats stand for a column: its first lines (formats are set column-wide) and every total. */
const SAMPLED_LINES = 50;

/** The first cell of the column whose number format states another unit (e.g. `#,##0,"k"` in a £m table). */
function formatUnitMismatch(ctx: RuleContext, column: TableColumn, tableUnit: Unit): Finding | undefined {
  const seen = new Set<string>();
  const rows = ctx.figureRows;
  const sample = rows.length <= SAMPLED_LINES ? rows : [...rows.slice(0, SAMPLED_LINES), ...rows.slice(SAMPLED_LINES).filter((r) => r.kind !== 'line')];
  for (const row of sample) {
    const format = ctx.cell(row.row, column.col).format;
    if (format === undefined || seen.has(format)) continue; // a column has few distinct formats
    seen.add(format);
    const unit = unitInFormat(format);
    if (unit && unit !== tableUnit && unit !== 'pounds') {
      return ctx.report(mixedUnitsRule.meta, {
        messageId: 'format',
        data: { columnUnit: UNIT_LABEL[unit], tableUnit: UNIT_LABEL[tableUnit] },
        row: row.row,
        col: column.col,
        expected: UNIT_LABEL[tableUnit],
        actual: UNIT_LABEL[unit],
      });
    }
  }
  return undefined;
}

function majority(units: readonly Unit[]): Unit | undefined {
  const counts = new Map<Unit, number>();
  for (const u of units) counts.set(u, (counts.get(u) ?? 0) + 1);
  let best: Unit | undefined;
  let n = 0;
  for (const [u, c] of counts) if (c > n) [best, n] = [u, c];
  return best;
}
