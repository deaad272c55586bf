/**
 * The simulated Excel's .xlsx leg, for fixtures and the workbench's Open and Download:
 * cells come in and go out through the xlsx host (src/host/xlsx); on saving, what the grid
 * does not hold (fills, column widths, conditional formats, validation, protection) is
 * added to the exceljs workbook here. Reading those back from a file is not done: the
 * xlsx reader yields grids only.
 */
import type ExcelJS from 'exceljs';
import { columnLetters, rangeToA1 } from '../../engine';
import { pointsToCharacterWidth } from '../xlsx/apply-plan';
import { internals } from '../xlsx/internals';
import { readWorkbookBytesAsFile } from '../xlsx/read-bytes';
import { workbookToExcelJs } from '../xlsx/write';
import { SimulatedExcel, type SimulatedExcelOptions } from './excel';

/**
 * Opens a file as Excel does: read as the CLI reads it, showing the results saved with its
 * formulas until something changes (then recalculated knowing its defined names, keeping
 * the results of formulas the calculation cannot evaluate).
 */
export async function simulatedExcelFromXlsx(data: ArrayBuffer | Uint8Array, fileName: string, options?: Omit<SimulatedExcelOptions, 'cachedResults'>): Promise<SimulatedExcel> {
  return SimulatedExcel.fromWorkbook(await readWorkbookBytesAsFile(data, fileName), { ...options, cachedResults: true });
}

const argb = (hex: string): string => `FF${hex.replace(/^#/, '').toUpperCase()}`;

export function simulatedExcelToExcelJs(excel: SimulatedExcel): ExcelJS.Workbook {
  const wb = workbookToExcelJs(excel.toWorkbook());
  for (const sheet of excel.state.sheets) {
    const ws = wb.getWorksheet(sheet.name);
    if (!ws) continue;
    sheet.rows.forEach((row, r) =>
      row?.forEach((cell, c) => {
        if (cell?.fill) ws.getCell(r + 1, c + 1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(cell.fill) } };
      }),
    );
    for (const [col, points] of sheet.columnWidths) ws.getColumn(col + 1).width = pointsToCharacterWidth(points);
    // Excel's priority order: the first in the list applies first.
    sheet.conditionalFormats.forEach((cf, priority) => {
      if (cf.type !== 'Custom' || !cf.formula) return;
      const style: Partial<ExcelJS.Style> = {};
      if (cf.fill) style.fill = { type: 'pattern', pattern: 'solid', bgColor: { argb: argb(cf.fill) } };
      if (cf.fontColor || cf.bold) style.font = { ...(cf.fontColor ? { color: { argb: argb(cf.fontColor) } } : {}), ...(cf.bold ? { bold: true } : {}) };
      ws.addConditionalFormatting({ ref: rangeToA1(cf.range), rules: [{ type: 'expression', priority: priority + 1, formulae: [cf.formula.replace(/^=/, '')], style }] });
    });
    for (const v of sheet.validations) {
      const formula = v.source.startsWith('=') ? v.source.slice(1) : `"${v.source}"`;
      for (let r = v.range.start.row; r <= v.range.end.row; r++) {
        for (let c = v.range.start.col; c <= v.range.end.col; c++) {
          internals(ws).dataValidations.add(`${columnLetters(c)}${r + 1}`, { type: 'list', allowBlank: true, formulae: [formula] });
        }
      }
    }
    if (sheet.protected) void ws.protect('', {});
  }
  return wb;
}

export async function simulatedExcelToXlsx(excel: SimulatedExcel): Promise<Uint8Array> {
  const buffer = await simulatedExcelToExcelJs(excel).xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
