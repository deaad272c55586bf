/** error-value: no error values (#REF!, #DIV/0!, #N/A …) anywhere in a table. */
import type { Finding } from '../findings';
import { figureOf } from '../numbers';
import type { Rule } from './types';

const CAUSES: Readonly<Record<string, string>> = {
  '#REF!': 'causeRef',
  '#DIV/0!': 'causeDiv',
  '#N/A': 'causeNa',
  '#VALUE!': 'causeValue',
  '#NAME?': 'causeName',
  '#NUM!': 'causeNum',
};

export const errorValueRule: Rule = {
  meta: {
    id: 'error-value',
    severity: 'error',
    description: 'No cell of a table holds an error value such as #REF! or #DIV/0!.',
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
        const causeId = CAUSES[f.error];
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
