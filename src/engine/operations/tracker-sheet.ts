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

export type SheetWrite =
  | { readonly edits: Edit[]; readonly overwrites: { readonly sheet: string; readonly range: string }[] }
  | { readonly conflict: string };

/**
 * The edits that turn `old` (absent for a new sheet) into the draft. Only cells whose
 * content changes are written, row by row, so an officer's unchanged entries are not
 * touched at all. Cells of the old sheet that are not `owned` are never written; if the
 * draft needs one of them, the result is a conflict naming that cell. `overwrites` lists
 * the owned cells with content that change (the host's allowOverwrite).
 */
export function planSheetWrite(sheetName: string, old: Sheet | undefined, draft: SheetDraft, owned: OwnedCell, after?: string): SheetWrite {
  if (!old) {
    const block: CellEntry[][] = [];
    for (let r = 0; r <= draft.lastRow; r++) {
      const line: CellEntry[] = [];
      for (let c = 0; c <= draft.lastCol; c++) line.push(draft.get(r, c));
      block.push(line);
    }
    const edits: Edit[] = [{ kind: 'addSheet', sheet: sheetName, ...(after ? { after } : {}) }];
    if (draft.lastRow >= 0) edits.push({ kind: 'setFormulas', sheet: sheetName, range: `A1:${toA1(draft.lastRow, draft.lastCol)}`, formulas: block });
    return { edits, overwrites: [] };
  }
  let lastRow = draft.lastRow;
  let lastCol = draft.lastCol;
  old.rows.forEach((cells, r) =>
    cells?.forEach((cell, c) => {
      if (cell && hasContent(cell) && owned(r, c)) {
        lastRow = Math.max(lastRow, r);
        lastCol = Math.max(lastCol, c);
      }
    }),
  );
  const edits: Edit[] = [];
  const replaced: [number, number][] = [];
  for (let r = 0; r <= lastRow; r++) {
    let run: { start: number; entries: CellEntry[] } | undefined;
    const flush = (): void => {
      if (!run) return;
      const range = `${toA1(r, run.start)}${run.entries.length > 1 ? `:${toA1(r, run.start + run.entries.length - 1)}` : ''}`;
      edits.push({ kind: 'setFormulas', sheet: sheetName, range, formulas: [run.entries] });
      run = undefined;
    };
    for (let c = 0; c <= lastCol + 1; c++) {
      const oldCell = cellAt(old, r, c);
      const oldEntry = hasContent(oldCell) ? cellEntry(oldCell) : null;
      const foreign = oldEntry !== null && !owned(r, c);
      const wanted = foreign ? oldEntry : draft.get(r, c);
      if (foreign && draft.has(r, c) && !sameEntry(oldEntry, draft.get(r, c))) return { conflict: toA1(r, c) };
      if (c > lastCol || sameEntry(oldEntry, wanted)) {
        flush();
        continue;
      }
      if (oldEntry !== null) replaced.push([r, c]);
      if (run && run.start + run.entries.length === c) run.entries.push(wanted);
      else {
        flush();
        run = { start: c, entries: [wanted] };
      }
    }
    flush();
  }
  // Neighbouring replaced cells of a row as one range, so the host checks a short list.
  const overwrites: { sheet: string; range: string }[] = [];
  let open: { row: number; from: number; to: number } | undefined;
  const close = (): void => {
    if (open) overwrites.push({ sheet: sheetName, range: open.from === open.to ? toA1(open.row, open.from) : `${toA1(open.row, open.from)}:${toA1(open.row, open.to)}` });
  };
  for (const [r, c] of replaced) {
    if (open && open.row === r && open.to === c - 1) open.to = c;
    else {
      close();
      open = { row: r, from: c, to: c };
    }
  }
  close();
  return { edits, overwrites };
}

function sameEntry(a: CellEntry, b: CellEntry): boolean {
  return a === b || (typeof a === 'string' && typeof b === 'string' && a.trim() === b.trim()) || (a === null && b === '') || (a === '' && b === null);
}
