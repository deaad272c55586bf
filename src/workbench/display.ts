/** What a cell shows in the workbench grid, following its Excel number format closely enough to read. */
import { decimalsOfFormat, formatFigure, roundTo, stripFormatLiterals } from '../engine/numbers';
import type { SimCell } from '../host/simulated/state';

export function displayText(cell: SimCell | undefined): string {
  if (!cell || cell.value === undefined) return '';
  const v = cell.value;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'string') return v;
  return displayNumber(v, cell.format);
}

export function displayNumber(value: number, format: string | undefined): string {
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
  const body = formatFigure(Math.abs(rounded), decimals) + (percent ? '%' : '');
  if (rounded < 0) return negativeInParentheses ? `(${body})` : `-${body}`;
  return body;
}
