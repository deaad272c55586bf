/**
 * rag-policy: the RAG word on each line, sub total and total agrees with the council's
 * policy (money in pounds and percent of budget, per level). Words outside the policy's
 * vocabulary are reported. Fix: the right word, in the table's own style (Red or R).
 * The status comes from the same function the RAG colouring uses, so the two agree.
 */
import { toA1 } from '../address';
import type { Finding } from '../findings';
import type { TableRow } from '../model';
import { ragBudgetColumn, ragStatusFor } from '../domain/rag';
import type { RagLevel, RagPolicy, RagStatus } from '../policy';
import { type RuleContext, columnOf } from './context';
import { overspendOf } from './utils/figures';
import type { Rule } from './types';

const STATUSES: readonly RagStatus[] = ['Red', 'Amber', 'Green'];

export const ragPolicyRule: Rule = {
  meta: {
    id: 'rag-policy',
    title: 'RAG status',
    why: "A wrong RAG status sends committee's attention to the wrong lines.",
    many: '{count} RAG statuses do not follow the policy',
    severity: 'error',
    description: "The RAG status agrees with the council's policy for the line, section or whole table.",
    fixable: true,
    messages: {
      wrongStatus: '{cell} says {actual} but {label} is {reason}: under the RAG policy it should be {expected}',
      notAWord: '{cell} says "{actual}", which is not one of the RAG words ({words}): {label} should be {expected}',
      missing: '{cell} has no RAG status: {label} is {reason}, so it should be {expected}',
      overspendReason: 'overspending by {overspend}{inUnit} ({percent} of its budget {budget})',
      overspendNoBudget: 'overspending by {overspend}{inUnit}',
      onBudgetReason: 'on budget or underspending (variance {variance})',
      fixTitle: 'Set {cell} to {expected}',
    },
  },
  check(ctx) {
    const ragCol = columnOf(ctx.table, 'rag');
    const variance = columnOf(ctx.table, 'variance');
    if (!ragCol || !variance) return [];
    const style = wordStyle(ctx, ragCol.col);
    const budgetColumn = ragBudgetColumn(ctx.table, ctx.policy);
    const out: Finding[] = [];
    for (const row of ctx.figureRows) {
      const v = ctx.number(row.row, variance.col);
      if (v === undefined) continue;
      if (ctx.isBlank(row.row, variance.col) && ctx.isBlank(row.row, ragCol.col)) continue;
      const budget = budgetColumn ? ctx.number(row.row, budgetColumn.col) : undefined;
      const over = overspendOf(ctx.table, v);
      const tol = ctx.tolerance(row.row, variance.col);
      // Without a budget the policy's percentage cannot be applied, so the row is not judged.
      if (budget === undefined) continue;
      // A variance that is not forecast against budget is the variance rule's finding; the
      // RAG beside it may well be right for the true figures, so it is not judged on it.
      if (varianceDisputed(ctx, row.row, v, tol)) continue;
      // Likewise a total whose figures do not add up its rows: total-sum reports that cell.
      if (totalDisputed(ctx, row, [budgetColumn?.col, variance.col, columnOf(ctx.table, 'forecast')?.col])) continue;
      const status = ragStatusFor(over > tol ? over : 0, budget, levelOf(row), ctx.policy, ctx.table.unit);
      const finding = judge(ctx, row, ragCol.col, status, style, { over, v, variance: variance.col, budget });
      if (finding) out.push(finding);
    }
    return out;
  },
};

/** True when the row's forecast and budget are figures and the variance cell is not their difference. */
function varianceDisputed(ctx: RuleContext, row: number, v: number, tol: number): boolean {
  const forecast = columnOf(ctx.table, 'forecast');
  const budget = columnOf(ctx.table, 'netBudget') ?? columnOf(ctx.table, 'expenditure');
  if (!forecast || !budget) return false;
  const f = ctx.number(row, forecast.col);
  const b = ctx.number(row, budget.col);
  if (f === undefined || b === undefined) return false;
  const expected = ctx.table.signs.variance === 'underspendPositive' ? b - f : f - b;
  return Math.abs(expected - v) > tol;
}

/** True when, in one of these columns, a total is not the sum of the rows it covers. */
function totalDisputed(ctx: RuleContext, row: TableRow, cols: ReadonlyArray<number | undefined>): boolean {
  const covered = ctx.covered(row);
  if (covered.length === 0) return false;
  return cols.some((col) => {
    if (col === undefined) return false;
    const total = ctx.number(row.row, col);
    if (total === undefined) return false;
    let sum = 0;
    for (const r of covered) sum += ctx.number(r, col) ?? 0;
    return Math.abs(total - sum) > ctx.tolerance(row.row, col);
  });
}

export function levelOf(row: TableRow): RagLevel {
  return row.kind === 'subtotal' ? 'section' : row.kind === 'total' ? 'table' : 'line';
}

const VOCABULARIES = new WeakMap<RagPolicy, Map<string, { status: RagStatus; index: number }>>();

/** The status a RAG word stands for under the policy (case-insensitive), and which spelling it is. */
export function readRagWord(policy: RagPolicy, text: string): { status: RagStatus; index: number } | undefined {
  let vocabulary = VOCABULARIES.get(policy);
  if (!vocabulary) {
    vocabulary = new Map();
    for (const status of STATUSES) {
      policy.words[status].forEach((w, index) => {
        const key = w.trim().toLowerCase();
        if (!vocabulary!.has(key)) vocabulary!.set(key, { status, index });
      });
    }
    VOCABULARIES.set(policy, vocabulary);
  }
  return vocabulary.get(text.trim().toLowerCase());
}

const WORD_LISTS = new WeakMap<RagPolicy, string>();

/** The policy's RAG words as a message lists them ("Red, R, Amber, …"), joined once per policy. */
function wordList(policy: RagPolicy): string {
  let list = WORD_LISTS.get(policy);
  if (list === undefined) {
    list = STATUSES.flatMap((s) => policy.words[s]).join(', ');
    WORD_LISTS.set(policy, list);
  }
  return list;
}

/** Which of the policy's spellings the table uses (e.g. 0 for "Red", 1 for "R"): the commonest. */
function wordStyle(ctx: RuleContext, col: number): number {
  const counts = new Map<number, number>();
  for (const row of ctx.table.rows) {
    const value = ctx.cell(row.row, col).value;
    if (typeof value !== 'string') continue;
    const word = readRagWord(ctx.policy, value);
    if (word) counts.set(word.index, (counts.get(word.index) ?? 0) + 1);
  }
  let best = 0;
  let bestCount = -1;
  for (const [index, count] of counts) if (count > bestCount) [best, bestCount] = [index, count];
  return best;
}

interface Figures {
  readonly over: number;
  readonly v: number;
  readonly variance: number;
  readonly budget: number | undefined;
}

function judge(ctx: RuleContext, row: TableRow, col: number, status: RagStatus, style: number, f: Figures): Finding | undefined {
  const meta = ragPolicyRule.meta;
  const value = ctx.cell(row.row, col).value;
  const text = typeof value === 'string' ? value.trim() : value === null ? '' : typeof value === 'object' ? value.error : String(value);
  const words = ctx.policy.words[status];
  const expected = words[style] ?? words[0] ?? status;
  let messageId: string;
  let severity: 'warning' | undefined;
  if (text === '') [messageId, severity] = ['missing', 'warning'];
  else {
    const word = readRagWord(ctx.policy, text);
    if (word?.status === status) return undefined;
    messageId = word ? 'wrongStatus' : 'notAWord';
  }
  // Messages are built only for rows that are reported (most rows are fine).
  const cell = toA1(row.row, col);
  return ctx.report(meta, {
    messageId,
    data: { actual: text, expected, label: row.label || `row ${row.row + 1}`, reason: reasonText(ctx, row, f), words: wordList(ctx.policy) },
    row: row.row,
    col,
    ...(severity ? { severity } : {}),
    expected,
    actual: text,
    fix: {
      title: ctx.text(meta, 'fixTitle', { cell, expected }),
      edits: [{ kind: 'setValues', sheet: ctx.table.sheet, range: cell, values: [[expected]] }],
    },
  });
}

/** Why the line should have its status: an overspend is named as one, even one too small for Amber. */
function reasonText(ctx: RuleContext, row: TableRow, f: Figures): string {
  const meta = ragPolicyRule.meta;
  return f.over <= 0
    ? ctx.text(meta, 'onBudgetReason', { variance: ctx.show(f.v, row.row, f.variance) })
    : f.budget === undefined
      ? ctx.text(meta, 'overspendNoBudget', { overspend: ctx.show(f.over, row.row, f.variance) })
      : ctx.text(meta, 'overspendReason', {
        overspend: ctx.show(f.over, row.row, f.variance),
        percent: f.budget === 0 ? '∞' : `${((f.over / Math.abs(f.budget)) * 100).toFixed(1)}%`,
        budget: ctx.show(f.budget, row.row, f.variance),
      });
}
