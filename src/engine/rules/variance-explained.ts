/**
 * variance-explained: every variance the council's policy says needs an explanation has one
 * (default: every Red line, and every line whose variance, over or under, is at least
 * £100,000 in the table's unit; `explanations` in the RAG policy). An explanation is text in
 * the table's comments column on the line's row, a row of an explanation sheet ("Variance
 * explanations", with a Line column) naming the line, or a heading that is the line's
 * label in the text around the table.
 *
 * Reported only where the workbook has a place for explanations: a comments column in the
 * table or an explanation sheet. A table without either is a summary or a data extract (or
 * the explanations live in the committee paper, as in seed 000): listing every large
 * variance there would be noise an officer cannot act on in the workbook. The
 * draft-explanations operation offers to add the place, using explanationsNeeded().
 * One messageId, so that the pane can group them ("12 variances need an explanation").
 */
import type { Finding } from '../findings';
import { explainedRows, explanationPlaces, explanationsNeeded } from '../narrative/explanations';
import { toA1 } from '../address';
import { explanationPolicyOf } from '../policy';
import { columnOf } from './context';
import { overspendOf } from './utils/figures';
import type { Rule } from './types';

export const varianceExplainedRule: Rule = {
  meta: {
    id: 'variance-explained',
    title: 'Unexplained variances',
    why: 'Committee asks about every large or Red variance; one without a reason is sent back.',
    many: '{count} large or Red variances have no explanation',
    severity: 'warning',
    description: 'Every variance the policy names (Red, or at least the policy\'s amount) has an explanation in the comments column or an explanation sheet.',
    fixable: false,
    messages: {
      unexplained: '{cell}: the {kind} of {variance}{inUnit} on {label} needs an explanation ({reason}); there is none in {where}',
      red: 'its RAG is Red',
      money: 'it is at least £{money}',
      both: 'its RAG is Red and it is at least £{money}',
      inComments: 'its comments cell {comment}',
      inSheets: 'the {sheets} sheet',
      inBoth: 'its comments cell {comment} or the {sheets} sheet',
    },
  },
  check(ctx) {
    if (ctx.table.kind !== 'monitoring') return [];
    const variance = columnOf(ctx.table, 'variance');
    if (!variance) return [];
    const places = explanationPlaces(ctx.workbook, ctx.table);
    if (places.commentCols.length === 0 && places.sheets.length === 0) return [];
    const needed = explanationsNeeded(ctx.table, ctx.policy, ctx.sheet);
    if (needed.length === 0) return [];
    const explained = explainedRows(ctx.workbook, ctx.sheet, ctx.table);
    const meta = varianceExplainedRule.meta;
    const money = explanationPolicyOf(ctx.policy).money ?? 0;
    const out: Finding[] = [];
    for (const n of needed) {
      if (explained.has(n.row)) continue;
      const over = overspendOf(ctx.table, n.variance);
      const comment = places.commentCols[0] === undefined ? '' : toA1(n.row, places.commentCols[0]);
      const sheets = places.sheets.map((s) => `"${s}"`).join(', ');
      const where = comment && sheets
        ? ctx.text(meta, 'inBoth', { comment, sheets })
        : comment ? ctx.text(meta, 'inComments', { comment }) : ctx.text(meta, 'inSheets', { sheets });
      const reason = ctx.text(meta, n.reasons.length === 2 ? 'both' : n.reasons[0]!, { money: money.toLocaleString('en-GB') });
      out.push(ctx.report(meta, {
        messageId: 'unexplained',
        row: n.row,
        col: variance.col,
        data: {
          kind: over > 0 ? 'overspend' : 'underspend',
          variance: ctx.show(Math.abs(n.variance), n.row, variance.col),
          label: n.label,
          reason,
          where,
        },
        expected: 'an explanation',
        actual: null,
      }));
    }
    return out;
  },
};
