/** net-budget: net budget = expenditure + income (or − income where the table stores income as positive). */
import type { Finding } from '../findings';
import { columnOf } from './context';
import { identityMostlyHolds, reportIdentity, rolesSettled } from './utils/identity';
import { compareFigures } from './utils/compare';
import type { TableRow } from '../model';
import type { Rule } from './types';

export const netBudgetRule: Rule = {
  meta: {
    id: 'net-budget',
    title: 'Net budget',
    why: 'Net budget is the base every variance is measured against.',
    many: '{count} net budgets do not equal expenditure with income',
    severity: 'error',
    description: 'Net budget equals expenditure plus income (minus income where income is shown positive).',
    fixable: false,
    messages: {
      plus: 'Net budget {derived} for {label} is {actual} but expenditure {expenditure} plus income {income} is {expected}{inUnit}',
      minus: 'Net budget {derived} for {label} is {actual} but expenditure {expenditure} less income {income} is {expected}{inUnit}',
      root: '{cell} looks wrong: its column total does not add up either. {detail}',
      rounding: 'Net budget {derived} for {label} is {actual} and expenditure with income comes to {expected}{inUnit}: a rounding difference, not an error',
    },
  },
  check(ctx) {
    const exp = columnOf(ctx.table, 'expenditure');
    const inc = columnOf(ctx.table, 'income');
    const net = columnOf(ctx.table, 'netBudget');
    if (!exp || !inc || !net || !rolesSettled(ctx, ['expenditure', 'income', 'netBudget'])) return [];
    const sign = ctx.table.signs.income === 'positive' ? -1 : 1;
    const holds = (row: TableRow): boolean | undefined => {
      const [e, i, n] = [ctx.number(row.row, exp.col), ctx.number(row.row, inc.col), ctx.number(row.row, net.col)];
      if (e === undefined || i === undefined || n === undefined || (ctx.isBlank(row.row, net.col) && ctx.isBlank(row.row, exp.col))) return undefined;
      return compareFigures(n, e + sign * i, ctx.tolerance(row.row, net.col)) !== 'mismatch';
    };
    if (!identityMostlyHolds(ctx, ctx.figureRows, holds)) return [];
    const out: Finding[] = [];
    for (const row of ctx.figureRows) {
      const e = ctx.number(row.row, exp.col);
      const i = ctx.number(row.row, inc.col);
      const n = ctx.number(row.row, net.col);
      if (e === undefined || i === undefined || n === undefined) continue;
      if (ctx.isBlank(row.row, net.col) && ctx.isBlank(row.row, exp.col)) continue;
      const f = reportIdentity(ctx, netBudgetRule.meta, {
        row,
        derivedCol: net.col,
        operandCols: [exp.col, inc.col],
        expected: e + sign * i,
        actual: n,
        messageId: sign > 0 ? 'plus' : 'minus',
        roundingMessageId: 'rounding',
        figures: { expenditure: [e, exp.col], income: [i, inc.col] },
      });
      if (f) out.push(f);
    }
    return out;
  },
};
