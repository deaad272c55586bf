/**
 * error-value: no error values (#REF!, #DIV/0!, #N/A …) in a table. Cells outside every
 * table, copies of one broken formula and broken references hidden by IFERROR are
 * reported by the sheet pass (sheet-errors.ts) under this rule's id.
 */
import type { Finding } from '../findings';
import { figureOf } from '../numbers';
import type { Rule } from './types';

/** The message naming each error's usual cause. */
export const ERROR_CAUSES: Readonly<Record<string, string>> = {
  '#REF!': 'causeRef',
  '#DIV/0!': 'causeDiv',
  '#N/A': 'causeNa',
  '#VALUE!': 'causeValue',
  '#NAME?': 'causeName',
  '#NUM!': 'causeNum',
  '#NULL!': 'causeNull',
};

export const errorValueRule: Rule = {
  meta: {
    id: 'error-value',
    title: 'Error values',
    why: 'An error value spreads into every total that uses the cell, and the report cannot be read.',
    many: '{count} cells show error values',
    severity: 'error',
    description: 'No cell holds an error value such as #REF! or #DIV/0!, and no formula hides a broken reference behind IFERROR.',
    fixable: false,
    messages: {
      error: '{cell} shows the error {actual}{cause}',
      errorFormula: '{cell} shows the error {actual} from its formula {formula}{cause}',
      causeRef: ': the formula refers to a cell that was deleted',
      causeDiv: ': a division by zero or by an empty cell',
      causeNa: ': a lookup found nothing',
      causeValue: ': text where a number was expected',
      causeName: ': an unknown function or name',
      causeNum: ': a number too large or impossible',
      causeNull: ': two ranges that do not meet (a space between references)',
      copies: '; the same formula, copied, shows {actual} in {count} cells ({range})',
      copiesHidden: '; the same formula is copied to {count} cells ({range})',
      hiddenIfError: '{cell} hides a broken reference: its formula {formula} refers to a cell that was deleted, and IFERROR shows {shown} instead of the error',
      hiddenValue: '{cell} hides a broken reference: its formula {formula} refers to a cell that was deleted, yet shows {value}',
    },
  },
  check(ctx) {
    const meta = errorValueRule.meta;
    const out: Finding[] = [];
    const { table } = ctx;
    const rows = [...table.headerRows, ...table.rows.map((r) => r.row)];
    for (const row of rows) {
      const cells = ctx.sheet.rows[row];
      if (!cells) continue;
      const last = Math.min(cells.length - 1, table.lastCol);
      for (let col = table.firstCol; col <= last; col++) {
        const cell = cells[col];
        if (!cell || cell.value === null || typeof cell.value === 'number' || typeof cell.value === 'boolean') continue;
        // Error text always starts with "#"; skip ordinary words without parsing them.
        if (typeof cell.value === 'string' && !startsWithHash(cell.value)) continue;
        const f = figureOf(cell);
        if (f.kind !== 'error') continue;
        const causeId = ERROR_CAUSES[f.error];
        out.push(ctx.report(meta, {
          messageId: cell.formula ? 'errorFormula' : 'error',
          data: { actual: f.error, formula: cell.formula ?? '', cause: causeId ? ctx.text(meta, causeId) : '' },
          row,
          col,
          actual: f.error,
        }));
      }
    }
    return out;
  },
};

/** `text.trimStart().startsWith('#')` without copying the text: most cells are labels and figures. */
function startsWithHash(text: string): boolean {
  const first = text.charCodeAt(0);
  if (first === 35) return true; // #
  if (first > 32 && first < 127) return false; // any other visible ASCII character
  return /^\s*#/.test(text); // \s is the whitespace trimStart removes
}
