/** What a cell shows in the workbench grid, following its Excel number format closely enough to read. */
import type { SimCell } from '../host/simulated/state';
import { formatCellNumber } from '../taskpane/format';

export function displayText(cell: SimCell | undefined): string {
  if (!cell || cell.value === undefined) return '';
  const v = cell.value;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'string') return v;
  return formatCellNumber(v, cell.format);
}

/** The pane's own formatting (format.ts), so the grid and the fix preview show a figure alike. */
export const displayNumber = formatCellNumber;
