/**
 * mitigation-tracker: in the tracker of actions closing an overspend, one-off + ongoing
 * = the period amount on each action; "Total Mitigations" = the sum of the actions;
 * "Still to be Mitigated" = "To be Mitigated" + "Total Mitigations". (Movement =
 * this period − previous is checked by the movement rule.) Rows are found by their words,
 * which are the tracker's own vocabulary.
 */
import type { Finding } from '../findings';
import type { TableColumn, TableRow } from '../model';
import { type RuleContext, columnOf } from './context';
import { reportIdentity } from './utils/identity';
import { labelSaysBalance, labelSaysOpening } from '../read/rows';
import type { Rule } from './types';

const TOTAL = /^\s*total\b.*mitigat/i;

export const mitigationTrackerRule: Rule = {
  meta: {
    id: 'mitigation-tracker',
    title: 'Mitigation tracker arithmetic',
    why: 'The tracker is what committee reads for how the overspend will be closed; its sums must hold.',
    many: '{count} mitigation tracker figures do not add up',
    severity: 'error',
    description: 'In a mitigation tracker, one-off + ongoing = the period amount, Total Mitigations = the sum of the actions, and Still to be Mitigated = To be Mitigated + Total Mitigations.',
    fixable: false,
    messages: {
      split: '{derived} for {label} is {actual} but its one-off {oneOff} and ongoing {ongoing} mitigation add up to {expected}{inUnit}',
      total: '{derived} ("{label}") is {actual} but the actions above it add up to {expected}{inUnit}',
      still: '{derived} ("{label}") is {actual} but to be mitigated {toBe} plus total mitigations {mitigated} is {expected}{inUnit}',
      root: '{cell} looks wrong: its column total does not add up either. {detail}',
      rounding: '{derived} for {label} is {actual} and should be {expected}{inUnit}: a rounding difference, not an error',
    },
  },
  check(ctx) {
    const current = columnOf(ctx.table, 'currentPeriod');
    if (!current) return [];
    const rows = ctx.table.rows;
    // The reader's own words for the opening and balance rows, so the two never disagree.
    const toBe = rows.find((r) => labelSaysOpening(r.label) && !labelSaysBalance(r.label));
    const still = rows.find((r) => labelSaysBalance(r.label));
    const total = rows.find((r) => TOTAL.test(r.label));
    if (!toBe && !still && !total && ctx.table.kind !== 'mitigationTracker') return [];
    const end = total?.row ?? still?.row ?? ctx.table.lastRow + 1;
    const actions = rows.filter((r) => r.kind === 'line' && r.row > (toBe?.row ?? ctx.table.firstRow - 1) && r.row < end && r !== toBe && r !== still);
    const amountCols = ['previousPeriod', 'currentPeriod', 'movement', 'oneOffMitigation', 'ongoingMitigation']
      .map((role) => columnOf(ctx.table, role as TableColumn['role']))
      .filter((c) => c !== undefined);
    const out: Finding[] = [];
    // The total row's own split follows from its actions' splits and sums, so only actions are split-checked.
    out.push(...splits(ctx, actions, current));
    if (total) out.push(...totals(ctx, total, actions, amountCols));
    if (still && toBe && total) out.push(...stillToBe(ctx, still, toBe, total, amountCols.filter((c) => c.role !== 'oneOffMitigation' && c.role !== 'ongoingMitigation')));
    return out;
  },
};

function splits(ctx: RuleContext, rows: readonly TableRow[], current: TableColumn): Finding[] {
  const oneOff = columnOf(ctx.table, 'oneOffMitigation');
  const ongoing = columnOf(ctx.table, 'ongoingMitigation');
  if (!oneOff || !ongoing) return [];
  const out: Finding[] = [];
  for (const row of rows) {
    if (ctx.isBlank(row.row, oneOff.col) && ctx.isBlank(row.row, ongoing.col)) continue;
    const a = ctx.number(row.row, current.col);
    const o = ctx.number(row.row, oneOff.col);
    const g = ctx.number(row.row, ongoing.col);
    if (a === undefined || o === undefined || g === undefined) continue; // TBC
    const f = reportIdentity(ctx, mitigationTrackerRule.meta, {
      row,
      derivedCol: current.col,
      operandCols: [current.col, oneOff.col, ongoing.col],
      expected: o + g,
      actual: a,
      messageId: 'split',
      roundingMessageId: 'rounding',
      figures: { oneOff: [o, oneOff.col], ongoing: [g, ongoing.col] },
    });
    if (f) out.push(f);
  }
  return out;
}

function totals(ctx: RuleContext, total: TableRow, actions: readonly TableRow[], cols: readonly TableColumn[]): Finding[] {
  const out: Finding[] = [];
  for (const col of cols) {
    const stated = ctx.figure(total.row, col.col);
    if (stated.kind !== 'number' && stated.kind !== 'nil') continue;
    let sum = 0;
    for (const a of actions) sum += ctx.number(a.row, col.col) ?? 0; // TBC actions add nothing yet
    const f = reportIdentity(ctx, mitigationTrackerRule.meta, {
      row: total,
      derivedCol: col.col,
      operandCols: [],
      expected: sum,
      actual: ctx.number(total.row, col.col) ?? 0,
      messageId: 'total',
      roundingMessageId: 'rounding',
    });
    if (f) out.push(f);
  }
  return out;
}

function stillToBe(ctx: RuleContext, still: TableRow, toBe: TableRow, total: TableRow, cols: readonly TableColumn[]): Finding[] {
  const out: Finding[] = [];
  for (const col of cols) {
    const s = ctx.figure(still.row, col.col);
    if (s.kind !== 'number' && s.kind !== 'nil') continue;
    const a = ctx.number(toBe.row, col.col);
    const m = ctx.number(total.row, col.col);
    if (a === undefined || m === undefined) continue;
    const f = reportIdentity(ctx, mitigationTrackerRule.meta, {
      row: still,
      derivedCol: col.col,
      operandCols: [],
      expected: a + m,
      actual: ctx.number(still.row, col.col) ?? 0,
      messageId: 'still',
      roundingMessageId: 'rounding',
      figures: { toBe: [a, col.col], mitigated: [m, col.col] },
    });
    if (f) out.push(f);
  }
  return out;
}
