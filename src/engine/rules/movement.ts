/**
 * movement: movement = this period's variance − the previous period's, line by line.
 * The previous period is a column of the same table ("Quarter 2 £m" beside "Month 7 £m")
 * or an earlier sheet (found from the movement header, e.g. "Movement From Month 6" and
 * a sheet "Month 6", or given by the caller), whose lines are matched by label.
 * Lines that cannot be matched are info findings: a guessed match would be a wrong figure.
 */
import { toA1 } from '../address';
import type { Finding } from '../findings';
import { cellAt } from '../grid';
import { type MonitoringTable, type TableColumn, columnByRole } from '../model';
import { numericValue, figureOf, formatFigure } from '../numbers';
import { type LabelItem, matchLabels } from '../domain/labels';
import { bestPreviousTable, movementPeriod } from '../domain/periods';
import { shownDecimals } from '../units';
import { type RuleContext, columnOf } from './context';
import { reportIdentity } from './utils/identity';
import type { Rule } from './types';

export const movementRule: Rule = {
  meta: {
    id: 'movement',
    title: 'Movement since last period',
    why: 'Movement is how committee sees the trend; a wrong one hides a worsening position.',
    many: '{count} movements do not match the change in variance',
    severity: 'error',
    description: "Movement equals this period's variance less the previous period's, line by line.",
    fixable: false,
    messages: {
      columns: 'Movement {derived} for {label} is {actual} but {current} less {previous} is {expected}{inUnit}',
      sheet: 'Movement {derived} for {label} is {actual} but this variance {current} less {previous} on {previousSheet} is {expected}{inUnit}',
      root: '{cell} looks wrong: its column total does not add up either. {detail}',
      rounding: 'Movement {derived} for {label} is {actual} and the change in variance is {expected}{inUnit}: a rounding difference, not an error',
      unmatched: 'No line matching "{label}" on {previousSheet}, so the movement in {cell} cannot be checked',
      removed: 'Line "{previousLabel}" on {previousSheet} (variance {previousVariance}) is not in this table: its change is not shown in the movement',
    },
  },
  check(ctx) {
    const movement = columnOf(ctx.table, 'movement');
    if (!movement) return [];
    const previousCol = columnOf(ctx.table, 'previousPeriod');
    const current = columnOf(ctx.table, 'currentPeriod') ?? columnOf(ctx.table, 'variance');
    if (!current) return [];
    if (previousCol) return againstColumn(ctx, movement, current, previousCol);
    return againstSheet(ctx, movement, current);
  },
};

function againstColumn(ctx: RuleContext, movement: TableColumn, current: TableColumn, previous: TableColumn): Finding[] {
  const out: Finding[] = [];
  for (const row of ctx.rowsWithOwnFigures) {
    const c = ctx.number(row.row, current.col);
    const p = ctx.number(row.row, previous.col);
    const m = ctx.number(row.row, movement.col);
    if (c === undefined || p === undefined || m === undefined) continue; // TBC: nothing to compare
    if (ctx.isBlank(row.row, movement.col) && ctx.isBlank(row.row, current.col) && ctx.isBlank(row.row, previous.col)) continue;
    const f = reportIdentity(ctx, movementRule.meta, {
      row,
      derivedCol: movement.col,
      operandCols: [current.col, previous.col],
      expected: c - p,
      actual: m,
      messageId: 'columns',
      roundingMessageId: 'rounding',
      figures: { current: [c, current.col], previous: [p, previous.col] },
    });
    if (f) out.push(f);
  }
  return out;
}

function againstSheet(ctx: RuleContext, movement: TableColumn, variance: TableColumn): Finding[] {
  const previous = ctx.previousPeriod(movementPeriod(movement));
  if (!previous) return [];
  // Last month's file usually has the same sheet name and layout, so the same table id: only
  // a table of this very workbook is the table itself.
  const others = previous.sameWorkbook ? previous.tables.filter((t) => t.id !== ctx.table.id) : previous.tables;
  const prevTable = bestPreviousTable(ctx.table, others);
  const prevVariance = prevTable && columnByRole(prevTable, 'variance');
  const prevSheet = previous.workbook.sheets.find((s) => s.name === previous.sheet);
  if (!prevTable || !prevVariance || !prevSheet) return [];
  const meta = movementRule.meta;
  const currentLines = ctx.table.rows.filter((r) => r.kind === 'line');
  const previousLines = prevTable.rows.filter((r) => r.kind === 'line');
  const matching = matchLabels(items(ctx.table, currentLines), items(prevTable, previousLines));
  const out: Finding[] = [];
  for (const match of matching.matches) {
    const row = currentLines[match.current]!;
    const prevRow = previousLines[match.previous]!;
    const v = ctx.number(row.row, variance.col);
    const p = numericValue(figureOf(cellAt(prevSheet, prevRow.row, prevVariance.col)));
    const m = ctx.number(row.row, movement.col);
    if (v === undefined || p === undefined || m === undefined) continue;
    const f = reportIdentity(ctx, meta, {
      row,
      derivedCol: movement.col,
      operandCols: [variance.col],
      expected: v - p,
      actual: m,
      messageId: 'sheet',
      roundingMessageId: 'rounding',
      figures: { current: [v, variance.col], previous: [p, variance.col] },
      data: { previousSheet: previous.sheet },
    });
    if (f) out.push(f);
  }
  for (const index of matching.added) {
    const row = currentLines[index]!;
    out.push(ctx.report(meta, { messageId: 'unmatched', data: { label: row.label, previousSheet: previous.sheet }, row: row.row, col: movement.col, severity: 'info' }));
  }
  const header = ctx.table.headerRows[ctx.table.headerRows.length - 1] ?? ctx.table.firstRow;
  for (const index of matching.removed) {
    const prevRow = previousLines[index]!;
    const cell = cellAt(prevSheet, prevRow.row, prevVariance.col);
    const value = numericValue(figureOf(cell));
    const shown = value === undefined ? '?' : formatFigure(value, shownDecimals(cell.format, prevTable.unit));
    // Reported at the movement header: the line no longer has a row here.
    out.push(ctx.report(meta, {
      messageId: 'removed',
      data: { previousLabel: prevRow.label, previousSheet: previous.sheet, previousVariance: shown },
      row: header,
      col: movement.col,
      severity: 'info',
      actual: toA1(prevRow.row, prevVariance.col),
    }));
  }
  return out;
}

function items(table: MonitoringTable, rows: readonly MonitoringTable['rows'][number][]): LabelItem[] {
  const sections = new Map(table.rows.filter((r) => r.kind === 'section').map((r) => [r.row, r.label] as const));
  return rows.map((r) => ({ label: r.label, ...(r.section !== undefined ? { group: sections.get(r.section) ?? '' } : {}) }));
}
