/**
 * RAG status by the council's policy: the one reading of the thresholds that the rag-policy
 * rule judges the words by and the RAG formatting operation colours the cells by, so the
 * words a rule asks for and the colours an operation paints never disagree.
 */
import { columnByRole, type MonitoringTable, type TableColumn } from '../model';
import type { RagLevel, RagPolicy, RagStatus } from '../policy';
import type { Unit } from '../units';

/** Policy money is in pounds; the table may count in £m or £000. Unknown units are taken as pounds. */
export function moneyInUnit(pounds: number, unit: Unit | undefined): number {
  if (unit === 'millions') return pounds / 1_000_000;
  if (unit === 'thousands') return pounds / 1_000;
  return pounds;
}

/** The budget the policy's percentage is taken of: net, or gross (expenditure) when the policy says so. */
export function ragBudgetColumn(table: MonitoringTable, policy: RagPolicy): TableColumn | undefined {
  if (policy.basis === 'gross') return columnByRole(table, 'expenditure') ?? columnByRole(table, 'netBudget');
  return columnByRole(table, 'netBudget');
}

/** The status the policy gives an overspend (positive) or underspend (negative or zero), in the table's unit. */
export function ragStatusFor(overspend: number, budget: number, level: RagLevel, policy: RagPolicy, unit: MonitoringTable['unit']): RagStatus {
  const eps = 1e-9;
  if (overspend <= eps) return 'Green';
  const red = policy.red[level];
  const money = moneyInUnit(red.money, unit);
  const share = red.percent * Math.abs(budget);
  const threshold = red.combine === 'lower' ? Math.min(money, share) : Math.max(money, share);
  if (overspend >= threshold - eps) return 'Red';
  if (overspend >= policy.amberFromPercent * Math.abs(budget) - eps) return 'Amber';
  return 'Green';
}
