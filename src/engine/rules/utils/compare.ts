/**
 * Comparing a stated figure with the one it should be. Within half a unit of the last
 * shown decimal the difference is rounding (an info finding), beyond it an error.
 */
export type Comparison = 'match' | 'rounding' | 'mismatch';

export function compareFigures(stated: number, computed: number, tolerance: number): Comparison {
  const diff = Math.abs(stated - computed);
  // Binary noise from adding decimals is neither rounding nor error.
  if (diff <= tolerance * 1e-4) return 'match';
  return diff <= tolerance ? 'rounding' : 'mismatch';
}
