/** The xlsx readers on the real public spreadsheets in ../shared/realdata (npm run test:slow). */
import ExcelJS from 'exceljs';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { readWorkbookBuffer } from '../../../src/host/xlsx/read-buffer';
import { loadExcelJsFile, readWorkbookFile } from '../../../src/host/xlsx/read-file';
import { WorkbookReadError } from '../../../src/host/xlsx/errors';
import { cellAt } from '../../../src/engine/grid';

describe('realdata', () => {
  const dir = path.resolve(__dirname, '../../../../shared/realdata');
  const files = ['dit_fft_budget_upload_bad_dash.xlsx', 'excelint_fin_accounts.xlsx', 'mhclg_RS_revenue_outturn_summary_2017-18.xlsx', 'scotgov_LFR_annexA_service_analysis_2017-18.xlsx'];

  it.each(files)('%s reads with the same sheets exceljs sees', async (file) => {
    const direct = new ExcelJS.Workbook();
    await direct.xlsx.readFile(path.join(dir, file));
    const grid = await readWorkbookFile(path.join(dir, file));
    expect(grid.sheets.map((s) => s.name)).toEqual(direct.worksheets.map((w) => w.name));
    expect(grid.sheets.some((s) => s.rows.some((r) => r?.some((c) => c !== undefined)))).toBe(true);
  }, 30_000);

  it('scotgov: Education total row is a SUM formula with its cached figure and format', async () => {
    const grid = await readWorkbookFile(path.join(dir, 'scotgov_LFR_annexA_service_analysis_2017-18.xlsx'));
    const s = grid.sheets[0]!;
    expect(cellAt(s, 3, 0)).toEqual({ value: 'Education', bold: true });
    // The number format exactly as stored in the file (exceljs's own reader drops the backslashes).
    expect(cellAt(s, 3, 3)).toEqual({ value: 4844267, formula: '=SUM(B4:C4)', format: '#,##0_);\\(#,##0\\)', bold: true });
  });

  it('dit: the "-" in a number cell stays text', async () => {
    const grid = await readWorkbookFile(path.join(dir, 'dit_fft_budget_upload_bad_dash.xlsx'));
    expect(cellAt(grid.sheets[0]!, 1, 6).value).toBe('-');
  });

  it('excelint_FinalBudget.xlsx: exceljs throws on its drawings; the file reader still reads its cells, the exceljs paths refuse in one line', async () => {
    const file = path.join(dir, 'excelint_FinalBudget.xlsx');
    await expect(new ExcelJS.Workbook().xlsx.readFile(file)).rejects.toThrow();
    const grid = await readWorkbookFile(file);
    expect(grid.sheets.length).toBeGreaterThan(0);
    expect(grid.sheets.some((s) => s.rows.some((r) => r?.some((c) => typeof c?.value === 'number')))).toBe(true);
    const bytes = await fs.readFile(file);
    for (const attempt of [() => loadExcelJsFile(file), () => readWorkbookBuffer(bytes, 'excelint_FinalBudget.xlsx')]) {
      const err = await attempt().then(() => undefined, (e: unknown) => e);
      expect(err).toBeInstanceOf(WorkbookReadError);
      expect((err as WorkbookReadError).problem).toBe('corrupt');
      expect((err as Error).message).toMatch(/excelint_FinalBudget\.xlsx could not be read as a workbook: it contains a part \(such as a drawing or chart\)/);
    }
  });
});
