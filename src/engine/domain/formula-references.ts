/**
 * What a summary formula adds up, as written: the rows of its own column that it
 * references on its own sheet. Only summary candidates are inspected, so this stays
 * off the hot path.
 */
import { columnIndex } from '../address';

const REF_RE = /(\$?)([A-Za-z]{1,3})\$?(\d{1,7})(?::\$?([A-Za-z]{1,3})\$?(\d{1,7}))?/g;

function isNameChar(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95 || code === 46;
}

/**
 * Rows (0-based, sorted, unique) of column `col` that the formula references on its own
 * sheet, other than `row` itself. Ranges spanning other columns count only if they
 * include `col`. Capped: a reference to a whole column adds nothing useful.
 */
export function sameColumnRows(formula: string, col: number, row: number): number[] {
  const rows = new Set<number>();
  REF_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = REF_RE.exec(formula)) !== null) {
    const before = m.index > 0 ? formula.charCodeAt(m.index - 1) : 32;
    if (before === 33 /* ! */ || isNameChar(before) || before === 39 /* ' */) continue;
    const after = formula.charCodeAt(m.index + m[0].length);
    if (after === 40 /* ( */ || isNameChar(after)) continue;
    let c1: number;
    let c2: number;
    try {
      c1 = columnIndex(m[2]!);
      c2 = m[4] ? columnIndex(m[4]) : c1;
    } catch {
      continue;
    }
    if (col < Math.min(c1, c2) || col > Math.max(c1, c2)) continue;
    const r1 = Number(m[3]) - 1;
    const r2 = m[5] ? Number(m[5]) - 1 : r1;
    const lo = Math.min(r1, r2);
    const hi = Math.min(Math.max(r1, r2), lo + 100_000);
    for (let r = lo; r <= hi; r++) if (r !== row) rows.add(r);
  }
  return [...rows].sort((a, b) => a - b);
}

/** True when the formula adds up its own column (a SUM over a range, or two or more cells). */
export function isColumnSum(formula: string, col: number, row: number): boolean {
  return sameColumnRows(formula, col, row).length >= 2;
}

// After the references are taken out, an additive formula leaves only these: `=`, `+`, commas,
// brackets, spaces, and SUM / SUBTOTAL(9|109, …) around them.
const REFERENCE_TOKEN = /(?:'[^']*'|[A-Za-z0-9_.]+)?!?\$?[A-Za-z]{1,3}\$?\d{1,7}(?::\$?[A-Za-z]{1,3}\$?\d{1,7})?/g;
const ADDITIVE_REST = /^[=+,()\s]*$/;

/**
 * True when the formula only adds cells up: =SUM(B5:B9), =B5+B6+B9, =+B13+B15,
 * =SUBTOTAL(9,B5:B9). A formula that subtracts, multiplies or adds a constant
 * (=B17-B29, =94361-B26-B27, =0.15*B6) is a calculated line, not a total.
 */
export function isAdditive(formula: string): boolean {
  const rest = formula
    .replace(/\bSUBTOTAL\(\s*(?:9|109)\s*,/gi, '(')
    .replace(/\bSUM\(/gi, '(')
    .replace(REFERENCE_TOKEN, '');
  return ADDITIVE_REST.test(rest);
}

/** A rectangle a formula refers to on its own sheet, 0-based. */
export interface ReferencedRange {
  readonly startRow: number;
  readonly endRow: number;
  readonly startCol: number;
  readonly endCol: number;
}

// A reference, with an optional sheet before it (kept so that other sheets can be told apart).
const QUALIFIED_REF_RE = /((?:'(?:[^']|'')+'|[A-Za-z_][\w.]*)!)?\$?([A-Za-z]{1,3})\$?(\d{1,7})(?::\$?([A-Za-z]{1,3})\$?(\d{1,7}))?(?![\w(])/g;

/** The ranges on its own sheet that a formula reads (references to other sheets are left out). */
export function sameSheetRanges(formula: string): ReferencedRange[] {
  const out: ReferencedRange[] = [];
  for (const m of formula.matchAll(QUALIFIED_REF_RE)) {
    if (m[1] !== undefined) continue;
    const c1 = lettersToCol(m[2]!);
    const r1 = Number(m[3]) - 1;
    const c2 = m[4] !== undefined ? lettersToCol(m[4]) : c1;
    const r2 = m[5] !== undefined ? Number(m[5]) - 1 : r1;
    out.push({ startRow: Math.min(r1, r2), endRow: Math.max(r1, r2), startCol: Math.min(c1, c2), endCol: Math.max(c1, c2) });
  }
  return out;
}

function lettersToCol(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}
