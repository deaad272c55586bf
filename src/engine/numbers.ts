/**
 * Numbers as finance officers write them. A figure cell is read into a Figure:
 * a number (remembering whether it was stored as text), nil (`-`), unknown (`TBC`),
 * blank, an error value, or text that is not a number at all.
 */
import { type Cell, type CellValue, isErrorValue } from './grid';

export type Figure =
  | { readonly kind: 'number'; readonly value: number; readonly storedAsText: boolean }
  | { readonly kind: 'nil' }
  | { readonly kind: 'unknown'; readonly text: string }
  | { readonly kind: 'blank' }
  | { readonly kind: 'error'; readonly error: string }
  | { readonly kind: 'text'; readonly text: string };

const NIL_WORDS = new Set(['-', '–', '—', '--', 'nil', '0-', '']);
const UNKNOWN_WORDS = new Set(['tbc', 'tba', 'n/a', 'na', 'n.a.', 'tbd', 'unknown', '?', 'n/k', 'nk']);

// Optional sign, optional parentheses, optional currency (a sign may follow it, as finance
// systems export "£-1,234"), digits with thousands commas,
// optional decimals, optional unit suffix (m, k, %), optional trailing minus.
const NUMBER_RE =
  /^([-+])?\s*(\()?\s*([-+])?\s*(£|\$|€)?\s*([-+])?\s*((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d*)?|\.\d+)\s*(m|k|bn|%)?\s*(\))?\s*(-)?$/i;

/**
 * Parses text such as `(1.223)`, `£1,234`, `£-1,234`, `−1,234`, `1,234.5`, `12%`, `-0.057`.
 * Returns undefined when the text is not a number. Percentages come back as fractions.
 * Unit suffixes `m`/`k` are not scaled: the table's unit decides what a figure means.
 */
export function parseNumberText(text: string): number | undefined {
  // The typographic minus (U+2212) is a minus sign.
  const t = text.replace(/\u00a0/g, ' ').replace(/\u2212/g, '-').trim();
  if (t === '') return undefined;
  const m = NUMBER_RE.exec(t);
  if (!m) return undefined;
  const [, sign1, open, sign2, , sign3, digits, suffix, close, trailingMinus] = m;
  if (Boolean(open) !== Boolean(close)) return undefined;
  let value = Number(digits!.replace(/,/g, ''));
  if (!Number.isFinite(value)) return undefined;
  if (suffix === '%') value /= 100;
  const negatives = [sign1 === '-', sign2 === '-', sign3 === '-', Boolean(open), Boolean(trailingMinus)].filter(Boolean).length;
  return negatives % 2 === 1 ? -value : value;
}

/** SQL's NULL, as a data extract writes an empty value: a blank, not a damaged figure. */
export function isNullText(text: string): boolean {
  return text.length <= 8 && /^\s*null\s*$/i.test(text);
}

export function isNilText(text: string): boolean {
  return NIL_WORDS.has(text.replace(/\u00a0/g, ' ').trim().toLowerCase());
}

export function isUnknownText(text: string): boolean {
  return UNKNOWN_WORDS.has(text.replace(/\u00a0/g, ' ').trim().toLowerCase());
}

export function figureOfValue(value: CellValue): Figure {
  if (value === null) return { kind: 'blank' };
  if (typeof value === 'number') return Number.isFinite(value) ? { kind: 'number', value, storedAsText: false } : { kind: 'error', error: '#NUM!' };
  if (typeof value === 'boolean') return { kind: 'text', text: String(value) };
  if (isErrorValue(value)) return { kind: 'error', error: value.error };
  const text = value;
  if (text.trim() === '' || isNullText(text)) return { kind: 'blank' };
  if (isNilText(text)) return { kind: 'nil' };
  if (isUnknownText(text)) return { kind: 'unknown', text: text.trim() };
  if (/^#[A-Z/0!?]+[!?A]?$/i.test(text.trim()) && ERROR_TEXTS.has(text.trim().toUpperCase())) {
    return { kind: 'error', error: text.trim().toUpperCase() };
  }
  const n = parseNumberText(text);
  if (n !== undefined) return { kind: 'number', value: n, storedAsText: true };
  return { kind: 'text', text };
}

export function figureOf(cell: Cell): Figure {
  return figureOfValue(cell.value);
}

/** The number a figure counts as in a sum: nil and blank count as 0; others as undefined. */
export function numericValue(figure: Figure): number | undefined {
  switch (figure.kind) {
    case 'number':
      return figure.value;
    case 'nil':
    case 'blank':
      return 0;
    default:
      return undefined;
  }
}

export const ERROR_TEXTS = new Set(['#REF!', '#DIV/0!', '#N/A', '#VALUE!', '#NAME?', '#NUM!', '#NULL!', '#SPILL!', '#CALC!', '#GETTING_DATA', '#FIELD!', '#BUSY!', '#CONNECT!', '#BLOCKED!', '#UNKNOWN!']);

/** Number of decimals an Excel number format shows (first section), or undefined for General. */
export function decimalsOfFormat(format: string | undefined): number | undefined {
  if (!format || /^general$/i.test(format.trim())) return undefined;
  const first = stripFormatLiterals(format.split(';')[0] ?? '');
  if (!/[0#?]/.test(first)) return undefined;
  const m = /\.([0#?]+)/.exec(first);
  return m ? m[1]!.length : 0;
}

/** Removes quoted literals, escapes and colour/condition brackets from a format section. */
export function stripFormatLiterals(section: string): string {
  return section.replace(/"[^"]*"/g, '').replace(/\\./g, '').replace(/\[[^\]]*\]/g, '').replace(/_./g, '').replace(/\*./g, '');
}

/** Rounds to the given decimals without binary drift (0.1 + 0.2 → 0.3). */
export function roundTo(value: number, decimals: number): number {
  const f = 10 ** decimals;
  // Scale the magnitude, trimmed to 15 significant digits as Excel keeps them, so 1.0005
  // stored as 1.000499999… still rounds up; then round half away from zero as ROUND does.
  // Trimming moves the scaled value by at most 5e-15 of itself, so it can only change the
  // result near a half; elsewhere the (slow) toPrecision is skipped.
  const exact = Math.abs(value) * f;
  const scaled = Math.abs(exact - Math.floor(exact) - 0.5) > exact * 1e-14 ? exact : Number(exact.toPrecision(15));
  const rounded = (Math.sign(value) * Math.round(scaled)) / f;
  return rounded === 0 ? 0 : rounded; // no -0
}

/**
 * Formats a figure the way the table shows it: fixed decimals, thousands commas,
 * negatives in parentheses. `-0` shows as `0`.
 */
export function formatFigure(value: number, decimals: number): string {
  const rounded = roundTo(value, decimals);
  const abs = groupedFixed(Math.abs(rounded), decimals);
  return rounded < 0 ? `(${abs})` : abs;
}

/**
 * `1234567.5` → `1,234,567.50` for 2 decimals. Built on toFixed rather than Intl, which is
 * many times slower and validation formats thousands of figures; Intl only for huge values.
 */
function groupedFixed(abs: number, decimals: number): string {
  const d = Math.min(Math.max(Math.trunc(decimals), 0), 20);
  if (!Number.isFinite(abs) || abs >= 1e21) {
    return abs.toLocaleString('en-GB', { minimumFractionDigits: d, maximumFractionDigits: d });
  }
  const fixed = abs.toFixed(d);
  const dot = fixed.indexOf('.');
  const whole = dot < 0 ? fixed : fixed.slice(0, dot);
  const grouped = whole.length <= 3 ? whole : whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return dot < 0 ? grouped : grouped + fixed.slice(dot);
}
