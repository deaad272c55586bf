/**
 * Calculates the simulated workbook's formulas, so that reading `values` after writing a
 * formula gives a real result. Test and workbench only: never part of the task-pane bundle.
 * The calculation is the host's one (src/host/calc/recalculate.ts, HyperFormula): it knows
 * the workbook's defined names and keeps the result of a formula it cannot evaluate (a link
 * to another workbook, a function it lacks) instead of turning it into an error.
 */
import { recalculate as recalculateWorkbook } from '../calc/recalculate';
import type { SimState } from './state';
import { simCellToCell } from './state';

export function recalculate(state: SimState): void {
  state.dirty = false;
  state.calculatedOnce = true;
  const hasFormula = state.sheets.some((s) => s.rows.some((row) => row?.some((c) => c?.formula !== undefined)));
  if (!hasFormula) return;
  const calculated = recalculateWorkbook({
    sheets: state.sheets.map((s) => ({ name: s.name, rows: s.rows.map((row) => row?.map(simCellToCell)) })),
    ...(state.definedNames.length > 0 ? { definedNames: state.definedNames } : {}),
  });
  state.sheets.forEach((sheet, s) => {
    const rows = calculated.sheets[s]?.rows;
    sheet.rows.forEach((row, r) =>
      row?.forEach((cell, c) => {
        if (!cell || cell.formula === undefined) return;
        const v = rows?.[r]?.[c]?.value ?? null;
        delete cell.error;
        if (v === null) delete cell.value;
        else if (typeof v === 'object') {
          cell.value = v.error;
          cell.error = true;
        } else cell.value = v;
      }),
    );
  });
}
