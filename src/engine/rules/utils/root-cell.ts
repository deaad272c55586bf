/**
 * Where a broken row identity is reported. When one operand's column total is broken too,
 * that operand was typed over (the root of the fault) and the derived cell only follows it.
 */
import { numericValue } from '../../numbers';
import type { RuleContext } from '../context';
import { coveredSum } from './column-sum';

/** True when the innermost total covering `row` does not add up in column `col` (beyond tolerance). */
export function columnTotalBroken(ctx: RuleContext, row: number, col: number): boolean {
  const total = ctx.totalsCovering(row)[0];
  if (!total) return false;
  const stated = ctx.figure(total.row, col);
  if (stated.kind !== 'number' && stated.kind !== 'nil') return false;
  const covered = coveredSum(ctx, ctx.covered(total), col);
  if (!covered) return false; // an error value is its own finding
  return Math.abs((numericValue(stated) ?? 0) - covered.sum) > ctx.tolerance(total.row, col);
}

/**
 * The cell to report a broken identity at: the one operand whose column total is also
 * broken, otherwise the derived cell.
 */
export function rootCell(ctx: RuleContext, row: number, operands: readonly number[], derived: number): number {
  const broken = operands.filter((c) => columnTotalBroken(ctx, row, c));
  return broken.length === 1 ? broken[0]! : derived;
}
