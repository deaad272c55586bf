import ExcelJS from 'exceljs';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { GRID_FIXTURES } from '../../fixtures/grids';
import { readWorkbookBuffer } from '../../../src/host/xlsx/read-buffer';
import { readWorkbookFile } from '../../../src/host/xlsx/read-file';
import { workbookToExcelJs } from '../../../src/host/xlsx/write';
import { WorkbookReadError } from '../../../src/host/xlsx/errors';
import { cellAt } from '../../../src/engine/grid';
import { plainWorkbook } from './grid-compare';

async function bufferOf(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('grid -> xlsx -> grid round trip', () => {
  it.each(Object.keys(GRID_FIXTURES))('%s comes back cell for cell', async (name) => {
    const grid = GRID_FIXTURES[name]!();
    const back = await readWorkbookBuffer(await bufferOf(workbookToExcelJs(grid)), `${name}.xlsx`);
    expect(plainWorkbook(back)).toEqual(plainWorkbook(grid));
  });

  it('keeps errors, booleans, bold, explicit indent, protection and formula results', async () => {
    const grid = {
      sheets: [
        {
          name: "Bob's Month 6",
          protected: true,
          rows: [
            [{ value: 'Label', bold: true }, { value: true }, { value: { error: '#DIV/0!' } }],
            [{ value: 'Line', indent: 2 }, { value: 1.5, format: '0.000' }, { value: { error: '#REF!' }, formula: '=#REF!+1' }],
            [{ value: '    Spaced' }, { value: 3, formula: '=B2*2' }],
          ],
        },
      ],
    };
    const back = await readWorkbookBuffer(await bufferOf(workbookToExcelJs(grid)), 'x.xlsx');
    const s = back.sheets[0]!;
    expect(s.name).toBe("Bob's Month 6");
    expect(s.protected).toBe(true);
    expect(cellAt(s, 0, 0)).toEqual({ value: 'Label', bold: true });
    expect(cellAt(s, 0, 1)).toEqual({ value: true });
    expect(cellAt(s, 0, 2)).toEqual({ value: { error: '#DIV/0!' } });
    expect(cellAt(s, 1, 0)).toEqual({ value: 'Line', indent: 2 });
    expect(cellAt(s, 1, 1)).toEqual({ value: 1.5, format: '0.000' });
    expect(cellAt(s, 1, 2)).toEqual({ value: { error: '#REF!' }, formula: '=#REF!+1' });
    expect(cellAt(s, 2, 0)).toEqual({ value: '    Spaced', indent: 2 });
    expect(cellAt(s, 2, 1)).toEqual({ value: 3, formula: '=B2*2' });
  });
});

describe('reading exceljs cell types', () => {
  async function readBack(build: (ws: ExcelJS.Worksheet) => void, props?: { date1904?: boolean }): Promise<ReturnType<typeof cellAt>[][]> {
    const wb = new ExcelJS.Workbook();
    if (props?.date1904) wb.properties.date1904 = true;
    build(wb.addWorksheet('S'));
    const grid = await readWorkbookBuffer(await bufferOf(wb), 's.xlsx');
    const s = grid.sheets[0]!;
    return [0, 1, 2, 3].map((r) => [0, 1, 2].map((c) => cellAt(s, r, c)));
  }

  it('flattens rich text and hyperlinks to their text', async () => {
    const cells = await readBack((ws) => {
      ws.getCell('A1').value = { richText: [{ text: 'Children ', font: { bold: true } }, { text: '& Families' }] };
      ws.getCell('B1').value = { text: 'Budget book', hyperlink: 'https://example.org' };
    });
    expect(cells[0]![0]).toEqual({ value: 'Children & Families' });
    expect(cells[0]![1]).toEqual({ value: 'Budget book' });
  });

  it('turns dates into Excel serial numbers with their format, in both date systems', async () => {
    const date = new Date(Date.UTC(2024, 9, 31));
    const cells = await readBack((ws) => {
      ws.getCell('A1').value = date;
      ws.getCell('A1').numFmt = 'dd/mm/yyyy';
    });
    expect(cells[0]![0]).toEqual({ value: 45596, format: 'dd/mm/yyyy' });
    const cells1904 = await readBack((ws) => {
      ws.getCell('A1').value = date;
      ws.getCell('A1').numFmt = 'dd/mm/yyyy';
    }, { date1904: true });
    expect(cells1904[0]![0]).toEqual({ value: 45596 - 1462, format: 'dd/mm/yyyy' });
  });

  it('expands shared formulas and keeps each cached result', async () => {
    const cells = await readBack((ws) => {
      ws.getCell('A1').value = 1;
      ws.getCell('A2').value = 2;
      ws.getCell('A3').value = 3;
      ws.getCell('B1').value = { formula: 'A1*10', result: 10, shareType: 'shared', ref: 'B1:B3' } as ExcelJS.CellFormulaValue;
      ws.getCell('B2').value = { sharedFormula: 'B1', result: 20 } as ExcelJS.CellSharedFormulaValue;
      ws.getCell('B3').value = { sharedFormula: 'B1', result: 30 } as ExcelJS.CellSharedFormulaValue;
    });
    expect(cells.slice(0, 3).map((r) => r[1])).toEqual([
      { value: 10, formula: '=A1*10' },
      { value: 20, formula: '=A2*10' },
      { value: 30, formula: '=A3*10' },
    ]);
  });

  it('reads alignment indent, leading spaces and merged cells', async () => {
    const cells = await readBack((ws) => {
      ws.getCell('A1').value = 'Heading';
      ws.mergeCells('A1:C1');
      ws.getCell('A2').value = 'Indented';
      ws.getCell('A2').alignment = { indent: 3 };
      ws.getCell('A3').value = '  Two spaces';
      ws.getCell('A4').value = ' One space';
    });
    expect(cells[0]![0]).toEqual({ value: 'Heading' });
    expect(cells[0]![1]).toEqual({ value: null }); // merged, not a copy of the heading
    expect(cells[1]![0]).toEqual({ value: 'Indented', indent: 3 });
    expect(cells[2]![0]).toEqual({ value: '  Two spaces', indent: 1 });
    expect(cells[3]![0]).toEqual({ value: ' One space', indent: 1 });
  });
});

describe('bad input', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'bm-xlsx-'));
  });
  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  /** A compound (OLE) file's first two sectors: the header and a directory naming the streams. */
  function compoundFile(streams: string[]): Buffer {
    const buf = Buffer.alloc(512 * 2);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(buf, 0);
    ['Root Entry', ...streams].forEach((name, i) => {
      const at = 512 + i * 128;
      if (at + 128 > buf.length) return;
      buf.write(name, at, 'utf16le');
      buf.writeUInt16LE((name.length + 1) * 2, at + 64);
    });
    return buf;
  }

  async function expectReadError(fileName: string, content: Buffer | null, problem: string, message: RegExp): Promise<void> {
    const file = path.join(dir, fileName);
    if (content) await fs.writeFile(file, content);
    const err = await readWorkbookFile(file).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(WorkbookReadError);
    const readError = err as WorkbookReadError;
    expect(readError.problem).toBe(problem);
    expect(readError.message).toMatch(message);
    expect(readError.message).toContain(fileName);
    expect(readError.message).not.toMatch(/\n|at .*\(/);
  }

  it('a text file is not a zip', () => expectReadError('notes.xlsx', Buffer.from('Service,Budget\nA,1\n'), 'notAZip', /notes\.xlsx is not an Excel workbook/));
  it('an old .xls', () => expectReadError('old.xls', compoundFile(['Workbook', 'SummaryInformation']), 'oldXls', /old binary Excel file \(\.xls\)/));
  it('a password-protected .xlsx', () =>
    expectReadError('secret.xlsx', compoundFile(['EncryptionInfo', 'EncryptedPackage', 'DataSpaces']), 'encrypted', /password-protected/));
  it('a zero-byte file', () => expectReadError('zero.xlsx', Buffer.alloc(0), 'empty', /is empty \(0 bytes\)/));
  it('a missing file', () => expectReadError('missing.xlsx', null, 'missing', /no such file/));
  it('a truncated zip', async () => {
    const wb = workbookToExcelJs(GRID_FIXTURES['seed000-table1-values']!());
    const whole = Buffer.from(await wb.xlsx.writeBuffer());
    await expectReadError('cut.xlsx', whole.subarray(0, Math.floor(whole.length / 2)), 'corrupt', /damaged or incomplete/);
  });
  it('a workbook whose sheets are all blank', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet1');
    wb.addWorksheet('Sheet2').getCell('C3').numFmt = '0.00'; // styled but empty
    await expectReadError('blank.xlsx', Buffer.from(await wb.xlsx.writeBuffer()), 'noData', /empty workbook/);
  });
  it('a file over the size limit is refused before it is read', async () => {
    const file = path.join(dir, 'huge.xlsx');
    const handle = await fs.open(file, 'w');
    await handle.truncate(101 * 1024 * 1024); // sparse: no memory or disk used
    await handle.close();
    await expectReadError('huge.xlsx', null, 'tooLarge', /huge\.xlsx is 101 MB, larger than the 100 MB/);
  });
});
