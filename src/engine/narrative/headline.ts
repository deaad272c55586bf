/**
 * Money in words, as officers write it in a committee paper ("£14.701m", "£827k",
 * "£168,432"), both as text now (the headline) and as an Excel formula that writes it from
 * a cell (the drafted explanations, so the sentence follows the figures). The two agree:
 * the same scale and rounding for the same figure. And the table's headline in seed 000's
 * words: "2024/25 net budget £142.827m, forecasting an overspend of £8.380m, a decrease of
 * £0.375m from Quarter 2".
 */
import { type Sheet, type Workbook, cellAt, findSheet } from '../grid';
import { currentMonitoringTable } from '../operations/mitigation-tracker';
import { columnByRole, type MonitoringTable } from '../model';
import { figureOf } from '../numbers';
import { movementPeriod } from '../domain/periods';
import type { Unit } from '../units';
import { yearsIn } from './claims';

/** Rounds half away from zero at `decimals`, as Excel's TEXT does (after clearing float noise). */
function fixed(value: number, decimals: number): string {
  const clean = Number(Math.abs(value).toPrecision(12));
  const f = 10 ** decimals;
  return (Math.round(clean * f + 1e-9) / f).toFixed(decimals);
}

/** 168432 → "168,432". */
function grouped(whole: number): string {
  return String(whole).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/**
 * The size of a figure in words, without its sign: in a £m table "£14.701m"; in a £000
 * table "£1.234m" from a thousand thousands, else "£827k"; in pounds "£9.569m" from a
 * million, else "£168,432". A table of unknown unit is taken as pounds.
 */
export function moneyWords(value: number, unit: Unit | undefined): string {
  const a = Math.abs(value);
  if (unit === 'millions') return `£${fixed(a, 3)}m`;
  if (unit === 'thousands') return Math.round(a) >= 1000 ? `£${fixed(a / 1000, 3)}m` : `£${fixed(a, 0)}k`;
  const whole = Math.round(a);
  if (whole >= 1_000_000) return `£${fixed(a / 1_000_000, 3)}m`;
  return `£${grouped(whole)}`;
}

/**
 * An Excel expression giving moneyWords of the number in `ref` (a cell reference), live.
 * Uses only TEXT patterns HyperFormula also evaluates ("0.000", "000"), so the CLI and the
 * simulated Excel calculate the same words as Excel.
 */
export function moneyWordsFormula(ref: string, unit: Unit | undefined): string {
  // ROUND before TEXT: 1234.5 / 1000 is 1.23449… in binary, and Excel shows 1.235.
  const a = `ABS(${ref})`;
  if (unit === 'millions') return `"£"&TEXT(ROUND(${a},3),"0.000")&"m"`;
  if (unit === 'thousands') return `IF(ROUND(${a},0)>=1000,"£"&TEXT(ROUND(${a}/1000,3),"0.000")&"m","£"&TEXT(ROUND(${a},0),"0")&"k")`;
  const whole = `ROUND(${a},0)`;
  return `IF(${whole}>=1000000,"£"&TEXT(ROUND(${a}/1000000,3),"0.000")&"m",IF(${whole}>=1000,"£"&INT(${whole}/1000)&","&TEXT(MOD(${whole},1000),"000"),"£"&TEXT(${whole},"0")))`;
}

/** The change in a variance in words: an increase when it grew (over or under), a decrease when it shrank. */
export function changeWords(variance: number, movement: number): 'an increase' | 'a decrease' | 'a change' {
  if (Math.sign(movement) !== Math.sign(variance)) return 'a decrease';
  // Last period's variance was the other way (an overspend, now an underspend): neither word is right.
  return Math.abs(movement) > Math.abs(variance) ? 'a change' : 'an increase';
}

export interface HeadlineOptions {
  /**
   * The period the change is measured from, as the headline should name it ("Quarter 2");
   * default the period the movement column names ("Movement From Month 6" → "Month 6").
   */
  readonly previousPeriod?: string;
}

function numberAt(sheet: Sheet, row: number, col: number | undefined): number | undefined {
  if (col === undefined) return undefined;
  const f = figureOf(cellAt(sheet, row, col));
  return f.kind === 'number' ? f.value : f.kind === 'nil' ? 0 : undefined;
}

/**
 * The table's headline: its year (from the title, sheet name or headers), the total row's
 * net budget, its variance as an overspend or underspend (by the table's sign convention),
 * and its movement since the previous period where the table has a movement column. Figures
 * in the table's unit, as moneyWords writes them. Undefined when the table has no total row
 * or no variance on it.
 */
export function tableHeadline(table: MonitoringTable, sheet: Sheet, options: HeadlineOptions | string = {}): string | undefined {
  const opts: HeadlineOptions = typeof options === 'string' ? { previousPeriod: options } : options;
  const totals = table.rows.filter((r) => r.kind === 'total');
  const total = totals[totals.length - 1];
  const varianceCol = columnByRole(table, 'variance');
  if (!total || !varianceCol) return undefined;
  const variance = numberAt(sheet, total.row, varianceCol.col);
  if (variance === undefined) return undefined;
  const budget = numberAt(sheet, total.row, columnByRole(table, 'netBudget')?.col);
  const movementCol = columnByRole(table, 'movement');
  const movement = numberAt(sheet, total.row, movementCol?.col);
  const year = yearsIn([table.title ?? '', table.sheet, ...table.columns.map((c) => c.header)].join(' '))[0];
  const unit = table.unit;

  const parts: string[] = [];
  const over = table.signs.variance === 'underspendPositive' ? -variance : variance;
  const forecast = Math.round(Math.abs(over) * 1e9) === 0 || moneyWords(over, unit).match(/^£0(\.0+)?[mk]?$/)
    ? 'forecasting to break even'
    : `forecasting an ${over > 0 ? 'overspend' : 'underspend'} of ${moneyWords(over, unit)}`;
  if (budget !== undefined) parts.push(`${year ? `${year} net budget` : 'Net budget'} ${moneyWords(budget, unit)}`, forecast);
  else parts.push(`${year ? `${year}: ` : ''}${forecast.charAt(0).toUpperCase()}${forecast.slice(1)}`);
  if (movementCol && movement !== undefined) {
    const period = opts.previousPeriod ?? movementPeriod(movementCol) ?? 'the last report';
    parts.push(Math.round(Math.abs(movement) * 1e9) === 0 ? `unchanged from ${period}` : `${changeWords(variance, movement)} of ${moneyWords(movement, unit)} from ${period}`);
  }
  return parts.join(', ');
}

/** The headline of this period's table (the one the trackers follow), if it has a total variance. */
export function workbookHeadline(workbook: Workbook, tables: readonly MonitoringTable[]): string | undefined {
  const table = currentMonitoringTable(workbook, tables);
  const sheet = table && findSheet(workbook, table.sheet);
  return table && sheet ? tableHeadline(table, sheet) : undefined;
}
