/**
 * total-sum: every sub total and total equals the sum of the rows it covers, in every
 * money column; a row-total column equals the sum of its year columns.
 */
import { columnIndex, toA1 } from '../address';
import { FIGURE_ROLES, type TableColumn, type TableRow, columnsByRole } from '../model';
import type { Confirmation, Finding } from '../findings';
import type { EditPlan } from '../plan';
import { type RuleContext, clean } from './context';
import { compareFigures } from './utils/compare';
import { coveredSum } from './utils/column-sum';
import { inferredRowTotals } from './inferred-row-totals';
import { type SumCheck, SumChecks, cellRuns, evidenceOf } from './utils/evidence';
import { isAdditive, sameColumnRows, sameSheetRanges } from '../domain/formula-references';
import { namesSection } from '../domain/labels';
import { labelSaysTotal } from '../read/rows';
import { toleranceFor } from '../units';
import { rowNoun, summedColumns } from './utils/figures';
import { parseSumFormula, sumFormulaFor } from '../domain/sum-formulas';
import { bridgeable } from './total-formula';
import type { Rule } from './types';

export const totalSumRule: Rule = {
  meta: {
    id: 'total-sum',
    title: 'Totals that do not add up',
    why: 'A total that does not equal its lines misstates the position reported.',
    many: '{count} totals do not equal their lines',
    severity: 'error',
    description: 'Each sub total and total equals the sum of what it covers; a row total equals the sum of its years.',
    fixable: true,
    messages: {
      column: '{noun} {cell} is {actual} but its lines add up to {expected}{inUnit}',
      columnUncounted: '{noun} {cell} is {actual} but its lines add up to {expected}{inUnit}, not counting {uncounted}, which is not a number',
      columnUncountedMany: '{noun} {cell} is {actual} but its lines add up to {expected}{inUnit}, not counting {uncounted}, which are not numbers',
      columnRounding: '{noun} {cell} is {actual} and its lines add up to {expected}{inUnit}: a rounding difference, not an error',
      shownRounding: '{noun} {cell} shows {actual} but its lines as shown add up to {expected}{inUnit}: a rounding difference, not an error',
      rowTotal: 'Row total {cell} is {actual} but the columns it adds ({covers}) come to {expected}{inUnit}',
      unconfirmed: '{noun} {cell} is {actual}; the rows it seems to cover ({covers}) add up to {expected}{inUnit}, but nothing else in the table confirms that it adds them, so this is not counted as an error',
      rowTotalUnconfirmed: 'Row total {cell} is {actual}; the columns it seems to add ({covers}) come to {expected}{inUnit}, but nothing else in the table confirms that it adds them, so this is not counted as an error',
      rowTotalInferred: '{cell} is {actual} but {covers} come to {expected}{inUnit}; on {hits} of {rows} rows this "Total" column equals them',
      rowTotalRounding: 'Row total {cell} is {actual} and the columns it adds ({covers}) come to {expected}{inUnit}: a rounding difference, not an error',
      fixTitle: 'Make {cell} add up its lines',
      fixDescription: 'Replace the typed {actual} in {cell} with {formula}',
    },
  },
  check(context) {
    return [...checkColumnTotals(context), ...checkRowTotals(context), ...inferredRowTotals(context, totalSumRule.meta)];
  },
};

/** One total's figure in one column, set against what its lines add up to. */
interface ColumnTotalCheck extends SumCheck {
  readonly total: TableRow;
  readonly covers: readonly number[];
  readonly stated: number;
  readonly sum: number;
  readonly shownSum: number;
  readonly scale: number;
  /** TBC and damaged text add nothing (as in Excel's SUM); the message names them. */
  readonly uncounted: readonly string[];
  /** A line stored as text counts here but not in Excel's SUM: its own fix must come first. */
  readonly textLine: boolean;
}

function checkColumnTotals(ctx: RuleContext): Finding[] {
  const checks = new SumChecks<ColumnTotalCheck>();
  const all: ColumnTotalCheck[] = [];
  const columns = summedColumns(ctx.table);
  for (const total of ctx.table.rows) {
    const covers = ctx.covered(total);
    if (covers.length === 0) continue;
    for (const column of columns) {
      const check = columnTotalCheck(ctx, total, column.col, covers);
      if (!check) continue;
      checks.add(check);
      all.push(check);
    }
  }
  const out: Finding[] = [];
  for (const check of all) {
    const finding = columnTotalFinding(ctx, check, checks);
    if (finding) out.push(finding);
  }
  return out;
}

function columnTotalCheck(ctx: RuleContext, total: TableRow, col: number, covers: readonly number[]): ColumnTotalCheck | undefined {
  const stated = ctx.figure(total.row, col);
  if (stated.kind !== 'number' && stated.kind !== 'nil') return undefined; // blanks, text and errors: other rules
  const statedValue = stated.kind === 'number' ? stated.value : 0;
  const scale = 10 ** ctx.decimals(total.row, col); // lines are shown like their total
  // A typed total was worked out from unrounded figures and published rounded, and so were
  // its lines: each line's own rounding widens what is only a rounding difference. A SUM
  // formula adds the stored figures exactly, so it gets no such allowance.
  const typed = ctx.cell(total.row, col).formula === undefined;
  const covered = coveredSum(ctx, covers, col, scale);
  if (!covered) return undefined; // the error is the finding
  const { sum, shownSum, anyFigure, textLine, uncounted } = covered;
  const substantive = statedValue !== 0 || covered.substantive;
  if (!anyFigure && stated.kind === 'nil') return undefined;
  const tolerance = typed ? publishedRounding(ctx, [total.row, ...covers].map((row) => ({ row, col }))) : ctx.tolerance(total.row, col);
  const verdict = compareFigures(statedValue, sum, tolerance);
  // Asked only of a total that disagrees: most agree, and the formula need not be read.
  if (verdict !== 'match' && checksOtherColumns(ctx.cell(total.row, col).formula, col, covers)) return undefined;
  return { row: total.row, col, verdict, substantive, level: total.kind, total, covers, stated: statedValue, sum, shownSum, scale, uncounted, textLine };
}

function columnTotalFinding(ctx: RuleContext, check: ColumnTotalCheck, checks: SumChecks<ColumnTotalCheck>): Finding | undefined {
  const meta = totalSumRule.meta;
  const { total, col, verdict, stated, sum, shownSum, scale, uncounted } = check;
  if (verdict === 'match' && Math.round(stated * scale) === Math.round(shownSum * scale)) return undefined; // the usual case: nothing to format
  const data = { noun: rowNoun(total), actual: ctx.show(stated, total.row, col), expected: ctx.show(sum, total.row, col) };
  if (verdict === 'mismatch') {
    const cell = toA1(total.row, col);
    const evidence = evidenceOf(cell, cellRuns(check.covers.map((row) => ({ row, col }))), confirmations(ctx, check, checks));
    if (evidence.confirmedBy.length === 0) {
      return { ...ctx.report(meta, { messageId: 'unconfirmed', data: { ...data, covers: evidence.covers }, row: total.row, col, severity: 'info', expected: clean(sum), actual: clean(stated) }), evidence };
    }
    const messageId = uncounted.length > 1 ? 'columnUncountedMany' : uncounted.length ? 'columnUncounted' : 'column';
    const fix = check.textLine ? undefined : typedTotalFix(ctx, total.row, col, check.covers, data.actual);
    return { ...ctx.report(meta, { messageId, data: { ...data, uncounted: uncounted.join(', ') }, row: total.row, col, expected: clean(sum), actual: clean(stated), ...(fix ? { fix } : {}) }), evidence };
  }
  if (uncounted.length) return undefined; // TBC lines that have not moved the total yet: nothing to say
  if (verdict === 'rounding') {
    return ctx.report(meta, { messageId: 'columnRounding', data, row: total.row, col, severity: 'info', expected: clean(sum), actual: clean(stated) });
  }
  if (Math.round(stated * scale) === Math.round(shownSum * scale)) return undefined;
  // Stored figures agree but the figures as printed do not: worth a note for the reader of the paper.
  return ctx.report(meta, {
    messageId: 'shownRounding',
    data: { ...data, expected: ctx.show(shownSum, total.row, col) },
    row: total.row,
    col,
    severity: 'info',
    expected: clean(shownSum),
    actual: clean(stated),
  });
}

/**
 * What rounding alone can explain between a typed total and its lines: half a unit of the
 * last decimal of each, as published. A formatted cell is published to its format's
 * decimals; General cells to the most decimals any of these figures is written with (a
 * stored 1 beside 0.38 was typed 1.00).
 */
function publishedRounding(ctx: RuleContext, cells: readonly { row: number; col: number }[]): number {
  const general = (row: number, col: number): boolean => {
    const format = ctx.cell(row, col).format;
    return format === undefined || /^general$/i.test(format.trim());
  };
  let written = 0;
  for (const { row, col } of cells) {
    if (!general(row, col)) continue;
    const m = /\.(\d+)/.exec(String(ctx.number(row, col) ?? 0));
    if (m) written = Math.max(written, Math.min(m[1]!.length, 9));
  }
  let tolerance = 0;
  for (const { row, col } of cells) tolerance += general(row, col) ? toleranceFor(written) : ctx.tolerance(row, col);
  return tolerance;
}

/** What, besides its own figure, says the total covers these rows. */
function confirmations(ctx: RuleContext, check: ColumnTotalCheck, checks: SumChecks<ColumnTotalCheck>): Confirmation[] {
  const out: Confirmation[] = [];
  const { total, col } = check;
  const formula = ctx.cell(total.row, col).formula;
  // 'widened': another column's formula named this coverage; this cell's own may not.
  if (total.coverBasis === 'formula' || total.coverBasis === 'widened' || (formula !== undefined && namesExactly(formula, col, total.row, check.covers))) out.push({ kind: 'formula' });
  if (total.coverBasis === 'statedRange') out.push({ kind: 'statedRange' });
  if (total.coverBasis === 'section' && total.section !== undefined && namesSection(total.label, ctx.rowAt(total.section)?.label ?? '')) out.push({ kind: 'sectionName' });
  if (isOnlyTotal(ctx, total)) out.push({ kind: 'onlyTotal' });
  // A total left at nil or zero over lines of substance is as often a column not totalled on
  // that row ("-" in a data extract) as a total forgotten: only its label, formula or stated
  // range can say it should add them, not its neighbours' arithmetic.
  const leftEmpty = check.stated === 0 && !labelSaysTotal(total.label.toLowerCase());
  // One covered line "adds up" wherever a row repeats the one above it: it confirms nothing,
  // unless a section heading opens the group that the total closes.
  if (leftEmpty || (check.covers.length < 2 && total.section === undefined)) return out;
  const across = checks.otherColumns(check);
  if (across) out.push(across);
  const down = checks.siblings(check);
  if (down) out.push(down);
  return out;
}

/**
 * The table's one summary row, labelled a total, below every line it covers and covering
 * every line of the table: "Total" at the foot of a list states its range as plainly as
 * "total of lines 1 to 9" does.
 */
function isOnlyTotal(ctx: RuleContext, total: TableRow): boolean {
  const label = total.label.toLowerCase();
  if (!labelSaysTotal(label)) return false;
  // Under headings, a bare "Total" adds every list; "Total Fixed Assets" may close only the last.
  const bare = BARE_TOTAL.test(label);
  let lines = 0;
  for (const r of ctx.table.rows) {
    if ((r.kind === 'section' && !bare) || (r !== total && (r.kind === 'subtotal' || r.kind === 'total'))) return false;
    if (r.kind === 'line') {
      if (r.row > total.row) return false;
      lines++;
    }
  }
  const covered = ctx.covered(total);
  return lines > 0 && covered.length === lines;
}

const BARE_TOTAL = /^\W*(grand\s+)?totals?\W*$/;

/** An additive formula whose references in its own column are exactly these rows. */
function namesExactly(formula: string, col: number, row: number, rows: readonly number[]): boolean {
  if (!isAdditive(formula)) return false;
  const named = new Set(sameColumnRows(formula, col, row));
  return named.size === rows.length && rows.every((r) => named.has(r));
}

/**
 * A total typed over its formula: the SUM of what it covers, as total-formula offers. A
 * formula total that adds up wrongly is sum-range's to fix, with the range it names.
 */
function typedTotalFix(ctx: RuleContext, row: number, col: number, covers: readonly number[], shown: string): EditPlan | undefined {
  if (ctx.cell(row, col).formula !== undefined || ctx.figure(row, col).kind !== 'number') return undefined;
  // A line whose own formula reads the total would make the SUM circular: Excel could not
  // work it out, so the fix would not clear the finding. The finding stands without one.
  const readsTotal = covers.some((r) => {
    const formula = ctx.cell(r, col).formula;
    return formula !== undefined && sameSheetRanges(formula).some((g) => g.startRow <= row && row <= g.endRow && g.startCol <= col && col <= g.endCol);
  });
  if (readsTotal) return undefined;
  const meta = totalSumRule.meta;
  const cell = toA1(row, col);
  const formula = sumFormulaFor(col, covers, bridgeable(ctx, col));
  return {
    title: ctx.text(meta, 'fixTitle', { cell }),
    description: ctx.text(meta, 'fixDescription', { cell, actual: shown, formula }),
    edits: [{ kind: 'setFormulas', sheet: ctx.table.sheet, range: cell, formulas: [[formula]] }],
  };
}

const CELL_REF = /(?<![A-Za-z0-9_!'.$])\$?([A-Za-z]{1,3})\$?(\d{1,7})(?![\d(A-Za-z_])/g;

/**
 * True when a total row's formula never names its own column but reads the lines of another
 * column (=E88-SUM(E76:E86) in a "checks" column): a check beside the total, not the total of
 * its column. A formula across its own row (=B20+C20) is still held to its column.
 */
function checksOtherColumns(formula: string | undefined, col: number, covers: readonly number[]): boolean {
  if (formula === undefined) return false;
  const lines = new Set(covers);
  let readsLines = false;
  for (const m of formula.matchAll(CELL_REF)) {
    let c: number;
    try {
      c = columnIndex(m[1]!);
    } catch {
      continue;
    }
    if (c === col) return false;
    if (lines.has(Number(m[2]) - 1)) readsLines = true;
  }
  return readsLines;
}

interface RowTotalCheck extends SumCheck {
  readonly total: TableRow;
  readonly stated: number;
  readonly sum: number;
}

function checkRowTotals(ctx: RuleContext): Finding[] {
  const meta = totalSumRule.meta;
  const out: Finding[] = [];
  const totals = columnsByRole(ctx.table, 'rowTotal');
  const checks = new SumChecks<RowTotalCheck>();
  const all: RowTotalCheck[] = [];
  const partsOf = new Map<number, readonly TableColumn[]>();
  for (const totalColumn of totals) {
    const years = rowTotalParts(ctx, totalColumn);
    if (years.length < 2) continue;
    partsOf.set(totalColumn.col, years);
    for (const row of ctx.table.rows) {
      if (row.kind === 'section' || row.kind === 'blank' || row.kind === 'note') continue;
      const col = totalColumn.col;
      const stated = ctx.figure(row.row, col);
      if (stated.kind !== 'number' && stated.kind !== 'nil') continue;
      const statedValue = stated.kind === 'number' ? stated.value : 0;
      let sum = 0;
      let known = true;
      let substantive = statedValue !== 0;
      for (const y of years) {
        const n = ctx.number(row.row, y.col);
        if (n === undefined) known = false;
        else {
          sum += n;
          if (n !== 0) substantive = true;
        }
      }
      if (!known) continue;
      // Typed, it was rounded from unrounded parts, as they were (see publishedRounding).
      const tolerance = ctx.cell(row.row, col).formula === undefined
        ? publishedRounding(ctx, [{ row: row.row, col }, ...years.map((y) => ({ row: row.row, col: y.col }))])
        : ctx.tolerance(row.row, col);
      // Every row of one row-total column vouches for the others: they add the same columns.
      const check: RowTotalCheck = { row: row.row, col, verdict: compareFigures(statedValue, sum, tolerance), substantive, level: 'rowTotal', total: row, stated: statedValue, sum };
      checks.add(check);
      all.push(check);
    }
  }
  for (const check of all) {
    const { total: row, col, verdict, stated, sum } = check;
    const years = partsOf.get(col)!;
    const yearCells = (r: number): string => cellRuns(years.map((y) => ({ row: r, col: y.col })));
    if (verdict === 'match') continue;
    if (verdict === 'mismatch' && echoesAnotherFault(ctx, row, col, years)) continue;
    const data = { actual: ctx.show(stated, row.row, col), expected: ctx.show(sum, row.row, col), covers: yearCells(row.row) };
    if (verdict === 'rounding') {
      out.push(ctx.report(meta, { messageId: 'rowTotalRounding', data, row: row.row, col, severity: 'info', expected: clean(sum), actual: clean(stated) }));
      continue;
    }
    const confirmedBy: Confirmation[] = [];
    const formula = ctx.cell(row.row, col).formula;
    if (formula !== undefined && namesColumnsExactly(formula, row.row, years.map((y) => y.col))) confirmedBy.push({ kind: 'formula' });
    const down = checks.siblings(check);
    if (down) confirmedBy.push(down);
    const evidence = evidenceOf(toA1(row.row, col), yearCells(row.row), confirmedBy);
    const messageId = confirmedBy.length > 0 ? 'rowTotal' : 'rowTotalUnconfirmed';
    out.push({ ...ctx.report(meta, { messageId, data: { ...data, covers: evidence.covers }, row: row.row, col, ...(confirmedBy.length > 0 ? {} : { severity: 'info' as const }), expected: clean(sum), actual: clean(stated) }), evidence });
  }
  return out;
}

/**
 * The columns a row-total column adds: the table's year (or period) columns when it has
 * them; else the block of figure columns just left of it, back to a column that is not a
 * figure or an earlier row total (funds to "all funds", sources to "total grants").
 */
function rowTotalParts(ctx: RuleContext, totalColumn: TableColumn): TableColumn[] {
  const years = columnsByRole(ctx.table, 'year');
  if (years.length > 0) return years;
  const parts: TableColumn[] = [];
  const byCol = new Map(ctx.table.columns.map((c) => [c.col, c] as const));
  for (let c = totalColumn.col - 1; c >= ctx.table.firstCol; c--) {
    const column = byCol.get(c);
    if (!column) continue; // an empty spacer column
    if (column.role === 'rowTotal' || !FIGURE_ROLES.has(column.role)) break;
    parts.unshift(column);
  }
  return parts;
}

/** A plain sum whose references on its own row are exactly these columns. */
function namesColumnsExactly(formula: string, row: number, cols: readonly number[]): boolean {
  const refs = parseSumFormula(formula);
  if (!refs) return false;
  const named = new Set<number>();
  for (const ref of refs) {
    if (ref.sheet !== undefined || ref.startRow > row || ref.endRow < row) continue;
    for (let c = ref.startCol; c <= ref.endCol; c++) named.add(c);
  }
  return named.size === cols.length && cols.every((c) => named.has(c));
}

/**
 * The corner of a total row and a row-total column adds up two ways. When it is wrong across
 * its row only because a line's row total, or one of its own year totals, is wrong (and
 * reported there), it is an echo of that fault, not a second one.
 */
function echoesAnotherFault(ctx: RuleContext, row: TableRow, col: number, years: readonly TableColumn[]): boolean {
  const covers = ctx.covered(row);
  if (covers.length === 0) return false;
  const off = (stated: number | undefined, sum: number, r: number, c: number): boolean =>
    stated !== undefined && compareFigures(stated, sum, ctx.tolerance(r, c)) === 'mismatch';
  const acrossOff = covers.some((r) => {
    let sum = 0;
    for (const y of years) sum += ctx.number(r, y.col) ?? 0;
    return off(ctx.number(r, col), sum, r, col);
  });
  const downOff = years.some((y) => {
    let sum = 0;
    for (const r of covers) sum += ctx.number(r, y.col) ?? 0;
    return off(ctx.number(row.row, y.col), sum, row.row, y.col);
  });
  return acrossOff || downOff;
}
