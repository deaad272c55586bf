/** The real spreadsheets in ../shared/realdata validated without a crash (npm run test:slow). */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { parseA1 } from '../../../src/engine/address';
import type { Workbook } from '../../../src/engine/grid';
import { RULES } from '../../../src/engine/rules';
import { validateWorkbook } from '../../../src/engine/validate';
import { isWorkbookReadError } from '../../../src/host/xlsx/errors';
import { readWorkbookFile } from '../../../src/host/xlsx/read-file';

describe('real spreadsheets (../shared/realdata)', () => {
  const dir = path.resolve(__dirname, '../../../../shared/realdata');
  const files = readdirSync(dir).filter((f) => f.endsWith('.xlsx'));

  it.each(files)('%s is validated without a crash, every finding inside its sheet', async (file) => {
    let workbook: Workbook;
    try {
      workbook = await readWorkbookFile(path.join(dir, file));
    } catch (err) {
      // A file exceljs cannot open is the xlsx host's clear error, tested there.
      expect(isWorkbookReadError(err)).toBe(true);
      return;
    }
    const { tables, findings } = validateWorkbook(workbook);
    expect(tables.length).toBeGreaterThan(0);
    for (const f of findings) {
      const sheet = workbook.sheets.find((s) => s.name === f.sheet);
      const ref = parseA1(f.cell);
      expect(sheet && ref && ref.row < Math.max(1, sheet.rows.length)).toBeTruthy();
      expect(f.message).not.toMatch(/could not finish|could not be read/);
      expect(RULES.some((r) => r.meta.id === f.rule)).toBe(true);
    }
  }, 120_000);
});
