/**
 * The table model: what the reader finds in a workbook, and what rules and operations
 * consume. All row and column indices are 0-based sheet coordinates.
 */
import type { Unit } from './units';

export type ColumnRole =
  | 'label' // line label / service area
  | 'reference' // "Ref", "CFE001"
  | 'expenditure' // expenditure (gross) budget
  | 'income' // income budget
  | 'netBudget' // net / current / revised budget
  | 'forecast' // full year projection, forecast or projected outturn
  | 'variance'
  | 'varianceLabel' // Overspend / (Underspend)
  | 'variancePercent'
  | 'rag'
  | 'ongoingPressure'
  | 'oneOffPressure'
  | 'movement' // change in variance since `period`
  | 'previousPeriod' // an earlier period's figure, e.g. "Quarter 2 £m"
  | 'currentPeriod' // this period's figure in a tracker, e.g. "Month 7 £m"
  | 'target' // savings target
  | 'overAchieved'
  | 'achieved'
  | 'onTrack'
  | 'atRisk'
  | 'oneOffMitigation'
  | 'ongoingMitigation'
  | 'year' // "2024/25"
  | 'rowTotal' // "TOTAL" across the year columns
  | 'comments'
  | 'rating' // Confidence / Risk level (High / Medium / Low)
  | 'otherNumber'
  | 'otherText';

/** Roles whose cells hold money figures (summed by totals, checked for text and errors). */
export const FIGURE_ROLES: ReadonlySet<ColumnRole> = new Set<ColumnRole>([
  'expenditure', 'income', 'netBudget', 'forecast', 'variance', 'ongoingPressure', 'oneOffPressure',
  'movement', 'previousPeriod', 'currentPeriod', 'target', 'overAchieved', 'achieved', 'onTrack', 'atRisk',
  'oneOffMitigation', 'ongoingMitigation', 'year', 'rowTotal', 'otherNumber',
]);

export interface TableColumn {
  readonly col: number;
  readonly letter: string;
  /** Header text, the header rows joined with a space. */
  readonly header: string;
  readonly role: ColumnRole;
  /** True when the role was set by the caller rather than guessed. */
  readonly overridden: boolean;
  /** For movement and period columns: the period named in the header ("Month 6", "Quarter 2"). */
  readonly period?: string;
  /** For year columns: the year as written ("2024/25"). */
  readonly year?: string;
  /** Unit stated in this column's header, if any. */
  readonly unit?: Unit;
}

export type RowKind = 'section' | 'line' | 'subtotal' | 'total' | 'blank' | 'note';

export interface TableRow {
  readonly row: number;
  readonly kind: RowKind;
  /** Label text as written (trimmed). */
  readonly label: string;
  /** Indent level of the label (leading spaces / 2, or the cell's indent). */
  readonly indent: number;
  /** For subtotal and total rows: the rows whose figures it adds up, in sheet order. */
  readonly covers?: readonly number[];
  /** How `covers` was decided. */
  readonly coverBasis?: 'section' | 'subtotals' | 'statedRange' | 'above' | 'formula' | 'widened';
  /**
   * For subtotal and total rows whose figures are a formula adding up their column: the
   * rows that formula references as written (first such column). Compare with `covers`
   * to find SUMs that omit a line or count one twice.
   */
  readonly formulaCovers?: readonly number[];
  /** The section header row this row belongs to, if any. */
  readonly section?: number;
}

export type TableKind = 'monitoring' | 'mitigationTracker' | 'savingsTracker' | 'multiYear' | 'generic';

export interface SignConvention {
  /** Income stored as negative figures (net = expenditure + income) or positive (net = expenditure − income). */
  readonly income: 'negative' | 'positive';
  /** Variance positive for overspend (forecast − budget) or for underspend (budget − forecast). */
  readonly variance: 'overspendPositive' | 'underspendPositive';
}

export interface MonitoringTable {
  /** Stable id: `${sheet}!${range}`. */
  readonly id: string;
  readonly sheet: string;
  readonly kind: TableKind;
  /** Title text found above the header, if any. */
  readonly title?: string;
  /** Header rows (one to three; none for a headerless block of figures), top first. */
  readonly headerRows: readonly number[];
  /** First and last row of the table body (after the header). */
  readonly firstRow: number;
  readonly lastRow: number;
  readonly firstCol: number;
  readonly lastCol: number;
  /** The whole table including headers, A1 without `$`. */
  readonly range: string;
  readonly unit?: Unit;
  readonly unitSource?: 'header' | 'title' | 'format';
  readonly columns: readonly TableColumn[];
  readonly rows: readonly TableRow[];
  readonly signs: SignConvention;
}

export interface ColumnOverride {
  readonly sheet: string;
  /** Column letter, e.g. "F". */
  readonly column: string;
  readonly role: ColumnRole;
}

export function columnByRole(table: MonitoringTable, role: ColumnRole): TableColumn | undefined {
  return table.columns.find((c) => c.role === role);
}

export function columnsByRole(table: MonitoringTable, role: ColumnRole): TableColumn[] {
  return table.columns.filter((c) => c.role === role);
}
