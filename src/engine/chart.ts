/**
 * A chart as the engine describes it: pure data that every host draws the same way (Excel
 * through Office.js, the .xlsx writer as a DrawingML chart part, the workbench as SVG).
 * Every reference is an absolute, sheet-qualified A1 range of ONE area
 * (`'Month 7'!$A$5:$A$15`), so that Office.js (`ChartSeries.setValues(range)`), Excel,
 * LibreOffice and the workbench all read the same cells. Charts are native and linked:
 * they follow later edits of those cells.
 */
import { parseRange, splitQualified } from './address';
import { cellAt, findSheet, isErrorValue, type Workbook } from './grid';
import { figureOf, numericValue } from './numbers';

/** Every chart the add-in makes is named with this prefix: regenerating and reverting touch only these. */
export const CHART_NAME_PREFIX = 'BudgetMonitor ';

/** Which of the add-in's charts this is. */
export type ChartKind = 'budgetForecast' | 'varianceRag';

/** Excel's ChartType names the hosts use (horizontal clustered bars). */
export type ChartType = 'BarClustered';

export interface ChartSeriesSpec {
  /** The series name shown in the legend. */
  readonly name: string;
  /** Its values: one column, sheet-qualified and absolute (`'Month 7'!$D$5:$D$15`). */
  readonly values: string;
  /** One fill colour for the whole series (`#RRGGBB`). */
  readonly color?: string;
  /** A fill colour per point (category), overriding `color`: the RAG colour of each line. */
  readonly pointColors?: readonly string[];
  /** The values when the plan was made (the .xlsx chart part's cache; the workbench's fallback). */
  readonly cached: readonly (number | null)[];
}

/** Where the chart sits: its top-left and bottom-right cells on its sheet (0-based), as a two-cell anchor. */
export interface ChartAnchor {
  readonly from: { readonly row: number; readonly col: number };
  readonly to: { readonly row: number; readonly col: number };
}

export interface ChartSpec {
  /** Unique on its sheet, always starting with CHART_NAME_PREFIX. */
  readonly name: string;
  readonly kind: ChartKind;
  readonly type: ChartType;
  readonly title: string;
  /** The category labels: one column, sheet-qualified and absolute. */
  readonly categories: string;
  /** The labels when the plan was made. */
  readonly cachedCategories: readonly string[];
  readonly series: readonly ChartSeriesSpec[];
  readonly anchor: ChartAnchor;
  /** Value axis title, e.g. "£m". */
  readonly valueAxisTitle?: string;
}

/** A reference split into its sheet and one-area rectangle, or undefined if it is not one. */
export function resolveReference(reference: string): { sheet: string; ref: NonNullable<ReturnType<typeof parseRange>> } | undefined {
  const { sheet, address } = splitQualified(reference);
  const ref = parseRange(address.replace(/\$/g, ''));
  if (!sheet || !ref) return undefined;
  return { sheet, ref };
}

/** The cells of a one-column reference as they are now in a workbook (numbers or null). */
export function referencedNumbers(workbook: Workbook, reference: string): (number | null)[] | undefined {
  const resolved = resolveReference(reference);
  const sheet = resolved && findSheet(workbook, resolved.sheet);
  if (!resolved || !sheet) return undefined;
  const out: (number | null)[] = [];
  for (let row = resolved.ref.start.row; row <= resolved.ref.end.row; row++) {
    out.push(numericValue(figureOf(cellAt(sheet, row, resolved.ref.start.col))) ?? null);
  }
  return out;
}

/** The text of the cells of a one-column reference as they are now in a workbook. */
export function referencedTexts(workbook: Workbook, reference: string): string[] | undefined {
  const resolved = resolveReference(reference);
  const sheet = resolved && findSheet(workbook, resolved.sheet);
  if (!resolved || !sheet) return undefined;
  const out: string[] = [];
  for (let row = resolved.ref.start.row; row <= resolved.ref.end.row; row++) {
    const v = cellAt(sheet, row, resolved.ref.start.col).value;
    out.push(v === null || isErrorValue(v) ? '' : String(v).trim());
  }
  return out;
}

/** The chart's figures as they are now: each series' values, falling back to the cached ones. */
export function chartData(spec: ChartSpec, workbook?: Workbook): { categories: string[]; series: { name: string; values: (number | null)[] }[] } {
  const categories = (workbook && referencedTexts(workbook, spec.categories)) ?? [...spec.cachedCategories];
  return {
    categories,
    series: spec.series.map((s) => ({ name: s.name, values: (workbook && referencedNumbers(workbook, s.values)) ?? [...s.cached] })),
  };
}
