/**
 * Reading and writing the additive formulas totals are made of: `=SUM(D5:D15)`,
 * `=SUM(D5:D15,D17)`, `=D16+D21+D33`, `=SUBTOTAL(9,D5:D15)`. Anything else (a minus,
 * a product, another function) is not a plain sum and is left to the value checks.
 * Rules write these as fixes and operations as the totals of the sheets they build: one
 * writer, so a fix and an operation never spell the same total two ways.
 */
import { columnLetters, parseRange, splitQualified } from '../address';

export interface SumReference {
  /** Sheet named in the reference, if any. */
  readonly sheet?: string;
  readonly startRow: number;
  readonly endRow: number;
  readonly startCol: number;
  readonly endCol: number;
}

const REF_RE = /(?:(?:'(?:[^']|'')+'|[A-Za-z_][\w.]*)!)?\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?/g;

/** The cells a plain-sum formula adds up, or undefined when the formula is not a plain sum. */
export function parseSumFormula(formula: string): SumReference[] | undefined {
  const body = formula.trim().replace(/^=/, '');
  if (body === '') return undefined;
  const refs: SumReference[] = [];
  const rest = body.replace(REF_RE, (text) => {
    const { sheet, address } = splitQualified(text);
    const range = parseRange(address);
    if (!range) return '\u0000';
    // The optional sheet is assigned rather than spread in: a grand total may name hundreds of cells.
    const ref: { -readonly [K in keyof SumReference]: SumReference[K] } = sheet !== undefined
      ? { sheet, startRow: range.start.row, endRow: range.end.row, startCol: range.start.col, endCol: range.end.col }
      : { startRow: range.start.row, endRow: range.end.row, startCol: range.start.col, endCol: range.end.col };
    refs.push(ref);
    return '';
  });
  if (refs.length === 0 || rest.includes('\u0000')) return undefined;
  // What is left must be only SUM( / SUBTOTAL(9, / SUBTOTAL(109, , + ( ) and spaces.
  const skeleton = rest.replace(/\s+/g, '').toUpperCase().replace(/SUBTOTAL\((?:9|109),/g, '(').replace(/SUM\(/g, '(');
  if (!/^[+(),]*$/.test(skeleton)) return undefined;
  return refs;
}

/** Rows referenced in one column of the formula's own sheet; other columns and sheets are returned apart. */
export function referencedRows(refs: readonly SumReference[], col: number, ownSheet: string): { rows: number[]; outside: SumReference[] } {
  const rows: number[] = [];
  const outside: SumReference[] = [];
  for (const ref of refs) {
    const sameSheet = ref.sheet === undefined || ref.sheet === ownSheet;
    if (!sameSheet || ref.startCol !== col || ref.endCol !== col) {
      outside.push(ref);
      continue;
    }
    for (let r = ref.startRow; r <= ref.endRow; r++) rows.push(r);
  }
  return { rows, outside };
}

/**
 * `=SUM(D5:D15,D17)` over the given rows of one column. Runs of consecutive rows become
 * ranges; `bridge(row)` says a gap row may be spanned (a blank row adds nothing).
 */
export function sumFormulaFor(col: number, rows: readonly number[], bridge: (row: number) => boolean = () => false): string {
  if (rows.length === 0) return '=0';
  const sorted = [...new Set(rows)].sort((a, b) => a - b);
  const runs: [number, number][] = [];
  for (const r of sorted) {
    const last = runs[runs.length - 1];
    if (last && canJoin(last[1], r, bridge)) last[1] = r;
    else runs.push([r, r]);
  }
  const letter = columnLetters(col);
  const parts = runs.map(([a, b]) => (a === b ? `${letter}${a + 1}` : `${letter}${a + 1}:${letter}${b + 1}`));
  return `=SUM(${parts.join(',')})`;
}

function canJoin(from: number, to: number, bridge: (row: number) => boolean): boolean {
  for (let r = from + 1; r < to; r++) if (!bridge(r)) return false;
  return true;
}

/** `=SUM(B5:D5)` across columns of one row (a row-total column). */
export function rowSumFormulaFor(row: number, cols: readonly number[]): string {
  const sorted = [...new Set(cols)].sort((a, b) => a - b);
  const contiguous = sorted.every((c, i) => i === 0 || c === sorted[i - 1]! + 1);
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  if (contiguous && first !== undefined && last !== undefined && first !== last) {
    return `=SUM(${columnLetters(first)}${row + 1}:${columnLetters(last)}${row + 1})`;
  }
  return `=SUM(${sorted.map((c) => `${columnLetters(c)}${row + 1}`).join(',')})`;
}

/** Splits sorted row numbers into runs of consecutive rows. */
export function contiguousRuns(rows: readonly number[]): [number, number][] {
  const sorted = [...new Set(rows)].sort((a, b) => a - b);
  const runs: [number, number][] = [];
  for (const r of sorted) {
    const last = runs[runs.length - 1];
    if (last && last[1] === r - 1) last[1] = r;
    else runs.push([r, r]);
  }
  return runs;
}

/**
 * The rows a plain `=SUM(...)` of one column adds up (`=SUM(K5:K15)`, `=SUM(K16,K21)`,
 * `=SUM(K35:K35)`), or undefined for any other formula. Lets an operation leave an
 * equivalent SUM alone instead of rewriting it.
 */
export function rowsSummed(formula: string | undefined, col: number): Set<number> | undefined {
  const m = formula && /^=\s*SUM\(([^()]*)\)\s*$/i.exec(formula);
  if (!m) return undefined;
  const letter = columnLetters(col);
  const rows = new Set<number>();
  for (const part of m[1]!.split(',')) {
    const r = new RegExp(`^\\$?${letter}\\$?(\\d+)(?::\\$?${letter}\\$?(\\d+))?$`, 'i').exec(part.trim());
    if (!r) return undefined;
    const a = Number(r[1]) - 1;
    const b = r[2] ? Number(r[2]) - 1 : a;
    for (let x = Math.min(a, b); x <= Math.max(a, b); x++) rows.add(x);
  }
  return rows;
}
