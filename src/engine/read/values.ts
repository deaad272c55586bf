/** Reading a figure cell as a number for the reader's own checks (sign convention, totals above). */
import { decimalsOfFormat, parseNumberText } from '../numbers';
import { CellKind, type SheetScan, kindAt } from './cells';

/** The number a cell holds: nil and empty count as 0; text, TBC and errors as undefined. */
export function numberAt(scan: SheetScan, r: number, c: number): number | undefined {
  const k = kindAt(scan, r, c);
  if (k === CellKind.Empty || k === CellKind.Nil) return 0;
  const v = scan.sheet.rows[r]?.[c]?.value;
  if (k === CellKind.Number) return typeof v === 'number' ? v : undefined;
  if (k === CellKind.NumericText && typeof v === 'string') return parseNumberText(v);
  return undefined;
}

/** True when the cell holds a real number (typed or as text), not a blank or a dash. */
export function hasNumberAt(scan: SheetScan, r: number, c: number): boolean {
  const k = kindAt(scan, r, c);
  return k === CellKind.Number || k === CellKind.NumericText;
}

/** Decimals the cell's format shows; undefined for General. */
export function decimalsAt(scan: SheetScan, r: number, c: number): number | undefined {
  return decimalsOfFormat(scan.sheet.rows[r]?.[c]?.format);
}
