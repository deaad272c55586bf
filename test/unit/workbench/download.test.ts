/**
 * The workbench's Download on a small workbook built here: without edits the opened file
 * comes back byte for byte; a typed value, and an engine plan applied through the
 * add-in's adapter, change only the parts, cells and rules they touch.
 */
import ExcelJS from 'exceljs';
import { createOfficeHost } from '../../../src/host/office';
import { simulatedExcelFromXlsx } from '../../../src/host/simulated/xlsx';
import { nodePackageCodec } from '../../../src/host/xlsx/fast/node-codec';
import { readWorkbookFast } from '../../../src/host/xlsx/fast/read-fast';
import { tagFormula } from '../../../src/host/xlsx/cf-tag';
import type { EditPlan } from '../../../src/engine/plan';
import { openedFile, workbookBytes } from '../../../src/workbench/download';
import { cellElements, differingCells, differingParts, outsideSheetData, packageParts } from './package-parts';

async function fixture(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Budget');
  ws.getRow(1).values = ['Service', 'Budget', 'Actual', 'Variance'];
  ws.getRow(2).values = ['Adults', 100, 90, { formula: 'C2-B2', result: -10 }];
  ws.getRow(3).values = ['Children', 200, 230, { formula: 'C3-B3', result: 30 }];
  ws.getRow(4).values = ['Total', { formula: 'SUM(B2:B3)', result: 300 }, { formula: 'SUM(C2:C3)', result: 320 }, { formula: 'C4-B4', result: 20 }];
  ws.mergeCells('F1:G1');
  ws.getColumn(1).width = 30;
  ws.getCell('B2').border = { top: { style: 'thin' } };
  ws.getCell('A1').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF00FF00' } };
  ws.addConditionalFormatting({ ref: 'D2:D4', rules: [{ type: 'expression', priority: 1, formulae: ['D2>0'], style: { font: { bold: true } } }] });
  ws.getCell('E2').dataValidation = { type: 'list', allowBlank: true, formulae: ['"Yes,No"'] };
  const hidden = wb.addWorksheet('Lists', { state: 'hidden' });
  hidden.getCell('A1').value = 'Yes';
  wb.definedNames.add('Budget!$B$2:$B$3', 'Budgets');
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

async function opened() {
  const bytes = await fixture();
  const excel = await simulatedExcelFromXlsx(bytes, 'budget.xlsx');
  return { bytes, excel, file: openedFile(bytes, excel.state) };
}

const SHEET = 'xl/worksheets/sheet1.xml';

describe('Download of a workbook opened from a file', () => {
  it('without edits: the same bytes', async () => {
    const { bytes, excel, file } = await opened();
    const out = await workbookBytes(excel.state, excel.toWorkbook(), file, nodePackageCodec);
    expect(Buffer.from(out).equals(Buffer.from(bytes))).toBe(true);
  });

  it('a typed value: that cell and the formulas it feeds, nothing else', async () => {
    const { bytes, excel, file } = await opened();
    excel.typeInto('Budget', 'B2', 150);
    const out = await workbookBytes(excel.state, excel.toWorkbook(), file, nodePackageCodec);
    const before = packageParts(bytes);
    const after = packageParts(out);
    expect(differingParts(before, after)).toEqual(['xl/workbook.xml', SHEET]);
    const a = before.get(SHEET)!.toString();
    const b = after.get(SHEET)!.toString();
    expect(outsideSheetData(b)).toBe(outsideSheetData(a));
    expect(differingCells(a, b)).toEqual(['B2', 'B4', 'D2', 'D4']);
    const cells = cellElements(b);
    // The border the cell had (its style) stays; the new figure replaces the old.
    expect(cells.get('B2')).toBe(cellElements(a).get('B2')!.replace('<v>100</v>', '<v>150</v>'));
    expect(cells.get('D2')).toBe('<c r="D2"><f>C2-B2</f><v>-60</v></c>');
    expect(cells.get('B4')).toBe('<c r="B4"><f>SUM(B2:B3)</f><v>350</v></c>');
    expect(cells.get('D4')).toBe('<c r="D4"><f>C4-B4</f><v>-30</v></c>');
    expect(after.get('xl/workbook.xml')!.toString()).toBe(before.get('xl/workbook.xml')!.toString().replace(/<calcPr\b([^>]*?)(\s*\/>)/, '<calcPr$1 fullCalcOnLoad="1"$2'));
    // What exceljs keeps of it, as the officer's next Open would see it.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(out as unknown as ExcelJS.Buffer);
    expect(wb.getWorksheet('Lists')!.state).toBe('hidden');
    expect(wb.definedNames.getRanges('Budgets').ranges).toEqual(['Budget!$B$2:$B$3']);
    expect(wb.getWorksheet('Budget')!.getCell('G1').isMerged).toBe(true);
    expect(wb.getWorksheet('Budget')!.getColumn(1).width).toBe(30);
  });

  it('an engine plan through the adapter: its cells, fills, width, rule, validation and new sheet, and nothing else', async () => {
    const { bytes, excel, file } = await opened();
    const tag = 'budget-monitor:rag@Budget!D2';
    const plan: EditPlan = {
      title: 'test',
      edits: [
        { kind: 'setFormulas', sheet: 'Budget', range: 'E3', formulas: [['=D3*2']] },
        { kind: 'setFill', sheet: 'Budget', range: 'A3', color: '#FF0000' },
        { kind: 'setColumnWidth', sheet: 'Budget', column: 'C', width: 90 },
        { kind: 'addConditionalFormat', sheet: 'Budget', range: 'D2:D4', tag, format: { rule: { type: 'formula', formula: '=$D2>10' }, style: { fill: '#FFC7CE' } } },
        { kind: 'setDataValidation', sheet: 'Budget', range: 'E4', list: ['Red', 'Green'] },
        { kind: 'addSheet', sheet: 'Report', after: 'Budget' },
        { kind: 'setValues', sheet: 'Report', range: 'A1:B1', values: [['Finding', 3]] },
      ],
    } as EditPlan;
    await createOfficeHost(excel).applyPlan(plan);
    const out = await workbookBytes(excel.state, excel.toWorkbook(), file, nodePackageCodec);
    const before = packageParts(bytes);
    const after = packageParts(out);
    expect(differingParts(before, after)).toEqual(['[Content_Types].xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', 'xl/workbook.xml', SHEET, 'xl/worksheets/sheet3.xml']);
    const a = before.get(SHEET)!.toString();
    const b = after.get(SHEET)!.toString();
    expect(differingCells(a, b)).toEqual(['A3', 'E3']);
    expect(cellElements(b).get('E3')).toBe('<c r="E3"><f>D3*2</f><v>60</v></c>');
    expect(b).toContain('<col min="3" max="3" width="16.43" customWidth="1"/>');
    expect(b).toContain(`<conditionalFormatting sqref="D2:D4"><cfRule type="expression" dxfId="1" priority="2"><formula>${tagFormula(tag, '$D2&gt;10')}</formula></cfRule></conditionalFormatting><dataValidations`);
    expect(b).toContain('sqref="E4"><formula1>"Red,Green"</formula1></dataValidation>');
    // The officer's own rule and validation are still there.
    const officerRule = /<conditionalFormatting\b[\s\S]*?<\/conditionalFormatting>/.exec(a)![0];
    const officerList = /<dataValidation\b[\s\S]*?<\/dataValidation>/.exec(a)![0];
    expect(officerRule).toContain('<formula>D2&gt;0</formula>');
    expect(b).toContain(officerRule);
    expect(b).toContain(officerList);
    // Outside the rules and validations, the sheet's other elements are as they were.
    const rest = (xml: string) => outsideSheetData(xml).replace(/<cols>[\s\S]*?<\/cols>|<conditionalFormatting\b[\s\S]*?<\/conditionalFormatting>|<dataValidations\b[\s\S]*?<\/dataValidations>/g, '');
    expect(rest(b)).toBe(rest(a));
    const read = readWorkbookFast(out);
    expect(read.sheets.map((s) => s.name)).toEqual(['Budget', 'Report', 'Lists']);
    expect(read.sheets[1]!.rows[0]).toEqual([{ value: 'Finding' }, { value: 3 }]);
    const workbookXml = after.get('xl/workbook.xml')!.toString();
    expect(workbookXml).toContain('<sheets><sheet sheetId="1" name="Budget" state="visible" r:id="rId4"/><sheet name="Report" sheetId="3" r:id="rId6"/><sheet sheetId="2" name="Lists" state="hidden" r:id="rId5"/></sheets>');
    // The hidden sheet's place moved up by one: its sheet-scoped names and the active tab follow it (none here).
    expect(workbookXml.replace('<sheet name="Report" sheetId="3" r:id="rId6"/>', '').replace(' fullCalcOnLoad="1"', '')).toBe(before.get('xl/workbook.xml')!.toString());
  });
});
