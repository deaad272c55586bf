/** Simulated Excel.Range and its format, fill, font and data validation. */
import { quoteSheetName, type RangeRef, rangeToA1 } from '../../engine';
import { SimConditionalFormatCollection } from './conditional-formats';
import type { LocatedRange, RangeLocator, SheetLocator } from './locators';
import { intersects } from './rects';
import type { SimulatedRequestContext } from './context';
import { READ_CELL_LIMIT } from './context';
import { SimulatedOfficeError } from './errors';
import { SimClientResult, SimObject } from './proxy';
import { recalculate } from './calc';
import { parseAsTyped } from './typed';
import { SimRangeAreas } from './areas';
import { fillCalculatedColumns, SimTableCollection } from './tables';
import {
  calculatesOnRead,
  cellOf,
  DEFAULT_COLUMN_WIDTH,
  isEmptySimCell,
  mutableCell,
  normaliseColor,
  usedBounds,
  type ExcelScalar,
  type SimCell,
  type SimSheet,
  type SimState,
} from './state';

export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;
const DEFAULT_FILL = '#FFFFFF';

export type CellPropertiesData = {
  format?: { fill?: { color?: string; pattern?: string }; font?: { bold?: boolean }; indentLevel?: number };
};
export type CellPropertiesOptions = {
  format?: { fill?: { color?: boolean; pattern?: boolean }; font?: { bold?: boolean }; indentLevel?: boolean };
};

export type { RangeLocator, SheetLocator } from './locators';

export class SimRange extends SimObject implements LocatedRange {
  protected readonly scalarNames = ['address', 'rowIndex', 'columnIndex', 'rowCount', 'columnCount', 'values', 'formulas', 'numberFormat', 'valueTypes'] as const;
  readonly format: SimRangeFormat;
  readonly dataValidation: SimDataValidation;
  readonly conditionalFormats: SimConditionalFormatCollection;

  constructor(
    context: SimulatedRequestContext,
    readonly sheet: SheetLocator,
    private readonly locate: RangeLocator,
    private readonly label: string,
    private readonly orNull = false,
  ) {
    super(context);
    this.format = new SimRangeFormat(context, this);
    this.dataValidation = new SimDataValidation(context, this);
    this.conditionalFormats = new SimConditionalFormatCollection(context, this);
  }

  describe(): string {
    return `${this.sheet.describe()}!${this.label}`;
  }

  /** The sheet and cells at sync; throws when the sheet or range is gone. */
  resolve(state: SimState): { sheet: SimSheet; ref: RangeRef } {
    const sheet = this.sheet.sheetIn(state);
    const ref = this.locate(state, sheet);
    if (!ref) throw new SimulatedOfficeError('ItemNotFound', `The range ${this.describe()} does not exist.`, this.describe());
    return { sheet, ref };
  }

  /** The same, for a write: a protected sheet refuses with AccessDenied. */
  resolveForWrite(state: SimState): { sheet: SimSheet; ref: RangeRef } {
    const found = this.resolve(state);
    if (found.sheet.protected) {
      throw new SimulatedOfficeError('AccessDenied', `The sheet "${found.sheet.name}" is protected.`, this.describe());
    }
    return found;
  }

  protected exists(state: SimState): boolean {
    const sheet = this.sheet.sheetIn(state);
    if (this.locate(state, sheet)) return true;
    if (this.orNull) return false;
    throw new SimulatedOfficeError('ItemNotFound', `The range ${this.describe()} does not exist.`, this.describe());
  }

  protected override navigation(name: string): SimObject | undefined {
    if (name === 'format') return this.format;
    if (name === 'dataValidation') return this.dataValidation;
    return undefined;
  }

  protected readScalar(name: string, state: SimState): unknown {
    const { sheet, ref } = this.resolve(state);
    const rows = ref.end.row - ref.start.row + 1;
    const cols = ref.end.col - ref.start.col + 1;
    if (name === 'address') return `${quoteSheetName(sheet.name)}!${rangeToA1(ref)}`;
    if (name === 'rowCount') return rows;
    if (name === 'rowIndex') return ref.start.row;
    if (name === 'columnIndex') return ref.start.col;
    if (name === 'columnCount') return cols;
    if (rows * cols > READ_CELL_LIMIT) {
      throw new SimulatedOfficeError('RangeExceedsLimit', `The cell count in the range has exceeded the maximum supported number (${rows * cols} cells).`, this.describe());
    }
    if (name === 'values' && calculatesOnRead(state)) recalculate(state);
    return grid(sheet, ref, (cell) => {
      switch (name) {
        case 'values':
          return cell?.value ?? '';
        case 'formulas':
          return cell?.formula ?? cell?.value ?? '';
        case 'numberFormat':
          return cell?.format ?? 'General';
        default: // valueTypes
          return valueType(cell);
      }
    });
  }

  get address(): string {
    return this.loaded('address');
  }
  get rowIndex(): number {
    return this.loaded('rowIndex');
  }
  get columnIndex(): number {
    return this.loaded('columnIndex');
  }
  get rowCount(): number {
    return this.loaded('rowCount');
  }
  get columnCount(): number {
    return this.loaded('columnCount');
  }
  get values(): ExcelScalar[][] {
    return this.loaded('values');
  }
  set values(values: unknown[][]) {
    this.writeCells('values', values, (cell, v) => writeContent(cell, v), true);
  }
  get formulas(): ExcelScalar[][] {
    return this.loaded('formulas');
  }
  set formulas(formulas: unknown[][]) {
    this.writeCells('formulas', formulas, (cell, v) => writeContent(cell, v), true);
  }
  get numberFormat(): string[][] {
    return this.loaded('numberFormat');
  }
  set numberFormat(formats: unknown[][]) {
    this.writeCells('numberFormat', formats, (cell, v) => {
      if (v === null) return;
      if (v === 'General' || v === '') delete cell.format;
      else cell.format = String(v);
    });
  }
  get valueTypes(): string[][] {
    return this.loaded('valueTypes');
  }

  getCellProperties(options: CellPropertiesOptions): SimClientResult<CellPropertiesData[][]> {
    const result = new SimClientResult<CellPropertiesData[][]>();
    const wantFill = options.format?.fill?.color === true;
    const wantPattern = options.format?.fill?.pattern === true;
    const wantBold = options.format?.font?.bold === true;
    const wantIndent = options.format?.indentLevel === true;
    this.context.enqueue({
      request: { call: `${this.describe()}.getCellProperties`, options },
      location: `${this.describe()}.getCellProperties`,
      run: (state) => {
        const { sheet, ref } = this.resolve(state);
        const data = grid(sheet, ref, (cell): CellPropertiesData => {
          const format: NonNullable<CellPropertiesData['format']> = {};
          if (wantFill || wantPattern) {
            format.fill = {};
            if (wantFill) format.fill.color = cell?.fill ?? DEFAULT_FILL;
            if (wantPattern) format.fill.pattern = cell?.fill ? 'Solid' : 'None';
          }
          if (wantBold) format.font = { bold: cell?.bold === true };
          if (wantIndent) format.indentLevel = cell?.indent ?? 0;
          return { format };
        });
        return { response: data, deliver: () => result.set(data) };
      },
    });
    return result;
  }

  setCellProperties(data: CellPropertiesData[][]): void {
    this.writeCells('setCellProperties', data, (cell, v) => {
      const format = (v as CellPropertiesData | null)?.format;
      if (!format) return;
      const color = format.fill?.color;
      if (color !== undefined) setFill(cell, color);
      if (format.fill?.pattern === 'None') setFill(cell, null);
      const bold = format.font?.bold;
      if (bold !== undefined) setBold(cell, bold);
    });
  }

  select(): void {
    this.queueWrite('select', null, (state) => {
      const { sheet, ref } = this.resolve(state);
      state.selection = { sheet: sheet.name, address: rangeToA1(ref) };
    });
  }

  /** Applies a 2-D array (or one value for the whole range) cell by cell at sync. */
  private writeCells(method: string, data: unknown, write: (cell: SimCell, value: unknown) => void, content = false): void {
    this.queueWrite(method, data, (state) => {
      const { sheet, ref } = this.resolveForWrite(state);
      if (content && (sheet.merged ?? []).some((m) => intersects(m, ref) && !contains(ref, m))) {
        throw new SimulatedOfficeError('InvalidOperation', 'Cannot change part of a merged cell.', `${this.describe()}.${method}`);
      }
      const rows = ref.end.row - ref.start.row + 1;
      const cols = ref.end.col - ref.start.col + 1;
      const single = !Array.isArray(data);
      if (!single) {
        const grid2 = data as unknown[][];
        if (grid2.length !== rows || grid2.some((r) => !Array.isArray(r) || r.length !== cols)) {
          throw new SimulatedOfficeError(
            'InvalidArgument',
            `The number of rows or columns in the input array doesn't match the size or dimensions of the range ${this.describe()}.`,
            `${this.describe()}.${method}`,
          );
        }
      }
      for (let r = 0; r < rows; r++) {
        for (let c = 0; c < cols; c++) {
          const value = single ? data : (data as unknown[][])[r]![c];
          write(mutableCell(sheet, ref.start.row + r, ref.start.col + c), value);
        }
      }
      if (content) fillCalculatedColumns(sheet, ref);
      state.dirty = true;
    });
  }

  /** Applies an action to every cell of the range at sync (format setters). */
  forEachCellAtSync(method: string, data: unknown, write: (cell: SimCell) => void): void {
    this.writeCells(method, data === undefined ? null : data, (cell) => write(cell));
  }

  /** `getUsedRangeOrNullObject(valuesOnly)`: the used cells within this range. */
  getUsedRangeOrNullObject(_valuesOnly?: boolean): SimRange {
    return new SimRange(
      this.context,
      this.sheet,
      (state, sheet) => {
        const ref = this.locate(state, sheet);
        if (!ref) return undefined;
        let top = -1;
        let bottom = -1;
        let left = Number.MAX_SAFE_INTEGER;
        let right = -1;
        sheet.rows.forEach((row, r) => {
          if (!row || r < ref.start.row || r > ref.end.row) return;
          row.forEach((cell, c) => {
            if (c < ref.start.col || c > ref.end.col || isEmptySimCell(cell)) return;
            if (top < 0) top = r;
            bottom = r;
            left = Math.min(left, c);
            right = Math.max(right, c);
          });
        });
        return top < 0 ? undefined : { start: { row: top, col: left }, end: { row: bottom, col: right } };
      },
      `${this.label}.usedRange`,
      true,
    );
  }

  /** `getTables(fullyContained)` (ExcelApi 1.9): the tables touching this range, or only those inside it. */
  getTables(fullyContained?: boolean): SimTableCollection {
    return new SimTableCollection(this.context, (state) => this.resolve(state), this.describe(), fullyContained === true);
  }

  /** `getMergedAreasOrNullObject()`: the merged areas touching this range (ExcelApi 1.13). */
  getMergedAreasOrNullObject(): SimRangeAreas {
    return new SimRangeAreas(
      this.context,
      this.sheet,
      (state, sheet) => {
        const ref = this.locate(state, sheet);
        return ref ? (sheet.merged ?? []).filter((m) => intersects(m, ref)) : undefined;
      },
      `${this.label}.mergedAreas`,
      true,
    );
  }

  /** `getRow(row)`: one row of this range (0-based within it), located at sync. */
  getRow(row: number): SimRange {
    return new SimRange(
      this.context,
      this.sheet,
      (state, sheet) => {
        const ref = this.locate(state, sheet);
        if (!ref || row < 0 || row > ref.end.row - ref.start.row) return undefined;
        return { start: { row: ref.start.row + row, col: ref.start.col }, end: { row: ref.start.row + row, col: ref.end.col } };
      },
      `${this.label}.getRow(${row})`,
    );
  }

  /** `getBoundingRect(other)`: the smallest range holding both (Office's client uses it to write large grids in chunks). */
  getBoundingRect(other: SimRange): SimRange {
    return new SimRange(
      this.context,
      this.sheet,
      (state, sheet) => {
        const a = this.locate(state, sheet);
        const otherSheet = other.sheet.sheetIn(state);
        if (otherSheet !== sheet) throw new SimulatedOfficeError('InvalidArgument', 'The ranges are on different sheets.', this.describe());
        const b = other.locate(state, otherSheet);
        if (!a || !b) return undefined;
        return {
          start: { row: Math.min(a.start.row, b.start.row), col: Math.min(a.start.col, b.start.col) },
          end: { row: Math.max(a.end.row, b.end.row), col: Math.max(a.end.col, b.end.col) },
        };
      },
      `${this.label}.getBoundingRect(${other.label})`,
    );
  }

  /** Another range on the same sheet (a conditional format's range). */
  sheetRange(locate: RangeLocator, label: string, orNull = false): SimRange {
    return new SimRange(this.context, this.sheet, locate, label, orNull);
  }

  /** Column indices of the range, resolved at sync. */
  columnsAt(state: SimState): { sheet: SimSheet; columns: number[] } {
    const { sheet, ref } = this.resolve(state);
    const columns: number[] = [];
    for (let c = ref.start.col; c <= ref.end.col; c++) columns.push(c);
    return { sheet, columns };
  }
}

function grid<T>(sheet: SimSheet, ref: RangeRef, read: (cell: SimCell | undefined) => T): T[][] {
  const out: T[][] = [];
  for (let r = ref.start.row; r <= ref.end.row; r++) {
    const row: T[] = [];
    for (let c = ref.start.col; c <= ref.end.col; c++) row.push(read(cellOf(sheet, r, c)));
    out.push(row);
  }
  return out;
}

function valueType(cell: SimCell | undefined): string {
  const v = cell?.value;
  // A formula giving "" is text in Excel; only a cell with nothing in it is Empty.
  if (v === undefined || (v === '' && cell?.formula === undefined)) return 'Empty';
  if (cell?.error) return 'Error';
  if (typeof v === 'number') return 'Double';
  if (typeof v === 'boolean') return 'Boolean';
  return 'String';
}

const ERROR_TEXTS = new Set(['#NULL!', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#N/A', '#SPILL!', '#CALC!']);

/**
 * Writes one entry of `values` or `formulas`. `null` leaves the cell unchanged, as in Office;
 * text is read as if typed (see ./typed.ts).
 */
function writeContent(cell: SimCell, value: unknown): void {
  if (value === null || value === undefined) return;
  delete cell.error;
  if (typeof value === 'string' && value.startsWith('=') && value.length > 1 && cell.format !== '@') {
    cell.formula = value;
    delete cell.value;
    return;
  }
  delete cell.formula;
  if (value === '') {
    delete cell.value;
    return;
  }
  if (typeof value === 'number' || typeof value === 'boolean') {
    cell.value = value;
    return;
  }
  const text = String(value);
  if (ERROR_TEXTS.has(text.trim().toUpperCase()) && cell.format !== '@') {
    cell.value = text.trim().toUpperCase();
    cell.error = true;
    return;
  }
  const typed = parseAsTyped(text, cell.format);
  cell.value = typed.value;
  if (typed.format && (cell.format === undefined || cell.format === 'General')) cell.format = typed.format;
}

function setFill(cell: SimCell, color: string | null): void {
  if (color === null || color.toUpperCase() === DEFAULT_FILL) delete cell.fill;
  else cell.fill = normaliseColor(color);
}

function setBold(cell: SimCell, bold: boolean): void {
  if (bold) cell.bold = true;
  else delete cell.bold;
}


/** The same value in every cell, or null when they differ (Office's rule for range-level formats). */
function uniform<T>(sheet: SimSheet, ref: RangeRef, read: (cell: SimCell | undefined) => T): T | null {
  let first: T | undefined;
  let seen = false;
  for (let r = ref.start.row; r <= ref.end.row; r++) {
    for (let c = ref.start.col; c <= ref.end.col; c++) {
      const v = read(cellOf(sheet, r, c));
      if (!seen) {
        first = v;
        seen = true;
      } else if (v !== first) return null;
    }
  }
  return first ?? null;
}

export class SimRangeFormat extends SimObject {
  protected readonly scalarNames = ['columnWidth'] as const;
  readonly fill: SimRangeFill;
  readonly font: SimRangeFont;

  constructor(context: SimulatedRequestContext, readonly range: SimRange) {
    super(context);
    this.fill = new SimRangeFill(context, range);
    this.font = new SimRangeFont(context, range);
  }
  describe(): string {
    return `${this.range.describe()}.format`;
  }
  protected exists(state: SimState): boolean {
    this.range.resolve(state);
    return true;
  }
  protected override navigation(name: string): SimObject | undefined {
    return name === 'fill' ? this.fill : name === 'font' ? this.font : undefined;
  }
  protected readScalar(_name: string, state: SimState): unknown {
    const { sheet, columns } = this.range.columnsAt(state);
    const widths = new Set(columns.map((c) => sheet.columnWidths.get(c) ?? DEFAULT_COLUMN_WIDTH));
    return widths.size === 1 ? [...widths][0] : null;
  }
  get columnWidth(): number {
    return this.loaded('columnWidth');
  }
  set columnWidth(width: number) {
    this.queueWrite('columnWidth', width, (state) => {
      const { sheet } = this.range.resolveForWrite(state);
      const { columns } = this.range.columnsAt(state);
      for (const c of columns) {
        if (width === DEFAULT_COLUMN_WIDTH) sheet.columnWidths.delete(c);
        else sheet.columnWidths.set(c, width);
      }
    });
  }
}

export class SimRangeFill extends SimObject {
  protected readonly scalarNames = ['color'] as const;
  constructor(context: SimulatedRequestContext, readonly range: SimRange) {
    super(context);
  }
  describe(): string {
    return `${this.range.describe()}.format.fill`;
  }
  protected exists(state: SimState): boolean {
    this.range.resolve(state);
    return true;
  }
  protected readScalar(_name: string, state: SimState): unknown {
    const { sheet, ref } = this.range.resolve(state);
    return uniform(sheet, ref, (cell) => cell?.fill ?? DEFAULT_FILL);
  }
  get color(): string {
    return this.loaded('color');
  }
  set color(color: string) {
    this.range.forEachCellAtSync('format.fill.color', color, (cell) => setFill(cell, color));
  }
  clear(): void {
    this.range.forEachCellAtSync('format.fill.clear', null, (cell) => setFill(cell, null));
  }
}

export class SimRangeFont extends SimObject {
  protected readonly scalarNames = ['bold'] as const;
  constructor(context: SimulatedRequestContext, readonly range: SimRange) {
    super(context);
  }
  describe(): string {
    return `${this.range.describe()}.format.font`;
  }
  protected exists(state: SimState): boolean {
    this.range.resolve(state);
    return true;
  }
  protected readScalar(_name: string, state: SimState): unknown {
    const { sheet, ref } = this.range.resolve(state);
    return uniform(sheet, ref, (cell) => cell?.bold === true);
  }
  get bold(): boolean {
    return this.loaded('bold');
  }
  set bold(bold: boolean) {
    this.range.forEachCellAtSync('format.font.bold', bold, (cell) => setBold(cell, bold));
  }
}

export type ListRule = { list?: { inCellDropDown: boolean; source: string } };

export class SimDataValidation extends SimObject {
  protected readonly scalarNames = ['type', 'rule', 'errorAlert'] as const;
  constructor(context: SimulatedRequestContext, readonly range: SimRange) {
    super(context);
  }
  describe(): string {
    return `${this.range.describe()}.dataValidation`;
  }
  get errorAlert(): Excel.DataValidationErrorAlert {
    return this.loaded('errorAlert');
  }
  /** ExcelApi 1.8; set after the rule, on the cells the rule covers. */
  set errorAlert(alert: Excel.DataValidationErrorAlert) {
    this.queueWrite('errorAlert', alert, (state) => {
      const { sheet, ref } = this.range.resolveForWrite(state);
      for (const v of sheet.validations) {
        if (!intersects(v.range, ref)) continue;
        const next = { showAlert: alert.showAlert ?? true, style: (alert.style as 'Stop' | 'Warning' | 'Information') ?? 'Stop', title: alert.title ?? '', message: alert.message ?? '' };
        // Excel's default alert is no different from none: keep the state as a fresh rule leaves it.
        if (next.showAlert && next.style === 'Stop' && next.title === '' && next.message === '') delete v.errorAlert;
        else v.errorAlert = next;
      }
    });
  }
  protected exists(state: SimState): boolean {
    this.range.resolve(state);
    return true;
  }
  protected readScalar(name: string, state: SimState): unknown {
    const { sheet, ref } = this.range.resolve(state);
    const touching = sheet.validations.filter((v) => intersects(v.range, ref));
    const covering = touching.find((v) => contains(v.range, ref));
    const type = touching.length === 0 ? 'None' : touching.length === 1 && covering ? 'List' : 'Inconsistent';
    if (name === 'type') return type;
    if (name === 'errorAlert') return covering?.errorAlert ?? { showAlert: true, style: 'Stop', title: '', message: '' };
    return type === 'List' && covering ? { list: { inCellDropDown: covering.inCellDropDown, source: covering.source } } : {};
  }
  get type(): string {
    return this.loaded('type');
  }
  get rule(): ListRule {
    return this.loaded('rule');
  }
  set rule(rule: ListRule) {
    this.queueWrite('rule', rule, (state) => {
      const { sheet, ref } = this.range.resolveForWrite(state);
      if (!rule.list) throw new SimulatedOfficeError('InvalidArgument', 'Only list validation is simulated.', this.describe());
      if (sheet.validations.some((v) => intersects(v.range, ref))) {
        // Office refuses to set a rule over cells that already have a different one; clear() first.
        throw new SimulatedOfficeError('InvalidOperation', 'The range already has data validation; clear it first.', this.describe());
      }
      sheet.validations.push({ range: ref, source: String(rule.list.source), inCellDropDown: rule.list.inCellDropDown });
    });
  }
  clear(): void {
    this.queueWrite('clear', null, (state) => {
      const { sheet, ref } = this.range.resolveForWrite(state);
      sheet.validations = sheet.validations.flatMap((v) => subtract(v.range, ref).map((range) => ({ ...v, range })));
    });
  }
}

/** Whether `outer` holds all of `inner`. */
export function contains(outer: RangeRef, inner: RangeRef): boolean {
  return outer.start.row <= inner.start.row && outer.end.row >= inner.end.row && outer.start.col <= inner.start.col && outer.end.col >= inner.end.col;
}


/** `a` minus `b` as up to four rectangles (clearing part of a validated range keeps the rest). */
function subtract(a: RangeRef, b: RangeRef): RangeRef[] {
  if (!intersects(a, b)) return [a];
  const out: RangeRef[] = [];
  const mk = (r1: number, c1: number, r2: number, c2: number): void => {
    if (r1 <= r2 && c1 <= c2) out.push({ start: { row: r1, col: c1 }, end: { row: r2, col: c2 } });
  };
  mk(a.start.row, a.start.col, b.start.row - 1, a.end.col);
  mk(b.end.row + 1, a.start.col, a.end.row, a.end.col);
  const top = Math.max(a.start.row, b.start.row);
  const bottom = Math.min(a.end.row, b.end.row);
  mk(top, a.start.col, bottom, b.start.col - 1);
  mk(top, b.end.col + 1, bottom, a.end.col);
  return out;
}

export const fixedRange = (ref: RangeRef): RangeLocator => () => ref;
export const usedRange: RangeLocator = (_state, sheet) => usedBounds(sheet);
export const wholeSheet: RangeLocator = () => ({ start: { row: 0, col: 0 }, end: { row: MAX_ROWS - 1, col: MAX_COLUMNS - 1 } });
