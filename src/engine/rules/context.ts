/**
 * What a rule sees: one table, its sheet and workbook, the caller's policy, and cached
 * helpers for reading figures, the decimals they are shown to, and tolerances.
 */
import { toA1 } from '../address';
import type { Finding, Severity, ShownFigures } from '../findings';
import { type Cell, type CellValue, type Sheet, type Workbook, cellAt } from '../grid';
import type { MonitoringTable, TableColumn, TableRow } from '../model';
import { type Figure, figureOf, formatFigure, numericValue } from '../numbers';
import type { EditPlan } from '../plan';
import type { RagPolicy } from '../policy';
import { UNIT_LABEL, shownDecimals, toleranceFor } from '../units';
import { type MessageData, fillTemplate } from './utils/message';
import type { RuleMeta } from './meta';

/**
 * The previous period as found for one table (from the caller's PreviousPeriod, or the
 * sheet its headers name): that sheet's tables, already read, to compare movements against.
 */
export interface PreviousSheetTables {
  readonly workbook: Workbook;
  readonly sheet: string;
  readonly tables: readonly MonitoringTable[];
  /** True when the sheet belongs to the workbook being validated. */
  readonly sameWorkbook: boolean;
}

export interface ReportSpec {
  readonly messageId: string;
  readonly data?: MessageData;
  readonly row: number;
  readonly col: number;
  /** Defaults to the rule's own severity. */
  readonly severity?: Severity;
  readonly expected?: string | number | null;
  readonly actual?: string | number | null;
  /**
   * The two figures as the finding shows them. By default the message's own `{expected}` and
   * `{actual}` (what the officer reads in the sentence), else the values in the cell's decimals.
   */
  readonly shown?: ShownFigures;
  readonly fix?: EditPlan;
  /** Report on another sheet (movement: a line missing from the current month). */
  readonly sheet?: string;
}

export interface RuleContextInit {
  readonly workbook: Workbook;
  readonly sheet: Sheet;
  readonly table: MonitoringTable;
  readonly policy: RagPolicy;
  /** Finds the earlier period for a table whose movement column names it; undefined when unavailable. */
  readonly previousFor?: (table: MonitoringTable, periodName: string | undefined) => PreviousSheetTables | undefined;
}

export class RuleContext {
  readonly workbook: Workbook;
  readonly sheet: Sheet;
  readonly table: MonitoringTable;
  readonly policy: RagPolicy;
  /** `£m`, `£000`, `£`, or empty when the table states no unit. */
  readonly unitLabel: string;
  /** ` (£m)` to append to a message, or empty. */
  readonly inUnit: string;
  private readonly previousFor: RuleContextInit['previousFor'];
  private readonly figures = new Map<number, (Figure | undefined)[]>();
  private readonly decimalsByFormat = new Map<string, number>();
  /** Table rows by sheet row (a packed array: rules look rows up in their loops). */
  private readonly rowsByIndex: (TableRow | undefined)[];
  private coveringTotals: Map<number, TableRow[]> | undefined;
  private figureRowsCache: TableRow[] | undefined;
  /** covered() per total row: several rules ask for it, for every column. */
  private readonly coveredCache = new Map<TableRow, readonly number[]>();

  constructor(init: RuleContextInit) {
    this.workbook = init.workbook;
    this.sheet = init.sheet;
    this.table = init.table;
    this.policy = init.policy;
    this.previousFor = init.previousFor;
    this.unitLabel = init.table.unit ? UNIT_LABEL[init.table.unit] : '';
    this.inUnit = this.unitLabel ? ` (${this.unitLabel})` : '';
    let last = init.table.lastRow;
    for (const r of init.table.rows) if (r.row > last) last = r.row;
    this.rowsByIndex = new Array<TableRow | undefined>(Math.max(last + 1, 0)).fill(undefined);
    for (const r of init.table.rows) if (r.row >= 0) this.rowsByIndex[r.row] = r;
  }

  /** Lines, sub totals and totals: the rows that carry figures (computed once per table). */
  get figureRows(): readonly TableRow[] {
    this.figureRowsCache ??= this.table.rows.filter((r) => r.kind === 'line' || r.kind === 'subtotal' || r.kind === 'total');
    return this.figureRowsCache;
  }

  /**
   * Figure rows that do not add up other rows. A row identity (buckets = target, movement =
   * this − previous) on a total follows from the same identity on its lines plus its column
   * sums, which total-sum checks; checking it there too would only echo a fault found elsewhere.
   */
  get rowsWithOwnFigures(): readonly TableRow[] {
    return this.figureRows.filter((r) => this.covered(r).length === 0);
  }

  /** The raw value of a cell, without reading it as a figure. */
  value(row: number, col: number): CellValue | undefined {
    return this.sheet.rows[row]?.[col]?.value;
  }

  cell(row: number, col: number): Cell {
    return cellAt(this.sheet, row, col);
  }

  /** The cell read as a finance figure, cached per table. */
  figure(row: number, col: number): Figure {
    let column = this.figures.get(col);
    if (!column) {
      // Pre-sized so the cache stays a packed array rather than a dictionary.
      column = new Array<Figure | undefined>(this.table.lastRow + 1).fill(undefined);
      this.figures.set(col, column);
    }
    let f = column[row];
    if (f === undefined) {
      f = figureOf(this.cell(row, col));
      column[row] = f;
    }
    return f;
  }

  /** The number a cell counts as in arithmetic: nil and blank are 0; text, TBC and errors are undefined. */
  number(row: number, col: number): number | undefined {
    // Fast path for the common case: a stored number (no figure object needed).
    const value = this.sheet.rows[row]?.[col]?.value;
    if (typeof value === 'number' && Number.isFinite(value)) return value;
    if (value === null || value === undefined) return 0;
    return numericValue(this.figure(row, col));
  }

  isBlank(row: number, col: number): boolean {
    const value = this.sheet.rows[row]?.[col]?.value;
    if (typeof value === 'number') return false;
    if (value === null || value === undefined) return true;
    return this.figure(row, col).kind === 'blank';
  }

  /** Decimals the cell is shown to: its number format, else the table's unit (cached per format). */
  decimals(row: number, col: number): number {
    const format = this.sheet.rows[row]?.[col]?.format;
    const key = format ?? '';
    let d = this.decimalsByFormat.get(key);
    if (d === undefined) {
      d = shownDecimals(format, this.table.unit);
      this.decimalsByFormat.set(key, d);
    }
    return d;
  }

  tolerance(row: number, col: number): number {
    const d = this.decimals(row, col);
    return TOLERANCES[d] ?? toleranceFor(d);
  }

  /** A figure as the table shows it, e.g. `(0.057)`. */
  show(value: number, row: number, col: number): string {
    return formatFigure(value, this.decimals(row, col));
  }

  rowAt(row: number): TableRow | undefined {
    return row >= 0 ? this.rowsByIndex[row] : undefined;
  }

  /**
   * The rows a total covers, kept to the table's body: never a header, the total itself,
   * or a row outside the table (a damaged layout must not turn into a wrong fix).
   */
  covered(total: TableRow): readonly number[] {
    if (!total.covers) return NONE;
    let rows = this.coveredCache.get(total);
    if (!rows) {
      const { firstRow, lastRow, headerRows } = this.table;
      rows = total.covers.filter((r) => r >= firstRow && r <= lastRow && r !== total.row && !headerRows.includes(r));
      this.coveredCache.set(total, rows);
    }
    return rows;
  }

  /** Sub totals and totals whose `covers` include the row, innermost (fewest covered rows) first. */
  totalsCovering(row: number): readonly TableRow[] {
    if (!this.coveringTotals) {
      const map = new Map<number, TableRow[]>();
      for (const r of this.table.rows) {
        if (!r.covers) continue;
        for (const c of this.covered(r)) {
          const list = map.get(c);
          if (list) list.push(r);
          else map.set(c, [r]);
        }
      }
      for (const list of map.values()) list.sort((a, b) => this.covered(a).length - this.covered(b).length);
      this.coveringTotals = map;
    }
    return this.coveringTotals.get(row) ?? [];
  }

  previousPeriod(periodName: string | undefined): PreviousSheetTables | undefined {
    return this.previousFor?.(this.table, periodName);
  }

  /** One of the rule's templates filled in (fix titles and descriptions too). */
  text(meta: RuleMeta, messageId: string, data: MessageData = {}): string {
    return fillTemplate(meta.messages[messageId] ?? messageId, { inUnit: this.inUnit, unit: this.unitLabel, ...data });
  }

  /** Builds a finding from one of the rule's message templates. */
  report(meta: RuleMeta, spec: ReportSpec): Finding {
    const template = meta.messages[spec.messageId];
    // A rule that reports with a template it does not declare is a bug in the rule, not in the workbook.
    if (template === undefined) throw new UnknownMessageIdError(meta.id, spec.messageId);
    const cell = toA1(spec.row, spec.col);
    const message = fillTemplate(template, { cell, inUnit: this.inUnit, unit: this.unitLabel, ...spec.data });
    const finding: Finding = {
      rule: meta.id,
      messageId: spec.messageId,
      severity: spec.severity ?? meta.severity,
      sheet: spec.sheet ?? this.table.sheet,
      cell,
      message,
      expected: spec.expected ?? null,
      actual: spec.actual ?? null,
      shown: spec.shown ?? {
        expected: this.shownFigure(spec.data?.['expected'], spec.expected, spec.row, spec.col),
        actual: this.shownFigure(spec.data?.['actual'], spec.actual, spec.row, spec.col),
      },
    };
    return spec.fix ? { ...finding, fix: spec.fix } : finding;
  }

  /**
   * One figure as shown beside the message: the text the message itself uses for it, else
   * the value in the cell's decimals ("0.000", never a format's "-"), text as it is, and ''
   * for nothing at all.
   */
  private shownFigure(inMessage: string | number | undefined, value: string | number | null | undefined, row: number, col: number): string {
    if (typeof inMessage === 'string') return inMessage;
    if (typeof value === 'number') return this.show(value, row, col);
    return value ?? '';
  }
}

const NONE: readonly number[] = Object.freeze([]);

/** A rule asked for a message template its metadata does not have (API misuse, as ESLint treats it). */
export class UnknownMessageIdError extends Error {
  override readonly name = 'UnknownMessageIdError';
  constructor(readonly ruleId: string, readonly messageId: string) {
    super(`Rule ${ruleId} has no message "${messageId}" in its meta.messages`);
  }
}

/** Tolerances for the usual decimals, worked out once. */
const TOLERANCES: readonly number[] = Array.from({ length: 10 }, (_, d) => toleranceFor(d));

export function columnOf(table: MonitoringTable, role: TableColumn['role']): TableColumn | undefined {
  return table.columns.find((c) => c.role === role);
}

/** Numbers in findings: the computed value without binary noise. */
export function clean(value: number): number {
  return Math.round(value * 1e9) / 1e9;
}
