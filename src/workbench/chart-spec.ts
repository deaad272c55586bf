/**
 * The simulated Excel's charts as the engine's chart descriptions: what the workbench draws
 * (ChartView.tsx) and what Download writes into the saved package (charts-xml.ts).
 */
import { columnLetters, parseA1, quoteSheetName } from '../engine';
import { CHART_NAME_PREFIX, chartData, type ChartSpec } from '../engine';
import type { Workbook } from '../engine';
import type { SimChart, SimChartRef } from '../host/simulated/charts';
import type { SimState } from '../host/simulated/state';
import type { PackageChange } from '../host/xlsx/package/patch';

/** `'Month 7'!$M$4:$M$28`, as series formulas are written. */
function absolute(r: SimChartRef | undefined): string | undefined {
  if (!r) return undefined;
  const cell = (row: number, col: number) => `$${columnLetters(col)}$${row + 1}`;
  return `${quoteSheetName(r.sheet)}!${cell(r.ref.start.row, r.ref.start.col)}:${cell(r.ref.end.row, r.ref.end.col)}`;
}

/** A chart in the simulated state as a description; with a workbook, its cached values filled in. */
export function specOfSimChart(chart: SimChart, workbook?: Workbook): ChartSpec {
  const first = chart.series[0];
  const from = parseA1(chart.position?.from ?? 'A1') ?? { row: 0, col: 0 };
  const to = parseA1(chart.position?.to ?? 'H15') ?? { row: 14, col: 7 };
  const base: ChartSpec = {
    name: chart.name,
    kind: chart.series.some((s) => Object.keys(s.pointFills).length > 0) ? 'varianceRag' : 'budgetForecast',
    type: 'BarClustered',
    title: chart.title ?? chart.name,
    categories: absolute(first?.xValues) ?? '',
    cachedCategories: [],
    series: chart.series.map((s) => {
      const count = s.values ? s.values.ref.end.row - s.values.ref.start.row + 1 : 0;
      const points = Object.keys(s.pointFills).length > 0 ? Array.from({ length: count }, (_, i) => s.pointFills[i] ?? s.fill ?? '#4472C4') : undefined;
      return { name: s.name, values: absolute(s.values) ?? '', ...(s.fill ? { color: s.fill } : {}), ...(points ? { pointColors: points } : {}), cached: [] };
    }),
    anchor: { from, to },
    ...(chart.axes?.valueTitle ? { valueAxisTitle: chart.axes.valueTitle } : {}),
  };
  if (!workbook) return base;
  const data = chartData(base, workbook);
  return { ...base, cachedCategories: data.categories, series: base.series.map((s, i) => ({ ...s, cached: data.series[i]?.values ?? [] })) };
}

/**
 * Download's chart changes: the add-in's charts saved in the file are taken out and the ones
 * the simulated workbook now holds written in, on the sheets that hold them; the officer's
 * charts in the file are left as they are.
 */
export function chartChanges(state: SimState, workbook: Workbook): PackageChange[] {
  return state.sheets.flatMap((sheet): PackageChange[] => {
    const own = (sheet.charts ?? []).filter((c) => c.name.startsWith(CHART_NAME_PREFIX) && c.series.length > 0);
    // Only sheets that hold the add-in's charts are touched (the file's other sheets stay byte for byte).
    if (own.length === 0) return [];
    return [
      { kind: 'removeCharts', sheet: sheet.name, prefix: CHART_NAME_PREFIX },
      ...own.map((c): PackageChange => ({ kind: 'addChart', sheet: sheet.name, chart: specOfSimChart(c, workbook) })),
    ];
  });
}
