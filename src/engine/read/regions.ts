/**
 * Where the tables are on a sheet: header rows (up to three, possibly below a title),
 * the body beneath them up to the next table or a gap of blank rows, and the columns in
 * use. Blocks of figures under no recognisable header become headerless tables, so no
 * figures go unread.
 */
import { CellKind, type SheetScan, isFigureKind } from './cells';
import { isColumnSum, sameColumnRows } from '../domain/formula-references';
import { isUnitOnly, looksLikeHeaderWord } from './roles';
import { yearIn } from '../domain/periods';
import { textOf } from './text';

/** Local copy: reading a constant through a module binding costs a call per cell under CommonJS. */
const KIND = { ...CellKind };

export interface TableRegion {
  /** Rows above the header holding the title or a unit, top first. */
  readonly titleRows: readonly number[];
  /** Columns of the title rows that belong to this table, when tables share the rows side by side. */
  readonly titleCols?: readonly [number, number];
  readonly headerRows: readonly number[];
  readonly firstRow: number;
  readonly lastRow: number;
  readonly firstCol: number;
  readonly lastCol: number;
}

const MAX_HEADER_ROWS = 3;
/** A run of this many blank rows ends a table. */
const BLANK_GAP_ENDS_TABLE = 3;
/** How far below a header row its first figure row may be. */
const HEADER_REACH = 4;

function isBlankRow(scan: SheetScan, r: number): boolean {
  return scan.stats[r] === undefined;
}

function hasNumbers(scan: SheetScan, r: number): boolean {
  const s = scan.stats[r];
  return s !== undefined && s.numbers > 0;
}

/** Text only: no number, dash, TBC or error (text with digits, such as "2024/25", is allowed). */
function isTextOnly(scan: SheetScan, r: number): boolean {
  const s = scan.stats[r];
  return s !== undefined && s.numbers === 0 && s.nils === 0 && s.errors === 0 && s.texts > 0;
}

function nextFigureRow(scan: SheetScan, r: number): number | undefined {
  for (let f = r + 1; f <= Math.min(scan.height - 1, r + HEADER_REACH); f++) if (hasNumbers(scan, f)) return f;
  return undefined;
}

/** True when a figure sits in column c on one of the three rows from f. */
function figureBelow(scan: SheetScan, f: number, c: number): boolean {
  for (let r = f; r < Math.min(scan.height, f + 3); r++) if (isFigureKind(scan.kindAt(r, c))) return true;
  return false;
}

function cellText(scan: SheetScan, r: number, c: number): string {
  return textOf(scan.sheet.rows[r]?.[c]?.value);
}

/** A row of column headings: text only, with heading words over columns that hold figures below. */
function isHeaderRow(scan: SheetScan, r: number): boolean {
  if (!isTextOnly(scan, r)) return false;
  const f = nextFigureRow(scan, r);
  if (f === undefined) return false;
  const s = scan.stats[r]!;
  let words = 0;
  let overFigures = 0;
  let unitOrYearOverFigure = false;
  for (let c = s.first; c <= s.last && c < scan.width; c++) {
    const kind = scan.kindAt(r, c);
    if (kind !== KIND.Text && kind !== KIND.DigitText && kind !== KIND.Date) continue;
    const text = cellText(scan, r, c);
    const word = kind === KIND.Date || looksLikeHeaderWord(text); // month columns are headed by dates
    // A heading may carry digits ("Year 1", "ADJ1", "2024/25 £000"); text that starts like a
    // figure and names no year or unit ("222 113", "`(19)", "24P40") is a damaged body row.
    if (kind === KIND.DigitText && !word && /^[\s(`'£$-]*\d/.test(text)) return false;
    const over = figureBelow(scan, f, c);
    if (word) words++;
    if (over) overFigures++;
    if (word && over && (isUnitOnly(text) || yearIn(text) !== undefined)) unitOrYearOverFigure = true;
  }
  if (words === 0 || overFigures === 0) return false;
  return s.texts >= 2 || unitOrYearOverFigure;
}

/** Text-only row whose cells all sit over figure columns: the upper line of a wrapped heading. */
function isHeadingContinuation(scan: SheetScan, r: number, f: number): boolean {
  if (!isTextOnly(scan, r)) return false;
  const s = scan.stats[r]!;
  for (let c = s.first; c <= s.last && c < scan.width; c++) {
    if (scan.kindAt(r, c) !== KIND.Empty && !figureBelow(scan, f, c)) return false;
  }
  return true;
}

interface HeaderBlock {
  readonly top: number;
  readonly bottom: number;
}

function findHeaderBlocks(scan: SheetScan): HeaderBlock[] {
  const blocks: HeaderBlock[] = [];
  let r = 0;
  while (r < scan.height) {
    if (!isHeaderRow(scan, r)) {
      r++;
      continue;
    }
    let bottom = r;
    while (bottom + 1 < scan.height && isHeaderRow(scan, bottom + 1)) bottom++;
    let top = Math.max(r, bottom - MAX_HEADER_ROWS + 1);
    const f = nextFigureRow(scan, bottom)!;
    const floor = blocks.length > 0 ? blocks[blocks.length - 1]!.bottom + 1 : 0;
    while (top - 1 >= floor && bottom - top + 1 < MAX_HEADER_ROWS && isHeadingContinuation(scan, top - 1, f)) top--;
    blocks.push({ top, bottom });
    r = bottom + 1;
  }
  return blocks;
}

/** Up to two text-only rows just above the header (one blank row between allowed): title and unit. */
function titleRowsAbove(scan: SheetScan, top: number, floor: number): number[] {
  const rows: number[] = [];
  let blanks = 0;
  for (let r = top - 1; r >= floor && rows.length < 2; r--) {
    if (isBlankRow(scan, r)) {
      if (++blanks > 1) break;
      continue;
    }
    if (!isTextOnly(scan, r)) break;
    rows.unshift(r);
  }
  return rows;
}

/**
 * Last body row: stops before `limit`, at a long blank gap; trailing blank rows dropped.
 * A gap that the next row's formulas add up (blank rows kept for actions, then their
 * total =SUM(D6:D15)) is part of the table, not its end.
 */
function bodyEnd(scan: SheetScan, first: number, limit: number): number {
  let last = first - 1;
  let blanks = 0;
  for (let r = first; r < limit; r++) {
    if (isBlankRow(scan, r)) {
      if (++blanks < BLANK_GAP_ENDS_TABLE) continue;
      const next = nextContentRow(scan, r + 1, limit);
      if (next === undefined || !sumsBackInto(scan, next, first, last + 1)) break;
      r = next - 1;
      blanks = 0;
      continue;
    }
    blanks = 0;
    last = r;
  }
  return last;
}

function nextContentRow(scan: SheetScan, from: number, limit: number): number | undefined {
  for (let r = from; r < limit; r++) if (!isBlankRow(scan, r)) return r;
  return undefined;
}

/** True when a formula on row r adds up its own column over rows from `first` up to `reach` or beyond. */
function sumsBackInto(scan: SheetScan, r: number, first: number, reach: number): boolean {
  const s = scan.stats[r];
  if (!s || s.formulas === 0) return false;
  const row = scan.sheet.rows[r] ?? [];
  for (let c = s.first; c <= s.last && c < scan.width; c++) {
    const formula = row[c]?.formula;
    if (formula === undefined || !isColumnSum(formula, c, r)) continue;
    const rows = sameColumnRows(formula, c, r);
    if (rows.some((x) => x >= first && x <= reach) && rows.every((x) => x < r)) return true;
  }
  return false;
}

function columnsInUse(scan: SheetScan, rows: Iterable<number>): { first: number; last: number } {
  let first = Number.MAX_SAFE_INTEGER;
  let last = -1;
  for (const r of rows) {
    const s = scan.stats[r];
    if (!s) continue;
    if (s.first < first) first = s.first;
    if (s.last > last) last = s.last;
  }
  return { first: first === Number.MAX_SAFE_INTEGER ? 0 : first, last: Math.max(last, 0) };
}

function* range(from: number, to: number): Iterable<number> {
  for (let r = from; r <= to; r++) yield r;
}

function containsFigures(scan: SheetScan, from: number, to: number): boolean {
  for (let r = from; r <= to; r++) if (hasNumbers(scan, r)) return true;
  return false;
}

export function findRegions(scan: SheetScan): TableRegion[] {
  const blocks = findHeaderBlocks(scan);
  const regions: TableRegion[] = [];
  const starts = blocks.map((b, i) => {
    const floor = i > 0 ? blocks[i - 1]!.bottom + 2 : 0;
    const titles = titleRowsAbove(scan, b.top, floor);
    return { block: b, titles, top: titles[0] ?? b.top };
  });
  starts.forEach(({ block, titles }, i) => {
    const limit = i + 1 < starts.length ? starts[i + 1]!.top : scan.height;
    const first = block.bottom + 1;
    const last = bodyEnd(scan, first, limit);
    if (last < first || !containsFigures(scan, first, last)) return;
    const headerRows = [...range(block.top, block.bottom)];
    const cols = columnsInUse(scan, [...headerRows, ...range(first, last)]);
    const whole = { titleRows: titles, headerRows, firstRow: first, lastRow: last, firstCol: cols.first, lastCol: cols.last };
    regions.push(...splitSideBySide(scan, whole));
  });
  return [...regions, ...headerlessRegions(scan, regions)].map((region) => withLeadingHeadings(scan, region)).sort((a, b) => a.firstRow - b.firstRow);
}

/** At most this many rows at the top of a body are taken for headings. */
const MAX_LEADING_HEADINGS = 3;

/**
 * Rows at the top of a body, above its first figures, whose cells over the figure columns
 * are words ("a", "A", "percent", "1993_04_01_band_a") or thresholds written as text over
 * typed numbers ("75k", "117k"): headings the header finder passed over (a year typed as a
 * number beside them, an identifier starting with digits). They join the header rows, so
 * they are never read as lines of damaged figures. A row with any figure in a figure column,
 * or text that looks like a damaged figure ("222 113", "`(19)"), stops the run.
 */
function withLeadingHeadings(scan: SheetScan, region: TableRegion): TableRegion {
  const columns = figureColumns(scan, region);
  if (columns.length === 0) return region;
  const promoted: number[] = [];
  let r = region.firstRow;
  for (; r < region.lastRow && promoted.length < MAX_LEADING_HEADINGS; r++) {
    if (isBlankRow(scan, r)) {
      if (promoted.length > 0) break;
      continue; // blank rows between the header and the headings
    }
    let headings = 0;
    let years = 0;
    let figures = 0;
    for (const { col, storedAsText } of columns) {
      const kind = scan.kindAt(r, col);
      if (kind === KIND.Empty) continue;
      if (kind === KIND.Text || kind === KIND.Date || kind === KIND.Boolean) headings++;
      else if (kind === KIND.NumericText && !storedAsText) headings++;
      else if (kind === KIND.DigitText && looksLikeHeading(cellText(scan, r, col))) {
        headings++;
        if (YEARS.test(cellText(scan, r, col))) years++;
      } else figures++;
    }
    // Under a header, one caption over one column ("Net total cost") is a note; a row of them, or a year, is a heading.
    if (figures > 0 || (headings < (region.headerRows.length > 0 ? 2 : 1) && years === 0)) break;
    promoted.push(r);
  }
  if (promoted.length === 0 || !containsFigures(scan, r, region.lastRow)) return region;
  return { ...region, headerRows: [...region.headerRows, ...promoted], firstRow: r };
}

/** Two years, as a heading names a year (also a mistyped one: "2021-21"). */
const YEARS = /^\s*(?:19|20)\d{2}\s*(?:[-/]|to)\s*\d{2,4}\s*$/;

/**
 * Digits in words: a year or year range, an identifier with a word in it ("2022 Bands",
 * "1993_04_01_band_a"), a legend ("A (6%)"). A damaged figure starts like a number.
 */
function looksLikeHeading(text: string): boolean {
  return yearIn(text) !== undefined || YEARS.test(text) || /[a-z]{3}/i.test(text) || /^\s*[A-Za-z]/.test(text) || looksLikeHeaderWord(text);
}

/**
 * Columns of the body holding figures in the main (numbers, typed or as text, outnumber
 * words), with whether their figures are mostly stored as text (then a figure as text at the
 * top is a line like the others, not a heading).
 */
function figureColumns(scan: SheetScan, region: TableRegion): Array<{ col: number; storedAsText: boolean }> {
  const out: Array<{ col: number; storedAsText: boolean }> = [];
  const last = Math.min(region.lastCol, scan.width - 1);
  for (let c = region.firstCol; c <= last; c++) {
    let numbers = 0;
    let asText = 0;
    let words = 0;
    for (let r = region.firstRow; r <= region.lastRow; r++) {
      const k = scan.kindAt(r, c);
      if (k === KIND.Number || k === KIND.Nil) numbers++;
      else if (k === KIND.NumericText) asText++;
      else if (k === KIND.Text || k === KIND.DigitText || k === KIND.Date) words++;
    }
    if (numbers + asText >= 2 && numbers + asText > words) out.push({ col: c, storedAsText: asText >= numbers });
  }
  return out;
}

/**
 * Tables set side by side under one band of header rows, with an empty column between
 * them. A part starts a new table only when it has labels and figures of its own, so a
 * spacer column between a label and its figures, or between two groups of figures, does
 * not split a table.
 */
function splitSideBySide(scan: SheetScan, region: TableRegion): TableRegion[] {
  const n = region.lastCol - region.firstCol + 1;
  const occupied = new Uint8Array(n);
  const hasFigures = new Uint8Array(n);
  const hasText = new Uint8Array(n);
  const rowsToScan = [...region.headerRows, ...range(region.firstRow, region.lastRow)];
  for (const r of rowsToScan) {
    if (scan.stats[r] === undefined) continue;
    const isBody = r >= region.firstRow;
    for (let i = 0; i < n; i++) {
      const k = scan.kindAt(r, region.firstCol + i);
      if (k === KIND.Empty) continue;
      occupied[i] = 1;
      if (!isBody) continue;
      if (k === KIND.Number || k === KIND.NumericText) hasFigures[i] = 1;
      else if (k === KIND.Text || k === KIND.DigitText) hasText[i] = 1;
    }
  }
  // Runs of occupied columns, as [start, end] offsets.
  const runs: Array<[number, number]> = [];
  for (let i = 0; i < n; i++) {
    if (!occupied[i]) continue;
    const last = runs[runs.length - 1];
    if (last && last[1] === i - 1) last[1] = i;
    else runs.push([i, i]);
  }
  if (runs.length < 2) return [region];
  const some = (flags: Uint8Array, [a, b]: [number, number]): boolean => flags.subarray(a, b + 1).some((x) => x === 1);
  const parts: Array<[number, number]> = [];
  for (const run of runs) {
    const current = parts[parts.length - 1];
    const standsAlone = some(hasText, run) && some(hasFigures, run);
    if (current && (!standsAlone || !some(hasFigures, current))) current[1] = run[1];
    else parts.push([run[0], run[1]]);
  }
  if (parts.length < 2) return [region];
  return parts.map(([a, b], index) => {
    const firstCol = region.firstCol + a;
    const lastCol = region.firstCol + b;
    let lastRow = region.firstRow;
    for (let r = region.firstRow; r <= region.lastRow; r++) {
      for (let c = firstCol; c <= lastCol; c++) if (scan.kindAt(r, c) !== KIND.Empty) lastRow = r;
    }
    // The leftmost table also owns a title written left of it; the others only what is above them.
    const titleCols: [number, number] = [index === 0 ? 0 : firstCol, lastCol];
    return { ...region, titleCols, firstCol, lastCol, lastRow };
  });
}

/** Blocks of figure rows outside every headed table: read without a header. */
function headerlessRegions(scan: SheetScan, headed: readonly TableRegion[]): TableRegion[] {
  const covered = new Uint8Array(scan.height);
  for (const t of headed) {
    for (const r of t.titleRows) covered[r] = 1;
    for (let r = t.headerRows[0] ?? t.firstRow; r <= t.lastRow; r++) covered[r] = 1;
  }
  const out: TableRegion[] = [];
  let r = 0;
  while (r < scan.height) {
    if (covered[r] || !hasNumbers(scan, r)) {
      r++;
      continue;
    }
    let first = r;
    while (first - 1 >= 0 && !covered[first - 1] && isTextOnly(scan, first - 1) && first > r - 2) first--;
    let last = r;
    let figureRows = 0;
    let blanks = 0;
    let x = r;
    for (; x < scan.height && !covered[x]; x++) {
      if (isBlankRow(scan, x)) {
        if (++blanks >= 2) break;
        continue;
      }
      blanks = 0;
      last = x;
      if (hasNumbers(scan, x)) figureRows++;
    }
    if (figureRows >= 2) {
      const cols = columnsInUse(scan, range(first, last));
      out.push({ titleRows: [], headerRows: [], firstRow: first, lastRow: last, firstCol: cols.first, lastCol: cols.last });
    }
    r = Math.max(x, r + 1);
  }
  return out;
}
