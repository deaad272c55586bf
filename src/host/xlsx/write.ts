/** Engine grid -> a real .xlsx through exceljs: values, formulas with cached results, formats, bold, indent. */
import ExcelJS from 'exceljs';
import { type Cell, type CellValue, isErrorValue, type Workbook } from '../../engine';
import { indentOfLeadingSpaces } from './cells';
import { internals } from './internals';

type ExcelValue = ExcelJS.CellValue;

function excelValue(value: CellValue): ExcelValue {
  if (value === null) return null;
  if (isErrorValue(value)) return { error: value.error } as ExcelJS.CellErrorValue;
  return value;
}

/** A formula's cached result, as exceljs stores it (absent when the grid has none). */
export function excelResult(value: CellValue): ExcelJS.CellFormulaValue['result'] {
  if (value === null) return undefined;
  if (isErrorValue(value)) return { error: value.error } as ExcelJS.CellErrorValue;
  return value;
}

export function writeEngineCell(target: ExcelJS.Cell, cell: Cell): void {
  if (cell.formula !== undefined) {
    const text = cell.formula.startsWith('=') ? cell.formula.slice(1) : cell.formula;
    target.value = { formula: text, result: excelResult(cell.value) } as ExcelJS.CellFormulaValue;
  } else {
    target.value = excelValue(cell.value);
  }
  if (cell.format !== undefined && cell.format !== 'General') target.numFmt = cell.format;
  if (cell.bold) target.font = { bold: true };
  // An indent the text's leading spaces already express is not written twice.
  const spaces = typeof cell.value === 'string' ? indentOfLeadingSpaces(cell.value) : 0;
  if (cell.indent !== undefined && cell.indent > 0 && cell.indent !== spaces) target.alignment = { indent: cell.indent };
}

export function workbookToExcelJs(workbook: Workbook): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  // Excel recalculates on open, so cached results never go stale in the officer's hands.
  wb.calcProperties = { fullCalcOnLoad: true };
  for (const sheet of workbook.sheets) {
    const ws = wb.addWorksheet(sheet.name);
    sheet.rows.forEach((row, r) => {
      if (!row) return;
      const xlRow = ws.getRow(r + 1);
      row.forEach((cell, c) => {
        if (cell) writeEngineCell(xlRow.getCell(c + 1), cell);
      });
    });
    if (sheet.protected) internals(ws).sheetProtection = { sheet: true };
  }
  return wb;
}
