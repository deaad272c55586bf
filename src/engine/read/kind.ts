/** What sort of table it is, from the roles of its columns. */
import type { ColumnRole, TableColumn, TableKind } from '../model';

export function tableKindOf(columns: readonly TableColumn[], labelHeader: string): TableKind {
  const has = (...roles: ColumnRole[]): boolean => columns.some((c) => roles.includes(c.role));
  if (has('overAchieved', 'achieved', 'onTrack', 'atRisk')) return 'savingsTracker';
  if (has('oneOffMitigation', 'ongoingMitigation')) return 'mitigationTracker';
  // Monitoring compares a budget with a forecast or variance (or splits a budget into gross and income);
  // a list of lines with only a variance beside them is not one.
  const budget = has('netBudget', 'expenditure');
  const monitoring = (budget && has('forecast', 'variance', 'varianceLabel')) || (has('netBudget') && has('expenditure', 'income'));
  if (!monitoring && has('currentPeriod', 'previousPeriod') && (has('movement') || /mitigat|action/i.test(labelHeader))) {
    return 'mitigationTracker';
  }
  if (monitoring) return 'monitoring';
  if (columns.filter((c) => c.role === 'year').length >= 2) return 'multiYear';
  return 'generic';
}
