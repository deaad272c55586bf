/**
 * One pass over a sheet: every cell is reduced to a small kind code kept in a typed
 * array, with per-row counts, so later stages never re-parse a cell or rescan a row.
 */
import { type Cell, type Sheet, isErrorValue } from '../grid';
import { isNilText, isNullText, isUnknownText, parseNumberText } from '../numbers';

export const CellKind = {
  Empty: 0,
  Number: 1,
  /** Text that reads as a number: counts as a figure, remembered as text. */
  NumericText: 2,
  /** `-`, `nil`: a figure of zero. */
  Nil: 3,
  /** `TBC`, `n/a`: a figure not yet known. */
  Unknown: 4,
  Error: 5,
  Text: 6,
  /** Text with digits that is not a number ("`(19)", "222 113"): damaged figures. */
  DigitText: 7,
  Boolean: 8,
  /** A number shown as a date ("Apr-24", "31/03/2025"): a heading or a note, never a figure. */
  Date: 9,
} as const;
export type CellKind = (typeof CellKind)[keyof typeof CellKind];

export interface RowStats {
  first: number;
  last: number;
  numbers: number;
  nils: number;
  errors: number;
  texts: number;
  digitTexts: number;
  formulas: number;
}

export interface SheetScan {
  readonly sheet: Sheet;
  readonly width: number;
  readonly height: number;
  /** kinds[row * width + col] */
  readonly kinds: Uint8Array;
  /** Per-row counts; undefined for a row with no non-empty cell. */
  readonly stats: ReadonlyArray<RowStats | undefined>;
  /** The kind at (row, col); Empty outside the sheet. A member, so hot loops avoid module look-ups. */
  readonly kindAt: (row: number, col: number) => CellKind;
}

function hasDigit(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) return true;
  }
  return false;
}

// Formats repeat across a sheet: decide each once.
const dateFormats = new Map<string, boolean>();

function isDateFormat(format: string): boolean {
  let known = dateFormats.get(format);
  if (known === undefined) {
    const bare = format.replace(/"[^"]*"/g, '').replace(/\\./g, '').replace(/\[[^\]]*\]/g, '');
    known = /[dmy]/i.test(bare) && !/^general$/i.test(bare.trim());
    if (dateFormats.size > 1000) dateFormats.clear();
    dateFormats.set(format, known);
  }
  return known;
}

function startsLikeCurrency(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 40) continue; // space, (
    return c === 0xa3 || c === 36 || c === 0x20ac; // £ $ €
  }
  return false;
}

const UNIT_LABEL_RE = /^\s*\(?\s*[£$€]\s*['’]?\s*000'?s?\s*\)?\s*$/;

/** First characters of the nil and unknown words (-, –, —, 0, n, t, u, ?), either case. */
function mayBeNilOrUnknown(code: number): boolean {
  const lower = code | 0x20;
  return code === 45 || code === 0x2013 || code === 0x2014 || code === 48 || code === 63 || lower === 110 || lower === 116 || lower === 117;
}

/** The kind of one cell; cheap checks first so plain numbers and labels cost almost nothing. */
export function kindOfCell(cell: Cell | undefined): CellKind {
  if (!cell) return CellKind.Empty;
  const v = cell.value;
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return CellKind.Error;
    return cell.format !== undefined && isDateFormat(cell.format) ? CellKind.Date : CellKind.Number;
  }
  if (v === null) return cell.formula !== undefined ? CellKind.Number : CellKind.Empty;
  if (typeof v === 'boolean') return CellKind.Boolean;
  if (typeof v !== 'string') return isErrorValue(v) ? CellKind.Error : CellKind.Empty;
  if (v.length <= 12) {
    const t = v.trim();
    if (t === '') return CellKind.Empty;
    // Nil and unknown words are short and start with one of these; skip the look-ups otherwise.
    if (t.length <= 7 && mayBeNilOrUnknown(t.charCodeAt(0))) {
      if (isNilText(t)) return CellKind.Nil;
      if (isUnknownText(t)) return CellKind.Unknown;
      if (isNullText(t)) return CellKind.Empty; // SQL's NULL in a data extract: nothing there
    }
    if (t.charCodeAt(0) === 35 && t.endsWith('!')) return CellKind.Error; // "#REF!" typed as text
  }
  if (!hasDigit(v)) return v.trim() === '' ? CellKind.Empty : CellKind.Text;
  // "£000" and "$'000" name a unit in a heading; they are not the number zero.
  if (startsLikeCurrency(v) && UNIT_LABEL_RE.test(v)) return CellKind.Text;
  if (v.length <= 40 && parseNumberText(v) !== undefined) return CellKind.NumericText;
  return CellKind.DigitText;
}

export function isFigureKind(kind: number): boolean {
  return kind === CellKind.Number || kind === CellKind.NumericText || kind === CellKind.Nil || kind === CellKind.Unknown || kind === CellKind.Error;
}

/** Sheets wider than this are read up to this column: no budget table is wider. */
export const MAX_COLUMNS = 1024;
/** Cells the kind grid may span (one byte each). */
export const MAX_SCANNED_CELLS = 64_000_000;

export function scanSheet(sheet: Sheet): SheetScan {
  const height = sheet.rows.length;
  let width = 0;
  for (let r = 0; r < height; r++) {
    const row = sheet.rows[r];
    if (row && row.length > width) width = row.length;
  }
  if (width > MAX_COLUMNS) width = MAX_COLUMNS;
  // A few far-flung cells must not make the kind grid enormous: narrow it instead.
  if (width * height > MAX_SCANNED_CELLS) width = Math.max(1, Math.floor(MAX_SCANNED_CELLS / Math.max(height, 1)));
  const kinds = new Uint8Array(width * height);
  const stats: (RowStats | undefined)[] = new Array(height);
  for (let r = 0; r < height; r++) {
    const row = sheet.rows[r];
    if (!row) continue;
    let s: RowStats | undefined;
    const n = Math.min(row.length, width);
    const base = r * width;
    for (let c = 0; c < n; c++) {
      const cell = row[c];
      if (!cell) continue;
      const k = kindOfCell(cell);
      if (k === CellKind.Empty) continue;
      kinds[base + c] = k;
      if (!s) s = { first: c, last: c, numbers: 0, nils: 0, errors: 0, texts: 0, digitTexts: 0, formulas: 0 };
      s.last = c;
      if (cell.formula !== undefined) s.formulas++;
      switch (k) {
        case CellKind.Number:
        case CellKind.NumericText:
          s.numbers++;
          break;
        case CellKind.Nil:
        case CellKind.Unknown:
          s.nils++;
          break;
        case CellKind.Error:
          s.errors++;
          break;
        case CellKind.DigitText:
          s.digitTexts++;
          s.texts++;
          break;
        default:
          s.texts++;
      }
    }
    stats[r] = s;
  }
  const kindAt = (row: number, col: number): CellKind =>
    row < 0 || row >= height || col < 0 || col >= width ? CellKind.Empty : (kinds[row * width + col] as CellKind);
  return { sheet, width, height, kinds, stats, kindAt };
}

