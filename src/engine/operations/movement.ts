/**
 * Movement: the change in each line's variance since the previous period. Lines are
 * matched by label (tolerating small renames); new and removed lines are reported, never
 * guessed. Written as live formulas against the previous sheet, or against last period's
 * figures when they come from another file, with sub totals and totals as SUM formulas.
 */
import { columnLetters, quoteSheetName } from '../address';
import { cellAt, findSheet, isBlankCell, type Cell, type Sheet, type Workbook } from '../grid';
import { operationMessages as msg } from '../messages/operations';
import { columnByRole, type MonitoringTable, type TableColumn, type TableRow } from '../model';
import { figureOf, formatFigure, isNilText, numericValue } from '../numbers';
import type { Edit } from '../plan';
import { shownDecimals, toleranceFor, UNIT_LABEL } from '../units';
import { readSheet, readTables, type ReadOptions } from '../read';
import { matchLabels, normaliseLabel, type LabelItem } from '../domain/labels';
import { bestPreviousTable, detectPreviousSheet, movementPeriod, tablePeriod } from '../domain/periods';
import { contiguousRuns, rowsSummed, sumFormulaFor } from '../domain/sum-formulas';
import { cellEntry, cellText, columnFormat, columnRanges, hasContent, columnSpan, numberLiteral, refused, type OperationResult } from './shared';
import type { PreviousPeriod } from '../previous-period';

export type { PreviousPeriod } from '../previous-period';

/** Last period's table, already read, and where it came from. */
export interface PreviousTable {
  readonly table: MonitoringTable;
  readonly sheet: Sheet;
  /** Set when the figures come from another file: they are written as figures, not links. */
  readonly fileName?: string;
}

export interface MovementOptions {
  /** The period named in the heading ("Month 6"); found from the previous table when not given. */
  readonly period?: string;
  /** Column roles the officer set by hand, used when reading the previous period's table. */
  readonly readOptions?: ReadOptions;
}

function lineItems(table: MonitoringTable): { rows: TableRow[]; items: LabelItem[] } {
  const sections = new Map(table.rows.filter((r) => r.kind === 'section').map((r) => [r.row, r.label] as const));
  const rows = table.rows.filter((r) => r.kind === 'line');
  return { rows, items: rows.map((r) => ({ label: r.label, ...(r.section !== undefined ? { group: sections.get(r.section) ?? '' } : {}) })) };
}

/** The column the movement goes in: the table's own, else the first free column after the variance. */
function targetColumn(table: MonitoringTable, sheet: Sheet, variance: TableColumn): { col: number; isNew: boolean } | undefined {
  const existing = columnByRole(table, 'movement');
  if (existing) return { col: existing.col, isNew: false };
  const rows = [...table.headerRows, ...table.rows.map((r) => r.row)];
  const free = (col: number): boolean => rows.every((r) => isBlankCell(cellAt(sheet, r, col)));
  if (free(variance.col + 1)) return { col: variance.col + 1, isNew: true };
  for (let col = table.lastCol + 1; col <= table.lastCol + 50; col++) if (free(col)) return { col, isNew: true };
  return undefined;
}

export function planMovementAgainst(table: MonitoringTable, workbook: Workbook, previous: PreviousTable, options: MovementOptions = {}): OperationResult {
  const previousVariance = columnByRole(previous.table, 'variance');
  const period = options.period ?? tablePeriod(previous.table) ?? previous.fileName?.replace(/\.[a-z]+$/i, '') ?? previous.sheet.name;
  const title = msg.movementTitle(table.sheet, period);
  const variance = columnByRole(table, 'variance');
  const sheet = findSheet(workbook, table.sheet);
  if (!variance || !sheet) return refused(title, [msg.movementNoVariance(table.sheet, table.range)]);
  const previousWhere = previous.fileName ? `${previous.fileName} (${previous.sheet.name})` : previous.sheet.name;
  if (!previousVariance) return refused(title, [msg.movementNoPreviousTable(previousWhere)]);
  if (!previous.fileName && previous.sheet.name === table.sheet) return refused(title, [msg.movementPreviousSameSheet(table.sheet)]);

  const target = targetColumn(table, sheet, variance);
  if (!target) return refused(title, [msg.movementNoRoom(table.sheet, columnLetters(table.lastCol + 1))]);
  const letter = columnLetters(target.col);
  const notes: string[] = [];
  if (previous.fileName) notes.push(msg.movementValuesFromFile(previous.fileName));

  const current = lineItems(table);
  const before = lineItems(previous.table);
  const matching = matchLabels(current.items, before.items);
  const formulas = new Map<number, string>();
  /** What each formula will show, where this period's and last period's figures are known. */
  const results = new Map<number, number>();
  const decimals = shownDecimals(cellAt(sheet, current.rows[0]?.row ?? table.firstRow, variance.col).format, table.unit);

  for (const match of matching.matches) {
    const row = current.rows[match.current]!;
    const previousRow = before.rows[match.previous]!;
    if (match.how === 'similar') notes.push(msg.movementRenamedLine(row.label, previousRow.label));
    const thisCell = cellAt(sheet, row.row, variance.col);
    const lastCell = cellAt(previous.sheet, previousRow.row, previousVariance.col);
    const thisRef = nilSafe(`${variance.letter}${row.row + 1}`, cellText(thisCell));
    let lastRef: string;
    if (previous.fileName) {
      const last = numericValue(figureOf(lastCell));
      if (last === undefined) {
        notes.push(msg.movementNewLine(table.sheet, `${letter}${row.row + 1}`, row.label));
        continue;
      }
      lastRef = last < 0 ? `(${numberLiteral(last)})` : numberLiteral(last);
    } else {
      lastRef = nilSafe(`${quoteSheetName(previous.sheet.name)}!${previousVariance.letter}${previousRow.row + 1}`, cellText(lastCell));
    }
    formulas.set(row.row, `=${thisRef}-${lastRef}`);
    const now = nilOrNumber(thisCell);
    const then = nilOrNumber(lastCell);
    if (now !== undefined && then !== undefined) results.set(row.row, now - then);

    const typed = cellAt(sheet, row.row, target.col);
    if (!target.isNew && typed.formula === undefined) {
      const a = numericValue(figureOf(thisCell));
      const b = numericValue(figureOf(lastCell));
      const shown = numericValue(figureOf(typed));
      if (a !== undefined && b !== undefined && shown !== undefined && Math.abs(shown - (a - b)) > toleranceFor(decimals)) {
        notes.push(msg.movementReplacesTyped(table.sheet, `${letter}${row.row + 1}`, formatFigure(shown, decimals), formatFigure(a - b, decimals)));
      }
    }
  }
  for (const i of matching.added) {
    const row = current.rows[i]!;
    notes.push(msg.movementNewLine(table.sheet, `${letter}${row.row + 1}`, row.label));
  }
  for (const i of matching.removed) notes.push(msg.movementRemovedLine(previousWhere, before.rows[i]!.label));

  for (const row of table.rows) {
    if ((row.kind === 'subtotal' || row.kind === 'total') && row.covers && row.covers.length > 0) {
      // An existing SUM over exactly the same rows is left as the officer wrote it.
      const existing = rowsSummed(cellAt(sheet, row.row, target.col).formula, target.col);
      const same = existing && existing.size === new Set(row.covers).size && row.covers.every((r) => existing.has(r));
      if (!same) formulas.set(row.row, sumFormulaFor(target.col, row.covers));
      const parts = row.covers.map((r) => (formulas.has(r) ? results.get(r) : nilOrNumber(cellAt(sheet, r, target.col))));
      if (parts.every((v) => v !== undefined)) results.set(row.row, parts.reduce<number>((a, b) => a + b!, 0));
    }
  }

  const edits: Edit[] = [];
  const renamesHeading = !target.isNew && headingOutOfDate(table, period);
  // The heading goes where the column's heading text is (of a two-row header), else on the last header row.
  const headerRow = table.headerRows.find((r) => hasContent(cellAt(sheet, r, target.col))) ?? table.headerRows[table.headerRows.length - 1] ?? table.firstRow - 1;
  if (target.isNew || renamesHeading) {
    edits.push({ kind: 'setValues', sheet: table.sheet, range: `${letter}${headerRow + 1}`, values: [[msg.movementHeading(period, table.unit ? UNIT_LABEL[table.unit] : '')]] });
    if (target.isNew && cellAt(sheet, headerRow, variance.col).bold) edits.push({ kind: 'setBold', sheet: table.sheet, range: `${letter}${headerRow + 1}`, bold: true });
  }
  const written = [...formulas.keys()];
  const overwrites = columnRanges(
    table.sheet,
    letter,
    [
      ...(renamesHeading ? [headerRow] : []),
      ...written.filter((r) => {
        const cell = cellAt(sheet, r, target.col);
        return hasContent(cell) && cellEntry(cell) !== formulas.get(r);
      }),
    ],
  );
  // One block per stretch of rows, bridging rows whose cell is empty (section headings),
  // so a long table is a handful of edits; a cell with content the plan leaves alone ends a block.
  const blocks: [number, number][] = [];
  for (const [start, end] of contiguousRuns(written)) {
    const last = blocks[blocks.length - 1];
    const bridgeable = last !== undefined && Array.from({ length: start - last[1] - 1 }, (_, k) => last[1] + 1 + k).every((r) => !hasContent(cellAt(sheet, r, target.col)));
    if (last && bridgeable) last[1] = end;
    else blocks.push([start, end]);
  }
  for (const [start, end] of blocks) {
    const block: (string | null)[][] = [];
    const shown: (number | null)[][] = [];
    for (let r = start; r <= end; r++) {
      block.push([formulas.get(r) ?? null]);
      shown.push([results.get(r) ?? null]);
    }
    edits.push({ kind: 'setFormulas', sheet: table.sheet, range: columnSpan(letter, start, end), formulas: block, results: shown });
    edits.push({ kind: 'setNumberFormat', sheet: table.sheet, range: columnSpan(letter, start, end), format: columnFormat(sheet, table, variance) });
  }
  const range = columnSpan(letter, table.firstRow, table.lastRow);
  return { plan: { title, description: msg.movementDescription(table.sheet, range, previousWhere), edits }, notes, problems: [], overwrites };
}

/** A figure, a nil word ("-") or a blank as zero; undefined for anything else (text, errors). */
function nilOrNumber(cell: Cell): number | undefined {
  const text = cellText(cell);
  if (text === '' || isNilText(text)) return 0;
  return numericValue(figureOf(cell));
}

/** A cell holding a nil word ("-") counts as zero; anything else stays as it is so errors show. */
function nilSafe(ref: string, shown: string): string {
  return shown !== '' && isNilText(shown) ? `N(${ref})` : ref;
}

function headingOutOfDate(table: MonitoringTable, period: string): boolean {
  const movement = columnByRole(table, 'movement');
  if (!movement) return false;
  const named = movementPeriod(movement);
  return named !== undefined && normaliseLabel(named) !== normaliseLabel(period);
}

/**
 * Movement against the previous period: a sheet of this workbook, last month's file, or
 * (when not given) the earlier sheet the table's own headers point to.
 */
export function planMovement(table: MonitoringTable, workbook: Workbook, previous?: PreviousPeriod, options: MovementOptions = {}): OperationResult {
  const detected = previous ?? (() => {
    const sheet = detectPreviousSheet(table, workbook);
    return sheet ? { sheet } : undefined;
  })();
  if (!detected) return refused(options.period ? msg.movementTitle(table.sheet, options.period) : msg.movementTitleNoPeriod(table.sheet), [msg.movementNoPrevious(table.sheet)]);
  let candidates: MonitoringTable[];
  let sourceSheet: (t: MonitoringTable) => Sheet | undefined;
  let where: string;
  if (!('workbook' in detected)) {
    const sheet = findSheet(workbook, detected.sheet);
    if (!sheet) return refused(msg.movementTitle(table.sheet, detected.sheet), [msg.movementPreviousSheetMissing(detected.sheet)]);
    candidates = readSheet(sheet, options.readOptions?.overrides ?? []);
    sourceSheet = () => sheet;
    where = detected.sheet;
  } else {
    const file = detected.workbook;
    // A sheet the officer picked in last month's file is the only one looked at.
    const chosen = detected.sheet === undefined ? undefined : findSheet(file, detected.sheet);
    if (detected.sheet !== undefined && !chosen) return refused(msg.movementTitle(table.sheet, detected.fileName), [msg.movementFileSheetMissing(detected.fileName, detected.sheet)]);
    candidates = readTables(chosen ? { sheets: [chosen] } : file, options.readOptions);
    sourceSheet = (t) => findSheet(file, t.sheet);
    where = detected.fileName;
  }
  const best = bestPreviousTable(table, candidates);
  const sheet = best && sourceSheet(best);
  if (!best || !sheet) return refused(msg.movementTitle(table.sheet, options.period ?? where), [msg.movementNoPreviousTable(where)]);
  return planMovementAgainst(table, workbook, { table: best, sheet, ...('workbook' in detected ? { fileName: detected.fileName } : {}) }, options);
}
