/**
 * The table's sign convention, decided by its own figures: on every line that has them,
 * does net = expenditure + income or expenditure − income; does variance = forecast −
 * budget or budget − forecast. The majority wins; seed 000's convention when undecided.
 */
import { type SignConvention, type TableColumn, type TableRow } from '../model';
import type { SheetScan } from './cells';
import { numberAt } from './values';
import { toA1 } from '../address';

/**
 * What a net budget's own formula says: `=B9+C9` adds the income, `=B9-C9` takes it away.
 * The workbook's words for its convention, where the figures (one of them perhaps wrong) only suggest it.
 */
function formulaSays(scan: SheetScan, row: number, exp: number, inc: number, net: number): 'plus' | 'minus' | undefined {
  const formula = scan.sheet.rows[row]?.[net]?.formula?.replace(/[\s$]/g, '').toUpperCase();
  if (!formula) return undefined;
  const e = toA1(row, exp);
  const i = toA1(row, inc);
  if (formula === `=${e}+${i}` || formula === `=${i}+${e}`) return 'plus';
  if (formula === `=${e}-${i}`) return 'minus';
  return undefined;
}

export const DEFAULT_SIGNS: SignConvention = { income: 'negative', variance: 'overspendPositive' };

export function detectSigns(scan: SheetScan, columns: readonly TableColumn[], rows: readonly TableRow[]): SignConvention {
  const col = (role: TableColumn['role']): number | undefined => columns.find((c) => c.role === role)?.col;
  const exp = col('expenditure');
  const inc = col('income');
  const net = col('netBudget');
  const fc = col('forecast');
  const vr = col('variance');
  let incomeNegative = 0;
  let incomePositive = 0;
  let overPositive = 0;
  let underPositive = 0;
  let negativeIncomes = 0;
  let positiveIncomes = 0;
  let formulasAdd = 0;
  let formulasSubtract = 0;
  for (const row of rows) {
    if (row.kind !== 'line' && row.kind !== 'subtotal' && row.kind !== 'total') continue;
    const r = row.row;
    const e = exp === undefined ? undefined : numberAt(scan, r, exp);
    const i = inc === undefined ? undefined : numberAt(scan, r, inc);
    const n = net === undefined ? undefined : numberAt(scan, r, net);
    const f = fc === undefined ? undefined : numberAt(scan, r, fc);
    const v = vr === undefined ? undefined : numberAt(scan, r, vr);
    if (i !== undefined && i < 0) negativeIncomes++;
    if (i !== undefined && i > 0) positiveIncomes++;
    const said = exp !== undefined && inc !== undefined && net !== undefined ? formulaSays(scan, r, exp, inc, net) : undefined;
    if (said === 'plus') formulasAdd++;
    if (said === 'minus') formulasSubtract++;
    if (e !== undefined && i !== undefined && n !== undefined && i !== 0) {
      const plus = Math.abs(n - (e + i));
      const minus = Math.abs(n - (e - i));
      if (plus < minus) incomeNegative++;
      else if (minus < plus) incomePositive++;
    }
    if (n !== undefined && f !== undefined && v !== undefined && v !== 0) {
      const over = Math.abs(v - (f - n));
      const under = Math.abs(v - (n - f));
      if (over < under) overPositive++;
      else if (under < over) underPositive++;
    }
  }
  let income: SignConvention['income'] = DEFAULT_SIGNS.income;
  // The formulas, where they say it, outweigh the figures: a wrong figure cannot outvote them.
  if (formulasAdd !== formulasSubtract) income = formulasAdd > formulasSubtract ? 'negative' : 'positive';
  else if (incomeNegative !== incomePositive) income = incomeNegative > incomePositive ? 'negative' : 'positive';
  else if (negativeIncomes !== positiveIncomes) income = negativeIncomes > positiveIncomes ? 'negative' : 'positive';
  const variance: SignConvention['variance'] =
    overPositive === underPositive ? DEFAULT_SIGNS.variance : overPositive > underPositive ? 'overspendPositive' : 'underspendPositive';
  return { income, variance };
}
