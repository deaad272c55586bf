/**
 * missing-figure: a line that has figures but leaves a core figure (budget, forecast,
 * variance, target, this period) blank. Nil must be written as "-" or 0, so that a blank
 * is never mistaken for "not yet entered". Multi-year and status columns are left out:
 * there a blank conventionally means nothing.
 */
import type { Finding } from '../findings';
import type { ColumnRole } from '../model';
import { rolesSettled } from './utils/identity';
import type { Rule } from './types';

const CORE: ReadonlySet<ColumnRole> = new Set<ColumnRole>(['expenditure', 'income', 'netBudget', 'forecast', 'variance', 'target', 'currentPeriod']);

export const missingFigureRule: Rule = {
  meta: {
    id: 'missing-figure',
    title: 'Missing figures',
    why: 'A blank figure is read as nil, so totals and variances may be understated.',
    many: '{count} figures are blank on lines that have other figures',
    severity: 'warning',
    description: 'A line with figures has no blank budget, forecast, variance, target or period figure.',
    fixable: false,
    messages: {
      missing: '{cell} ({header}) is blank on {label}, which has other figures: enter the figure, or "-" if it is nil',
    },
  },
  check(ctx) {
    const meta = missingFigureRule.meta;
    const core = ctx.table.columns.filter((c) => CORE.has(c.role));
    // Only in a monitoring table or tracker whose key columns are each found once: in a data
    // table (councils × services) a blank is normal, not a figure waiting to be entered.
    if (core.length < 2 || ctx.table.kind === 'generic' || ctx.table.kind === 'multiYear') return [];
    if (!rolesSettled(ctx, [...new Set(core.map((c) => c.role))])) return [];
    const out: Finding[] = [];
    for (const row of ctx.table.rows) {
      if (row.kind !== 'line' || row.label === '') continue; // an unlabelled row is a check or a spacer, not a line
      const filled = core.filter((c) => !ctx.isBlank(row.row, c.col));
      if (filled.length === 0 || filled.length === core.length) continue;
      for (const column of core) {
        if (!ctx.isBlank(row.row, column.col)) continue;
        out.push(ctx.report(meta, { messageId: 'missing', data: { header: column.header, label: `"${row.label}"` }, row: row.row, col: column.col }));
      }
    }
    return out;
  },
};
