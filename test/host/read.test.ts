import path from 'node:path';
import { sheetFromValues } from '../../src/engine/grid';
import { recalculate } from '../../src/host/calc/recalculate';
import { readWorkbookFile } from '../../src/host/xlsx/read-file';
import { GRID_FIXTURES } from '../fixtures/grids';
import { comparable, officeClientHost } from './helpers';

const XLSX_DIR = path.resolve(__dirname, '../fixtures/xlsx');

describe("readWorkbook through Microsoft's client over the simulated Excel", () => {
  test.each(Object.keys(GRID_FIXTURES))('%s: gives the source grid, values calculated', async (name) => {
    const source = GRID_FIXTURES[name]!();
    const { host } = officeClientHost(source);
    const read = await host.readWorkbook();
    expect(comparable(read.workbook)).toEqual(comparable(recalculate(source)));
    expect(read.workbook.sheets.map((s) => s.name)).toEqual(source.sheets.map((s) => s.name));
  });

  test.each(Object.keys(GRID_FIXTURES))('%s.xlsx: gives the same grid as reading the file directly', async (name) => {
    const direct = await readWorkbookFile(path.join(XLSX_DIR, `${name}.xlsx`));
    const { host } = officeClientHost(direct);
    const read = await host.readWorkbook();
    expect(comparable(read.workbook)).toEqual(comparable(direct));
  });

  test('a small workbook is read in 3 syncs with every value, formula and format', async () => {
    const source = GRID_FIXTURES['seed000-table1-formulas']!();
    const { excel, host } = officeClientHost(source);
    const read = await host.readWorkbook();
    expect(excel.stats.syncs).toBe(3);
    const cells = comparable(read.workbook)['Month 7']!;
    // Seed 000: the Children & Families sub total (row 16) and External Placements (row 7).
    expect(cells.A16).toEqual({ value: 'sub total' });
    expect(cells.D16!.formula).toBe('=SUM(D5:D15)');
    expect(cells.D16!.value).toBeCloseTo(98.506, 9);
    expect(cells.F16!.value).toBeCloseTo(10.115, 9);
    expect(cells.F7).toMatchObject({ formula: '=E7-D7', format: '#,##0.000;(#,##0.000);"-"' });
    expect(cells.F7!.value).toBeCloseTo(14.701, 9);
  });

  test('reports protection and the add-in settings', async () => {
    const source = GRID_FIXTURES['seed000-table1-values']!();
    const { excel, host } = officeClientHost(source);
    excel.protectSheet(source.sheets[0]!.name);
    await host.updateSettings({ policy: 'default', tolerance: 0.0005 });
    const read = await host.readWorkbook();
    expect(read.workbook.sheets[0]!.protected).toBe(true);
    expect(read.settings).toEqual({ policy: 'default', tolerance: 0.0005 });
    await host.updateSettings({ tolerance: 0.001 });
    expect((await host.readWorkbook()).settings).toEqual({ policy: 'default', tolerance: 0.001 });
  });
});

test('bold and indent are read per cell; without ExcelApi 1.9 the read degrades to values, formulas and formats', async () => {
  const source = { sheets: [sheetFromValues('Lines', [[{ value: 'Children & Families', bold: true }], [{ value: 'Fostering', indent: 2 }, 13.528]])] };
  const modern = await officeClientHost(source).host.readWorkbook();
  expect(comparable(modern.workbook)).toEqual({ Lines: { A1: { value: 'Children & Families', bold: true }, A2: { value: 'Fostering', indent: 2 }, B2: { value: 13.528 } } });
  const older = await officeClientHost(source, { excelApiVersion: '1.8' }).host.readWorkbook();
  expect(comparable(older.workbook)).toEqual({ Lines: { A1: { value: 'Children & Families' }, A2: { value: 'Fostering' }, B2: { value: 13.528 } } });
});
