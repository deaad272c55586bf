/** Reading a figure cell as a number for the reader's own checks (sign convention, totals above). */
import { decimalsOfFormat, parseNumberText } from '../numbers';
import { CellKind, type SheetScan } from './cells';

/** Local copy: reading a constant through a module binding costs a call per cell under CommonJS. */
const KIND = { ...CellKind };

/** The number a cell holds: nil and empty count as 0; text, TBC and errors as undefined. */
export function numberAt(scan: SheetScan, r: number, c: number): number | undefined {
  const k = scan.kindAt(r, c);
  if (k === KIND.Empty || k === KIND.Nil) return 0;
  const v = scan.sheet.rows[r]?.[c]?.value;
  if (k === KIND.Number) return typeof v === 'number' ? v : undefined;
  if (k === KIND.NumericText && typeof v === 'string') return parseNumberText(v);
  return undefined;
}

/** True when the cell holds a real number (typed or as text), not a blank or a dash. */
export function hasNumberAt(scan: SheetScan, r: number, c: number): boolean {
  const k = scan.kindAt(r, c);
  return k === KIND.Number || k === KIND.NumericText;
}

// A workbook uses a handful of formats over and over: parse each once.
const decimalsByFormat = new Map<string, number | undefined>();

/** Decimals the cell's format shows; undefined for General. */
export function decimalsAt(scan: SheetScan, r: number, c: number): number | undefined {
  const format = scan.sheet.rows[r]?.[c]?.format;
  if (format === undefined) return undefined;
  if (!decimalsByFormat.has(format)) {
    if (decimalsByFormat.size > 1000) decimalsByFormat.clear();
    decimalsByFormat.set(format, decimalsOfFormat(format));
  }
  return decimalsByFormat.get(format);
}
