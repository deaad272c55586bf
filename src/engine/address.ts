/** A1 addresses, 0-based internally: row 0 / col 0 is A1. */

export interface CellRef {
  readonly row: number;
  readonly col: number;
}

export interface RangeRef {
  readonly start: CellRef;
  readonly end: CellRef;
}

export function columnLetters(col: number): string {
  let n = col + 1;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

export function columnIndex(letters: string): number {
  if (letters.length === 0) throw new RangeError('Not a column: (empty)');
  let n = 0;
  for (const ch of letters.toUpperCase()) {
    const code = ch.charCodeAt(0);
    if (code < 65 || code > 90) throw new RangeError(`Not a column: ${letters}`);
    n = n * 26 + (code - 64);
  }
  return n - 1;
}

export function toA1(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

export function rangeToA1(range: RangeRef): string {
  const a = toA1(range.start.row, range.start.col);
  const b = toA1(range.end.row, range.end.col);
  return a === b ? a : `${a}:${b}`;
}

const CELL_RE = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;

/** Parses `B16` or `$B$16`; undefined when it is not a cell address. */
export function parseA1(text: string): CellRef | undefined {
  const m = CELL_RE.exec(text.trim());
  if (!m || Number(m[2]) === 0) return undefined; // there is no row 0
  return { row: Number(m[2]) - 1, col: columnIndex(m[1]!) };
}

/** Parses `B5:B15` or a single cell; undefined when it is neither. Corners are normalised. */
export function parseRange(text: string): RangeRef | undefined {
  const [a, b, extra] = text.split(':');
  if (extra !== undefined || a === undefined) return undefined;
  const start = parseA1(a);
  const end = b === undefined ? start : parseA1(b);
  if (!start || !end) return undefined;
  return {
    start: { row: Math.min(start.row, end.row), col: Math.min(start.col, end.col) },
    end: { row: Math.max(start.row, end.row), col: Math.max(start.col, end.col) },
  };
}

/** Quotes a sheet name for use in a formula when Excel would require it: `'Month 6'`. */
export function quoteSheetName(name: string): string {
  if (/^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !parseA1(name) && !/^R\d*C\d*$/i.test(name)) return name;
  return `'${name.replace(/'/g, "''")}'`;
}

/** Reverses quoteSheetName: `'Bob''s'` → `Bob's`. */
export function unquoteSheetName(text: string): string {
  const t = text.trim();
  if (t.length >= 2 && t.startsWith("'") && t.endsWith("'")) return t.slice(1, -1).replace(/''/g, "'");
  return t;
}

/** `'Month 6'!F12` */
export function sheetQualified(sheet: string, a1: string): string {
  return `${quoteSheetName(sheet)}!${a1}`;
}

/** Splits `'Month 6'!B5:B9` into sheet and address; the sheet is undefined when absent. */
export function splitQualified(text: string): { sheet?: string; address: string } {
  const bang = text.lastIndexOf('!');
  if (bang < 0) return { address: text.trim() };
  return { sheet: unquoteSheetName(text.slice(0, bang)), address: text.slice(bang + 1).trim() };
}
