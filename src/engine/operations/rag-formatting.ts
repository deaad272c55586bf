/**
 * RAG formatting: native conditional formats, so colours follow the figures as officers
 * edit them. The RAG column is coloured by its words; the variance cells by the policy's
 * thresholds for their level (line, section sub total, whole-table total). Reapplying
 * first removes the add-in's own rules for this table (by tag), never the officer's.
 */
import { columnLetters, toA1 } from '../address';
import { cellAt, findSheet, type Workbook } from '../grid';
import { operationMessages as msg } from '../messages/operations';
import { columnByRole, type MonitoringTable, type RowKind, type TableColumn } from '../model';
import { numericValue, figureOf } from '../numbers';
import type { ConditionalStyle, Edit } from '../plan';
import type { RagLevel, RagPolicy, RagStatus } from '../policy';
import { cellText, columnSpan, contiguousRuns, moneyInUnit, numberLiteral, refused, TAG_PREFIX, type OperationResult } from './shared';

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
export function ragTag(table: MonitoringTable): string {
  return `${TAG_PREFIX}rag@${toA1(table.headerRows[0] ?? table.firstRow, table.firstCol)}`;
}

/** The budget the policy's percentage is taken of: net, or gross (expenditure) when the policy says so. */
export function ragBudgetColumn(table: MonitoringTable, policy: RagPolicy): TableColumn | undefined {
  if (policy.basis === 'gross') return columnByRole(table, 'expenditure') ?? columnByRole(table, 'netBudget');
  return columnByRole(table, 'netBudget');
}

/** The status the policy gives an overspend (positive) or underspend (negative or zero), in the table's unit. */
export function ragStatusFor(overspend: number, budget: number, level: RagLevel, policy: RagPolicy, unit: MonitoringTable['unit']): RagStatus {
  const eps = 1e-9;
  if (overspend <= eps) return 'Green';
  const red = policy.red[level];
  const money = moneyInUnit(red.money, unit);
  const share = red.percent * Math.abs(budget);
  const threshold = red.combine === 'lower' ? Math.min(money, share) : Math.max(money, share);
  if (overspend >= threshold - eps) return 'Red';
  if (overspend >= policy.amberFromPercent * Math.abs(budget) - eps) return 'Amber';
  return 'Green';
}

/** Conditional-format formulas for one level, relative to `row` (0-based) of the range's top cell. */
export function ragFormulas(table: MonitoringTable, policy: RagPolicy, level: RagLevel, row: number): Record<RagStatus, string> | undefined {
  const overspend = overspendExpression(table, row);
  if (!overspend) return undefined;
  const budgetCol = ragBudgetColumn(table, policy);
  const budget = budgetCol ? `ABS(N($${budgetCol.letter}${row + 1}))` : undefined;
  const red = policy.red[level];
  const money = numberLiteral(moneyInUnit(red.money, table.unit));
  const threshold = budget
    ? `${red.combine === 'lower' ? 'MIN' : 'MAX'}(${money},${numberLiteral(red.percent)}*${budget})`
    : money;
  const guard = overspend.guard;
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
    for (const level of ['line', 'section', 'table'] as const) {
      const rows = bodyRows.filter((r) => LEVEL_OF[r.kind] === level).map((r) => r.row);
      for (const [start, end] of contiguousRuns(rows)) {
        const formulas = ragFormulas(table, policy, level, start);
        if (!formulas) continue;
        const range = columnSpan(target.letter, start, end);
        for (const status of STATUSES) {
          edits.push({
            kind: 'addConditionalFormat', sheet: table.sheet, range, tag,
            format: { rule: { type: 'formula', formula: formulas[status] }, style: palette[status], stopIfTrue: true },
          });
        }
      }
    }
  }

  const words = options.writeWords ? wordEdits(table, policy, options.workbook, ragColumn, notes) : [];
  edits.push(...words.map((w) => w.edit));
  const overwrites = words.filter((w) => w.replacesWord).map((w) => ({ sheet: table.sheet, range: w.edit.range }));
  return { plan: { title, description: msg.ragDescription(table.sheet, table.range), edits }, notes, problems: [], overwrites };
}

/** The words the policy gives each row, written where the RAG cell is blank or says something else. */
type WordEdit = { edit: Extract<Edit, { kind: 'setValues' }>; replacesWord: boolean };

function wordEdits(table: MonitoringTable, policy: RagPolicy, workbook: Workbook | undefined, ragColumn: TableColumn | undefined, notes: string[]): WordEdit[] {
  if (!ragColumn) return [];
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
    const edit = { kind: 'setValues', sheet: table.sheet, range: `${columnLetters(ragColumn.col)}${row.row + 1}`, values: [[policy.words[status][0] ?? status]] } as const;
    edits.push({ edit, replacesWord: shown !== '' });
  }
  return edits;
}
