/**
 * The simulated Excel: an in-memory workbook behind the part of the Excel JavaScript API
 * the adapter uses, with Office's semantics (see DESIGN.md). `run` is the `Excel.run`
 * entry; the other methods act as the officer or the test harness, outside the API.
 */
import { columnLetters, parseA1, parseRange, type RangeRef, toA1, type Workbook } from '../../engine';
import { recalculate } from './calc';
import { refText, seriesFromSource, type SimChart } from './charts';
import { SimulatedRequestContext, type ContextHost, type InjectedFailure, type SyncStats } from './context';
import { SimulatedOfficeError } from './errors';
import { findSimSheet, SimWorkbook } from './workbook';
import { calculatesOnRead, mutableCell, simCellToCell, stateFromWorkbook, type SimConditionalFormat, type SimListValidation, type SimSheet, type SimState } from './state';

export interface SimulatedExcelOptions {
  /** Delay added to every sync, to behave like Excel on the web. */
  syncDelayMs?: number;
  /** Highest ExcelApi version supported; 1.20 brings mergeUndoGroup. */
  excelApiVersion?: string;
  /**
   * The workbook's formula values are the results it was saved with (an opened file): they
   * are shown and read as they are until something changes, as in Excel. Without it, formulas
   * are calculated when first read.
   */
  cachedResults?: boolean;
}

/** Everything observable about the workbook, for exact before/after comparisons in tests. */
export interface SimSnapshot {
  sheets: {
    name: string;
    protected: boolean;
    cells: Record<string, { value?: string | number | boolean; formula?: string; format?: string; fill?: string; bold?: boolean }>;
    conditionalFormats: (Omit<SimConditionalFormat, 'id' | 'range'> & { range: string })[];
    validations: (Omit<SimListValidation, 'range'> & { range: string })[];
    columnWidths: Record<string, number>;
    /** Present when the sheet has charts: each with its series as sheet-qualified ranges. */
    charts?: SimChartSnapshot[];
  }[];
}

export interface SimChartSnapshot {
  name: string;
  chartType: string;
  title?: string;
  position?: { from: string; to: string };
  series: { name: string; values?: string; xValues?: string; fill?: string; pointFills: Record<number, string> }[];
  axes?: { reversePlotOrder?: boolean; crossesAt?: string; valueTitle?: string };
}

export class SimulatedExcel implements ContextHost {
  readonly stats: SyncStats = { syncs: 0, requestBytes: 0, responseBytes: 0, maxRequestBytes: 0, maxResponseBytes: 0, payloadErrors: 0 };
  syncDelayMs: number;
  excelApiVersion: string;
  /** The options of the last `run`, e.g. whether mergeUndoGroup was asked for. */
  lastRunOptions: Excel.RunOptions | undefined;
  runs = 0;
  /**
   * The officer is typing in a cell: Excel refuses every request with
   * InvalidOperationInCellEditMode, unless it was sent with `delayForCellEdit` (ExcelApi
   * 1.11), which Excel holds until the officer leaves the cell (answered at once here).
   */
  cellEditMode = false;
  private failures: InjectedFailure[] = [];

  constructor(readonly state: SimState, options: SimulatedExcelOptions = {}) {
    this.syncDelayMs = options.syncDelayMs ?? 0;
    this.excelApiVersion = options.excelApiVersion ?? '1.20';
  }

  static fromWorkbook(workbook: Workbook, options?: SimulatedExcelOptions): SimulatedExcel {
    return new SimulatedExcel(stateFromWorkbook(workbook, { cachedResults: options?.cachedResults === true }), options);
  }

  /** `Excel.run(options, batch)`: one request context per call. */
  run<T>(options: Excel.RunOptions, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    this.runs += 1;
    this.lastRunOptions = options;
    const context = new SimulatedRequestContext(this);
    const api = { workbook: new SimWorkbook(context), sync: () => context.sync() };
    // The one place the simulated objects stand in for Office's: their shapes are checked in test/host/simulated-types.test.ts.
    return batch(api as unknown as Excel.RequestContext);
  }

  isSetSupported(name: string, version: string): boolean {
    if (name !== 'ExcelApi') return false;
    return compareVersions(version, this.excelApiVersion) <= 0;
  }

  /** Makes a later sync fail (1-based over this Excel's lifetime), after running some of its calls. */
  injectFailure(failure: InjectedFailure): void {
    this.failures.push(failure);
  }

  takeFailure(syncNumber: number): InjectedFailure | undefined {
    const index = this.failures.findIndex((f) => f.atSync === syncNumber);
    if (index < 0) return undefined;
    return this.failures.splice(index, 1)[0];
  }

  resetStats(): void {
    this.stats.syncs = 0;
    this.stats.requestBytes = 0;
    this.stats.responseBytes = 0;
    this.stats.maxRequestBytes = 0;
    this.stats.maxResponseBytes = 0;
    this.stats.payloadErrors = 0;
  }

  // ---- Outside the API: what the officer does, and what tests inspect. ----

  toWorkbook(): Workbook {
    if (calculatesOnRead(this.state)) recalculate(this.state);
    return {
      sheets: this.state.sheets.map((s) => ({
        name: s.name,
        rows: s.rows.map((row) => row?.map(simCellToCell)),
        ...(s.protected ? { protected: true } : {}),
      })),
      ...(this.state.definedNames.length > 0 ? { definedNames: [...this.state.definedNames] } : {}),
    };
  }

  sheet(name: string): SimSheet {
    const sheet = findSimSheet(this.state, name);
    if (!sheet) throw new SimulatedOfficeError('ItemNotFound', `The sheet "${name}" does not exist.`);
    return sheet;
  }

  /** Types into a cell as the officer would: `=` starts a formula. */
  typeInto(sheetName: string, a1: string, content: string | number | boolean | null): void {
    const ref = parseA1(a1);
    if (!ref) throw new RangeError(`Not a cell: ${a1}`);
    const cell = mutableCell(this.sheet(sheetName), ref.row, ref.col);
    delete cell.formula;
    delete cell.value;
    delete cell.error;
    if (typeof content === 'string' && content.startsWith('=')) cell.formula = content;
    else if (content !== null && content !== '') cell.value = content;
    this.state.dirty = true;
  }

  /**
   * What Excel says when the officer types `text` into a cell whose drop-down list does not
   * hold it (a Stop alert), or undefined when Excel would take it. A list is either its words
   * ("Proposed,Agreed") or a range of cells (`=$A$32:$A$56`, `='Lists'!$B$2:$B$9`).
   */
  listRefusal(sheetName: string, a1: string, text: string): string | undefined {
    const ref = parseA1(a1);
    const sheet = findSimSheet(this.state, sheetName);
    if (!ref || !sheet || text.trim() === '') return undefined;
    const rule = sheet.validations.find((v) => ref.row >= v.range.start.row && ref.row <= v.range.end.row && ref.col >= v.range.start.col && ref.col <= v.range.end.col);
    if (!rule || (rule.errorAlert && (!rule.errorAlert.showAlert || rule.errorAlert.style !== 'Stop'))) return undefined;
    const allowed = this.listValues(sheet, rule.source);
    if (allowed === undefined || allowed.some((w) => w.toLowerCase() === text.trim().toLowerCase())) return undefined;
    return rule.errorAlert?.message || `The value “${text}” is not on this cell’s drop-down list.`;
  }

  private listValues(sheet: SimSheet, source: string): string[] | undefined {
    if (!source.startsWith('=')) return source.split(',').map((w) => w.trim());
    const match = /^=(?:(?:'((?:[^']|'')+)'|([^!'=]+))!)?(\$?[A-Z]+\$?\d+(?::\$?[A-Z]+\$?\d+)?)$/.exec(source);
    if (!match) return undefined;
    const listSheet = match[1] || match[2] ? findSimSheet(this.state, (match[1] ?? match[2]!).replace(/''/g, "'")) : sheet;
    const range = parseRange(match[3]!.replace(/\$/g, ''));
    if (!listSheet || !range) return undefined;
    const words: string[] = [];
    for (let r = range.start.row; r <= range.end.row; r++) {
      for (let c = range.start.col; c <= range.end.col; c++) {
        const value = simCellToCell(listSheet.rows[r]?.[c])?.value;
        if (value !== null && value !== undefined && value !== '') words.push(String(value));
      }
    }
    return words;
  }

  /** File > Options > Formulas > Workbook Calculation, as the officer sets it. */
  setCalculationMode(mode: NonNullable<SimState['calculationMode']>): void {
    this.state.calculationMode = mode;
  }

  /** Hides a sheet (Hidden: Home > Format > Hide; VeryHidden: only code can show it again). */
  hideSheet(name: string, visibility: 'Visible' | 'Hidden' | 'VeryHidden' = 'Hidden'): void {
    this.sheet(name).visibility = visibility;
  }

  /** Review > Protect Workbook (structure). */
  protectStructure(on = true): void {
    this.state.structureProtected = on;
  }

  /** Insert > Table over a range whose first row is the header. */
  addTable(sheetName: string, range: string, name: string): void {
    const ref = parseRange(range);
    if (!ref) throw new RangeError(`Not a range: ${range}`);
    (this.sheet(sheetName).tables ??= []).push({ name, range: ref });
  }

  /** Merge & Center over a range. */
  mergeCells(sheetName: string, range: string): void {
    const ref = parseRange(range);
    if (!ref) throw new RangeError(`Not a range: ${range}`);
    (this.sheet(sheetName).merged ??= []).push(ref);
  }

  protectSheet(name: string, on = true): void {
    this.sheet(name).protected = on;
  }

  deleteSheet(name: string): void {
    const sheet = this.sheet(name);
    this.state.sheets = this.state.sheets.filter((s) => s !== sheet);
    this.state.dirty = true;
  }

  /** Adds a conditional format as the officer would through Excel's menus. */
  addOfficerConditionalFormat(sheetName: string, range: string, format: Omit<SimConditionalFormat, 'id' | 'range'>): void {
    const ref = parseRange(range);
    if (!ref) throw new RangeError(`Not a range: ${range}`);
    this.sheet(sheetName).conditionalFormats.push({ ...format, id: `{officer-${this.state.nextId++}}`, range: ref });
  }

  addOfficerValidation(sheetName: string, range: string, source: string): void {
    const ref = parseRange(range);
    if (!ref) throw new RangeError(`Not a range: ${range}`);
    this.sheet(sheetName).validations.push({ range: ref, source, inCellDropDown: true });
  }

  /** Insert > Chart as the officer would: a chart named `name` over the source range. */
  addOfficerChart(sheetName: string, name: string, source: string, chartType = 'ColumnClustered'): void {
    const ref = parseRange(source);
    if (!ref) throw new RangeError(`Not a range: ${source}`);
    const sheet = this.sheet(sheetName);
    (sheet.charts ??= []).push({ id: `{officer-chart-${this.state.nextId++}}`, name, chartType, legend: { visible: true, position: 'Right' }, ...seriesFromSource(sheet, ref, false) });
  }

  settings(): Record<string, unknown> {
    return Object.fromEntries(this.state.settings);
  }

  /** A deep, order-preserving copy of all that the officer can see (settings excluded). */
  snapshot(): SimSnapshot {
    if (calculatesOnRead(this.state)) recalculate(this.state);
    return {
      sheets: this.state.sheets.map((s) => {
        const cells: SimSnapshot['sheets'][number]['cells'] = {};
        s.rows.forEach((row, r) =>
          row?.forEach((cell, c) => {
            if (!cell) return;
            const entry = Object.fromEntries(Object.entries(cell).filter(([k, v]) => v !== undefined && k !== 'error'));
            if (Object.keys(entry).length > 0) cells[toA1(r, c)] = entry;
          }),
        );
        return {
          name: s.name,
          protected: s.protected,
          cells,
          conditionalFormats: s.conditionalFormats.map(({ id: _id, range, ...rest }) => ({ ...rest, range: rangeText(range) })),
          validations: s.validations.map((v) => ({ ...v, range: rangeText(v.range) })),
          columnWidths: Object.fromEntries([...s.columnWidths].map(([c, w]) => [columnLetters(c), w])),
          ...(s.charts && s.charts.length > 0 ? { charts: s.charts.map(chartSnapshot) } : {}),
        };
      }),
    };
  }
}

function chartSnapshot(c: SimChart): SimChartSnapshot {
  return {
    name: c.name,
    chartType: c.chartType,
    ...(c.title !== undefined ? { title: c.title } : {}),
    ...(c.position ? { position: { ...c.position } } : {}),
    ...(c.axes ? { axes: { ...c.axes } } : {}),
    series: c.series.map((s) => ({
      name: s.name,
      ...(s.values ? { values: refText(s.values) } : {}),
      ...(s.xValues ? { xValues: refText(s.xValues) } : {}),
      ...(s.fill ? { fill: s.fill } : {}),
      pointFills: { ...s.pointFills },
    })),
  };
}

function rangeText(ref: RangeRef): string {
  return `${toA1(ref.start.row, ref.start.col)}:${toA1(ref.end.row, ref.end.col)}`;
}

function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}
