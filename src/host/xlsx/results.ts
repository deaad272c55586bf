/**
 * Cached results for formulas a plan wrote, so that readers which do not calculate
 * (exceljs, the CLI checking its own output) see the figures Excel would show.
 * The calculator is passed in (HyperFormula via src/host/calc in Node) to keep this
 * module free of it.
 */
import type ExcelJS from 'exceljs';
import type { Workbook } from '../../engine/grid';
import type { WrittenFormula } from './apply-plan';
import { excelJsToWorkbook } from './read-buffer';
import { excelResult } from './write';

export type Calculator = (workbook: Workbook) => Workbook;

export function fillFormulaResults(wb: ExcelJS.Workbook, written: readonly WrittenFormula[], calculate: Calculator): void {
  if (written.length === 0) return;
  const calculated = calculate(excelJsToWorkbook(wb));
  for (const { sheet, row, col } of written) {
    const value = calculated.sheets.find((s) => s.name === sheet)?.rows[row]?.[col]?.value ?? null;
    const cell = wb.getWorksheet(sheet)?.getCell(row + 1, col + 1);
    if (!cell) continue;
    cell.value = { formula: cell.formula, result: excelResult(value) } as ExcelJS.CellFormulaValue;
  }
}
