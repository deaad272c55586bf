/**
 * The rule registry: every check, in the order findings for the same cell are kept
 * (arithmetic before words, root causes before their consequences).
 */
import { carryForwardRule } from './carry-forward';
import { errorValueRule } from './error-value';
import { missingFigureRule } from './missing-figure';
import { mitigationTrackerRule } from './mitigation-tracker';
import { mixedUnitsRule } from './mixed-units';
import { narrativeFiguresRule } from './narrative-figures';
import { movementRule } from './movement';
import { netBudgetRule } from './net-budget';
import { numberAsTextRule } from './number-as-text';
import { pressureSplitRule } from './pressure-split';
import { ragPolicyRule } from './rag-policy';
import { savingsTrackerRule } from './savings-tracker';
import { sumRangeRule } from './sum-range';
import { totalFormulaRule } from './total-formula';
import { totalSumRule } from './total-sum';
import type { Rule, RuleMeta } from './types';
import { unreadableFigureRule } from './unreadable-figure';
import { varianceExplainedRule } from './variance-explained';
import { varianceLabelRule } from './variance-label';
import { varianceRule } from './variance';

export type { Rule, RuleMeta } from './types';
export { RuleContext } from './context';

export const RULES: readonly Rule[] = [
  errorValueRule,
  numberAsTextRule,
  unreadableFigureRule,
  missingFigureRule,
  mixedUnitsRule,
  sumRangeRule,
  // Tracker rules before total-sum: where both report the same total, the tracker's words are kept.
  savingsTrackerRule,
  mitigationTrackerRule,
  totalSumRule,
  totalFormulaRule,
  netBudgetRule,
  varianceRule,
  varianceLabelRule,
  ragPolicyRule,
  pressureSplitRule,
  movementRule,
  carryForwardRule,
  narrativeFiguresRule,
  varianceExplainedRule,
];

export const RULE_METAS: readonly RuleMeta[] = RULES.map((r) => r.meta);

export function ruleById(id: string): Rule | undefined {
  return RULES.find((r) => r.meta.id === id);
}

export {
  carryForwardRule,
  errorValueRule,
  missingFigureRule,
  mitigationTrackerRule,
  mixedUnitsRule,
  movementRule,
  narrativeFiguresRule,
  netBudgetRule,
  numberAsTextRule,
  pressureSplitRule,
  ragPolicyRule,
  savingsTrackerRule,
  sumRangeRule,
  totalFormulaRule,
  totalSumRule,
  unreadableFigureRule,
  varianceExplainedRule,
  varianceLabelRule,
  varianceRule,
};
