/** Last month's file in the pane: read by the fast reader, and a plain sentence for a file it cannot follow. */
import { promises as fs } from 'node:fs';
import { UI } from '../../../src/taskpane/messages';
import { readPreviousWorkbook } from '../../../src/taskpane/previous-file';
import { fixturePath } from '../../fixtures/build-fixtures';

const read = readPreviousWorkbook;

async function fixtureBuffer(name: string): Promise<ArrayBuffer> {
  const bytes = await fs.readFile(fixturePath(name));
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

describe('the pane reads last month’s file', () => {
  it('reads the seed 000 months file, sheets and figures', async () => {
    const workbook = await read(await fixtureBuffer('seed000-months'), 'Month 6.xlsx');
    expect(workbook.sheets.map((s) => s.name)).toEqual(['Month 6', 'Month 7']);
  });

  it('says a damaged file cannot be read and to save it again from Excel', async () => {
    const whole = await fixtureBuffer('seed000-months');
    await expect(read(whole.slice(0, whole.byteLength - 100), 'Month 6.xlsx')).rejects.toThrow(UI.movement.cannotRead('Month 6.xlsx'));
    expect(UI.movement.cannotRead('Month 6.xlsx')).toBe('“Month 6.xlsx” can’t be read. Open it in Excel, save it again as an Excel Workbook (.xlsx), then choose it here again.');
  });

  it('keeps the byte checks’ own words for an old .xls', async () => {
    const xls = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]).buffer;
    await expect(read(xls, 'Month 6.xls')).rejects.toThrow('Month 6.xls is an old binary Excel file (.xls); open it in Excel and save it as .xlsx, then try again.');
  });
});
