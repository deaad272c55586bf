/**
 * pressure-split: on an overspending line, ongoing + one-off pressure = the overspend;
 * on a line on budget or underspending, both are nil. Sub totals are left to total-sum
 * (their variance nets underspends off, so the split does not hold there).
 */
import { toA1 } from '../address';
import type { Finding } from '../findings';
import { clean, columnOf } from './context';
import { compareFigures } from './utils/compare';
import { overspendOf } from './utils/figures';
import { rootCell } from './utils/root-cell';
import type { Rule } from './types';

export const pressureSplitRule: Rule = {
  meta: {
    id: 'pressure-split',
    title: 'Pressure split',
    why: 'Pressures explain the overspend; if they do not add up to it, part of it is unexplained.',
    many: '{count} pressure splits do not match the overspend',
    severity: 'error',
    description: 'Ongoing plus one-off pressure equals the overspend on overspending lines, and is nil on the others.',
    fixable: false,
    messages: {
      split: 'Pressures for {label} add up to {actual} (ongoing {ongoing}, one-off {oneOff}) but its overspend in {variance} is {expected}{inUnit}',
      splitRounding: 'Pressures for {label} add up to {actual} and its overspend is {expected}{inUnit}: a rounding difference, not an error',
      notOverspent: '{cell} shows a pressure of {actual} but {label} is not overspending (variance {varianceValue}): pressures should be nil{inUnit}',
    },
  },
  check(ctx) {
    const variance = columnOf(ctx.table, 'variance');
    const ongoing = columnOf(ctx.table, 'ongoingPressure');
    const oneOff = columnOf(ctx.table, 'oneOffPressure');
    if (!variance || (!ongoing && !oneOff)) return [];
    const meta = pressureSplitRule.meta;
    const pressureCols = [ongoing, oneOff].filter((c) => c !== undefined).map((c) => c.col);
    const out: Finding[] = [];
    for (const row of ctx.table.rows) {
      if (row.kind !== 'line') continue;
      const v = ctx.number(row.row, variance.col);
      if (v === undefined || ctx.isBlank(row.row, variance.col)) continue;
      const values: number[] = [];
      let sum = 0;
      for (const c of pressureCols) {
        const p = ctx.number(row.row, c);
        if (p === undefined) break; // TBC or damaged: data-quality rules report it
        values.push(p);
        sum += p;
      }
      if (values.length !== pressureCols.length) continue;
      const over = overspendOf(ctx.table, v);
      const tol = ctx.tolerance(row.row, variance.col);
      const label = row.label || `row ${row.row + 1}`;
      if (over <= tol) {
        for (let i = 0; i < pressureCols.length; i++) {
          const c = pressureCols[i]!;
          const p = values[i]!;
          if (Math.abs(p) <= ctx.tolerance(row.row, c)) continue;
          out.push(ctx.report(meta, {
            messageId: 'notOverspent',
            data: { actual: ctx.show(p, row.row, c), label, varianceValue: ctx.show(v, row.row, variance.col) },
            row: row.row,
            col: c,
            expected: 0,
            actual: clean(p),
          }));
        }
        continue;
      }
      const verdict = compareFigures(sum, over, tol);
      if (verdict === 'match') continue;
      // The root: a lone non-zero pressure cell, else the one whose column total is broken, else the first.
      const nonZero = pressureCols.filter((_, i) => Math.abs(values[i]!) > 0);
      const col = nonZero.length === 1 ? nonZero[0]! : rootCell(ctx, row.row, pressureCols, pressureCols[0]!);
      out.push(ctx.report(meta, {
        messageId: verdict === 'mismatch' ? 'split' : 'splitRounding',
        data: {
          label,
          actual: ctx.show(sum, row.row, col),
          expected: ctx.show(over, row.row, variance.col),
          ongoing: ongoing ? ctx.show(ctx.number(row.row, ongoing.col) ?? 0, row.row, ongoing.col) : '-',
          oneOff: oneOff ? ctx.show(ctx.number(row.row, oneOff.col) ?? 0, row.row, oneOff.col) : '-',
          variance: toA1(row.row, variance.col),
        },
        row: row.row,
        col,
        ...(verdict === 'rounding' ? { severity: 'info' as const } : {}),
        expected: clean(over),
        actual: clean(sum),
      }));
    }
    return out;
  },
};
