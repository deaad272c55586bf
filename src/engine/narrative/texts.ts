/**
 * Where a workbook's words about a table are: its comments column, the text around it on
 * its sheet (headline bullets above it, explanations below), and explanation sheets
 * ("Variance explanations", "Commentary"). Cells are listed in reading order, with the
 * subject they start from: the row a comment sits on, the line named in an explanation
 * sheet's Line column, the whole table for the headline above it, none elsewhere until a
 * heading names a line.
 */
import type { Sheet, Workbook } from '../grid';
import type { MonitoringTable } from '../model';
import { readSheet } from '../read';

export interface TextCell {
  readonly sheet: string;
  readonly row: number;
  readonly col: number;
  readonly text: string;
}

export type StartSubject = { readonly kind: 'row'; readonly row: number } | { readonly kind: 'whole' } | { readonly kind: 'carried' };

export interface NarrativeCell extends TextCell {
  readonly start: StartSubject;
  /** A comment or a Line-column explanation: no heading logic. */
  readonly attached: boolean;
}

/** Sheets that hold explanations of a monitoring table's variances. */
export const EXPLANATION_SHEET_RE = /explanation|commentary|narrative|variance notes|key messages/i;

/** Headers of an explanation sheet's column naming the line. */
export const LINE_HEADER_RE = /^(line|budget line|service( area| line)?|cost cent(re|er)|area|heading|description)$/i;
/** Headers of its column holding the explanation. */
export const EXPLANATION_HEADER_RE = /explanation|comment|commentary|narrative|reason|notes?$|remarks/i;

const TABLES = new WeakMap<Sheet, MonitoringTable[]>();

/** The tables on a sheet, read once (for the rectangles other tables occupy). */
export function tablesOnSheet(sheet: Sheet): MonitoringTable[] {
  let tables = TABLES.get(sheet);
  if (!tables) {
    try {
      tables = readSheet(sheet);
    } catch {
      tables = [];
    }
    TABLES.set(sheet, tables);
  }
  return tables;
}

const TEXTS = new WeakMap<Sheet, TextCell[]>();

/** Every text cell of a sheet, in reading order (cached: several tables ask). */
export function textCells(sheet: Sheet): TextCell[] {
  let cells = TEXTS.get(sheet);
  if (!cells) {
    cells = [];
    sheet.rows.forEach((row, r) => {
      row?.forEach((cell, c) => {
        const v = cell?.value;
        if (typeof v === 'string' && v.trim() !== '') cells!.push({ sheet: sheet.name, row: r, col: c, text: v });
      });
    });
    TEXTS.set(sheet, cells);
  }
  return cells;
}

const WORDS_ROWS = new WeakMap<MonitoringTable, Set<number>>();

/** Rows the reader kept in a table as notes or blanks: text there is narrative, not the table's. */
function wordsRows(t: MonitoringTable): Set<number> {
  let rows = WORDS_ROWS.get(t);
  if (!rows) {
    rows = new Set(t.rows.filter((r) => r.kind === 'note' || r.kind === 'blank').map((r) => r.row));
    WORDS_ROWS.set(t, rows);
  }
  return rows;
}

function inside(t: MonitoringTable, row: number, col: number): boolean {
  const top = t.headerRows[0] ?? t.firstRow;
  return row >= top && row <= t.lastRow && col >= t.firstCol && col <= t.lastCol && !wordsRows(t).has(row);
}

const hasMoney = (text: string): boolean => /£\s*[-\u2212]?\s*\d/.test(text);

/** The text on the table's own sheet outside every table, in reading order; empty when none quotes money (unless asked for all). */
export function sheetNarrative(sheet: Sheet, table: MonitoringTable, evenWithoutMoney = false): NarrativeCell[] {
  const texts = textCells(sheet);
  const outside = (tables: readonly MonitoringTable[]) => texts.filter((t) => !tables.some((tb) => inside(tb, t.row, t.col)));
  if (!outside([table]).some((t) => evenWithoutMoney || hasMoney(t.text))) return [];
  const tables = tablesOnSheet(sheet);
  const others = tables.filter((t) => t.range !== table.range);
  const top = table.headerRows[0] ?? table.firstRow;
  // The headline zone: above this table and below any other table that sits above it.
  const floor = Math.max(-1, ...others.filter((t) => t.lastRow < top).map((t) => t.lastRow));
  return outside([table, ...others]).map((t) => ({
    ...t,
    start: t.row < top && t.row > floor ? { kind: 'whole' } : { kind: 'carried' },
    attached: false,
  }));
}

/** The comments columns of the table: each comment speaks of its own row. */
export function commentCells(sheet: Sheet, table: MonitoringTable): NarrativeCell[] {
  const cols = table.columns.filter((c) => c.role === 'comments').map((c) => c.col);
  if (cols.length === 0) return [];
  const out: NarrativeCell[] = [];
  for (const r of table.rows) {
    if (r.kind !== 'line' && r.kind !== 'subtotal' && r.kind !== 'total') continue;
    for (const c of cols) {
      const v = sheet.rows[r.row]?.[c]?.value;
      if (typeof v === 'string' && v.trim() !== '') out.push({ sheet: sheet.name, row: r.row, col: c, text: v, start: { kind: 'row', row: r.row }, attached: true });
    }
  }
  return out;
}

export interface ExplanationSheet {
  readonly sheet: Sheet;
  /** The header row and the columns naming the line and holding the explanation, when it is laid out as a list. */
  readonly list?: { readonly headerRow: number; readonly lineCol: number; readonly textCol: number };
}

const EXPLANATION_SHEETS = new WeakMap<Workbook, ExplanationSheet[]>();

/** Sheets named for explanations, with their Line / Explanation columns when they have them. */
export function explanationSheets(workbook: Workbook): ExplanationSheet[] {
  let found = EXPLANATION_SHEETS.get(workbook);
  if (!found) {
    found = workbook.sheets.filter((s) => EXPLANATION_SHEET_RE.test(s.name)).map((sheet) => ({ sheet, ...listLayout(sheet) }));
    EXPLANATION_SHEETS.set(workbook, found);
  }
  return found;
}

function listLayout(sheet: Sheet): Pick<ExplanationSheet, 'list'> {
  for (let r = 0; r < Math.min(sheet.rows.length, 10); r++) {
    const row = sheet.rows[r] ?? [];
    let lineCol: number | undefined;
    let textCol: number | undefined;
    row.forEach((cell, c) => {
      const v = typeof cell?.value === 'string' ? cell.value.trim() : '';
      if (lineCol === undefined && LINE_HEADER_RE.test(v)) lineCol = c;
      else if (textCol === undefined && EXPLANATION_HEADER_RE.test(v)) textCol = c;
    });
    if (lineCol !== undefined && textCol !== undefined) return { list: { headerRow: r, lineCol, textCol } };
  }
  return {};
}

/** A cell an explanation sheet's formulas refer to. */
export interface LinkedCell {
  readonly sheet: string;
  readonly row: number;
}

const LINKS = new WeakMap<Sheet, LinkedCell[]>();
const CELL_REF_RE = /(?:'((?:[^']|'')+)'|([A-Za-z_][A-Za-z0-9_.]*))!\$?[A-Za-z]{1,3}\$?(\d+)/g;

/** The cells an explanation sheet's formulas refer to (its figures linked to a table, `='Month 7'!F7`); empty when none. */
export function linkedCells(e: ExplanationSheet): readonly LinkedCell[] {
  let links = LINKS.get(e.sheet);
  if (!links) {
    links = [];
    for (const row of e.sheet.rows) {
      for (const cell of row ?? []) {
        const f = cell?.formula;
        if (!f) continue;
        for (const m of f.matchAll(CELL_REF_RE)) links.push({ sheet: m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2]!, row: Number(m[3]) - 1 });
      }
    }
    LINKS.set(e.sheet, links);
  }
  return links;
}

/**
 * Whether an explanation sheet is about this table: its formulas link into the table's rows,
 * or it links to no cell at all (typed words, for whichever table they name).
 */
export function explainsTable(e: ExplanationSheet, table: MonitoringTable): boolean {
  if (e.sheet.name === table.sheet) return false;
  const links = linkedCells(e);
  const sheet = table.sheet.toLowerCase();
  return links.length === 0 || links.some((l) => l.sheet.toLowerCase() === sheet && l.row >= table.firstRow && l.row <= table.lastRow);
}
