/** What every table readTables returns must satisfy. */
import type { MonitoringTable } from '../../../src/engine/model';

/** Invariants every table must satisfy, whatever the grid. */
export function expectConsistent(table: MonitoringTable): void {
  expect(table.firstRow).toBeLessThanOrEqual(table.lastRow);
  expect(table.firstCol).toBeLessThanOrEqual(table.lastCol);
  expect(table.rows.map((r) => r.row)).toEqual(Array.from({ length: table.lastRow - table.firstRow + 1 }, (_, i) => table.firstRow + i));
  expect(table.columns.map((c) => c.col)).toEqual(Array.from({ length: table.lastCol - table.firstCol + 1 }, (_, i) => table.firstCol + i));
  expect(table.columns.filter((c) => c.role === 'label').length).toBeLessThanOrEqual(1);
  for (const h of table.headerRows) expect(h).toBeLessThan(table.firstRow);
  for (const r of table.rows) {
    if (r.kind === 'subtotal' || r.kind === 'total') {
      expect(r.covers).toBeDefined();
      for (const c of r.covers!) {
        expect(c).not.toBe(r.row);
        expect(c).toBeGreaterThanOrEqual(table.firstRow);
        expect(c).toBeLessThanOrEqual(table.lastRow);
      }
    } else {
      expect(r.covers).toBeUndefined();
    }
  }
}
