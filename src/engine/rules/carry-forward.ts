/**
 * carry-forward: in a budget build across years, each year starts from the base the year
 * before ends with: "Base budget b/f" in one year column equals "Base budget c/f" in the
 * year column to its left. (The c/f itself is a total, checked by total-sum.)
 */
import type { Finding } from '../findings';
import { columnsByRole, type TableRow } from '../model';
import { normaliseText } from '../domain/labels';
import { reportIdentity } from './utils/identity';
import type { Rule } from './types';

const BROUGHT = /\bb\/f\b|brought forward|^opening (base )?budget\b/;
const CARRIED = /\bc\/f\b|carried forward|^closing (base )?budget\b/;

export const carryForwardRule: Rule = {
  meta: {
    id: 'carry-forward',
    title: 'Base budget brought forward',
    why: "A year's base that does not match the year before misstates every later year of the budget.",
    many: '{count} bases brought forward do not match the year before',
    severity: 'error',
    description: "In a budget build across years, each year's base budget brought forward equals the previous year's base carried forward.",
    fixable: false,
    messages: {
      bf: '{derived} ("{label}") is {actual} but the base carried forward from the year before ({previousCell}) is {expected}{inUnit}',
      root: '{cell} looks wrong: its column total does not add up either. {detail}',
      rounding: '{derived} ("{label}") is {actual} and the base carried forward from the year before is {expected}{inUnit}: a rounding difference, not an error',
    },
  },
  check(ctx) {
    const years = [...columnsByRole(ctx.table, 'year')].sort((a, b) => a.col - b.col);
    if (years.length < 2) return [];
    const only = (re: RegExp): TableRow | undefined => {
      const found = ctx.figureRows.filter((r) => re.test(normaliseText(r.label)));
      return found.length === 1 ? found[0] : undefined; // two b/f rows: which pairs with which is a guess
    };
    const brought = only(BROUGHT);
    const carried = only(CARRIED);
    if (!brought || !carried || brought.row >= carried.row) return [];
    const out: Finding[] = [];
    for (let i = 1; i < years.length; i++) {
      const before = years[i - 1]!;
      const year = years[i]!;
      const bf = ctx.number(brought.row, year.col);
      const cf = ctx.number(carried.row, before.col);
      if (bf === undefined || cf === undefined) continue;
      const f = reportIdentity(ctx, carryForwardRule.meta, {
        row: brought,
        derivedCol: year.col,
        operandCols: [],
        expected: cf,
        actual: bf,
        messageId: 'bf',
        roundingMessageId: 'rounding',
        data: { previousCell: `${before.letter}${carried.row + 1}` },
      });
      if (f) out.push(f);
    }
    return out;
  },
};
