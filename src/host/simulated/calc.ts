/**
 * Calculates the simulated workbook's formulas with the project's HyperFormula recalc,
 * so that reading `values` after writing a formula gives a real result. Test and
 * workbench only: never part of the task-pane bundle.
 */
import { recalculate as recalculateGrid } from '../calc/recalculate';
import { isErrorValue, type Workbook } from '../../engine/grid';
import { simCellToCell, type SimState } from './state';

export function recalculate(state: SimState): void {
  state.dirty = false;
  const hasFormula = state.sheets.some((s) => s.rows.some((row) => row?.some((c) => c?.formula !== undefined)));
  if (!hasFormula) return;
  const grid: Workbook = {
    // Dense rows: the calculator cannot take sparse arrays.
    sheets: state.sheets.map((s) => ({ name: s.name, rows: Array.from(s.rows, (row) => Array.from(row ?? [], simCellToCell)) })),
  };
  const calculated = recalculateGrid(grid);
  calculated.sheets.forEach((sheet, i) => {
    const target = state.sheets[i]!;
    sheet.rows.forEach((row, r) => {
      row?.forEach((cell, c) => {
        const sim = target.rows[r]?.[c];
        if (!cell || !sim || sim.formula === undefined) return;
        const v = cell.value;
        if (v === null) {
          delete sim.value;
          delete sim.error;
        } else if (isErrorValue(v)) {
          sim.value = v.error;
          sim.error = true;
        } else {
          sim.value = v;
          delete sim.error;
        }
      });
    });
  });
}
