/**
 * Which budget the variance is against, when a table has several ("Original Budget" and
 * "Latest Budget", "Budget" and "Revised Budget"). Decided by the table's own figures: the
 * budget under which variance = forecast − budget (or budget − forecast) and net =
 * expenditure ± income hold on the most lines. Header words ("latest", "revised",
 * "current" before "original") only break a tie. The others stay figures ('otherNumber'),
 * summed by totals but not judged as the budget.
 */
import type { TableColumn, TableRow } from '../model';
import type { SheetScan } from './cells';
import { numberAt } from './values';

const LATEST = /\b(latest|revised|current|working|updated)\b/;
const ORIGINAL = /\b(original|approved|initial|base|opening)\b/;

export function settleBudgetColumns(scan: SheetScan, columns: readonly TableColumn[], rows: readonly TableRow[]): TableColumn[] {
  const budgets = columns.filter((c) => c.role === 'netBudget' && !c.overridden);
  if (budgets.length < 2) return [...columns];
  const of = (role: TableColumn['role']): number | undefined => columns.find((c) => c.role === role)?.col;
  const forecast = of('forecast');
  const variance = of('variance');
  const exp = of('expenditure');
  const inc = of('income');
  const lines = rows.filter((r) => r.kind === 'line');
  const score = (budget: number): number => {
    let hits = 0;
    for (const { row } of lines) {
      const b = numberAt(scan, row, budget);
      if (b === undefined) continue;
      const f = forecast === undefined ? undefined : numberAt(scan, row, forecast);
      const v = variance === undefined ? undefined : numberAt(scan, row, variance);
      if (f !== undefined && v !== undefined && (near(v, f - b) || near(v, b - f)) && !(b === 0 && f === 0)) hits++;
      const e = exp === undefined ? undefined : numberAt(scan, row, exp);
      const i = inc === undefined ? undefined : numberAt(scan, row, inc);
      if (e !== undefined && i !== undefined && (near(b, e + i) || near(b, e - i)) && !(e === 0 && i === 0)) hits++;
    }
    return hits;
  };
  const wordScore = (c: TableColumn): number => {
    const h = c.header.toLowerCase();
    return LATEST.test(h) ? 1 : ORIGINAL.test(h) ? -1 : 0;
  };
  const ranked = budgets.map((c) => ({ c, figures: score(c.col), words: wordScore(c) }))
    .sort((a, b) => b.figures - a.figures || b.words - a.words || b.c.col - a.c.col);
  const best = ranked[0]!;
  // Undecided by figures and words alike: leave the reading as it was rather than guess.
  if (ranked[1] && best.figures === ranked[1].figures && best.words === ranked[1].words) return [...columns];
  return columns.map((c) => (c.role === 'netBudget' && !c.overridden && c !== best.c ? { ...c, role: 'otherNumber' } : c));
}

function near(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(a), Math.abs(b)) + 0.0005;
}
