/**
 * The reader sees the same tables in each fixture's .xlsx (written by the fixture script,
 * read back through the xlsx host) as in the grid it was written from.
 */
import path from 'node:path';
import type { MonitoringTable } from '../../../src/engine/model';
import { readTables } from '../../../src/engine/read';
import { readWorkbookFile } from '../../../src/host/xlsx/read-file';
import { GRID_FIXTURES } from '../../fixtures/grids';

const XLSX_DIR = path.resolve(__dirname, '../../fixtures/xlsx');

/** What the reader decided, without the cell values a file may store differently. */
const structure = (tables: MonitoringTable[]) =>
  tables.map((t) => ({
    id: t.id,
    kind: t.kind,
    headerRows: t.headerRows,
    unit: t.unit,
    signs: t.signs,
    columns: t.columns.map((c) => `${c.letter}:${c.role}:${c.period ?? ''}:${c.year ?? ''}`),
    rows: t.rows.map((r) => `${r.row}:${r.kind}:${r.label}:${r.covers?.join(',') ?? ''}:${r.coverBasis ?? ''}`),
  }));

describe.each(Object.keys(GRID_FIXTURES))('%s', (name) => {
  it('reads the same tables from the .xlsx as from the grid', async () => {
    const fromFile = readTables(await readWorkbookFile(path.join(XLSX_DIR, `${name}.xlsx`)));
    expect(structure(fromFile)).toEqual(structure(readTables(GRID_FIXTURES[name]!())));
  });
});
