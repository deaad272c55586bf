/** The committed .xlsx fixtures must hold exactly what their grids build (run `npm run fixtures` after changing a grid). */
import { promises as fs } from 'node:fs';
import { ALL_XLSX_FIXTURES, XLSX_FIXTURE_DIR, fixturePath } from '../../fixtures/build-fixtures';
import { readWorkbookBuffer } from '../../../src/host/xlsx/read-buffer';
import { readWorkbookFile } from '../../../src/host/xlsx/read-file';
import { workbookToExcelJs } from '../../../src/host/xlsx/write';
import { plainWorkbook } from './grid-compare';

describe('committed xlsx fixtures', () => {
  it('are exactly the fixtures build-fixtures writes, no more, no fewer', async () => {
    const files = (await fs.readdir(XLSX_FIXTURE_DIR)).filter((f) => f.endsWith('.xlsx')).sort();
    expect(files).toEqual(Object.keys(ALL_XLSX_FIXTURES).map((n) => `${n}.xlsx`).sort());
  });

  it.each(Object.keys(ALL_XLSX_FIXTURES))('%s.xlsx matches a fresh regeneration cell for cell', async (name) => {
    const grid = ALL_XLSX_FIXTURES[name]!();
    const committed = await readWorkbookFile(fixturePath(name));
    const regenerated = await readWorkbookBuffer(new Uint8Array(await workbookToExcelJs(grid).xlsx.writeBuffer()), name);
    expect(plainWorkbook(committed)).toEqual(plainWorkbook(regenerated));
    expect(plainWorkbook(committed)).toEqual(plainWorkbook(grid));
  });
});
