/**
 * Applies an edit plan to a grid, purely: returns a new workbook and leaves the input
 * untouched. Formulas are stored but not calculated (hosts calculate); formatting-only
 * edits that the grid does not model (fills, widths, conditional formats, validation)
 * leave the grid as it is.
 */
import { parseRange, type RangeRef } from './address';
import type { Cell, CellValue, Sheet, Workbook } from './grid';
import type { Edit, EditPlan } from './plan';

type MutableRows = (Cell | undefined)[][];

export function applyPlan(workbook: Workbook, plan: EditPlan): Workbook {
  const sheets = workbook.sheets.map((s) => ({ ...s, rows: s.rows as Sheet['rows'] }));
  const copied = new Set<string>();

  const rowsFor = (name: string): MutableRows => {
    const sheet = sheets.find((s) => s.name === name);
    if (!sheet) throw new Error(`Sheet "${name}" does not exist`);
    if (!copied.has(name)) {
      sheet.rows = sheet.rows.map((r) => (r ? [...r] : [])) as MutableRows;
      copied.add(name);
    }
    return sheet.rows as MutableRows;
  };

  for (const edit of plan.edits) {
    if (edit.kind === 'addSheet') {
      if (!sheets.some((s) => s.name === edit.sheet)) {
        const at = edit.after ? sheets.findIndex((s) => s.name === edit.after) + 1 : sheets.length;
        sheets.splice(at > 0 ? at : sheets.length, 0, { name: edit.sheet, rows: [] });
      }
      continue;
    }
    applyCellEdit(edit, rowsFor);
  }
  return { ...workbook, sheets };
}

function applyCellEdit(edit: Exclude<Edit, { kind: 'addSheet' }>, rowsFor: (name: string) => MutableRows): void {
  switch (edit.kind) {
    case 'setValues':
      forEachCell(edit.range, rowsFor(edit.sheet), (cell, r, c) => {
        const value = edit.values[r]?.[c] ?? null;
        return { ...withoutFormula(cell), value };
      });
      return;
    case 'setFormulas':
      forEachCell(edit.range, rowsFor(edit.sheet), (cell, r, c) => {
        const entry = edit.formulas[r]?.[c] ?? null;
        if (typeof entry === 'string' && entry.startsWith('=')) return { ...cell, formula: entry };
        return { ...withoutFormula(cell), value: entry as CellValue };
      });
      return;
    case 'setNumberFormat':
      forEachCell(edit.range, rowsFor(edit.sheet), (cell) => ({ ...cell, format: edit.format }));
      return;
    case 'setBold':
      forEachCell(edit.range, rowsFor(edit.sheet), (cell) => ({ ...cell, bold: edit.bold }));
      return;
    default:
      // Fills, widths, conditional formats and validation do not change what the engine reads.
      return;
  }
}

function withoutFormula(cell: Cell): Cell {
  const { formula: _formula, ...rest } = cell;
  return rest;
}

function forEachCell(range: string, rows: MutableRows, update: (cell: Cell, r: number, c: number) => Cell): void {
  const ref: RangeRef | undefined = parseRange(range);
  if (!ref) throw new Error(`Not a range: ${range}`);
  for (let row = ref.start.row; row <= ref.end.row; row++) {
    const cells = (rows[row] ??= []);
    for (let col = ref.start.col; col <= ref.end.col; col++) {
      cells[col] = update(cells[col] ?? { value: null }, row - ref.start.row, col - ref.start.col);
    }
  }
  for (let i = 0; i < rows.length; i++) rows[i] ??= [];
}
