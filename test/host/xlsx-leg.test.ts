import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { readWorkbookBuffer } from '../../src/host/xlsx/read-buffer';
import { simulatedExcelFromXlsx, simulatedExcelToExcelJs, simulatedExcelToXlsx } from '../../src/host/simulated/xlsx';
import { createOfficeHost } from '../../src/host/office';
import { GRID_FIXTURES } from '../fixtures/grids';
import { comparable } from './helpers';
import { everyKindPlan, FLAG_FILL, freeColumns } from './plans';

const file = (name: string) => path.resolve(__dirname, '../fixtures/xlsx', `${name}.xlsx`);

test.each(Object.keys(GRID_FIXTURES))('%s: opened from .xlsx, changed by the adapter, saved and read back', async (name) => {
  const bytes = await readFile(file(name));
  const excel = await simulatedExcelFromXlsx(bytes, `${name}.xlsx`);
  const host = createOfficeHost(excel);
  const source = (await host.readWorkbook()).workbook;
  await host.applyPlan(everyKindPlan(source));
  const saved = await readWorkbookBuffer(await simulatedExcelToXlsx(excel), `${name}-saved.xlsx`);
  expect(comparable(saved)).toEqual(comparable(excel.toWorkbook()));
});

test('saving keeps fills, widths, conditional formats and validation', async () => {
  const name = 'seed000-table1-values';
  const excel = await simulatedExcelFromXlsx(await readFile(file(name)), `${name}.xlsx`);
  const host = createOfficeHost(excel);
  const source = (await host.readWorkbook()).workbook;
  const { flag, pick, rows } = freeColumns(source);
  await host.applyPlan(everyKindPlan(source));
  const ws = simulatedExcelToExcelJs(excel).getWorksheet('Month 7')!;
  expect(ws.getCell('A1').fill).toEqual({ type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${FLAG_FILL.slice(1)}` } });
  expect(ws.getColumn(flag).width).toBeCloseTo(14.52, 2);
  const cfs = (ws as unknown as { conditionalFormattings: { ref: string; rules: { formulae: string[] }[] }[] }).conditionalFormattings;
  expect(cfs.map((c) => [c.ref, c.rules[0]!.formulae[0]])).toEqual([[`${flag}1:${flag}${rows}`, `AND(ISTEXT("budget-monitor:test-flag"),$${flag}1>10)`]]);
  expect(ws.getCell(`${pick}2`).dataValidation).toMatchObject({ type: 'list', formulae: ['"Red,Amber,Green"'] });
});
