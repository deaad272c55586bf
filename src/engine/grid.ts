/**
 * The grid model: what every host hands the engine. A workbook is a list of sheets;
 * a sheet is a sparse row-major array of cells, 0-based. Hosts build it, the engine
 * only reads it (and edit plans describe changes to it).
 */

/** A cell error such as `#REF!` or `#DIV/0!`: a value, never an exception. */
export interface ErrorValue {
  readonly error: string;
}

/** What a cell holds after calculation. `null` is an empty cell. */
export type CellValue = number | string | boolean | ErrorValue | null;

export interface Cell {
  readonly value: CellValue;
  /** The formula with its leading `=`, when the cell has one. */
  readonly formula?: string;
  /** Excel number format code, e.g. `#,##0.000;(#,##0.000);"-"`. `General` may be omitted. */
  readonly format?: string;
  /** Leading spaces or an explicit indent level, used to tell lines from headings. */
  readonly indent?: number;
  /** Bold text, a hint for headers and totals. */
  readonly bold?: boolean;
}

export interface Sheet {
  readonly name: string;
  /** rows[r][c]; missing rows and cells are empty. */
  readonly rows: ReadonlyArray<ReadonlyArray<Cell | undefined> | undefined>;
  readonly protected?: boolean;
}

/**
 * A defined name (Excel's Name Manager), kept so that a host recalculating formulas knows
 * what `=VLOOKUP(x, Rates, 2, FALSE)` refers to. The engine itself does not use names.
 */
export interface DefinedName {
  readonly name: string;
  /** What it refers to, with a leading `=`, as the file stores it: `=Rates!$A$2:$C$40`. */
  readonly formula: string;
  /** The sheet it belongs to when its scope is one sheet; absent for a workbook-wide name. */
  readonly sheet?: string;
}

export interface Workbook {
  readonly sheets: readonly Sheet[];
  /** Present when the file defines names; hosts pass them on to their calculation. */
  readonly definedNames?: readonly DefinedName[];
}

export const EMPTY_CELL: Cell = Object.freeze({ value: null });

export function isErrorValue(value: CellValue): value is ErrorValue {
  return typeof value === 'object' && value !== null && 'error' in value;
}

export function cellAt(sheet: Sheet, row: number, col: number): Cell {
  return sheet.rows[row]?.[col] ?? EMPTY_CELL;
}

export function rowCount(sheet: Sheet): number {
  return sheet.rows.length;
}

export function columnCount(sheet: Sheet): number {
  let max = 0;
  for (const row of sheet.rows) if (row && row.length > max) max = row.length;
  return max;
}

export function isBlankCell(cell: Cell): boolean {
  return (
    cell.formula === undefined &&
    (cell.value === null || (typeof cell.value === 'string' && cell.value.trim() === ''))
  );
}

export function findSheet(workbook: Workbook, name: string): Sheet | undefined {
  return workbook.sheets.find((s) => s.name === name);
}

/** Builds a sheet from plain values (tests, fixtures, generated workbooks). */
export function sheetFromValues(name: string, values: ReadonlyArray<ReadonlyArray<CellValue | Cell>>): Sheet {
  return {
    name,
    rows: values.map((row) =>
      row.map((v) => (v !== null && typeof v === 'object' && 'value' in v ? (v as Cell) : { value: v as CellValue })),
    ),
  };
}
