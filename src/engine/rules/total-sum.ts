/**
 * total-sum: every sub total and total equals the sum of the rows it covers, in every
 * money column; a row-total column equals the sum of its year columns.
 */
import { columnIndex, toA1 } from '../address';
import { type TableColumn, type TableRow, columnsByRole } from '../model';
import type { Finding } from '../findings';
import type { EditPlan } from '../plan';
import { type RuleContext, clean } from './context';
import { compareFigures } from './compare';
import { rowNoun, summedColumns } from './figures';
import { sumFormulaFor } from './sum-formula';
import { bridgeable } from './total-formula';
import type { Rule } from './types';

export const totalSumRule: Rule = {
  meta: {
    id: 'total-sum',
    severity: 'error',
    description: 'Each sub total and total equals the sum of what it covers; a row total equals the sum of its years.',
    fixable: true,
    messages: {
      column: '{noun} {cell} is {actual} but its lines add up to {expected}{inUnit}',
      columnUncounted: '{noun} {cell} is {actual} but its lines add up to {expected}{inUnit}, not counting {uncounted}, which is not a number',
      columnUncountedMany: '{noun} {cell} is {actual} but its lines add up to {expected}{inUnit}, not counting {uncounted}, which are not numbers',
      columnRounding: '{noun} {cell} is {actual} and its lines add up to {expected}{inUnit}: a rounding difference, not an error',
      shownRounding: '{noun} {cell} shows {actual} but its lines as shown add up to {expected}{inUnit}: a rounding difference, not an error',
      rowTotal: 'Row total {cell} is {actual} but its year columns add up to {expected}{inUnit}',
      rowTotalRounding: 'Row total {cell} is {actual} and its year columns add up to {expected}{inUnit}: a rounding difference, not an error',
      fixTitle: 'Make {cell} add up its lines',
      fixDescription: 'Replace the typed {actual} in {cell} with {formula}',
    },
  },
  check(context) {
    return [...checkColumnTotals(context), ...checkRowTotals(context)];
  },
};

function checkColumnTotals(ctx: RuleContext): Finding[] {
  const meta = totalSumRule.meta;
  const out: Finding[] = [];
  const columns = summedColumns(ctx.table);
  for (const total of ctx.table.rows) {
    const covers = ctx.covered(total);
    if (covers.length === 0) continue;
    for (const column of columns) {
      const col = column.col;
      const stated = ctx.figure(total.row, col);
      if (stated.kind !== 'number' && stated.kind !== 'nil') continue; // blanks, text and errors: other rules
      if (checksOtherColumns(ctx.cell(total.row, col).formula, col, covers)) continue;
      const statedValue = stated.kind === 'number' ? stated.value : 0;
      let sum = 0;
      let shownSum = 0;
      let known = true;
      let anyFigure = false;
      // A line stored as text counts here but not in Excel's SUM: its own fix must come first.
      let textLine = false;
      // TBC and damaged text add nothing (as in Excel's SUM); the message names them.
      const uncounted: string[] = [];
      const scale = 10 ** ctx.decimals(total.row, col); // lines are shown like their total
      for (const r of covers) {
        const value = ctx.sheet.rows[r]?.[col]?.value;
        if (typeof value === 'number' && Number.isFinite(value)) {
          sum += value;
          shownSum += Math.round(value * scale) / scale;
          anyFigure = true;
          continue;
        }
        const f = ctx.figure(r, col);
        if (f.kind === 'number') {
          sum += f.value;
          shownSum += Math.round(f.value * scale) / scale;
          anyFigure = true;
          if (f.storedAsText) textLine = true;
        } else if (f.kind === 'nil') anyFigure = true;
        else if (f.kind === 'text' || f.kind === 'unknown') uncounted.push(toA1(r, col));
        else if (f.kind === 'error') known = false; // the error is the finding
      }
      if (!known || (!anyFigure && stated.kind === 'nil')) continue;
      const verdict = compareFigures(statedValue, sum, ctx.tolerance(total.row, col));
      if (verdict === 'match' && Math.round(statedValue * scale) === Math.round(shownSum * scale)) continue; // the usual case: nothing to format
      const data = { noun: rowNoun(total), actual: ctx.show(statedValue, total.row, col), expected: ctx.show(sum, total.row, col) };
      if (verdict === 'mismatch') {
        const messageId = uncounted.length > 1 ? 'columnUncountedMany' : uncounted.length ? 'columnUncounted' : 'column';
        const fix = textLine ? undefined : typedTotalFix(ctx, total.row, col, covers, data.actual);
        out.push(ctx.report(meta, { messageId, data: { ...data, uncounted: uncounted.join(', ') }, row: total.row, col, expected: clean(sum), actual: clean(statedValue), ...(fix ? { fix } : {}) }));
      } else if (uncounted.length) {
        continue; // TBC lines that have not moved the total yet: nothing to say
      } else if (verdict === 'rounding') {
        out.push(ctx.report(meta, { messageId: 'columnRounding', data, row: total.row, col, severity: 'info', expected: clean(sum), actual: clean(statedValue) }));
      } else if (Math.round(statedValue * scale) !== Math.round(shownSum * scale)) {
        // Stored figures agree but the figures as printed do not: worth a note for the reader of the paper.
        out.push(ctx.report(meta, {
          messageId: 'shownRounding',
          data: { ...data, expected: ctx.show(shownSum, total.row, col) },
          row: total.row,
          col,
          severity: 'info',
          expected: clean(shownSum),
          actual: clean(statedValue),
        }));
      }
    }
  }
  return out;
}

/**
 * A total typed over its formula: the SUM of what it covers, as total-formula offers. A
 * formula total that adds up wrongly is sum-range's to fix, with the range it names.
 */
function typedTotalFix(ctx: RuleContext, row: number, col: number, covers: readonly number[], shown: string): EditPlan | undefined {
  if (ctx.cell(row, col).formula !== undefined || ctx.figure(row, col).kind !== 'number') return undefined;
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

function checkRowTotals(ctx: RuleContext): Finding[] {
  const meta = totalSumRule.meta;
  const out: Finding[] = [];
  const years = columnsByRole(ctx.table, 'year');
  const totals = columnsByRole(ctx.table, 'rowTotal');
  if (years.length === 0) return out;
  for (const totalColumn of totals) {
    for (const row of ctx.table.rows) {
      if (row.kind === 'section' || row.kind === 'blank' || row.kind === 'note') continue;
      const col = totalColumn.col;
      const stated = ctx.figure(row.row, col);
      if (stated.kind !== 'number' && stated.kind !== 'nil') continue;
      const statedValue = stated.kind === 'number' ? stated.value : 0;
      let sum = 0;
      let known = true;
      for (const y of years) {
        const n = ctx.number(row.row, y.col);
        if (n === undefined) known = false;
        else sum += n;
      }
      if (!known) continue;
      const verdict = compareFigures(statedValue, sum, ctx.tolerance(row.row, col));
      if (verdict === 'match') continue;
      if (verdict === 'mismatch' && echoesAnotherFault(ctx, row, col, years)) continue;
      out.push(ctx.report(meta, {
        messageId: verdict === 'mismatch' ? 'rowTotal' : 'rowTotalRounding',
        data: { actual: ctx.show(statedValue, row.row, col), expected: ctx.show(sum, row.row, col) },
        row: row.row,
        col,
        ...(verdict === 'rounding' ? { severity: 'info' as const } : {}),
        expected: clean(sum),
        actual: clean(statedValue),
      }));
    }
  }
  return out;
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
