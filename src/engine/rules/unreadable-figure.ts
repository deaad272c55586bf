/**
 * unreadable-figure: text in a figure column that is not a number, nil or TBC: a
 * damaged cell such as "`(19)" or ", ,", or several figures run together. When removing
 * stray marks leaves a number, the fix stores that number (shown first, as every fix).
 */
import { toA1 } from '../address';
import type { Finding } from '../findings';
import { parseNumberText } from '../numbers';
import { isUnitOnly } from '../read/roles';
import { summedColumns } from './utils/figures';
import type { RuleContext } from './context';
import type { Rule } from './types';
import type { TableColumn } from '../model';

const STRAY = /[`'"’‘´^~_|\\]/g;
// The symbols official statistics print for "not available" or "suppressed" ("..", "~", "[x]"):
// a deliberate mark, like TBC, not a damaged figure.
const STATISTICAL_MARK = /^(?:\.{2,3}|…|~|\[?[xcz]\]?|:|-{2})$/i;

export const unreadableFigureRule: Rule = {
  meta: {
    id: 'unreadable-figure',
    title: 'Unreadable figures',
    why: 'Text in a figure column is left out of every total.',
    many: '{count} cells in figure columns are not numbers',
    severity: 'error',
    description: 'Every cell in a figure column holds a number, a nil (-) or TBC, not damaged text.',
    fixable: true,
    messages: {
      stray: '{cell} holds "{actual}", which is not a number: it looks like {expected} with stray characters',
      several: '{cell} holds several figures in one cell ("{actual}"): each belongs in its own row',
      notNumber: '{cell} holds "{actual}" in a figure column, which is not a number, nil (-) or TBC',
      fixTitle: 'Store {cell} as {expected}',
    },
  },
  check(ctx) {
    const meta = unreadableFigureRule.meta;
    const out: Finding[] = [];
    const columns = summedColumns(ctx.table);
    // Section rows too: a stray mark on a sub-heading row is damage as well.
    for (const row of ctx.table.rows.filter((r) => r.kind !== 'blank' && r.kind !== 'note')) {
      // Worked out only for a row that has text in a figure column: most rows have none.
      let caption: boolean | undefined;
      for (const column of columns) {
        const raw = ctx.value(row.row, column.col);
        if (typeof raw !== 'string' && typeof raw !== 'boolean') continue;
        const f = ctx.figure(row.row, column.col);
        if (f.kind !== 'text') continue;
        const text = f.text.trim();
        if (STATISTICAL_MARK.test(text)) continue;
        // Words a formula returns (=IF(…,"Error")) are the workbook's own check, not a damaged figure.
        if (ctx.cell(row.row, column.col).formula !== undefined) continue;
        // A row of words across the figure columns ("2017 £ Note", "2016 Note"; names) captions what follows;
        // a sentence is a note written in the column, not a damaged figure.
        caption ??= isCaptionRow(ctx, row.row, columns);
        if ((caption && looksLikeWords(text)) || isSentence(text) || isHeadingText(text) || isFieldName(text)) continue;
        const shown = text.length > 60 ? `${text.slice(0, 57)}...` : text;
        const cleaned = parseNumberText(text.replace(STRAY, ''));
        const cell = toA1(row.row, column.col);
        if (cleaned !== undefined) {
          const expected = ctx.show(cleaned, row.row, column.col);
          out.push(ctx.report(meta, {
            messageId: 'stray',
            data: { actual: shown, expected },
            row: row.row,
            col: column.col,
            expected: cleaned,
            actual: text,
            fix: {
              title: ctx.text(meta, 'fixTitle', { cell, expected }),
              edits: [{ kind: 'setValues', sheet: ctx.table.sheet, range: cell, values: [[cleaned]] }],
            },
          }));
          continue;
        }
        // On a heading row, words with no digit are a sub-heading or a unit ("£ thousand"), not a damaged figure.
        if (row.kind === 'section' && !/\d/.test(text) && /[a-z]{2}/i.test(text)) continue;
        if (isUnitOnly(text)) continue; // "£ thousand" under a heading states the unit
        const pieces = text.split(/\s+/).filter((p) => p !== '');
        const several = pieces.length > 1 && pieces.every((p) => parseNumberText(p) !== undefined);
        out.push(ctx.report(meta, { messageId: several ? 'several' : 'notNumber', data: { actual: shown }, row: row.row, col: column.col, actual: text }));
      }
    }
    return out;
  },
};

/** Words, or a year or unit with words: "2017 £ Note", "Daventry"; not "_", ", ," or "18,394 F". */
function looksLikeWords(text: string): boolean {
  if (!/[a-z]{2}/i.test(text)) return false;
  // Without its years, a caption holds no digits.
  return !/\d/.test(text.replace(/\b(19|20)\d{2}\b/g, ''));
}

/** A year or a unit with words, and no other number: a heading ("2017 £ Note", "2016 Note"), not a damaged figure. */
function isHeadingText(text: string): boolean {
  return looksLikeWords(text) && /\b(19|20)\d{2}\b|[£$€]/.test(text);
}

/** A data extract's field name ("ctrtaxbaseadj_ba_cy", "percent_1000"): words joined by underscores. */
function isFieldName(text: string): boolean {
  return /^[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)+$/.test(text);
}

/** Three words or more of three letters or more: "1. Council Tax Requirement including special expenses." */
function isSentence(text: string): boolean {
  return (text.match(/[A-Za-z]{3,}/g)?.length ?? 0) >= 3;
}

/**
 * Words in two or more figure columns of the row and figures in few (a side calculation
 * beside a heading row): a caption row, not a line.
 */
function isCaptionRow(ctx: RuleContext, row: number, columns: readonly TableColumn[]): boolean {
  let words = 0;
  let figures = 0;
  for (const column of columns) {
    const f = ctx.figure(row, column.col);
    if (f.kind === 'blank') continue;
    if (f.kind !== 'text') figures++;
    else if (looksLikeWords(f.text.trim())) words++;
  }
  return words >= 2 && words > 2 * figures;
}
