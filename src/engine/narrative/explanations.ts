/**
 * Which variances need a written explanation under the council's policy, and whether the
 * workbook gives one: in the table's comments column on the line's row, on an explanation
 * sheet that names the line ("Variance explanations" with a Line column), or under a
 * heading that is the line's label in the text around the table.
 */
import { toA1 } from '../address';
import { type Sheet, type Workbook, cellAt } from '../grid';
import type { MonitoringTable, TableRow } from '../model';
import { figureOf, isNilText, isUnknownText, numericValue } from '../numbers';
import { moneyInUnit, ragBudgetColumn, ragStatusFor } from '../domain/rag';
import { type RagPolicy, type RagStatus, DEFAULT_RAG_POLICY, explanationPolicyOf } from '../policy';
import { readRagWord } from '../rules/rag-policy';
import { tokensOf } from './claims';
import { type LabelIndex, labelIndexOf, mentionsIn } from './subjects';
import { explainsTable, explanationSheets, sheetNarrative, textCells } from './texts';

export interface NeededExplanation {
  /** The line's sheet row (0-based) and its variance cell (A1). */
  readonly row: number;
  readonly cell: string;
  readonly label: string;
  /** The variance as the table stores it (its unit and sign convention). */
  readonly variance: number;
  /** The line's RAG under the policy (the RAG column's word only when there is no budget to apply it to). */
  readonly rag: RagStatus | undefined;
  /** Why it needs one: its RAG is Red, its variance reaches the policy's amount, or both. */
  readonly reasons: readonly ('red' | 'money')[];
}

/**
 * The lines of a table whose variance needs an explanation under the policy (default: every
 * Red line and every line whose variance, over or under, is at least £100,000 in the
 * table's unit). Needs the sheet the table was read from, for its figures.
 */
export function explanationsNeeded(table: MonitoringTable, policy: RagPolicy = DEFAULT_RAG_POLICY, sheet?: Sheet): NeededExplanation[] {
  const variance = table.columns.find((c) => c.role === 'variance');
  if (!variance || !sheet) return [];
  const setting = explanationPolicyOf(policy);
  if (!setting.red && setting.money === null) return [];
  const rag = table.columns.find((c) => c.role === 'rag');
  const budget = ragBudgetColumn(table, policy);
  const threshold = setting.money === null ? undefined : moneyInUnit(setting.money, table.unit);
  const out: NeededExplanation[] = [];
  for (const row of table.rows) {
    // A line labelled as a total or a net figure ("Net Expenditure" = expenditure − income) adds up others.
    if (row.kind !== 'line' || /^(net|total)\b|\btotals?$/i.test(row.label.trim())) continue;
    const v = numberAt(sheet, row.row, variance.col);
    if (v === undefined || v === 0) continue;
    const status = statusOf(sheet, table, row, v, rag?.col, budget?.col, policy);
    const reasons: ('red' | 'money')[] = [];
    if (setting.red && status === 'Red') reasons.push('red');
    // Half a unit below the amount still reaches it as shown (0.0995 in £m shows as 0.100 … but not 0.099).
    if (threshold !== undefined && Math.abs(v) >= threshold - 1e-9) reasons.push('money');
    if (reasons.length === 0) continue;
    out.push({ row: row.row, cell: toA1(row.row, variance.col), label: row.label || `row ${row.row + 1}`, variance: v, rag: status, reasons });
  }
  return out;
}

function numberAt(sheet: Sheet, row: number, col: number): number | undefined {
  const f = figureOf(cellAt(sheet, row, col));
  return f.kind === 'number' ? f.value : f.kind === 'nil' ? 0 : undefined;
}

/**
 * The line's RAG under the policy, from its figures; the word in its RAG column only when the
 * policy cannot be applied (no budget). A wrong RAG word is rag-policy's finding: an
 * explanation is not asked for on the strength of it.
 */
function statusOf(sheet: Sheet, table: MonitoringTable, row: TableRow, v: number, ragCol: number | undefined, budgetCol: number | undefined, policy: RagPolicy): RagStatus | undefined {
  const b = budgetCol === undefined ? undefined : numericValue(figureOf(cellAt(sheet, row.row, budgetCol)));
  if (b !== undefined) {
    const over = table.signs.variance === 'underspendPositive' ? -v : v;
    return ragStatusFor(over, b, 'line', policy, table.unit);
  }
  if (ragCol === undefined) return undefined;
  const word = cellAt(sheet, row.row, ragCol).value;
  return typeof word === 'string' ? readRagWord(policy, word)?.status : undefined;
}

/** Where explanations are kept for this table: its comments columns and the workbook's explanation sheets. */
export interface ExplanationPlaces {
  readonly commentCols: readonly number[];
  readonly sheets: readonly string[];
}

export function explanationPlaces(workbook: Workbook, table: MonitoringTable): ExplanationPlaces {
  return {
    commentCols: table.columns.filter((c) => c.role === 'comments').map((c) => c.col),
    // A sheet whose figures link to another table (last month's) explains that one, not this.
    sheets: explanationSheets(workbook).filter((e) => explainsTable(e, table)).map((e) => e.sheet.name),
  };
}

/** Text that is not an explanation: blank, "-", "TBC", "n/a". */
function says(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  const t = value.trim();
  return t !== '' && !isNilText(t) && !isUnknownText(t) && /[a-z]{2}/i.test(t);
}

/**
 * A footnote reference in the comments cell ("3", "Note 3", "see note 3"): the explanation is
 * in the paper's notes, which the workbook does not hold, so it cannot be said to be missing.
 */
function isNoteReference(value: unknown): boolean {
  if (typeof value === 'number') return Number.isInteger(value) && value > 0 && value < 1000;
  return typeof value === 'string' && /^\s*(?:see\s+)?(?:note\s*)?\d{1,3}\s*$/i.test(value);
}

/** The rows of a table that have an explanation somewhere in the workbook. */
export function explainedRows(workbook: Workbook, sheet: Sheet, table: MonitoringTable): Set<number> {
  const places = explanationPlaces(workbook, table);
  const index = labelIndexOf(table);
  const out = new Set<number>();
  for (const r of table.rows) {
    if (places.commentCols.some((c) => says(cellAt(sheet, r.row, c).value) || isNoteReference(cellAt(sheet, r.row, c).value))) out.add(r.row);
  }
  for (const e of explanationSheets(workbook)) {
    if (!explainsTable(e, table)) continue;
    if (e.list) {
      for (let r = e.list.headerRow + 1; r < e.sheet.rows.length; r++) {
        const line = cellAt(e.sheet, r, e.list.lineCol).value;
        if (typeof line !== 'string' || !says(cellAt(e.sheet, r, e.list.textCol).value)) continue;
        const row = exactRow(line, index);
        if (row !== undefined) out.add(row);
      }
    } else {
      for (const t of textCells(e.sheet)) for (const m of mentionsIn(t.text, index)) if (!m.unclear) out.add(m.row);
    }
  }
  // A heading that is the line's label, in the text around the table ("External Placements", then its paragraphs).
  for (const t of sheetNarrative(sheet, table, true)) {
    const row = exactRow(t.text, index);
    if (row !== undefined) out.add(row);
  }
  return out;
}

function exactRow(text: string, index: LabelIndex): number | undefined {
  const words = tokensOf(text).map((t) => t.word).filter((w) => /^[a-z0-9]/.test(w)).join(' ');
  const entry = index.entries.find((e) => e.words.join(' ') === words);
  return entry && !entry.ambiguous ? entry.row : undefined;
}
