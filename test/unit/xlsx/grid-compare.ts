/** Normalises grids for comparison: what an .xlsx can carry, in the reader's terms. */
import type { Cell, Workbook } from '../../../src/engine/grid';
import { indentOfLeadingSpaces } from '../../../src/host/xlsx/cells';

type Plain = Record<string, Cell>;

export function plainCell(cell: Cell): Cell | undefined {
  if (cell.value === null && cell.formula === undefined) return undefined; // a style on an empty cell is not read
  const out: { value: Cell['value']; formula?: string; format?: string; indent?: number; bold?: boolean } = { value: cell.value };
  if (cell.formula !== undefined) out.formula = cell.formula;
  if (cell.format !== undefined && cell.format !== 'General') out.format = cell.format;
  const indent = cell.indent ?? (typeof cell.value === 'string' ? indentOfLeadingSpaces(cell.value) : 0);
  if (indent > 0) out.indent = indent;
  if (cell.bold) out.bold = true;
  return out;
}

/** Sheet name -> { A1: cell } with empty cells left out. */
export function plainWorkbook(workbook: Workbook): Record<string, { protected: boolean; cells: Plain }> {
  const out: Record<string, { protected: boolean; cells: Plain }> = {};
  for (const sheet of workbook.sheets) {
    const cells: Plain = {};
    sheet.rows.forEach((row, r) =>
      row?.forEach((cell, c) => {
        const plain = cell && plainCell(cell);
        if (plain) cells[`R${r}C${c}`] = plain;
      }),
    );
    out[sheet.name] = { protected: sheet.protected === true, cells };
  }
  return out;
}
