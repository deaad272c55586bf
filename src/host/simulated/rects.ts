/** Rectangles of cells on one sheet. */
import type { RangeRef } from '../../engine';

/** True when two rectangles share at least one cell. */
export function intersects(a: RangeRef, b: RangeRef): boolean {
  return a.start.row <= b.end.row && b.start.row <= a.end.row && a.start.col <= b.end.col && b.start.col <= a.end.col;
}
