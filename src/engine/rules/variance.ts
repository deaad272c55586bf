/**
 * variance: variance = forecast − net budget (budget − forecast where underspends are
 * shown positive); variance % = variance / |budget|.
 */
import type { Finding } from '../findings';
import { decimalsOfFormat } from '../numbers';
import { type RuleContext, clean, columnOf } from './context';
import { reportIdentity, rolesSettled } from './utils/identity';
import { compareFigures } from './utils/compare';
import type { Rule } from './types';

export const varianceRule: Rule = {
  meta: {
    id: 'variance',
    title: 'Variance arithmetic',
    why: 'Variance is the figure committee acts on; it must equal forecast against budget.',
    many: '{count} variances do not equal forecast against budget',
    severity: 'error',
    description: 'Variance equals forecast less budget; variance % equals variance over the absolute budget.',
    fixable: false,
    messages: {
      overspendPositive: 'Variance {derived} for {label} is {actual} but forecast {forecast} less budget {budget} is {expected}{inUnit}',
      underspendPositive: 'Variance {derived} for {label} is {actual} but budget {budget} less forecast {forecast} is {expected}{inUnit}',
      root: '{cell} looks wrong: its column total does not add up either. {detail}',
      rounding: 'Variance {derived} for {label} is {actual} and forecast against budget comes to {expected}{inUnit}: a rounding difference, not an error',
      percent: 'Variance % {cell} for {label} is {actual} but variance {variance} over budget {budget} is {expected}',
      percentRounding: 'Variance % {cell} for {label} is {actual} and variance over budget is {expected}: a rounding difference, not an error',
    },
  },
  check(ctx) {
    return [...checkVariance(ctx), ...checkPercent(ctx)];
  },
};

function checkVariance(ctx: RuleContext): Finding[] {
  const forecast = columnOf(ctx.table, 'forecast');
  const budget = columnOf(ctx.table, 'netBudget') ?? columnOf(ctx.table, 'expenditure');
  const variance = columnOf(ctx.table, 'variance');
  if (!forecast || !budget || !variance || !rolesSettled(ctx, ['forecast', 'variance'])) return [];
  const overspendPositive = ctx.table.signs.variance !== 'underspendPositive';
  const out: Finding[] = [];
  for (const row of ctx.figureRows) {
    const f = ctx.number(row.row, forecast.col);
    const b = ctx.number(row.row, budget.col);
    const v = ctx.number(row.row, variance.col);
    if (f === undefined || b === undefined || v === undefined) continue;
    if (ctx.isBlank(row.row, variance.col) && ctx.isBlank(row.row, forecast.col)) continue;
    const finding = reportIdentity(ctx, varianceRule.meta, {
      row,
      derivedCol: variance.col,
      operandCols: [forecast.col, budget.col],
      expected: overspendPositive ? f - b : b - f,
      actual: v,
      messageId: overspendPositive ? 'overspendPositive' : 'underspendPositive',
      roundingMessageId: 'rounding',
      figures: { forecast: [f, forecast.col], budget: [b, budget.col] },
    });
    if (finding) out.push(finding);
  }
  return out;
}

/** Percent cells hold fractions (0.05 shown as 5%) or, without a % format, may hold 5 for 5%. */
function checkPercent(ctx: RuleContext): Finding[] {
  const percent = columnOf(ctx.table, 'variancePercent');
  const budget = columnOf(ctx.table, 'netBudget') ?? columnOf(ctx.table, 'expenditure');
  const variance = columnOf(ctx.table, 'variance');
  if (!percent || !budget || !variance) return [];
  const meta = varianceRule.meta;
  const out: Finding[] = [];
  for (const row of ctx.figureRows) {
    const p = ctx.figure(row.row, percent.col);
    if (p.kind !== 'number') continue;
    const v = ctx.number(row.row, variance.col);
    const b = ctx.number(row.row, budget.col);
    if (v === undefined || b === undefined || b === 0) continue;
    const format = ctx.cell(row.row, percent.col).format;
    const isFraction = p.storedAsText || (format !== undefined && format.includes('%'));
    const scale = isFraction ? 1 : Math.abs(p.value) > 1.5 || Math.abs(v / b) < 0.015 ? 100 : 1;
    const expected = (v / Math.abs(b)) * scale;
    // Decimals of the percentage as shown: "0.0%" shows one decimal of a percent.
    const shown = decimalsOfFormat(format) ?? 1;
    const tolerance = (0.5 * 10 ** -shown) * (scale === 100 ? 1 : 0.01) + 1e-9;
    const verdict = compareFigures(p.value, expected, tolerance);
    if (verdict === 'match') continue;
    const asPercent = (x: number): string => `${((x * 100) / scale).toFixed(shown)}%`;
    out.push(ctx.report(meta, {
      messageId: verdict === 'mismatch' ? 'percent' : 'percentRounding',
      data: { label: row.label || `row ${row.row + 1}`, actual: asPercent(p.value), expected: asPercent(expected), variance: ctx.show(v, row.row, variance.col), budget: ctx.show(b, row.row, budget.col) },
      row: row.row,
      col: percent.col,
      ...(verdict === 'rounding' ? { severity: 'info' as const } : {}),
      expected: clean(expected),
      actual: clean(p.value),
    }));
  }
  return out;
}
