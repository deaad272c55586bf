/**
 * RAG formatting: native conditional formats, so colours follow the figures as officers
 * edit them. The RAG column is coloured by its words; the variance cells by the policy's
 * thresholds for their level (line, section sub total, whole-table total). Reapplying
 * first removes the add-in's own rules for this table (by tag), never the officer's.
 */
import { operationRunMessages } from '../messages/operation-runs';
import { toA1 } from '../address';
import { cellAt, findSheet, type Workbook } from '../grid';
import { operationMessages as msg } from '../messages/operations';
import { columnByRole, type MonitoringTable, type RowKind, type TableColumn } from '../model';
import { numericValue, figureOf } from '../numbers';
import type { ConditionalStyle, Edit } from '../plan';
import type { RagLevel, RagPolicy, RagStatus } from '../policy';
import { moneyInUnit, ragBudgetColumn, ragStatusFor } from '../domain/rag';
import { contiguousRuns } from '../domain/sum-formulas';
import { cellText, columnRanges, columnSpan, numberLiteral, refused, TAG_PREFIX, type OperationResult } from './shared';

/**
 * Dark text on light fills, every pair above WCAG AA's 4.5:1, Red also bold: the cell's
 * words and figures stay readable, so colour is never the only signal.
 */
export const RAG_PALETTE: Readonly<Record<RagStatus, Required<ConditionalStyle>>> = {
  Red: { fill: '#FFC7CE', fontColor: '#9C0006', bold: true },
  Amber: { fill: '#FFEB9C', fontColor: '#7A4100', bold: false },
  Green: { fill: '#C6EFCE', fontColor: '#006100', bold: false },
};

export interface RagFormattingOptions {
  /** Needed to write or correct the RAG words (the figures are read from it). */
  readonly workbook?: Workbook;
  /** Write missing RAG words and correct wrong ones from the policy. */
  readonly writeWords?: boolean;
  readonly palette?: Readonly<Record<RagStatus, ConditionalStyle>>;
}

const LEVEL_OF: Partial<Record<RowKind, RagLevel>> = { line: 'line', subtotal: 'section', total: 'table' };
const STATUSES: readonly RagStatus[] = ['Red', 'Amber', 'Green'];

/** The tag of this table's RAG rules: anchored on the header's top-left cell, which stays put as rows are added. */
/** Whether an applied plan (by its title, as Revert's list keeps it) was RAG colours: one table's, or several. */
export function isRagPlanTitle(title: string): boolean {
  return title.startsWith(msg.ragTitle('')) || title === operationRunMessages.ragTitleMany;
}

/** Whether a colour rule is the RAG operation's own (a tracker's check highlights are not). */
export function isRagTag(tag: string): boolean {
  return tag.startsWith(`${TAG_PREFIX}rag@`);
}

export function ragTag(table: MonitoringTable): string {
  return `${TAG_PREFIX}rag@${toA1(table.headerRows[0] ?? table.firstRow, table.firstCol)}`;
}

/** Conditional-format formulas for one level, relative to `row` (0-based) of the range's top cell. */
export function ragFormulas(table: MonitoringTable, policy: RagPolicy, level: RagLevel, row: number, rowGuard?: string): Record<RagStatus, string> | undefined {
  const overspend = overspendExpression(table, row);
  if (!overspend) return undefined;
  const budgetCol = ragBudgetColumn(table, policy);
  const budget = budgetCol ? `ABS(N($${budgetCol.letter}${row + 1}))` : undefined;
  const red = policy.red[level];
  const money = numberLiteral(moneyInUnit(red.money, table.unit));
  const threshold = budget
    ? `${red.combine === 'lower' ? 'MIN' : 'MAX'}(${money},${numberLiteral(red.percent)}*${budget})`
    : money;
  const guard = rowGuard ? `${rowGuard},${overspend.guard}` : overspend.guard;
  const ov = overspend.expression;
  const floor = policy.amberFromPercent > 0 && budget ? `${numberLiteral(policy.amberFromPercent)}*${budget}` : undefined;
  // Mutually exclusive, so the colours are right whatever order a host keeps the rules in
  // (Excel puts each newly added rule first).
  return {
    Red: `=AND(${guard},${ov}>0,${ov}>=${threshold})`,
    Amber: `=AND(${guard},${ov}>0,${ov}<${threshold}${floor ? `,${ov}>=${floor}` : ''})`,
    // Below the Amber floor a small overspend counts as Green, as in ragStatusFor.
    Green: floor ? `=AND(${guard},OR(${ov}<=0,AND(${ov}<${threshold},${ov}<${floor})))` : `=AND(${guard},${ov}<=0)`,
  };
}

interface VarianceBlock {
  readonly level: RagLevel;
  readonly start: number;
  readonly end: number;
  /** A condition on the row's label that picks out this level's rows, when the range spans other levels. */
  readonly guard?: string;
}

/** Sub total and total labels tell the levels apart only when there are few of them. */
const MAX_LEVEL_LABELS = 10;

/**
 * Where each level's rules go. When sub totals and totals have a handful of labels that
 * no line shares ("sub total", "Directorate Total"), each level gets one range over the
 * whole body, told apart by the label: three rules per level however long the table, and
 * a line inserted later is coloured too. Otherwise each run of rows gets its own rules.
 */
function varianceBlocks(table: MonitoringTable, bodyRows: readonly MonitoringTable['rows'][number][]): VarianceBlock[] {
  const levels = ['line', 'section', 'table'] as const;
  const rowsOf = (level: RagLevel) => bodyRows.filter((r) => LEVEL_OF[r.kind] === level);
  const labelCol = columnByRole(table, 'label');
  // Excel compares text regardless of case, so labels are told apart the same way.
  const labelsOf = (level: RagLevel) => new Map(rowsOf(level).map((r) => [r.label.trim().toLowerCase(), r.label.trim()] as const));
  const [lineLabels, sectionLabels, tableLabels] = levels.map(labelsOf) as [Map<string, string>, Map<string, string>, Map<string, string>];
  const separable =
    labelCol !== undefined &&
    sectionLabels.size <= MAX_LEVEL_LABELS &&
    tableLabels.size <= MAX_LEVEL_LABELS &&
    [...sectionLabels.keys(), ...tableLabels.keys()].every((l) => l !== '' && !lineLabels.has(l)) &&
    [...sectionLabels.keys()].every((l) => !tableLabels.has(l));
  const start = Math.min(...bodyRows.map((r) => r.row));
  const end = Math.max(...bodyRows.map((r) => r.row));
  const blocks: VarianceBlock[] = [];
  for (const level of levels) {
    const rows = rowsOf(level).map((r) => r.row);
    if (rows.length === 0) continue;
    const runs = contiguousRuns(rows);
    if (runs.length === 1 || !separable) {
      // One run needs no guard only if the run holds nothing but this level.
      for (const [a, b] of runs) blocks.push({ level, start: a, end: b });
      continue;
    }
    const is = (labels: Map<string, string>) => [...labels.values()].map((l) => `TRIM($${labelCol.letter}${start + 1})="${l.replace(/"/g, '""')}"`);
    const guard = level === 'line'
      ? `NOT(OR(${[...is(sectionLabels), ...is(tableLabels)].join(',')}))`
      : `OR(${is(level === 'section' ? sectionLabels : tableLabels).join(',')})`;
    blocks.push({ level, start, end, guard });
  }
  return blocks;
}

/** The overspend on a row as a formula: the variance (sign-corrected), else forecast − budget. */
function overspendExpression(table: MonitoringTable, row: number): { expression: string; guard: string } | undefined {
  const r = row + 1;
  const variance = columnByRole(table, 'variance');
  if (variance) {
    const cell = `$${variance.letter}${r}`;
    return { expression: table.signs.variance === 'overspendPositive' ? cell : `(-${cell})`, guard: `ISNUMBER(${cell})` };
  }
  const forecast = columnByRole(table, 'forecast');
  const net = columnByRole(table, 'netBudget');
  if (forecast && net) {
    return { expression: `($${forecast.letter}${r}-$${net.letter}${r})`, guard: `ISNUMBER($${forecast.letter}${r})` };
  }
  return undefined;
}

export function planRagFormatting(table: MonitoringTable, policy: RagPolicy, options: RagFormattingOptions = {}): OperationResult {
  const title = msg.ragTitle(table.sheet);
  const palette = options.palette ?? RAG_PALETTE;
  const tag = ragTag(table);
  const ragColumn = columnByRole(table, 'rag');
  const varianceColumn = columnByRole(table, 'variance') ?? columnByRole(table, 'forecast');
  if (!ragColumn && !varianceColumn) return refused(title, [msg.ragNothingToColour(table.sheet, table.range)]);

  const notes: string[] = [];
  const edits: Edit[] = [{ kind: 'removeConditionalFormats', sheet: table.sheet, tag }];
  const bodyRows = table.rows.filter((r) => LEVEL_OF[r.kind] !== undefined);
  if (bodyRows.length === 0) return refused(title, [msg.ragNoRows(table.sheet, table.range)]);

  if (ragColumn) {
    const range = columnSpan(ragColumn.letter, table.firstRow, table.lastRow);
    for (const status of STATUSES) {
      for (const word of policy.words[status]) {
        edits.push({
          kind: 'addConditionalFormat', sheet: table.sheet, range, tag,
          format: { rule: { type: 'text', operator: 'equals', text: word }, style: palette[status], stopIfTrue: true },
        });
      }
    }
  } else {
    notes.push(msg.ragNoWordsColumn(table.sheet));
  }

  const variance = columnByRole(table, 'variance');
  if (variance || columnByRole(table, 'forecast')) {
    if (!ragBudgetColumn(table, policy)) notes.push(msg.ragNoBudgetColumn(table.sheet));
    if (!table.unit) notes.push(msg.ragUnitAssumed(table.sheet));
    const target = variance ?? columnByRole(table, 'forecast')!;
    for (const block of varianceBlocks(table, bodyRows)) {
      const formulas = ragFormulas(table, policy, block.level, block.start, block.guard);
      if (!formulas) continue;
      const range = columnSpan(target.letter, block.start, block.end);
      for (const status of STATUSES) {
        edits.push({
          kind: 'addConditionalFormat', sheet: table.sheet, range, tag,
          format: { rule: { type: 'formula', formula: formulas[status] }, style: palette[status], stopIfTrue: true },
        });
      }
    }
  }

  const words = options.writeWords && ragColumn ? wordEdits(table, policy, options.workbook, ragColumn, notes) : [];
  // Neighbouring corrections go in one edit.
  for (const [start, end] of contiguousRuns(words.map((w) => w.row))) {
    const values = words.filter((w) => w.row >= start && w.row <= end).map((w) => [w.word]);
    edits.push({ kind: 'setValues', sheet: table.sheet, range: columnSpan(ragColumn!.letter, start, end), values });
  }
  const overwrites = ragColumn ? columnRanges(table.sheet, ragColumn.letter, words.filter((w) => w.replacesWord).map((w) => w.row)) : [];
  return { plan: { title, description: msg.ragDescription(table.sheet, table.range), edits }, notes, problems: [], overwrites };
}

/** The words the policy gives each row, written where the RAG cell is blank or says something else. */
type WordEdit = { row: number; word: string; replacesWord: boolean };

function wordEdits(table: MonitoringTable, policy: RagPolicy, workbook: Workbook | undefined, ragColumn: TableColumn, notes: string[]): WordEdit[] {
  const sheet = workbook && findSheet(workbook, table.sheet);
  if (!sheet) {
    notes.push(msg.ragWordsNeedWorkbook(table.sheet));
    return [];
  }
  const variance = columnByRole(table, 'variance');
  const forecast = columnByRole(table, 'forecast');
  const net = columnByRole(table, 'netBudget');
  const budgetCol = ragBudgetColumn(table, policy);
  const edits: WordEdit[] = [];
  for (const row of table.rows) {
    const level = LEVEL_OF[row.kind];
    if (!level) continue;
    const num = (col: TableColumn | undefined): number | undefined => (col ? numericValue(figureOf(cellAt(sheet, row.row, col.col))) : undefined);
    let overspend: number | undefined;
    if (variance) {
      const v = num(variance);
      overspend = v === undefined ? undefined : table.signs.variance === 'overspendPositive' ? v : -v;
    } else {
      const f = num(forecast);
      const n = num(net);
      overspend = f === undefined || n === undefined ? undefined : f - n;
    }
    const budget = budgetCol ? num(budgetCol) : 0;
    if (overspend === undefined || budget === undefined) {
      notes.push(msg.ragWordSkipped(table.sheet, `${ragColumn.letter}${row.row + 1}`));
      continue;
    }
    const status = ragStatusFor(overspend, budget, level, policy, table.unit);
    const shown = cellText(cellAt(sheet, row.row, ragColumn.col)).toLowerCase();
    if (policy.words[status].some((w) => w.toLowerCase() === shown)) continue;
    edits.push({ row: row.row, word: policy.words[status][0] ?? status, replacesWord: shown !== '' });
  }
  return edits;
}
