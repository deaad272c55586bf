/**
 * Calculates the simulated workbook's formulas with HyperFormula (GPL-3.0, licence key
 * `gpl-v3`), so that reading `values` after writing a formula gives a real result. Test
 * and workbench only: never part of the task-pane bundle. Works on the simulator's own
 * mutable state, so it drives HyperFormula itself with the shared configuration.
 */
import { DetailedCellError, HyperFormula, type RawCellContent } from 'hyperformula';
import type { SimCell, SimState } from './state';
import { HYPERFORMULA_CONFIG } from '../calc/recalculate';


function content(cell: SimCell | undefined): RawCellContent {
  if (!cell) return null;
  if (cell.formula !== undefined) return cell.formula;
  if (cell.value === undefined || cell.value === '') return null;
  // A constant that looks like a formula stays text.
  return typeof cell.value === 'string' && cell.value.startsWith('=') ? `'${cell.value}` : cell.value;
}

export function recalculate(state: SimState): void {
  state.dirty = false;
  const hasFormula = state.sheets.some((s) => s.rows.some((row) => row?.some((c) => c?.formula !== undefined)));
  if (!hasFormula) return;
  const data: Record<string, RawCellContent[][]> = {};
  // Dense rows: HyperFormula cannot take sparse arrays.
  for (const sheet of state.sheets) data[sheet.name] = Array.from(sheet.rows, (row) => Array.from(row ?? [], content));
  const hf = HyperFormula.buildFromSheets(data, HYPERFORMULA_CONFIG);
  try {
    for (const sheet of state.sheets) {
      const id = hf.getSheetId(sheet.name);
      if (id === undefined) continue;
      sheet.rows.forEach((row, r) =>
        row?.forEach((cell, c) => {
          if (!cell || cell.formula === undefined) return;
          const v = hf.getCellValue({ sheet: id, row: r, col: c });
          if (v instanceof DetailedCellError) {
            cell.value = v.value;
            cell.error = true;
            return;
          }
          delete cell.error;
          if (v === null) delete cell.value;
          else cell.value = v as string | number | boolean;
        }),
      );
    }
  } finally {
    hf.destroy();
  }
}
