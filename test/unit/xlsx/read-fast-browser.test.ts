/**
 * The fast reader's browser entry (DecompressionStream, as in the task pane; Node 20 has it
 * too) must read every fixture exactly as the Node entry (zlib) does, and refuse what it
 * cannot follow with FastReadUnsupported or the byte checks' WorkbookReadError.
 */
import { promises as fs } from 'node:fs';
import { readWorkbookFast } from '../../../src/host/xlsx/fast/read-fast';
import { readWorkbookFastInBrowser } from '../../../src/host/xlsx/fast/read-fast-browser';
import { FastReadUnsupported } from '../../../src/host/xlsx/fast/zip';
import { WorkbookReadError } from '../../../src/host/xlsx/errors';
import { cellAt } from '../../../src/engine/grid';
import { ALL_XLSX_FIXTURES, fixturePath } from '../../fixtures/build-fixtures';

describe('fast reader in the browser', () => {
  it.each(Object.keys(ALL_XLSX_FIXTURES))('fixture %s reads as the Node entry does', async (name) => {
    const bytes = await fs.readFile(fixturePath(name));
    expect(await readWorkbookFastInBrowser(new Uint8Array(bytes), `${name}.xlsx`)).toEqual(readWorkbookFast(bytes));
  });

  it('reads from an ArrayBuffer, as a File gives it', async () => {
    const name = Object.keys(ALL_XLSX_FIXTURES)[0]!;
    const bytes = await fs.readFile(fixturePath(name));
    const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
    const workbook = await readWorkbookFastInBrowser(buffer, 'last month.xlsx');
    const first = readWorkbookFast(bytes).sheets[0]!;
    expect(workbook.sheets[0]!.name).toBe(first.name);
    expect(cellAt(workbook.sheets[0]!, 0, 0)).toEqual(cellAt(first, 0, 0));
  });

  it('a truncated package is FastReadUnsupported', async () => {
    const bytes = await fs.readFile(fixturePath(Object.keys(ALL_XLSX_FIXTURES)[0]!));
    await expect(readWorkbookFastInBrowser(new Uint8Array(bytes.subarray(0, bytes.length - 200)), 'cut.xlsx')).rejects.toBeInstanceOf(FastReadUnsupported);
  });

  it('a damaged deflated part is FastReadUnsupported, not a stream error', async () => {
    const bytes = new Uint8Array(await fs.readFile(fixturePath(Object.keys(ALL_XLSX_FIXTURES)[0]!)));
    // Overwrite the data of the first local entry (after its 30-byte header and name) with 0xff: not valid deflate.
    const nameLength = bytes[26]! | (bytes[27]! << 8);
    const extraLength = bytes[28]! | (bytes[29]! << 8);
    expect(bytes[8]).toBe(8); // deflated
    bytes.fill(0xff, 30 + nameLength + extraLength, 30 + nameLength + extraLength + 16);
    await expect(readWorkbookFastInBrowser(bytes, 'damaged.xlsx')).rejects.toBeInstanceOf(FastReadUnsupported);
  });

  it('an old .xls gets the byte check\'s own message', async () => {
    const xls = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    await expect(readWorkbookFastInBrowser(xls, 'Month 6.xls')).rejects.toEqual(expect.objectContaining({ problem: 'oldXls' }));
    await expect(readWorkbookFastInBrowser(xls, 'Month 6.xls')).rejects.toBeInstanceOf(WorkbookReadError);
  });
});
