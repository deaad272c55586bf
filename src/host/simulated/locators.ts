/**
 * How simulated ranges find their sheet and cells at sync, and what a range's parts (its
 * conditional formats, its areas) may ask of the range that owns them. The parts depend on
 * this shape, not on SimRange itself: the range creates them, so importing it back would
 * make a circle.
 */
import type { RangeRef } from '../../engine';
import type { SimSheet, SimState } from './state';

/** How a range finds its sheet at sync (the sheet may have been deleted meanwhile). */
export interface SheetLocator {
  describe(): string;
  /** The sheet; throws ItemNotFound when it is gone. */
  sheetIn(state: SimState): SimSheet;
}

/** How a range finds its cells at sync: fixed, the used range, or a conditional format's range. */
export type RangeLocator = (state: SimState, sheet: SimSheet) => RangeRef | undefined;

/** A range as its parts see it: where it is at sync, and other ranges on its sheet. */
export interface LocatedRange {
  readonly sheet: SheetLocator;
  describe(): string;
  /** The sheet and cells at sync; throws when the sheet or range is gone. */
  resolve(state: SimState): { sheet: SimSheet; ref: RangeRef };
  /** The same, for a write: a protected sheet refuses with AccessDenied. */
  resolveForWrite(state: SimState): { sheet: SimSheet; ref: RangeRef };
  /** Another range on the same sheet (a conditional format's range). */
  sheetRange(locate: RangeLocator, label: string, orNull?: boolean): LocatedRange;
}
