/** Which columns rules treat as money, and how rows are named in messages. */
import { FIGURE_ROLES, type MonitoringTable, type TableColumn, type TableRow } from '../../model';

/** Figure columns whose totals add up their lines (every money column). */
export function summedColumns(table: MonitoringTable): TableColumn[] {
  return table.columns.filter((c) => FIGURE_ROLES.has(c.role));
}

/** "Sub total", "Total" or "Line", as a message starts. */
export function rowNoun(row: TableRow): string {
  if (row.kind === 'subtotal') return 'Sub total';
  if (row.kind === 'total') return 'Total';
  return 'Line';
}

/** Normalises a variance to "positive means overspend", whatever the table's convention. */
export function overspendOf(table: MonitoringTable, variance: number): number {
  return table.signs.variance === 'underspendPositive' ? -variance : variance;
}
