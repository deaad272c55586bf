/**
 * Writing a sheet the add-in generates but officers type into (the trackers, the
 * validation report). The new layout is drafted cell by cell; writing it over the old
 * sheet keeps every cell the add-in did not generate, and refuses (naming the cell)
 * when the new layout would land on such a cell. So regenerating never loses an entry.
 */
import { toA1 } from '../address';
import { cellAt, type Sheet } from '../grid';
import type { Edit } from '../plan';
import { cellEntry, hasContent } from './shared';

/** A formula (leading `=`), a value, or null for an empty cell. */
export type CellEntry = string | number | null;

/** The cells of a generated layout, 0-based. */
export class SheetDraft {
  private readonly cells = new Map<string, CellEntry>();
  lastRow = -1;
  lastCol = -1;

  set(row: number, col: number, entry: CellEntry): void {
    this.cells.set(`${row},${col}`, entry);
    if (row > this.lastRow) this.lastRow = row;
    if (col > this.lastCol) this.lastCol = col;
  }

  setRow(row: number, firstCol: number, entries: readonly CellEntry[]): void {
    entries.forEach((e, i) => this.set(row, firstCol + i, e));
  }

  has(row: number, col: number): boolean {
    return this.cells.has(`${row},${col}`);
  }

  get(row: number, col: number): CellEntry {
    return this.cells.get(`${row},${col}`) ?? null;
  }
}

/** Which cells of the old sheet the add-in generated or already carried over into the draft. */
export type OwnedCell = (row: number, col: number) => boolean;

export type SheetWrite = { readonly edits: Edit[] } | { readonly conflict: string };

/**
 * The edits that turn `old` (absent for a new sheet) into the draft, as one block of
 * formulas and values. Cells of the old sheet that are not `owned` are written back as
 * they are; if the draft needs one of them, the result is a conflict naming that cell.
 */
export function planSheetWrite(sheetName: string, old: Sheet | undefined, draft: SheetDraft, owned: OwnedCell, after?: string): SheetWrite {
  let lastRow = draft.lastRow;
  let lastCol = draft.lastCol;
  if (old) {
    old.rows.forEach((cells, r) =>
      cells?.forEach((cell, c) => {
        if (cell && hasContent(cell) && owned(r, c)) {
          lastRow = Math.max(lastRow, r);
          lastCol = Math.max(lastCol, c);
        }
      }),
    );
  }
  const block: CellEntry[][] = [];
  for (let r = 0; r <= lastRow; r++) {
    const line: CellEntry[] = [];
    for (let c = 0; c <= lastCol; c++) {
      const oldCell = old ? cellAt(old, r, c) : undefined;
      const foreign = oldCell !== undefined && hasContent(oldCell) && !owned(r, c);
      if (foreign && draft.has(r, c) && !sameEntry(cellEntry(oldCell), draft.get(r, c))) return { conflict: toA1(r, c) };
      line.push(foreign ? cellEntry(oldCell) : draft.get(r, c));
    }
    block.push(line);
  }
  const edits: Edit[] = [];
  if (!old) edits.push({ kind: 'addSheet', sheet: sheetName, ...(after ? { after } : {}) });
  if (lastRow >= 0 && lastCol >= 0) edits.push({ kind: 'setFormulas', sheet: sheetName, range: `A1:${toA1(lastRow, lastCol)}`, formulas: block });
  return { edits };
}

function sameEntry(a: CellEntry, b: CellEntry): boolean {
  return a === b || (typeof a === 'string' && typeof b === 'string' && a.trim() === b.trim());
}
