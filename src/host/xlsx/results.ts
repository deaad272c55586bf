/**
 * Cached results after a plan changed a workbook, so that readers which do not calculate
 * (exceljs, the CLI checking its own output) see the figures Excel would show. Excel
 * recalculates on open anyway (fullCalcOnLoad). The calculator is passed in
 * (HyperFormula via src/host/calc in Node) to keep this module free of it.
 */
import ExcelJS from 'exceljs';
import { isErrorValue, type Workbook } from '../../engine';
import type { WrittenFormula } from './apply-plan';
import { excelJsToWorkbook } from './read-buffer';
import { excelResult } from './write';

export type Calculator = (workbook: Workbook) => Workbook;

/** The reader leaves holes for empty rows and cells; calculators such as HyperFormula want every slot present. */
function dense(workbook: Workbook): Workbook {
  return {
    ...workbook,
    sheets: workbook.sheets.map((s) => ({ ...s, rows: Array.from(s.rows, (row) => (row ? Array.from(row) : [])) })),
  };
}

/**
 * Stores calculated results: always for the formulas the plan wrote, and for every other
 * formula (whose inputs the plan may have changed) unless the calculator could not work
 * it out where Excel could (an error now, a figure in the file), in which case the
 * file's own cached result is kept.
 */
export function fillFormulaResults(wb: ExcelJS.Workbook, written: readonly WrittenFormula[], calculate: Calculator): void {
  const before = excelJsToWorkbook(wb);
  const calculated = calculate(dense(before));
  const writtenKeys = new Set(written.map((w) => `${w.sheet}\u0000${w.row}\u0000${w.col}`));
  calculated.sheets.forEach((sheet, s) => {
    const ws = wb.getWorksheet(sheet.name);
    if (!ws) return;
    sheet.rows.forEach((row, r) =>
      row?.forEach((cell, c) => {
        if (cell?.formula === undefined) return;
        const old = before.sheets[s]?.rows[r]?.[c]?.value ?? null;
        const isWritten = writtenKeys.has(`${sheet.name}\u0000${r}\u0000${c}`);
        if (!isWritten && isErrorValue(cell.value) && (old === null || !isErrorValue(old))) return;
        const target = ws.getCell(r + 1, c + 1);
        if (target.type !== ExcelJS.ValueType.Formula) return;
        target.value = { formula: target.formula, result: excelResult(cell.value) } as ExcelJS.CellFormulaValue;
      }),
    );
  });
}
