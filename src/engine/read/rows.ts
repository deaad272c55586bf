/**
 * First look at each body row: its label, indent, whether it holds figures, and what
 * its words (or its formulas) say it is. Coverage (coverage.ts) settles the final kinds.
 */
import { FIGURE_ROLES, type ColumnRole, type TableColumn } from '../model';
import { CellKind, type SheetScan, kindAt } from './cells';
import { isColumnSum, sameColumnRows } from './formulas';
import { indentOf, normaliseText } from './text';

export type RowHint =
  | 'blank'
  | 'note'
  | 'section'
  | 'line'
  /** Words say sub total ("sub total", "Subtotal"). */
  | 'subtotal'
  /** Words say total ("Total", "… Total", "TOTALS", "Base budget c/f"). */
  | 'total'
  /** A balance after the totals ("Still to be Mitigated"): adds up everything above it. */
  | 'balance'
  /** The amount a tracker starts from ("To be Mitigated"): a figure, not an item to add. */
  | 'opening';

export interface RowFacts {
  readonly row: number;
  readonly hint: RowHint;
  readonly label: string;
  /** Normalised label. */
  readonly key: string;
  readonly indent: number;
  readonly hasFigures: boolean;
  /** A figure formula adds up other rows of its column: above or below this row. */
  readonly sumsRows?: 'above' | 'below';
  /** Rows the first summing formula references, as written. */
  readonly formulaRows?: readonly number[];
  /** "(total of lines 190 to 698)" */
  readonly statedRange?: readonly [number, number];
}

const NON_LABEL_ROLES: ReadonlySet<ColumnRole> = new Set(['comments', 'rating', 'rag', 'varianceLabel']);

const SUBTOTAL_RE = /^sub[- ]?totals?\b|\bsub[- ]?totals?$/;
const TOTAL_RE = /\btotals?\b|\bc\/f\b|carried forward|^closing (balance|budget)/;
const BALANCE_RE = /^(still|remaining|balance) (to be|left to be) (mitigated|found|identified)|^(still|remaining) to (find|mitigate)|^(net )?(gap|shortfall) remaining/;
const OPENING_RE = /^(amount |overspend )?to be mitigated\b|^(overspend|pressure) to (be )?mitigate/;
const STATED_RE = /total of (?:lines?|rows?)\s+(\d+)\s*(?:to|-|–)\s*(\d+)/;
const NOTE_RE = /^(source|note|notes|nb|n\.b\.)\b|^\*/;
const LONG_TEXT = 80;

export interface RowContext {
  readonly scan: SheetScan;
  readonly columns: readonly TableColumn[];
  readonly firstCol: number;
  readonly lastCol: number;
}

function labelOf(ctx: RowContext, r: number): { raw: string; indent: number } | undefined {
  const row = ctx.scan.sheet.rows[r];
  if (!row) return undefined;
  const labelColumn = ctx.columns.find((c) => c.role === 'label');
  const at = (c: number): { raw: string; indent: number } | undefined => {
    const cell = row[c];
    if (!cell || typeof cell.value !== 'string' || cell.value.trim() === '') return undefined;
    return { raw: cell.value, indent: indentOf(cell.value, cell.indent) };
  };
  if (labelColumn) {
    const own = at(labelColumn.col);
    if (own) return own;
  }
  // A label elsewhere: a total written in a category column, a heading in a reference column.
  for (const column of ctx.columns) {
    if (NON_LABEL_ROLES.has(column.role)) continue;
    const k = kindAt(ctx.scan, r, column.col);
    if (k !== CellKind.Text && k !== CellKind.DigitText) continue;
    if (FIGURE_ROLES.has(column.role) && k === CellKind.DigitText) continue;
    const found = at(column.col);
    if (found) return found;
  }
  return undefined;
}

function isFigureCell(kind: number): boolean {
  return kind !== CellKind.Empty && kind !== CellKind.Text && kind !== CellKind.Boolean;
}

function summingFormula(ctx: RowContext, r: number): { rows: number[]; direction: 'above' | 'below' } | undefined {
  const row = ctx.scan.sheet.rows[r];
  if (!row) return undefined;
  let inspected = 0;
  for (const column of ctx.columns) {
    if (!FIGURE_ROLES.has(column.role)) continue;
    const formula = row[column.col]?.formula;
    if (formula === undefined) continue;
    if (isColumnSum(formula, column.col, r)) {
      const rows = sameColumnRows(formula, column.col, r);
      const direction = rows.every((x) => x > r) ? 'below' : 'above';
      return { rows, direction };
    }
    if (++inspected >= 2) break;
  }
  return undefined;
}

function hintOf(key: string, hasFigures: boolean, sums: 'above' | 'below' | undefined, stated: boolean, otherText: boolean): RowHint {
  if (key === '') return hasFigures ? 'line' : otherText ? 'note' : 'blank';
  if (NOTE_RE.test(key) && !hasFigures) return 'note';
  if (BALANCE_RE.test(key)) return 'balance';
  if (OPENING_RE.test(key)) return 'opening';
  if (SUBTOTAL_RE.test(key)) return 'subtotal';
  if (stated || TOTAL_RE.test(key)) return key.length > LONG_TEXT && !hasFigures ? 'note' : 'total';
  if (!hasFigures) return key.length > LONG_TEXT ? 'note' : 'section';
  if (sums === 'above') return 'total';
  return 'line';
}

export function rowFacts(ctx: RowContext, r: number): RowFacts {
  const stats = ctx.scan.stats[r];
  if (!stats || stats.last < ctx.firstCol || stats.first > ctx.lastCol) return { row: r, hint: 'blank', label: '', key: '', indent: 0, hasFigures: false };
  let hasFigures = false;
  let otherText = false;
  for (const column of ctx.columns) {
    const k = kindAt(ctx.scan, r, column.col);
    if (k === CellKind.Empty) continue;
    if (FIGURE_ROLES.has(column.role) && isFigureCell(k)) hasFigures = true;
    else otherText = true;
  }
  const found = labelOf(ctx, r);
  const label = found ? found.raw.trim() : '';
  const key = normaliseText(label);
  const m = key.includes('line') || key.includes('row') ? STATED_RE.exec(key) : null;
  const statedRange = m ? ([Number(m[1]), Number(m[2])] as const) : undefined;
  const sums = stats.formulas > 0 ? summingFormula(ctx, r) : undefined;
  const hint = hintOf(key, hasFigures, sums?.direction, statedRange !== undefined, otherText);
  return {
    row: r,
    hint,
    label,
    key,
    indent: found?.indent ?? 0,
    hasFigures,
    ...(sums ? { sumsRows: sums.direction, formulaRows: sums.rows } : {}),
    ...(statedRange ? { statedRange } : {}),
  };
}
