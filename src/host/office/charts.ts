/**
 * The add-in's charts in Excel: found by their name prefix (CHART_NAME_PREFIX), added from
 * the engine's ChartSpec, and put back on revert.
 *
 * APIs: `worksheet.charts` / `charts.add(type, sourceRange, seriesBy)`, `chart.name`,
 * `chart.setPosition`, `chart.title`, `chart.legend`, `ChartFill.setSolidColor`,
 * `series.points.getItemAt(i)` (ExcelApi 1.1); `chart.series.add`, `series.setValues`,
 * `series.setXAxisValues`, `categoryAxis.reversePlotOrder` (ExcelApi 1.7); `series.gapWidth`,
 * `categoryAxis.position` (ExcelApi 1.8); `valueAxis.title.text` (1.1). The manifest
 * asks for 1.8, so all are there in a supported Excel; an Excel without 1.7 (detected with
 * isSetSupported) is refused before anything is written, since a chart made from its
 * source range alone could not read the table's separate columns.
 */
import { splitQualified, toA1 } from '../../engine';
import { CHART_NAME_PREFIX, type ChartSpec, resolveReference } from '../../engine';
import type { Edit, EditPlan } from '../../engine';
import type { AppliedPlan, ChartRecord } from './ledger';
import { type Context, same } from './targets';
import { simpleOp, type WriteOp } from './writes';

type ChartEdit = Extract<Edit, { kind: 'addChart' | 'removeCharts' }>;

export interface OwnChart {
  readonly sheet: string;
  readonly name: string;
  readonly item: Excel.Chart;
}

export const isChartEdit = (e: Edit): e is ChartEdit => e.kind === 'addChart' || e.kind === 'removeCharts';

/** Sheets whose charts a plan adds or removes. */
export function chartSheets(plan: EditPlan): string[] {
  return [...new Set(plan.edits.filter(isChartEdit).map((e) => e.sheet))];
}

/** Loads the names of the sheets' charts; after the sync, the add-in's own ones. */
export function queueChartLoad(context: Context, sheets: readonly string[]): () => OwnChart[] {
  const loads = sheets.map((sheet) => ({ sheet, charts: context.workbook.worksheets.getItem(sheet).charts.load('items/name') }));
  return () => loads.flatMap(({ sheet, charts }) => charts.items.filter((c) => c.name.startsWith(CHART_NAME_PREFIX)).map((item) => ({ sheet, name: item.name, item })));
}

/** The newest spec the ledger holds of an own chart, to put it back if this plan replaces it. */
function recordedSpec(ledger: readonly AppliedPlan[], sheet: string, name: string): ChartSpec | undefined {
  for (const plan of ledger) {
    const found = plan.addedCharts?.find((c) => same(c.sheet, sheet) && c.chart.name === name);
    if (found) return found.chart;
  }
  return undefined;
}

/** What a plan does to charts: which own charts go (recorded for revert), which are added. */
export function chartChanges(plan: EditPlan, own: readonly OwnChart[], ledger: readonly AppliedPlan[]): { removed: OwnChart[]; added: ChartRecord[]; removedRecords: ChartRecord[]; unrecorded: string[] } {
  const edits = plan.edits.filter(isChartEdit);
  const goes = (c: OwnChart): boolean =>
    edits.some((e) => same(e.sheet, c.sheet) && (e.kind === 'removeCharts' ? e.prefix.startsWith(CHART_NAME_PREFIX) && c.name.startsWith(e.prefix) : c.name === e.chart.name));
  const removed = own.filter(goes);
  const removedRecords: ChartRecord[] = [];
  const unrecorded: string[] = [];
  for (const c of removed) {
    const spec = recordedSpec(ledger, c.sheet, c.name);
    if (spec) removedRecords.push({ sheet: c.sheet, chart: spec });
    else unrecorded.push(c.name);
  }
  const added = edits.flatMap((e): ChartRecord[] => (e.kind === 'addChart' ? [{ sheet: e.sheet, chart: e.chart }] : []));
  return { removed, added, removedRecords, unrecorded };
}

/** A reference as a Range: `'Month 7'!$M$4:$M$28` → that sheet's M4:M28. */
function rangeOf(context: Context, reference: string): Excel.Range {
  const resolved = resolveReference(reference);
  if (!resolved) throw new RangeError(`Not a one-area reference: ${reference}`);
  return context.workbook.worksheets.getItem(resolved.sheet).getRange(splitQualified(reference).address.replace(/\$/g, ''));
}

/**
 * Queues one chart: made from its first series' values (ExcelApi 1.1), then each series given
 * its exact values and categories (1.7), name and fill, and each point its RAG colour.
 */
export function queueAddChart(context: Context, sheet: string, spec: ChartSpec, features: { readonly gapWidth?: boolean } = {}): void {
  const first = spec.series[0];
  if (!first) return;
  const chart = context.workbook.worksheets.getItem(sheet).charts.add(spec.type as Excel.ChartType, rangeOf(context, first.values), 'Columns');
  chart.name = spec.name;
  chart.setPosition(toA1(spec.anchor.from.row, spec.anchor.from.col), toA1(spec.anchor.to.row, spec.anchor.to.col));
  chart.title.text = spec.title;
  chart.legend.visible = spec.series.length > 1;
  if (spec.series.length > 1) chart.legend.position = 'Bottom';
  // Categories top to bottom in the table's order (ExcelApi 1.7), the value axis kept at the bottom (1.8).
  chart.axes.categoryAxis.reversePlotOrder = true;
  if (features.gapWidth) chart.axes.categoryAxis.position = 'Maximum';
  if (spec.valueAxisTitle) chart.axes.valueAxis.title.text = spec.valueAxisTitle;
  spec.series.forEach((s, i) => {
    const series = i === 0 ? chart.series.getItemAt(0) : chart.series.add(s.name);
    series.setValues(rangeOf(context, s.values));
    series.setXAxisValues(rangeOf(context, spec.categories));
    series.name = s.name;
    if (features.gapWidth) series.gapWidth = 50;
    if (s.color) series.format.fill.setSolidColor(s.color);
    s.pointColors?.forEach((colour, p) => series.points.getItemAt(p).format.fill.setSolidColor(colour));
  });
}

/** Ops for a plan's charts: the replaced own charts deleted, the new ones added. */
export function chartWriteOps(context: Context, removed: readonly OwnChart[], added: readonly ChartRecord[], features: { readonly gapWidth?: boolean } = {}): WriteOp[] {
  return [
    ...removed.map((c) => simpleOp(() => c.item.delete())),
    ...added.map((c) => simpleOp(() => queueAddChart(context, c.sheet, c.chart, features), 400 + 120 * c.chart.series.reduce((n, s) => n + (s.pointColors?.length ?? 0), 0))),
  ];
}

/** On revert: the record's charts deleted (where still there), the ones it replaced added back. */
export function chartRestoreOps(context: Context, record: AppliedPlan, own: readonly OwnChart[], exists: (sheet: string) => boolean, isAdded: (sheet: string) => boolean): WriteOp[] {
  const ops: WriteOp[] = [];
  const gone = new Set<OwnChart>();
  for (const c of record.addedCharts ?? []) {
    if (!exists(c.sheet) || isAdded(c.sheet)) continue;
    const found = own.find((o) => !gone.has(o) && same(o.sheet, c.sheet) && o.name === c.chart.name);
    if (!found) continue;
    gone.add(found);
    ops.push(simpleOp(() => found.item.delete()));
  }
  for (const c of record.removedCharts ?? []) {
    if (!exists(c.sheet) || isAdded(c.sheet)) continue;
    ops.push(simpleOp(() => queueAddChart(context, c.sheet, c.chart)));
  }
  return ops;
}

/** Sheets a record's charts are on. */
export function recordChartSheets(record: AppliedPlan): string[] {
  return [...new Set([...(record.addedCharts ?? []), ...(record.removedCharts ?? [])].map((c) => c.sheet))];
}
