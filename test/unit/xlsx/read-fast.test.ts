/** The fast reader must give the same grid as the exceljs path wherever both can read a file (real files: read-fast.realdata.test.ts). */
import ExcelJS from 'exceljs';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cellAt } from '../../../src/engine/grid';
import { readWorkbookFast } from '../../../src/host/xlsx/fast/read-fast';
import { parseSheet } from '../../../src/host/xlsx/fast/sheet';
import { slideFormula } from '../../../src/host/xlsx/fast/slide-formula';
import { FastReadUnsupported } from '../../../src/host/xlsx/fast/zip';
import { excelJsToWorkbook, loadExcelJsBuffer } from '../../../src/host/xlsx/read-buffer';
import { readWorkbookFile } from '../../../src/host/xlsx/read-file';
import { ALL_XLSX_FIXTURES, fixturePath } from '../../fixtures/build-fixtures';
import { bothReaders, comparable } from './readers-compare';

describe('fast reader = exceljs reader', () => {
  it.each(Object.keys(ALL_XLSX_FIXTURES))('fixture %s', async (name) => {
    const [fast, slow] = await bothReaders(fixturePath(name));
    expect(fast).toEqual(slow);
  });

  it('shared formulas, rich and inline text, booleans, errors, merged cells, protection', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('S');
    ws.getCell('A1').value = 1;
    ws.getCell('A2').value = 2;
    ws.getCell('B1').value = { formula: 'A1*$A$1+SUM(A$1:A1)&"A1"', result: 2, shareType: 'shared', ref: 'B1:B2' } as ExcelJS.CellFormulaValue;
    ws.getCell('B2').value = { sharedFormula: 'B1', result: 5 } as ExcelJS.CellSharedFormulaValue;
    ws.getCell('C1').value = { richText: [{ text: 'Rich ', font: { bold: true } }, { text: '& <plain>' }] };
    ws.getCell('C2').value = true;
    ws.getCell('D1').value = { error: '#N/A' } as ExcelJS.CellErrorValue;
    ws.getCell('D2').value = { formula: '1/0', result: { error: '#DIV/0!' } } as ExcelJS.CellFormulaValue;
    ws.getCell('E1').value = 'Merged heading';
    ws.mergeCells('E1:F2');
    ws.getCell('A3').value = '  Indented line';
    ws.getCell('A4').value = 'Explicit';
    ws.getCell('A4').alignment = { indent: 2 };
    ws.getCell('A4').font = { bold: true };
    await ws.protect('', {});
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const fast = readWorkbookFast(bytes);
    expect(comparable(fast)).toEqual(comparable(excelJsToWorkbook(await loadExcelJsBuffer(bytes, 's.xlsx'))));
    const s = fast.sheets[0]!;
    expect(cellAt(s, 1, 1)).toEqual({ value: 5, formula: '=A2*$A$1+SUM(A$1:A2)&"A1"' });
    expect(cellAt(s, 0, 2)).toEqual({ value: 'Rich & <plain>' });
    expect(cellAt(s, 1, 3)).toEqual({ value: { error: '#DIV/0!' }, formula: '=1/0' });
    expect(cellAt(s, 0, 5)).toEqual({ value: null });
    expect(cellAt(s, 3, 0)).toEqual({ value: 'Explicit', indent: 2, bold: true });
    expect(s.protected).toBe(true);
  });

  it('a formula whose result is empty text holds "", as Excel reports it (the Office read gives the same)', () => {
    const sheetXml = '<worksheet><sheetData><row r="1"><c r="A1" t="str"><f>IFERROR(1/0,"")</f><v></v></c><c r="B1" t="str"><f>IFERROR(1/0,"")</f></c></row></sheetData></worksheet>';
    const s = parseSheet(sheetXml, { name: 'S', sharedStrings: [], styleOf: () => ({ indent: 0 }) } as unknown as Parameters<typeof parseSheet>[1]);
    expect(cellAt(s, 0, 0)).toEqual({ value: '', formula: '=IFERROR(1/0,"")' });
    expect(cellAt(s, 0, 1)).toEqual({ value: '', formula: '=IFERROR(1/0,"")' });
  });

  it('leaves 1904-dated workbooks to exceljs, and readWorkbookFile still reads them', async () => {
    const wb = new ExcelJS.Workbook();
    wb.properties.date1904 = true;
    const ws = wb.addWorksheet('S');
    ws.getCell('A1').value = new Date(Date.UTC(2024, 9, 31));
    ws.getCell('A1').numFmt = 'dd/mm/yyyy';
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    expect(() => readWorkbookFast(bytes)).toThrow(FastReadUnsupported);
    const file = path.join(await fs.mkdtemp(path.join(os.tmpdir(), 'bm-1904-')), 'd.xlsx');
    await fs.writeFile(file, bytes);
    expect(cellAt((await readWorkbookFile(file)).sheets[0]!, 0, 0)).toEqual({ value: 45596 - 1462, format: 'dd/mm/yyyy' });
  });
});

describe('slideFormula', () => {
  it.each([
    ['A1+B2', 1, 0, 'A2+B3'],
    ['$A1+A$1+$A$1', 2, 3, '$A3+D$1+$A$1'],
    ['SUM(B5:B15)', 0, 1, 'SUM(C5:C15)'],
    ['\'Month 6\'!F12-F12', 1, 0, '\'Month 6\'!F13-F13'],
    ['IF(A1="B2",LOG10(A1),0)', 1, 0, 'IF(A2="B2",LOG10(A2),0)'],
    ['Z1+1', 0, 1, 'AA1+1'],
  ])('%s moved by %i rows, %i columns is %s', (formula, rows, cols, expected) => {
    expect(slideFormula(formula, rows, cols)).toBe(expected);
  });
});
