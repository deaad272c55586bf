/**
 * Recalculates a grid's formulas with HyperFormula, a real calculation engine, so that
 * tests, the simulated Excel and the CLI see the values Excel would show.
 * HyperFormula is GPL-3.0 (licence key `gpl-v3`): this module must never be imported by
 * the production task pane.
 */
import { DetailedCellError, HyperFormula, type RawCellContent } from 'hyperformula';
import type { Cell, CellValue, Workbook } from '../../engine/grid';

/** Shared by every HyperFormula user here: Excel's sheet size, not HyperFormula's 40,000-row default. */
export const HYPERFORMULA_CONFIG = { licenseKey: 'gpl-v3', maxRows: 1_048_576, maxColumns: 16_384, smartRounding: false } as const;

export function recalculate(workbook: Workbook): Workbook {
  if (!workbook.sheets.some((s) => s.rows.some((r) => r?.some((c) => c?.formula)))) return workbook;
  const engine = HyperFormula.buildFromSheets(toHfSheets(workbook), HYPERFORMULA_CONFIG);
  try {
    const sheets = workbook.sheets.map((sheet) => {
      const id = engine.getSheetId(sheet.name);
      if (id === undefined) return sheet;
      const rows = Array.from(sheet.rows, (row, r) =>
        row?.map((cell, c) => {
          if (!cell?.formula) return cell;
          return { ...cell, value: fromHfValue(engine.getCellValue({ sheet: id, row: r, col: c })) };
        }),
      );
      return { ...sheet, rows };
    });
    return { ...workbook, sheets };
  } finally {
    engine.destroy();
  }
}

function toHfSheets(workbook: Workbook): Record<string, RawCellContent[][]> {
  const out: Record<string, RawCellContent[][]> = {};
  for (const sheet of workbook.sheets) {
    // Dense rows: HyperFormula cannot take sparse arrays.
    out[sheet.name] = Array.from(sheet.rows, (row) => Array.from(row ?? [], toHfContent));
  }
  return out;
}

function toHfContent(cell: Cell | undefined): RawCellContent {
  if (!cell) return null;
  if (cell.formula) return cell.formula;
  const v = cell.value;
  if (v !== null && typeof v === 'object') return v.error;
  // A text cell that starts with "=" is text, not a formula: keep it as text.
  if (typeof v === 'string' && v.startsWith('=')) return `'${v}`;
  return v;
}

export function fromHfValue(value: unknown): CellValue {
  if (value instanceof DetailedCellError) return { error: value.value };
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  return String(value);
}
