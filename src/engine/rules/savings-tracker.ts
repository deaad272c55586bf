/**
 * savings-tracker: on every row of a savings (MTFP) tracker the status columns
 * (over-achieved, achieved, on track, at risk) add up to the target. Column totals
 * are checked by total-sum like any other total, so only lines are checked here.
 */
import type { Finding } from '../findings';
import type { ColumnRole } from '../model';
import { reportIdentity } from './utils/identity';
import { columnOf } from './context';
import type { Rule } from './types';

const BUCKETS: readonly ColumnRole[] = ['overAchieved', 'achieved', 'onTrack', 'atRisk'];

export const savingsTrackerRule: Rule = {
  meta: {
    id: 'savings-tracker',
    title: 'Savings tracker arithmetic',
    why: 'Savings delivery is reported from these figures; the status columns must add up to the target.',
    many: '{count} savings targets do not match their status columns',
    severity: 'error',
    description: 'In a savings tracker, over-achieved + achieved + on track + at risk equals the target on every row.',
    fixable: false,
    messages: {
      buckets: 'Target {derived} for {label} is {actual} but its status columns add up to {expected}{inUnit}',
      root: '{cell} looks wrong: its column total does not add up either. {detail}',
      rounding: 'Target {derived} for {label} is {actual} and its status columns add up to {expected}{inUnit}: a rounding difference, not an error',
    },
  },
  check(ctx) {
    const target = columnOf(ctx.table, 'target');
    // Every status column counts, two of a kind too ("At Risk" and "Slipped to 2026/27").
    const buckets = ctx.table.columns.filter((c) => BUCKETS.includes(c.role));
    if (!target || buckets.length < 2) return [];
    const out: Finding[] = [];
    for (const row of ctx.rowsWithOwnFigures) {
      const t = ctx.number(row.row, target.col);
      const values = buckets.map((b) => ctx.number(row.row, b.col));
      if (t === undefined || values.some((v) => v === undefined)) continue;
      if (ctx.isBlank(row.row, target.col) && buckets.every((b) => ctx.isBlank(row.row, b.col))) continue;
      const f = reportIdentity(ctx, savingsTrackerRule.meta, {
        row,
        derivedCol: target.col,
        operandCols: [target.col, ...buckets.map((b) => b.col)],
        expected: values.reduce<number>((a, b) => a + (b ?? 0), 0),
        actual: t,
        messageId: 'buckets',
        roundingMessageId: 'rounding',
      });
      if (f) out.push(f);
    }
    return out;
  },
};
