/**
 * number-as-text: a figure stored as text looks right but SUM skips it, so the total is
 * silently wrong. Fix: store it as the number it shows.
 */
import { toA1 } from '../address';
import type { Finding } from '../findings';
import { summedColumns } from './utils/figures';
import type { Rule } from './types';

export const numberAsTextRule: Rule = {
  meta: {
    id: 'number-as-text',
    title: 'Numbers stored as text',
    why: 'Excel leaves text out of SUM, so totals silently miss these figures.',
    many: '{count} figures are stored as text',
    severity: 'error',
    description: 'Figures are stored as numbers, not as text that looks like a number.',
    fixable: true,
    messages: {
      text: '{cell} holds "{actual}" as text, so totals skip it: store it as the number {expected}{inUnit}',
      fixTitle: 'Store {cell} as a number',
    },
  },
  check(ctx) {
    const meta = numberAsTextRule.meta;
    const out: Finding[] = [];
    const columns = summedColumns(ctx.table);
    for (const row of ctx.figureRows) {
      for (const column of columns) {
        if (typeof ctx.value(row.row, column.col) !== 'string') continue; // only text can be a number stored as text
        const f = ctx.figure(row.row, column.col);
        if (f.kind !== 'number' || !f.storedAsText) continue;
        const cell = toA1(row.row, column.col);
        const text = String(ctx.cell(row.row, column.col).value).trim();
        out.push(ctx.report(meta, {
          messageId: 'text',
          data: { actual: text, expected: ctx.show(f.value, row.row, column.col) },
          row: row.row,
          col: column.col,
          expected: f.value,
          actual: text,
          fix: {
            title: ctx.text(meta, 'fixTitle', { cell }),
            edits: [{ kind: 'setValues', sheet: ctx.table.sheet, range: cell, values: [[f.value]] }],
          },
        }));
      }
    }
    return out;
  },
};
