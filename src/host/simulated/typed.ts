/**
 * What Excel does with text written through `Range.values` or `Range.formulas`: it is read
 * as if the officer had typed it (en-GB). "1.10" becomes 1.1, "0012" 12, "5%" 0.05 (shown
 * "0%"), "01/04" the date 1 April of this year, "TRUE" true; a leading apostrophe keeps the
 * rest as text and is not part of the value (`values` and `formulas` both read it without
 * the apostrophe, see OfficeDev/office-js#6687). A cell formatted as Text ("@") keeps what
 * is written as text.
 */
import type { ExcelScalar } from './state';

export interface Typed {
  readonly value: ExcelScalar;
  /** The number format Excel gives the cell when it was General (a percentage, a date). */
  readonly format?: string;
}

const NUMBER = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?(?:[eE][+-]?\d+)?$/;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

function numberOf(text: string): number | undefined {
  if (!NUMBER.test(text) || !/\d/.test(text)) return undefined;
  const n = Number(text.replace(/,/g, ''));
  return Number.isFinite(n) ? n : undefined;
}

/** Excel's serial for a date (1900 system): days since 30 December 1899. */
export function dateSerial(year: number, month: number, day: number): number | undefined {
  if (month < 1 || month > 12 || day < 1) return undefined;
  const time = Date.UTC(year, month - 1, day);
  if (new Date(time).getUTCDate() !== day) return undefined;
  return Math.round((time - Date.UTC(1899, 11, 30)) / 86_400_000);
}

const fullYear = (y: string): number => (y.length <= 2 ? (Number(y) < 30 ? 2000 : 1900) + Number(y) : Number(y));

function dateOf(text: string, thisYear: number): Typed | undefined {
  let m = /^(\d{1,2})[/-](\d{1,2})(?:[/-](\d{2}|\d{4}))?$/.exec(text);
  if (m) {
    const serial = dateSerial(m[3] ? fullYear(m[3]) : thisYear, Number(m[2]), Number(m[1]));
    if (serial !== undefined) return { value: serial, format: m[3] ? 'dd/mm/yyyy' : 'd-mmm' };
  }
  m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (m) {
    const serial = dateSerial(Number(m[1]), Number(m[2]), Number(m[3]));
    if (serial !== undefined) return { value: serial, format: 'dd/mm/yyyy' };
  }
  m = /^(\d{1,2})[- ]([A-Za-z]{3})[a-z]*(?:[- ](\d{2}|\d{4}))?$/.exec(text);
  const month = m ? MONTHS.indexOf(m[2]!.toLowerCase()) + 1 : 0;
  if (m && month > 0) {
    const serial = dateSerial(m[3] ? fullYear(m[3]) : thisYear, month, Number(m[1]));
    if (serial !== undefined) return { value: serial, format: m[3] ? 'd-mmm-yy' : 'd-mmm' };
  }
  return undefined;
}

/** The value a constant written as text takes in a cell (not a formula: the caller handles `=`). */
export function parseAsTyped(text: string, cellFormat: string | undefined, thisYear = new Date().getFullYear()): Typed {
  if (text.startsWith("'")) return { value: text.slice(1) };
  if (cellFormat === '@') return { value: text };
  const trimmed = text.trim();
  if (trimmed === '') return { value: text };
  const upper = trimmed.toUpperCase();
  if (upper === 'TRUE' || upper === 'FALSE') return { value: upper === 'TRUE' };
  const plain = numberOf(trimmed);
  if (plain !== undefined) return { value: plain };
  const negative = /^\((.+)\)$/.exec(trimmed);
  if (negative) {
    const n = numberOf(negative[1]!);
    if (n !== undefined && n >= 0) return { value: -n };
  }
  const percent = /^(.+)%$/.exec(trimmed);
  if (percent) {
    const n = numberOf(percent[1]!.trim());
    if (n !== undefined) return { value: Number((n / 100).toPrecision(15)), format: percent[1]!.includes('.') ? '0.00%' : '0%' };
  }
  return dateOf(trimmed, thisYear) ?? { value: text };
}
