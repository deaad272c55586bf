/**
 * error-value over whole sheets: an error value is a fault wherever it sits, so every sheet
 * is scanned, whether or not a table was read there (a data or model sheet holds no
 * monitoring table, yet its #REF! feeds one). Cells the table rule already reported are not
 * reported again; their messages gain the count of copies of the same formula, so one
 * copied lookup showing #N/A down a column reads as one thing to mend. A formula whose own
 * text holds #REF! while its value is no error hides the broken reference (IFERROR(…,"N/A")):
 * a warning at that cell.
 */
import { columnLetters, rangeToA1, toA1 } from '../address';
import type { Finding } from '../findings';
import type { CellValue, Sheet, Workbook } from '../grid';
import { fillTemplate } from './utils/message';
import { ERROR_CAUSES, errorValueRule } from './error-value';
import type { Rule } from './types';
import { figureOfValue } from '../numbers';

const meta = errorValueRule.meta;

/** Cells sharing one copied formula: its copies shift their references, the pattern does not. */
interface Group {
  count: number;
  top: number;
  left: number;
  bottom: number;
  right: number;
  error: string | undefined;
}

/**
 * Adds error-value findings for every sheet of the workbook (when error-value is among the
 * rules run): errors outside tables, counts of copied formulas, hidden broken references.
 */
export function reportSheetErrors(workbook: Workbook, rules: readonly Rule[], findings: Finding[]): void {
  if (!rules.includes(errorValueRule)) return;
  // Cells the table rule reported, by sheet and cell, to their place in `findings`.
  const reported = new Map<string, number>();
  findings.forEach((f, i) => {
    if (f.rule === meta.id && f.severity === meta.severity) reported.set(`${f.sheet}\u0000${f.cell}`, i);
  });
  for (const sheet of workbook.sheets) {
    try {
      reportSheet(sheet, reported, findings);
    } catch {
      // A malformed grid (a host handing over a non-array row) is the reader's to report; never an exception here.
    }
  }
}

function reportSheet(sheet: Sheet, reported: ReadonlyMap<string, number>, findings: Finding[]): void {
  const groups = new Map<string, Group>();
  const entries: Entry[] = [];
  sheet.rows.forEach((cells, row) => {
    cells?.forEach((cell, col) => {
      if (!cell) return;
      const { value, formula } = cell;
      const f = mayBeError(value) ? figureOfValue(value) : undefined;
      if (f?.kind === 'error') entries.push(entryOf(groups, row, col, f.error, formula, value));
      else if (formula !== undefined && hasBrokenReference(formula)) entries.push(entryOf(groups, row, col, undefined, formula, value));
    });
  });
  for (const e of entries) {
    const cell = toA1(e.row, e.col);
    const group = e.pattern !== undefined ? groups.get(e.pattern) : undefined;
    const copies = group && group.count > 1 ? copiesText(group) : '';
    if (e.error === undefined) {
      findings.push(hidden(sheet.name, cell, e.formula!, e.value, copies));
      continue;
    }
    const at = reported.get(`${sheet.name}\u0000${cell}`);
    if (at !== undefined) {
      if (copies !== '') findings[at] = { ...findings[at]!, message: findings[at]!.message + copies };
      continue;
    }
    const causeId = ERROR_CAUSES[e.error];
    const messageId = e.formula !== undefined ? 'errorFormula' : 'error';
    const message = fillTemplate(meta.messages[messageId]!, {
      cell,
      actual: e.error,
      formula: e.formula ?? '',
      cause: causeId ? meta.messages[causeId]! : '',
    });
    findings.push({ rule: meta.id, messageId, severity: meta.severity, sheet: sheet.name, cell, message: message + copies, expected: null, actual: e.error, shown: { expected: '', actual: e.error } });
  }
}

interface Entry {
  readonly row: number;
  readonly col: number;
  /** The error shown; undefined for a formula hiding a broken reference. */
  readonly error: string | undefined;
  readonly formula: string | undefined;
  readonly value: CellValue;
  readonly pattern: string | undefined;
}

/** One faulty cell, counted in the group of its formula's copies. */
function entryOf(groups: Map<string, Group>, row: number, col: number, error: string | undefined, formula: string | undefined, value: CellValue): Entry {
  const pattern = formula === undefined ? undefined : `${error ?? ''}\u0000${patternOf(formula, row, col)}`;
  if (pattern !== undefined) {
    const g = groups.get(pattern);
    if (g) {
      g.count++;
      g.top = Math.min(g.top, row);
      g.bottom = Math.max(g.bottom, row);
      g.left = Math.min(g.left, col);
      g.right = Math.max(g.right, col);
    } else {
      groups.set(pattern, { count: 1, top: row, bottom: row, left: col, right: col, error });
    }
  }
  return { row, col, error, formula, value, pattern };
}

function copiesText(g: Group): string {
  const range = rangeToA1({ start: { row: g.top, col: g.left }, end: { row: g.bottom, col: g.right } });
  return fillTemplate(meta.messages[g.error === undefined ? 'copiesHidden' : 'copies']!, { actual: g.error ?? '', count: g.count, range });
}

/** An error value, or text that may be one ("#N/A" typed in): anything else is not. */
function mayBeError(value: CellValue): boolean {
  return (value !== null && typeof value === 'object') || (typeof value === 'string' && /^\s*#/.test(value));
}

/** The formula names a deleted cell: `#REF!` in its own text. */
function hasBrokenReference(formula: string): boolean {
  return formula.includes('#') && /#ref!/i.test(formula);
}

function hidden(sheet: string, cell: string, formula: string, value: CellValue, copies: string): Finding {
  const shown = typeof value === 'string' ? value : value === null || typeof value === 'object' ? '' : String(value);
  const messageId = /\b(IFERROR|IFNA|ISERROR|ISERR)\s*\(/i.test(formula) ? 'hiddenIfError' : 'hiddenValue';
  const data = { cell, formula, shown: shown === '' ? 'a blank' : `"${shown}"`, value: shown === '' ? 'a blank' : shown };
  return { rule: meta.id, messageId, severity: 'warning', sheet, cell, message: fillTemplate(meta.messages[messageId]!, data) + copies, expected: null, actual: '#REF!', shown: { expected: '', actual: '#REF!' } };
}

// A cell reference, optionally sheet-qualified (the sheet part is kept as written), not a function name.
const REF = /(\$?)([A-Z]{1,3})(\$?)(\d{1,7})(?![\d(A-Za-z_])/g;

/** The formula with each relative reference written as an offset from its cell: copies share it. */
export function patternOf(formula: string, row: number, col: number): string {
  return formula.replace(REF, (whole: string, colAbs: string, letters: string, rowAbs: string, digits: string, offset: number) => {
    const before = offset > 0 ? formula.charAt(offset - 1) : '';
    if (/[A-Za-z0-9_.]/.test(before)) return whole; // inside a name
    let c: number;
    try {
      c = columnIndexOf(letters);
    } catch {
      return whole;
    }
    const r = Number(digits) - 1;
    const colPart = colAbs ? `C${c}` : `C[${c - col}]`;
    const rowPart = rowAbs ? `R${r}` : `R[${r - row}]`;
    return rowPart + colPart;
  });
}

function columnIndexOf(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  if (columnLetters(n - 1) !== letters) throw new RangeError(letters);
  return n - 1;
}
