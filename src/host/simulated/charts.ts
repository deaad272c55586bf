/**
 * Simulated charts (Excel.ChartCollection, Chart, ChartSeries, ChartPoint and their fills),
 * as far as the adapter and Microsoft's client use them:
 * - `worksheet.charts`: the sheet's charts in order; `load('items/name')`, `count`,
 *   `getItem(name or id)`, `getItemOrNullObject` (1.4), `getItemAt`;
 * - `charts.add(type, sourceRange, seriesBy)` (1.1) makes a chart named "Chart N" with a
 *   series per column (or row) of the source, as Excel does: a first column of text
 *   becomes the categories, a first row of text the series names;
 * - `chart.name`, `chart.setPosition(start, end)`, `chart.title.text`, `chart.legend`,
 *   `chart.delete()`;
 * - `chart.series.add(name)`, `series.setValues(range)`, `series.setXAxisValues(range)`
 *   (1.7), `series.name`, `series.gapWidth` (1.8), `series.format.fill.setSolidColor`,
 *   `series.points.getItemAt(i).format.fill.setSolidColor` (1.1).
 * A series keeps its ranges as references, so the chart follows later edits of the cells.
 */
import { parseA1, quoteSheetName, rangeToA1, type RangeRef } from '../../engine';
import type { SimulatedRequestContext } from './context';
import { SimulatedOfficeError } from './errors';
import { notLoaded, planItemsLoad, SimObject } from './proxy';
import { SimRange } from './range';
import { cellOf, normaliseColor, type SimChart, type SimChartRef, type SimChartSeries, type SimSheet, type SimState } from './state';

export type { SimChart, SimChartRef, SimChartSeries } from './state';

/** The worksheet a chart collection belongs to: all the charts need of it. */
interface ChartSheet {
  describe(): string;
  sheetIn(state: SimState): SimSheet;
}

export function refText(r: SimChartRef | undefined): string | undefined {
  return r ? `${quoteSheetName(r.sheet)}!${rangeToA1(r.ref)}` : undefined;
}

const sheetCharts = (sheet: SimSheet): SimChart[] => (sheet.charts ??= []);

function refOf(range: SimRange, state: SimState): SimChartRef {
  const { sheet, ref } = range.resolve(state);
  return { sheet: sheet.name, ref };
}

const isText = (sheet: SimSheet, row: number, col: number): boolean => {
  const cell = cellOf(sheet, row, col);
  return typeof cell?.value === 'string' && cell.value.trim() !== '' && !cell.error;
};

/** The series Excel makes from a source range: by columns (or rows), categories and names from text edges. */
export function seriesFromSource(sheet: SimSheet, ref: RangeRef, byRows: boolean): { series: SimChartSeries[] } {
  const rows = ref.end.row - ref.start.row + 1;
  const cols = ref.end.col - ref.start.col + 1;
  const along = byRows ? rows : cols;
  const across = byRows ? cols : rows;
  const at = (i: number, j: number) => (byRows ? { row: ref.start.row + i, col: ref.start.col + j } : { row: ref.start.row + j, col: ref.start.col + i });
  const catLine = along > 1 && Array.from({ length: across }, (_, j) => at(0, j)).slice(1).every((c) => isText(sheet, c.row, c.col) || cellOf(sheet, c.row, c.col) === undefined);
  const nameLine = across > 1 && Array.from({ length: along }, (_, i) => at(i, 0)).slice(catLine ? 1 : 0).some((c) => isText(sheet, c.row, c.col));
  const first = nameLine ? 1 : 0;
  const span = (i: number): RangeRef => {
    const a = at(i, first);
    const b = at(i, across - 1);
    return { start: { row: a.row, col: a.col }, end: { row: b.row, col: b.col } };
  };
  const series: SimChartSeries[] = [];
  for (let i = catLine ? 1 : 0; i < along; i++) {
    const head = at(i, 0);
    const name = nameLine ? String(cellOf(sheet, head.row, head.col)?.value ?? '') : `Series${series.length + 1}`;
    series.push({ name, values: { sheet: sheet.name, ref: span(i) }, ...(catLine ? { xValues: { sheet: sheet.name, ref: span(0) } } : {}), pointFills: {} });
  }
  return { series };
}

abstract class ChartPart extends SimObject {
  protected exists(state: SimState): boolean {
    this.find(state);
    return true;
  }
  abstract find(state: SimState): unknown;
}

export class SimChartCollection extends SimObject {
  protected readonly scalarNames = ['count'] as const;
  private list: SimChartProxy[] | undefined;
  constructor(context: SimulatedRequestContext, readonly worksheet: ChartSheet) {
    super(context);
  }
  describe(): string {
    return `${this.worksheet.describe()}.charts`;
  }
  protected exists(state: SimState): boolean {
    this.worksheet.sheetIn(state);
    return true;
  }
  protected readScalar(_name: string, state: SimState): unknown {
    return sheetCharts(this.worksheet.sheetIn(state)).length;
  }
  get items(): SimChartProxy[] {
    if (!this.list) throw notLoaded('items');
    return this.list;
  }
  get count(): number {
    return this.loaded('count');
  }
  /** The ids of the sheet's charts in order (for the wire's `_Id`s). */
  idsIn(state: SimState): string[] {
    return sheetCharts(this.worksheet.sheetIn(state)).map((c) => c.id);
  }
  override planLoad(paths: readonly string[][]): ReturnType<SimObject['planLoad']> {
    return planItemsLoad(paths, [['name'], ['id']], (state) => sheetCharts(this.worksheet.sheetIn(state)).map((c) => new SimChartProxy(this.context, this.worksheet, c.id, false)), (items) => (this.list = items));
  }
  /** By id or name (names compared regardless of case). */
  getItem(key: string): SimChartProxy {
    return new SimChartProxy(this.context, this.worksheet, key, false);
  }
  getItemOrNullObject(key: string): SimChartProxy {
    return new SimChartProxy(this.context, this.worksheet, key, true);
  }
  itemAt(index: number, state: SimState): SimChartProxy {
    const chart = sheetCharts(this.worksheet.sheetIn(state))[index];
    if (!chart) throw new SimulatedOfficeError('ItemNotFound', `There is no chart at index ${index}.`, this.describe());
    return this.getItem(chart.id);
  }
  add(type: string, sourceData: SimRange, seriesBy?: string): SimChartProxy {
    const id = `{sim-chart-${Math.random().toString(36).slice(2)}}`;
    const proxy = new SimChartProxy(this.context, this.worksheet, id, false);
    this.context.enqueue({
      request: { call: `${this.describe()}.add`, type, seriesBy },
      location: `${this.describe()}.add`,
      run: (state) => {
        const sheet = this.worksheet.sheetIn(state);
        if (sheet.protected) throw new SimulatedOfficeError('AccessDenied', `The sheet "${sheet.name}" is protected.`, `${this.describe()}.add`);
        if (!(sourceData instanceof SimRange)) throw new SimulatedOfficeError('InvalidArgument', 'The source data must be a range.', `${this.describe()}.add`);
        const source = sourceData.resolve(state);
        const charts = sheetCharts(sheet);
        const n = (state.nextChartNumber = (state.nextChartNumber ?? 0) + 1);
        const byRows = seriesBy === 'Rows' || (seriesBy !== 'Columns' && source.ref.end.col - source.ref.start.col > source.ref.end.row - source.ref.start.row);
        charts.push({ id, name: `Chart ${n}`, chartType: type, legend: { visible: true, position: 'Right' }, ...seriesFromSource(source.sheet, source.ref, byRows) });
      },
    });
    return proxy;
  }
}

export class SimChartProxy extends ChartPart {
  protected readonly scalarNames = ['name', 'id', 'chartType', 'top', 'left', 'width', 'height'] as const;
  readonly title: SimChartTitle;
  readonly legend: SimChartLegend;
  readonly series: SimChartSeriesCollection;
  readonly axes: SimChartAxes;
  constructor(context: SimulatedRequestContext, readonly worksheet: ChartSheet, private readonly key: string, private readonly orNull: boolean) {
    super(context);
    this.axes = new SimChartAxes(context, this);
    this.title = new SimChartTitle(context, this);
    this.legend = new SimChartLegend(context, this);
    this.series = new SimChartSeriesCollection(context, this);
  }
  describe(): string {
    return `Chart(${this.key})`;
  }
  find(state: SimState): SimChart {
    const sheet = this.worksheet.sheetIn(state);
    const wanted = this.key.toLowerCase();
    const chart = sheetCharts(sheet).find((c) => c.id === this.key) ?? sheetCharts(sheet).find((c) => c.name.toLowerCase() === wanted);
    if (!chart) throw new SimulatedOfficeError('ItemNotFound', `The chart "${this.key}" does not exist.`, this.describe());
    return chart;
  }
  protected override exists(state: SimState): boolean {
    const sheet = this.worksheet.sheetIn(state);
    const wanted = this.key.toLowerCase();
    if (sheetCharts(sheet).some((c) => c.id === this.key || c.name.toLowerCase() === wanted)) return true;
    if (this.orNull) return false;
    this.find(state);
    return true;
  }
  protected override navigation(name: string): SimObject | undefined {
    if (name === 'title') return this.title;
    if (name === 'legend') return this.legend;
    if (name === 'series') return this.series;
    if (name === 'axes') return this.axes;
    return undefined;
  }
  protected readScalar(name: string, state: SimState): unknown {
    const chart = this.find(state);
    if (name === 'name') return chart.name;
    if (name === 'id') return chart.id;
    if (name === 'chartType') return chart.chartType;
    // Positions in points: 48 per default column, 15 per default row.
    const from = parseA1(chart.position?.from ?? 'A1')!;
    const to = parseA1(chart.position?.to ?? 'H15')!;
    if (name === 'top') return from.row * 15;
    if (name === 'left') return from.col * 48;
    if (name === 'width') return (to.col - from.col + 1) * 48;
    return (to.row - from.row + 1) * 15;
  }
  get name(): string {
    return this.loaded('name');
  }
  set name(value: string) {
    this.write('name', value, (chart) => {
      chart.name = String(value);
    });
  }
  get id(): string {
    return this.loaded('id');
  }
  get chartType(): string {
    return this.loaded('chartType');
  }
  set chartType(value: string) {
    this.write('chartType', value, (chart) => {
      chart.chartType = value;
    });
  }
  setPosition(startCell: string | SimRange, endCell?: string | SimRange): void {
    this.queueWrite('setPosition', [String(startCell), endCell === undefined ? null : String(endCell)], (state) => {
      const cell = (c: string | SimRange | undefined): string | undefined => {
        if (c === undefined) return undefined;
        if (c instanceof SimRange) return rangeToA1({ start: c.resolve(state).ref.start, end: c.resolve(state).ref.start });
        if (!parseA1(c)) throw new SimulatedOfficeError('InvalidArgument', `"${c}" is not a cell.`, `${this.describe()}.setPosition`);
        return c.toUpperCase();
      };
      const chart = this.writable(state);
      const from = cell(startCell)!;
      chart.position = { from, to: cell(endCell) ?? from };
    });
  }
  delete(): void {
    this.queueWrite('delete', null, (state) => {
      const chart = this.writable(state);
      const sheet = this.worksheet.sheetIn(state);
      sheet.charts = sheetCharts(sheet).filter((c) => c !== chart);
    });
  }
  /** The chart for a write: a protected sheet refuses. */
  writable(state: SimState): SimChart {
    const sheet = this.worksheet.sheetIn(state);
    if (sheet.protected) throw new SimulatedOfficeError('AccessDenied', `The sheet "${sheet.name}" is protected.`, this.describe());
    return this.find(state);
  }
  private write(property: string, value: unknown, apply: (chart: SimChart) => void): void {
    this.queueWrite(property, value, (state) => apply(this.writable(state)));
  }
}

export class SimChartTitle extends ChartPart {
  protected readonly scalarNames = ['text', 'visible'] as const;
  constructor(context: SimulatedRequestContext, readonly chart: SimChartProxy) {
    super(context);
  }
  describe(): string {
    return `${this.chart.describe()}.title`;
  }
  find(state: SimState): SimChart {
    return this.chart.find(state);
  }
  protected readScalar(name: string, state: SimState): unknown {
    const chart = this.find(state);
    return name === 'text' ? chart.title ?? '' : chart.title !== undefined;
  }
  get text(): string {
    return this.loaded('text');
  }
  set text(value: string) {
    this.queueWrite('text', value, (state) => {
      this.chart.writable(state).title = String(value);
    });
  }
}

/** `chart.axes`: the category and value axes. */
export class SimChartAxes extends ChartPart {
  protected readonly scalarNames = [] as const;
  readonly categoryAxis: SimChartAxis;
  readonly valueAxis: SimChartAxis;
  constructor(context: SimulatedRequestContext, readonly chart: SimChartProxy) {
    super(context);
    this.categoryAxis = new SimChartAxis(context, chart, 'category');
    this.valueAxis = new SimChartAxis(context, chart, 'value');
  }
  describe(): string {
    return `${this.chart.describe()}.axes`;
  }
  find(state: SimState): SimChart {
    return this.chart.find(state);
  }
  protected override navigation(name: string): SimObject | undefined {
    return name === 'categoryAxis' ? this.categoryAxis : name === 'valueAxis' ? this.valueAxis : undefined;
  }
  protected readScalar(): unknown {
    return null;
  }
}

/** An axis: `reversePlotOrder` (ExcelApi 1.7), `position` (1.8), `title.text` (1.1). */
export class SimChartAxis extends ChartPart {
  protected readonly scalarNames = ['reversePlotOrder', 'position'] as const;
  readonly title: SimChartAxisTitle;
  constructor(context: SimulatedRequestContext, readonly chart: SimChartProxy, readonly which: 'category' | 'value') {
    super(context);
    this.title = new SimChartAxisTitle(context, this);
  }
  describe(): string {
    return `${this.chart.describe()}.axes.${this.which}Axis`;
  }
  find(state: SimState): SimChart {
    return this.chart.find(state);
  }
  protected override navigation(name: string): SimObject | undefined {
    return name === 'title' ? this.title : undefined;
  }
  protected readScalar(name: string, state: SimState): unknown {
    const axes = this.find(state).axes ?? {};
    if (this.which === 'value') return name === 'position' ? 'Automatic' : false;
    return name === 'position' ? axes.crossesAt ?? 'Automatic' : axes.reversePlotOrder === true;
  }
  get reversePlotOrder(): boolean {
    return this.loaded('reversePlotOrder');
  }
  set reversePlotOrder(value: boolean) {
    this.queueWrite('reversePlotOrder', value, (state) => {
      const chart = this.chart.writable(state);
      if (this.which !== 'category') throw new SimulatedOfficeError('InvalidArgument', 'Only the category axis is simulated in reverse.', this.describe());
      (chart.axes ??= {}).reversePlotOrder = value;
    });
  }
  get position(): string {
    return this.loaded('position');
  }
  set position(value: string) {
    this.queueWrite('position', value, (state) => {
      const chart = this.chart.writable(state);
      if (!['Automatic', 'Maximum', 'Minimum'].includes(value)) throw new SimulatedOfficeError('InvalidArgument', `"${value}" is not an axis position.`, this.describe());
      if (this.which === 'category') (chart.axes ??= {}).crossesAt = value;
    });
  }
}

export class SimChartAxisTitle extends ChartPart {
  protected readonly scalarNames = ['text'] as const;
  constructor(context: SimulatedRequestContext, readonly axis: SimChartAxis) {
    super(context);
  }
  describe(): string {
    return `${this.axis.describe()}.title`;
  }
  find(state: SimState): SimChart {
    return this.axis.find(state);
  }
  protected readScalar(_name: string, state: SimState): unknown {
    return this.axis.which === 'value' ? this.find(state).axes?.valueTitle ?? '' : '';
  }
  get text(): string {
    return this.loaded('text');
  }
  set text(value: string) {
    this.queueWrite('text', value, (state) => {
      const chart = this.axis.chart.writable(state);
      if (this.axis.which === 'value') (chart.axes ??= {}).valueTitle = String(value);
    });
  }
}

export class SimChartLegend extends ChartPart {
  protected readonly scalarNames = ['visible', 'position'] as const;
  constructor(context: SimulatedRequestContext, readonly chart: SimChartProxy) {
    super(context);
  }
  describe(): string {
    return `${this.chart.describe()}.legend`;
  }
  find(state: SimState): SimChart {
    return this.chart.find(state);
  }
  protected readScalar(name: string, state: SimState): unknown {
    const legend = this.find(state).legend;
    return name === 'visible' ? legend.visible : legend.position;
  }
  get visible(): boolean {
    return this.loaded('visible');
  }
  set visible(value: boolean) {
    this.queueWrite('visible', value, (state) => {
      this.chart.writable(state).legend.visible = value;
    });
  }
  get position(): string {
    return this.loaded('position');
  }
  set position(value: string) {
    this.queueWrite('position', value, (state) => {
      this.chart.writable(state).legend.position = value;
    });
  }
}

export class SimChartSeriesCollection extends ChartPart {
  protected readonly scalarNames = ['count'] as const;
  private list: SimChartSeriesProxy[] | undefined;
  constructor(context: SimulatedRequestContext, readonly chart: SimChartProxy) {
    super(context);
  }
  describe(): string {
    return `${this.chart.describe()}.series`;
  }
  find(state: SimState): SimChart {
    return this.chart.find(state);
  }
  protected readScalar(_name: string, state: SimState): unknown {
    return this.find(state).series.length;
  }
  get count(): number {
    return this.loaded('count');
  }
  get items(): SimChartSeriesProxy[] {
    if (!this.list) throw notLoaded('items');
    return this.list;
  }
  override planLoad(paths: readonly string[][]): ReturnType<SimObject['planLoad']> {
    if (!paths.some((p) => p[0] === 'items')) return super.planLoad(paths);
    return planItemsLoad(paths, [['name']], (state) => this.find(state).series.map((_, i) => new SimChartSeriesProxy(this.context, this, i)), (items) => (this.list = items));
  }
  getItemAt(index: number): SimChartSeriesProxy {
    return new SimChartSeriesProxy(this.context, this, index);
  }
  itemAt(index: number): SimChartSeriesProxy {
    return this.getItemAt(index);
  }
  /** `series.add(name, index)` (ExcelApi 1.7): an empty series at the end (or at index). */
  add(name?: string, index?: number): SimChartSeriesProxy {
    const at = { index: -1 };
    const proxy = new SimChartSeriesProxy(this.context, this, at);
    this.queueWrite('add', { name, index }, (state) => {
      const chart = this.chart.writable(state);
      const series: SimChartSeries = { name: name ?? `Series${chart.series.length + 1}`, pointFills: {} };
      const i = index === undefined || index === null ? chart.series.length : Math.max(0, Math.min(index, chart.series.length));
      chart.series.splice(i, 0, series);
      at.index = i;
    });
    return proxy;
  }
}

export class SimChartSeriesProxy extends ChartPart {
  protected readonly scalarNames = ['name', 'chartType', 'gapWidth'] as const;
  readonly format: SimChartFormat;
  readonly points: SimChartPointsCollection;
  constructor(context: SimulatedRequestContext, readonly collection: SimChartSeriesCollection, private readonly index: number | { index: number }) {
    super(context);
    this.format = new SimChartFormat(context, this, (s) => s, `${this.describe()}.format`);
    this.points = new SimChartPointsCollection(context, this);
  }
  private get position(): number {
    return typeof this.index === 'number' ? this.index : this.index.index;
  }
  describe(): string {
    return `${this.collection.describe()}[${this.position}]`;
  }
  find(state: SimState): SimChartSeries {
    const series = this.collection.find(state).series[this.position];
    if (!series) throw new SimulatedOfficeError('ItemNotFound', `The chart has no series at index ${this.position}.`, this.describe());
    return series;
  }
  writable(state: SimState): SimChartSeries {
    this.collection.chart.writable(state);
    return this.find(state);
  }
  protected override navigation(name: string): SimObject | undefined {
    if (name === 'format') return this.format;
    if (name === 'points') return this.points;
    return undefined;
  }
  protected readScalar(name: string, state: SimState): unknown {
    const s = this.find(state);
    if (name === 'name') return s.name;
    if (name === 'gapWidth') return s.gapWidth ?? 150;
    return this.collection.find(state).chartType;
  }
  get name(): string {
    return this.loaded('name');
  }
  set name(value: string) {
    this.queueWrite('name', value, (state) => {
      this.writable(state).name = String(value);
    });
  }
  get gapWidth(): number {
    return this.loaded('gapWidth');
  }
  set gapWidth(value: number) {
    this.queueWrite('gapWidth', value, (state) => {
      if (typeof value !== 'number' || value < 0 || value > 500) throw new SimulatedOfficeError('InvalidArgument', 'The gap width must be between 0 and 500.', `${this.describe()}.gapWidth`);
      this.writable(state).gapWidth = value;
    });
  }
  setValues(sourceData: SimRange): void {
    this.queueWrite('setValues', null, (state) => {
      this.writable(state).values = refOf(sourceData, state);
    });
  }
  setXAxisValues(sourceData: SimRange): void {
    this.queueWrite('setXAxisValues', null, (state) => {
      this.writable(state).xValues = refOf(sourceData, state);
    });
  }
  delete(): void {
    this.queueWrite('delete', null, (state) => {
      const chart = this.collection.chart.writable(state);
      chart.series.splice(this.position, 1);
    });
  }
}

export class SimChartPointsCollection extends ChartPart {
  protected readonly scalarNames = ['count'] as const;
  constructor(context: SimulatedRequestContext, readonly series: SimChartSeriesProxy) {
    super(context);
  }
  describe(): string {
    return `${this.series.describe()}.points`;
  }
  find(state: SimState): SimChartSeries {
    return this.series.find(state);
  }
  protected readScalar(_name: string, state: SimState): unknown {
    const values = this.find(state).values;
    return values ? values.ref.end.row - values.ref.start.row + 1 + values.ref.end.col - values.ref.start.col : 0;
  }
  get count(): number {
    return this.loaded('count');
  }
  getItemAt(index: number): SimChartPoint {
    return new SimChartPoint(this.context, this, index);
  }
  itemAt(index: number): SimChartPoint {
    return this.getItemAt(index);
  }
}

export class SimChartPoint extends ChartPart {
  protected readonly scalarNames = ['value'] as const;
  readonly format: SimChartFormat;
  constructor(context: SimulatedRequestContext, readonly points: SimChartPointsCollection, readonly index: number) {
    super(context);
    this.format = new SimChartFormat(context, points.series, (s) => s, `${this.describe()}.format`, index);
  }
  describe(): string {
    return `${this.points.describe()}[${this.index}]`;
  }
  find(state: SimState): SimChartSeries {
    const series = this.points.find(state);
    const count = series.values ? series.values.ref.end.row - series.values.ref.start.row + 1 : 0;
    if (this.index < 0 || this.index >= count) throw new SimulatedOfficeError('ItemNotFound', `The series has no point ${this.index}.`, this.describe());
    return series;
  }
  protected readScalar(_name: string, state: SimState): unknown {
    const values = this.find(state).values!;
    const sheet = state.sheets.find((s) => s.name === values.sheet);
    return sheet ? cellOf(sheet, values.ref.start.row + this.index, values.ref.start.col)?.value ?? null : null;
  }
  get value(): unknown {
    return this.loaded('value');
  }
}

/** A series' or a point's `format` (its `fill`). */
export class SimChartFormat extends ChartPart {
  protected readonly scalarNames = [] as const;
  readonly fill: SimChartFill;
  constructor(context: SimulatedRequestContext, readonly owner: SimChartSeriesProxy, _select: (s: SimChartSeries) => SimChartSeries, private readonly label: string, readonly point?: number) {
    super(context);
    this.fill = new SimChartFill(context, this);
  }
  describe(): string {
    return this.label;
  }
  find(state: SimState): SimChartSeries {
    return this.owner.find(state);
  }
  protected override navigation(name: string): SimObject | undefined {
    return name === 'fill' ? this.fill : undefined;
  }
  protected readScalar(): unknown {
    return null;
  }
}

export class SimChartFill extends ChartPart {
  protected readonly scalarNames = [] as const;
  constructor(context: SimulatedRequestContext, readonly format: SimChartFormat) {
    super(context);
  }
  describe(): string {
    return `${this.format.describe()}.fill`;
  }
  find(state: SimState): SimChartSeries {
    return this.format.find(state);
  }
  protected readScalar(): unknown {
    return null;
  }
  setSolidColor(color: string): void {
    this.queueWrite('setSolidColor', color, (state) => {
      const series = this.format.owner.writable(state);
      const value = normaliseColor(color);
      if (this.format.point === undefined) series.fill = value;
      else {
        new SimChartPoint(this.context, this.format.owner.points, this.format.point).find(state);
        series.pointFills[this.format.point] = value;
      }
    });
  }
  clear(): void {
    this.queueWrite('clear', null, (state) => {
      const series = this.format.owner.writable(state);
      if (this.format.point === undefined) delete series.fill;
      else delete series.pointFills[this.format.point];
    });
  }
}
