/**
 * The simulated workbook's in-memory state: everything the Excel JavaScript API can see
 * through the parts the adapter uses. Proxies read and write it only inside `sync`.
 */
import type { Cell, CellValue, DefinedName, RangeRef, Workbook } from '../../engine';

/** A value as Excel's `Range.values` holds it: `""` is empty, errors are `#DIV/0!` strings. */
export type ExcelScalar = string | number | boolean;

export interface SimCell {
  /** Constant or calculated value; undefined is empty. */
  value?: ExcelScalar;
  /** True when `value` is an error text such as `#REF!`. */
  error?: boolean;
  formula?: string;
  format?: string;
  fill?: string;
  bold?: boolean;
  indent?: number;
}

export interface SimConditionalFormat {
  readonly id: string;
  type: 'Custom' | 'ContainsText';
  range: RangeRef;
  /**
   * Every range it applies to, when more than one (a rule copied and pasted elsewhere keeps
   * one rule over several areas); `range` is the first. Its getRange() then throws.
   */
  areas?: RangeRef[];
  formula?: string;
  text?: { operator: string; text: string };
  fill: string | null;
  fontColor: string | null;
  bold: boolean | null;
  stopIfTrue: boolean;
}

export interface SimListValidation {
  range: RangeRef;
  source: string;
  inCellDropDown: boolean;
  /** What Excel does when the officer types something not on the list; absent is Excel's default (a Stop alert). */
  errorAlert?: { showAlert: boolean; style: 'Stop' | 'Warning' | 'Information'; title: string; message: string };
}

export interface SimSheet {
  name: string;
  rows: (SimCell | undefined)[][];
  protected: boolean;
  conditionalFormats: SimConditionalFormat[];
  validations: SimListValidation[];
  /** Column widths in points, by 0-based column; absent is the default width. */
  columnWidths: Map<number, number>;
  /** Hidden (Home > Format > Hide) or very hidden (only code can show it); absent is visible. */
  visibility?: 'Visible' | 'Hidden' | 'VeryHidden';
  /** Frozen panes (View > Freeze Panes) as the file records them: rows above and columns left of the split. */
  frozen?: { rows: number; cols: number };
  /** Merged areas (Merge & Center). */
  merged?: RangeRef[];
  /** Excel tables (Insert > Table), each with its header row. */
  tables?: { readonly name: string; readonly range: RangeRef }[];
  /** Charts on the sheet, in order (see charts.ts). */
  charts?: SimChart[];
}

export interface SimState {
  sheets: SimSheet[];
  settings: Map<string, unknown>;
  selection?: { sheet: string; address: string };
  nextId: number;
  /** Formulas changed since the last calculation. */
  dirty: boolean;
  /** Excel's calculation mode: in Manual, values stay as last calculated until `application.calculate`. */
  calculationMode?: 'Automatic' | 'AutomaticExceptTables' | 'Manual';
  /** False until the formulas have values (calculated, or the results a file was saved with). */
  calculatedOnce?: boolean;
  /** The workbook's defined names, for the calculation. */
  definedNames: DefinedName[];
  /** Review > Protect Workbook (structure): sheets cannot be added, deleted, moved or shown. */
  structureProtected?: boolean;
  /** Excel numbers new charts "Chart 1", "Chart 2", … */
  nextChartNumber?: number;
}

export const DEFAULT_COLUMN_WIDTH = 48;

/** Colours are kept upper case (`#FFC7CE`), as Excel reports them back whatever was written. */
export function normaliseColor(color: string): string {
  return color.toUpperCase();
}

export function emptySheet(name: string): SimSheet {
  return { name, rows: [], protected: false, conditionalFormats: [], validations: [], columnWidths: new Map() };
}

export function cellOf(sheet: SimSheet, row: number, col: number): SimCell | undefined {
  return sheet.rows[row]?.[col];
}

/** The cell, created when missing, for writing. */
export function mutableCell(sheet: SimSheet, row: number, col: number): SimCell {
  const r = (sheet.rows[row] ??= []);
  return (r[col] ??= {});
}

export function isEmptySimCell(cell: SimCell | undefined): boolean {
  return !cell || (cell.formula === undefined && (cell.value === undefined || cell.value === ''));
}

/** Excel's used range (values only): the smallest block holding every non-empty cell. */
export function usedBounds(sheet: SimSheet): RangeRef | undefined {
  let top = -1;
  let bottom = -1;
  let left = Number.MAX_SAFE_INTEGER;
  let right = -1;
  sheet.rows.forEach((row, r) => {
    if (!row) return;
    row.forEach((cell, c) => {
      if (isEmptySimCell(cell)) return;
      if (top < 0) top = r;
      bottom = r;
      if (c < left) left = c;
      if (c > right) right = c;
    });
  });
  if (top < 0) return undefined;
  return { start: { row: top, col: left }, end: { row: bottom, col: right } };
}

function toSimCell(cell: Cell): SimCell {
  const out: SimCell = {};
  const v = cell.value;
  if (v !== null) {
    if (typeof v === 'object') {
      out.value = v.error;
      out.error = true;
    } else out.value = v;
  }
  if (cell.formula !== undefined) out.formula = cell.formula;
  if (cell.format !== undefined && cell.format !== 'General') out.format = cell.format;
  if (cell.bold) out.bold = true;
  if (cell.indent) out.indent = cell.indent;
  return out;
}

/**
 * The state of a workbook. With `cachedResults` its formulas' values are the results it was
 * saved with (a file) and stand until something changes, as when Excel opens a file;
 * otherwise they are calculated when first read.
 */
export function stateFromWorkbook(workbook: Workbook, options: { cachedResults?: boolean } = {}): SimState {
  const sheets = workbook.sheets.map((s) => {
    const sheet = emptySheet(s.name);
    sheet.protected = s.protected === true;
    s.rows.forEach((row, r) => {
      if (!row) return;
      sheet.rows[r] = row.map((cell) => (cell ? toSimCell(cell) : undefined));
    });
    return sheet;
  });
  return {
    sheets,
    settings: new Map(),
    nextId: 1,
    dirty: options.cachedResults !== true,
    calculationMode: 'Automatic',
    calculatedOnce: options.cachedResults === true,
    definedNames: [...(workbook.definedNames ?? [])],
  };
}

/** Whether reading values calculates first: always in automatic mode, in manual only the first time. */
export function calculatesOnRead(state: SimState): boolean {
  return state.dirty && (state.calculationMode !== 'Manual' || !state.calculatedOnce);
}

export function simCellToCell(cell: SimCell | undefined): Cell | undefined {
  if (!cell) return undefined;
  let value: CellValue = null;
  if (cell.value !== undefined && cell.value !== '') value = cell.error ? { error: String(cell.value) } : cell.value;
  if (value === null && cell.formula === undefined && cell.format === undefined && !cell.bold && !cell.indent) return undefined;
  return {
    value,
    ...(cell.formula !== undefined ? { formula: cell.formula } : {}),
    ...(cell.format !== undefined ? { format: cell.format } : {}),
    ...(cell.bold ? { bold: true } : {}),
    ...(cell.indent ? { indent: cell.indent } : {}),
  };
}

/** A chart's data, as the simulated workbook keeps it (the objects in charts.ts read and write it). */
export interface SimChartRef {
  readonly sheet: string;
  readonly ref: RangeRef;
}

export interface SimChartSeries {
  name: string;
  values?: SimChartRef;
  xValues?: SimChartRef;
  fill?: string;
  gapWidth?: number;
  /** Fill colours set on single points, by index. */
  pointFills: Record<number, string>;
}

export interface SimChart {
  readonly id: string;
  name: string;
  chartType: string;
  title?: string;
  legend: { visible: boolean; position: string };
  /** Top-left and bottom-right cells (setPosition), when set. */
  position?: { from: string; to: string };
  series: SimChartSeries[];
  /** The category axis in reverse order (ExcelApi 1.7), where the value axis crosses it (1.8), the value axis title. */
  axes?: { reversePlotOrder?: boolean; crossesAt?: string; valueTitle?: string };
}
