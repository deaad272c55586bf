/**
 * Service totals printed on their section's own row, above the lines they add (the Scottish
 * LFR layout): found by a SUM of the rows below, or by the figures (the head equals the sum
 * of the lines beneath it, in every figure column it has).
 */
import { FIGURE_ROLES, type TableColumn } from '../model';
import { toleranceFor } from '../units';
import type { SheetScan } from './cells';
import type { RowFacts } from './rows';
import { decimalsAt, hasNumberAt, numberAt } from './values';

/**
 * Service totals sitting above their lines: head row → the lines it covers. A block of
 * zeros adds up whichever row heads it, so it counts as headed only when the table's
 * other blocks show that layout.
 */
export function totalsAbove(scan: SheetScan, facts: readonly RowFacts[], columns: readonly TableColumn[]): Map<number, number[]> {
  const figureCols = columns.filter((c) => FIGURE_ROLES.has(c.role)).map((c) => c.col);
  // An unlabelled row of zeros is a spacer, not a line: it separates groups like a blank row.
  const inRun = (f: RowFacts): boolean =>
    f.hint === 'line' && (f.label !== '' || figureCols.some((c) => numberAt(scan, f.row, c) !== 0));
  const find = (allowZero: boolean): Map<number, number[]> => {
    const heads = new Map<number, number[]>();
    let i = 0;
    while (i < facts.length) {
      if (!inRun(facts[i]!)) {
        i++;
        continue;
      }
      let end = i;
      while (end + 1 < facts.length && inRun(facts[end + 1]!)) end++;
      // Only the first row of a run, or the row after a closed group, can head a group.
      let h = i;
      while (h < end) {
        const k = groupEnd(scan, facts, figureCols, h, end, allowZero);
        if (k === undefined) break;
        heads.set(facts[h]!.row, facts.slice(h + 1, k + 1).map((f) => f.row));
        h = k + 1;
      }
      i = end + 1;
    }
    return heads;
  };
  const heads = find(false);
  return heads.size >= 1 ? find(true) : heads;
}

/**
 * Index of the last line of the group headed by facts[h], or undefined when it heads none.
 * A head whose formula adds rows below owns every line down to the next such head (what it
 * should cover, even when its SUM stops short); a typed head owns the lines that add up to it,
 * including trailing lines of zero.
 */
function groupEnd(scan: SheetScan, facts: readonly RowFacts[], cols: readonly number[], h: number, end: number, allowZero: boolean): number | undefined {
  const head = facts[h]!;
  if (head.sumsRows === 'below') {
    let k = h;
    while (k + 1 <= end && facts[k + 1]!.sumsRows !== 'below') k++;
    return k > h ? k : undefined;
  }
  const compared = cols.filter((c) => hasNumberAt(scan, head.row, c));
  if (compared.length === 0 || (!allowZero && compared.every((c) => numberAt(scan, head.row, c) === 0))) return undefined;
  // One column of typed figures can add up by chance; then the row must also look like a heading.
  const next = facts[h + 1];
  const looksLikeHeading = head.bold || (next !== undefined && next.indent > head.indent);
  if (compared.length < 2 && !looksLikeHeading) return undefined;
  const sums = compared.map(() => 0);
  const targets = compared.map((c) => numberAt(scan, head.row, c)!);
  const tolerances = compared.map((c) => toleranceFor(decimalsAt(scan, head.row, c) ?? 6));
  let matched: number | undefined;
  for (let k = h + 1; k <= end; k++) {
    let allMatch = true;
    const spread = Math.max(1, (k - h) / 2); // rounding of each shown line adds up
    for (let j = 0; j < compared.length; j++) {
      const v = numberAt(scan, facts[k]!.row, compared[j]!);
      if (v === undefined) return matched; // TBC or text among the lines: not a clean total
      sums[j]! += v;
      if (Math.abs(targets[j]! - sums[j]!) > tolerances[j]! * spread) allMatch = false;
    }
    if (allMatch && k >= h + 2) matched = k;
    else if (matched !== undefined) break;
  }
  return matched;
}
