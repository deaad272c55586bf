/**
 * What the rows a total covers add up to in one column, counted as Excel's SUM counts them:
 * blanks, nil and TBC add nothing, text is left out (and named), a number stored as text
 * counts here (Excel's SUM would skip it: the caller decides what that means). An error
 * value among them is its own finding, so no sum is given. total-sum judges totals by it,
 * and the identity rules ask it whether a line's column total is broken, so both read the
 * same coverage the same way.
 */
import { toA1 } from '../../address';
import type { RuleContext } from '../context';

export interface CoveredSum {
  /** The stored figures added. */
  readonly sum: number;
  /** The figures added as shown (each rounded to `scale`). */
  readonly shownSum: number;
  /** Some covered cell holds a number or nil (not only blanks and text). */
  readonly anyFigure: boolean;
  /** Some covered figure is non-zero. */
  readonly substantive: boolean;
  /** A covered line is a number stored as text. */
  readonly textLine: boolean;
  /** Covered cells holding text or TBC, A1. */
  readonly uncounted: readonly string[];
}

/** The covered rows' sum in column `col`; undefined when one of them holds an error value. */
export function coveredSum(ctx: RuleContext, covers: readonly number[], col: number, scale = 1): CoveredSum | undefined {
  let sum = 0;
  let shownSum = 0;
  let anyFigure = false;
  let substantive = false;
  let textLine = false;
  const uncounted: string[] = [];
  for (const r of covers) {
    // Fast path for the common case: a stored number (no figure object needed).
    const value = ctx.sheet.rows[r]?.[col]?.value;
    if (typeof value === 'number' && Number.isFinite(value)) {
      sum += value;
      shownSum += Math.round(value * scale) / scale;
      anyFigure = true;
      if (value !== 0) substantive = true;
      continue;
    }
    const f = ctx.figure(r, col);
    if (f.kind === 'number') {
      sum += f.value;
      shownSum += Math.round(f.value * scale) / scale;
      anyFigure = true;
      if (f.value !== 0) substantive = true;
      if (f.storedAsText) textLine = true;
    } else if (f.kind === 'nil') anyFigure = true;
    else if (f.kind === 'text' || f.kind === 'unknown') uncounted.push(toA1(r, col));
    else if (f.kind === 'error') return undefined;
  }
  return { sum, shownSum, anyFigure, substantive, textLine, uncounted };
}
