/** en-GB display of money, percentages and cell figures: thousands commas, negatives in brackets. */
import { decimalsOfFormat, formatFigure as formatDecimals, roundTo, stripFormatLiterals } from '../engine';

const POUNDS = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP', maximumFractionDigits: 0 });

/** £100,000 */
export function formatPounds(amount: number): string {
  return POUNDS.format(amount);
}

/** 0.05 → "5" (for an input that is labelled in percent). */
export function fractionToPercentText(fraction: number): string {
  return String(Math.round(fraction * 10_000) / 100);
}

/** "5" → 0.05; undefined when it is not a number of zero or more. */
export function percentTextToFraction(text: string): number | undefined {
  const n = Number(text.trim().replace(/%$/, ''));
  return text.trim() !== '' && Number.isFinite(n) && n >= 0 ? n / 100 : undefined;
}

/** "£100,000" or "100000" → 100000; undefined when it is not an amount of zero or more. */
export function poundsTextToNumber(text: string): number | undefined {
  const cleaned = text.trim().replace(/[£,\s]/g, '');
  const n = Number(cleaned);
  return cleaned !== '' && Number.isFinite(n) && n >= 0 ? n : undefined;
}

const FIGURE = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 3 });

/** A finding's expected / actual figure as text: 1,234.5 and (1,234.5), as the workbooks show them. */
export function formatFigure(value: string | number | null): string {
  if (value === null) return '(blank)';
  if (typeof value !== 'number') return value;
  const shown = FIGURE.format(Math.abs(value));
  return value < 0 && shown !== '0' ? `(${shown})` : shown;
}

/** A number as its Excel number format shows it, closely enough to read (decimals, %, brackets, a zero's dash). */
export function formatCellNumber(value: number, format: string | undefined): string {
  if (!format || /^general$/i.test(format.trim())) return String(roundTo(value, 10));
  const sections = format.split(';');
  const percent = /%/.test(stripFormatLiterals(sections[0] ?? ''));
  const shown = percent ? value * 100 : value;
  const decimals = decimalsOfFormat(format) ?? 0;
  const rounded = roundTo(shown, decimals);
  if (rounded === 0 && sections[2] !== undefined) {
    const literal = /"([^"]*)"/.exec(sections[2]);
    if (literal) return literal[1]!;
  }
  const negativeInParentheses = sections[1] !== undefined && /\(/.test(sections[1]);
  const body = formatDecimals(Math.abs(rounded), decimals) + (percent ? '%' : '');
  if (rounded < 0) return negativeInParentheses ? `(${body})` : `-${body}`;
  return body;
}
