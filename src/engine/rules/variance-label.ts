/**
 * variance-label: the word beside a variance agrees with its sign. Overspend /
 * Underspend; on income lines (net budget ≤ 0) Underachievement / Overachievement;
 * a nil variance is on budget.
 */
import { DIRECTION_WORDS } from '../domain/variance-words';
import type { Finding } from '../findings';
import { toA1 } from '../address';
import { type RuleContext, columnOf } from './context';
import { overspendOf } from './utils/figures';
import type { Rule } from './types';

type Direction = 'over' | 'under' | 'nil';
type Family = 'spend' | 'income' | 'nil';

interface LabelWord {
  readonly direction: Direction;
  readonly family: Family;
}

const WORDS: Readonly<Record<string, LabelWord>> = {
  ...DIRECTION_WORDS,
  onbudget: { direction: 'nil', family: 'nil' },
  nil: { direction: 'nil', family: 'nil' },
  breakeven: { direction: 'nil', family: 'nil' },
  balanced: { direction: 'nil', family: 'nil' },
  ontarget: { direction: 'nil', family: 'nil' },
};

/** The word written by a fix. */
const CANONICAL: Readonly<Record<string, string>> = {
  'over/spend': 'Overspend',
  'under/spend': 'Underspend',
  'over/income': 'Underachievement',
  'under/income': 'Overachievement',
  nil: 'On budget',
};

const NIL_LABEL: LabelWord = { direction: 'nil', family: 'nil' };

/** Labels already read: a table repeats a handful of words down thousands of rows. */
const LABELS_READ = new Map<string, LabelWord | undefined>();

export function readLabelWord(text: string): LabelWord | undefined {
  if (LABELS_READ.has(text)) return LABELS_READ.get(text);
  const t = text.trim();
  const word = /^[-–—]+$/.test(t) ? NIL_LABEL : WORDS[t.toLowerCase().replace(/[^a-z]/g, '')];
  if (LABELS_READ.size >= 1000) LABELS_READ.clear(); // free text is unbounded; keep the memo small
  LABELS_READ.set(text, word);
  return word;
}

export const varianceLabelRule: Rule = {
  meta: {
    id: 'variance-label',
    title: 'Overspend and underspend labels',
    why: 'A label that contradicts the figure tells committee the opposite of what is happening.',
    many: '{count} variance labels contradict their figures',
    severity: 'error',
    description: 'Overspend / Underspend (Underachievement / Overachievement on income lines) agrees with the variance; a nil variance is on budget.',
    fixable: true,
    messages: {
      wrongDirection: '{cell} says "{actual}" but the variance {variance} for {label} is an {kind}: it should say "{expected}"',
      wrongFamily: '{cell} says "{actual}" but {label} is an income line (net budget {budget}): it should say "{expected}"',
      notIncome: '{cell} says "{actual}" but {label} is not an income line (net budget {budget}): it should say "{expected}"',
      nilVariance: '{cell} says "{actual}" but the variance for {label} is nil: it should say "{expected}"',
      missing: '{cell} is blank but the variance {variance} for {label} is an {kind}: it should say "{expected}"',
      unknownWord: '{cell} says "{actual}", which is not a variance label: for a variance of {variance} it should say "{expected}"',
      overspendKind: 'overspend',
      underspendKind: 'underspend',
      fixTitle: 'Write "{expected}" in {cell}',
    },
  },
  check(ctx) {
    const labelCol = columnOf(ctx.table, 'varianceLabel');
    const variance = columnOf(ctx.table, 'variance');
    if (!labelCol || !variance) return [];
    const net = columnOf(ctx.table, 'netBudget');
    const out: Finding[] = [];
    for (const row of ctx.figureRows) {
      const v = ctx.number(row.row, variance.col);
      if (v === undefined) continue;
      if (ctx.isBlank(row.row, variance.col) && ctx.isBlank(row.row, labelCol.col)) continue;
      const over = overspendOf(ctx.table, v);
      const tol = ctx.tolerance(row.row, variance.col);
      const direction: Direction = over > tol ? 'over' : over < -tol ? 'under' : 'nil';
      const budget = net ? ctx.number(row.row, net.col) : undefined;
      const family: Family = direction === 'nil' ? 'nil' : budget !== undefined && budget <= 0 && net ? 'income' : 'spend';
      const expected = CANONICAL[direction === 'nil' ? 'nil' : `${direction}/${family}`]!;
      const finding = judge(ctx, row.row, labelCol.col, { direction, family, expected, variance: v, varianceCol: variance.col, budget, budgetCol: net?.col, label: row.label || `row ${row.row + 1}` });
      if (finding) out.push(finding);
    }
    return out;
  },
};

interface Expectation {
  readonly direction: Direction;
  readonly family: Family;
  readonly expected: string;
  /** Figures are formatted only when a finding is made. */
  readonly variance: number;
  readonly varianceCol: number;
  readonly budget: number | undefined;
  readonly budgetCol: number | undefined;
  readonly label: string;
}

function judge(ctx: RuleContext, row: number, col: number, e: Expectation): Finding | undefined {
  const meta = varianceLabelRule.meta;
  const value = ctx.cell(row, col).value;
  const text = typeof value === 'string' ? value.trim() : value === null ? '' : String(typeof value === 'object' ? value.error : value);
  const verdict = verdictOf(text, e);
  if (!verdict) return undefined;
  const [messageId, severity] = verdict;
  return ctx.report(meta, {
    messageId,
    data: {
      actual: text,
      expected: e.expected,
      variance: ctx.show(e.variance, row, e.varianceCol),
      budget: e.budget === undefined || e.budgetCol === undefined ? '' : ctx.show(e.budget, row, e.budgetCol),
      label: e.label,
      kind: ctx.text(meta, e.direction === 'over' ? 'overspendKind' : 'underspendKind'),
    },
    row,
    col,
    ...(severity ? { severity } : {}),
    expected: e.expected,
    actual: text,
    fix: {
      title: ctx.text(meta, 'fixTitle', { expected: e.expected, cell: toA1(row, col) }),
      edits: [{ kind: 'setValues', sheet: ctx.table.sheet, range: toA1(row, col), values: [[e.expected]] }],
    },
  });
}

/** Which message (and a lowered severity) a label deserves; undefined when it is right. */
function verdictOf(text: string, e: Expectation): [string, 'warning' | undefined] | undefined {
  if (text === '') return e.direction === 'nil' ? undefined : ['missing', 'warning'];
  const word = readLabelWord(text);
  if (!word) return ['unknownWord', undefined];
  if (e.direction === 'nil') return word.direction === 'nil' ? undefined : ['nilVariance', 'warning'];
  if (word.direction !== e.direction || word.family === 'nil') return ['wrongDirection', undefined];
  if (word.family !== e.family) return [e.family === 'income' ? 'wrongFamily' : 'notIncome', 'warning'];
  return undefined;
}
