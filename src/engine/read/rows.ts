/**
 * First look at each body row: its label, indent, whether it holds figures, and what
 * its words (or its formulas) say it is. Coverage (coverage.ts) settles the final kinds.
 */
import type { Cell } from '../grid';
import { FIGURE_ROLES, type ColumnRole, type TableColumn } from '../model';
import { CellKind, type SheetScan } from './cells';
import { isAdditive, isColumnSum, sameColumnRows } from '../domain/formula-references';
import { normaliseText } from '../domain/labels';
import { indentOf } from './text';

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
  /** The label is bold: a hint that the row heads or totals others. */
  readonly bold: boolean;
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
// "Remaining gap", "Residual gap", "Unmitigated overspend": what is left once the mitigations are counted.
const BALANCE_RE =
  /^(still|remaining|balance) (to be|left to be) (mitigated|found|identified)|^(still|remaining|left) to (find|mitigate)|^(net )?(gap|shortfall) remaining|\b(still|remaining) to be mitigated\b|\bleft to mitigate\b|^(residual|remaining) (gap|shortfall|overspend)\b|^unmitigated (gap|overspend|pressure|balance)|^(net |remaining |residual )?(gap|overspend|shortfall|position) after (mitigations?|mitigating actions|actions)$/;
const OPENING_RE = /^(amount |overspend )?to be mitigated\b|^(overspend|pressure|gap) to (be )?mitigate/;
const STATED_RE = /total of (?:lines?|rows?)\s+(\d+)\s*(?:to|-|–)\s*(\d+)/;
// Footnotes, sources, and captions printed under a table ("Table 3: …", "Figure 1 - …").
const NOTE_RE = /^(source|note|notes|nb|n\.b\.)\b|^\*|^(table|figure|chart|graph)\s+\d+[a-z]?\s*[:.\-–]/;
const LONG_TEXT = 80;

/** A tracker's balance row ("Still to be Mitigated", "Remaining gap"): opening + the total of the actions. */
export function labelSaysBalance(label: string): boolean {
  return BALANCE_RE.test(normaliseText(label));
}

/** A tracker's opening row ("To be Mitigated", "Overspend to mitigate"): the amount the actions close. */
export function labelSaysOpening(label: string): boolean {
  return OPENING_RE.test(normaliseText(label));
}

/** The label itself calls the row a total or sub total (rather than only its formula adding rows up). */
export function labelSaysTotal(key: string): boolean {
  return SUBTOTAL_RE.test(key) || TOTAL_RE.test(key);
}

export interface RowContext {
  readonly scan: SheetScan;
  readonly columns: readonly TableColumn[];
  readonly firstCol: number;
  readonly lastCol: number;
  readonly labelCol: number | undefined;
  /** Columns whose cells hold money figures, by sheet column. */
  readonly figureCols: readonly TableColumn[];
  /** Columns a label may sit in when the label column is empty, left to right. */
  readonly labelFallbacks: readonly TableColumn[];
  /** Comment columns: text there means the row is an item, even before it has figures. */
  readonly commentCols: readonly number[];
}

export function rowContext(scan: SheetScan, columns: readonly TableColumn[], firstCol: number, lastCol: number): RowContext {
  return {
    scan,
    columns,
    firstCol,
    lastCol,
    labelCol: columns.find((c) => c.role === 'label')?.col,
    figureCols: columns.filter((c) => FIGURE_ROLES.has(c.role)),
    labelFallbacks: columns.filter((c) => !NON_LABEL_ROLES.has(c.role)),
    commentCols: columns.filter((c) => c.role === 'comments').map((c) => c.col),
  };
}

const { Empty: EMPTY, Text: TEXT, DigitText: DIGIT_TEXT, Boolean: BOOLEAN, Date: DATE } = CellKind;

interface FoundLabel {
  readonly raw: string;
  readonly indent: number;
  readonly bold: boolean;
}

/** The label in one cell of a row: non-blank text. (A module function: no closure per row.) */
function labelAt(row: ReadonlyArray<Cell | undefined>, c: number): FoundLabel | undefined {
  const cell = row[c];
  if (!cell || typeof cell.value !== 'string' || cell.value.trim() === '') return undefined;
  return { raw: cell.value, indent: indentOf(cell.value, cell.indent), bold: cell.bold === true };
}

function labelOf(ctx: RowContext, r: number): FoundLabel | undefined {
  const row = ctx.scan.sheet.rows[r];
  if (!row) return undefined;
  if (ctx.labelCol !== undefined) {
    const own = labelAt(row, ctx.labelCol);
    if (own) return own;
  }
  // A label elsewhere: a total written in a category column, a heading in a reference column.
  const base = r * ctx.scan.width;
  for (const column of ctx.labelFallbacks) {
    const k = ctx.scan.kinds[base + column.col];
    if (k !== TEXT && k !== DIGIT_TEXT) continue;
    if (k === DIGIT_TEXT && FIGURE_ROLES.has(column.role)) continue;
    const found = labelAt(row, column.col);
    if (found) return found;
  }
  return undefined;
}

/** What the row's formulas do with other rows of their column: add them up, or calculate from them (=B17-B12). */
function summingFormula(ctx: RowContext, r: number): { rows: number[]; direction: 'above' | 'below' | 'calculated' } | undefined {
  const row = ctx.scan.sheet.rows[r];
  if (!row) return undefined;
  let inspected = 0;
  for (const column of ctx.figureCols) {
    const formula = row[column.col]?.formula;
    if (formula === undefined) continue;
    // A formula that never names its own column cannot add it up (=B5+C5 in D); one that
    // subtracts or scales (=B17-B29) is a calculated line, whatever rows it names.
    if (formula.includes(column.letter) && isColumnSum(formula, column.col, r)) {
      const rows = sameColumnRows(formula, column.col, r);
      // A SUM with something more (=SUM(B5:B9)+10) is still a total, for its label to name and the rules to check.
      if (!isAdditive(formula)) return /\bSUM\(/i.test(formula) ? undefined : { rows: [], direction: 'calculated' };
      const direction = rows.every((x) => x > r) ? 'below' : 'above';
      return { rows, direction };
    }
    if (++inspected >= 2) break;
  }
  return undefined;
}

function hintOf(
  key: string,
  hasFigures: boolean,
  sums: 'above' | 'below' | 'calculated' | undefined,
  stated: boolean,
  otherText: boolean,
  commented: boolean,
  labelled: boolean,
): RowHint {
  if (key === '') return hasFigures ? 'line' : otherText ? 'note' : 'blank';
  if (NOTE_RE.test(key) && !hasFigures) return 'note';
  if (BALANCE_RE.test(key)) return 'balance';
  if (OPENING_RE.test(key)) return 'opening';
  // "Total Remaining" =C17-C12 calculates from other rows: a calculated line, whatever its label says.
  if (sums === 'calculated' && !stated) return 'line';
  if (SUBTOTAL_RE.test(key)) return 'subtotal';
  // Words with no figures beside them ("Net total cost" over a column) head or caption; they total nothing.
  if (stated || TOTAL_RE.test(key)) return !hasFigures && (key.length > LONG_TEXT || !labelled) ? 'note' : 'total';
  // A labelled row with a comment but no figures yet is a line awaiting its amounts (a new
  // action in a tracker), not a heading: headings carry nothing but their name.
  if (!hasFigures) return commented ? 'line' : key.length > LONG_TEXT ? 'note' : 'section';
  if (sums === 'above') return 'total';
  return 'line';
}

export function rowFacts(ctx: RowContext, r: number): RowFacts {
  const stats = ctx.scan.stats[r];
  if (!stats || stats.last < ctx.firstCol || stats.first > ctx.lastCol) return { row: r, hint: 'blank', label: '', key: '', indent: 0, bold: false, hasFigures: false };
  let hasFigures = false;
  const base = r * ctx.scan.width;
  for (const column of ctx.figureCols) {
    const k = ctx.scan.kinds[base + column.col]!;
    if (k !== EMPTY && k !== TEXT && k !== BOOLEAN && k !== DATE) {
      hasFigures = true;
      break;
    }
  }
  let otherText = false;
  if (!hasFigures) {
    for (let c = ctx.firstCol; c <= ctx.lastCol && c < ctx.scan.width; c++) if (ctx.scan.kinds[base + c] !== EMPTY) otherText = true;
  }
  const found = labelOf(ctx, r);
  const label = found ? found.raw.trim() : '';
  const key = normaliseText(label);
  const m = key.includes('line') || key.includes('row') ? STATED_RE.exec(key) : null;
  const statedRange = m ? ([Number(m[1]), Number(m[2])] as const) : undefined;
  const sums = stats.formulas > 0 ? summingFormula(ctx, r) : undefined;
  const commented = !hasFigures && ctx.commentCols.some((c) => c !== ctx.labelCol && ctx.scan.kinds[base + c] !== EMPTY);
  const labelled = ctx.labelCol === undefined || labelAt(ctx.scan.sheet.rows[r] ?? [], ctx.labelCol) !== undefined;
  const hint = hintOf(key, hasFigures, sums?.direction, statedRange !== undefined, otherText, commented, labelled);
  // Optional fields assigned rather than spread in (one object per row; same fields, same order).
  const facts: { -readonly [K in keyof RowFacts]: RowFacts[K] } = { row: r, hint, label, key, indent: found?.indent ?? 0, bold: found?.bold ?? false, hasFigures };
  if (sums && sums.direction !== 'calculated') {
    facts.sumsRows = sums.direction;
    facts.formulaRows = sums.rows;
  }
  if (statedRange) facts.statedRange = statedRange;
  return facts;
}
