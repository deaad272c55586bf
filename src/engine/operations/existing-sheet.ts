/**
 * Reading back a sheet the add-in generated earlier, so that regenerating it keeps what
 * officers typed: finding its landmark rows by their labels and its period columns by
 * their headings.
 */
import { cellAt, rowCount, type Sheet } from '../grid';
import { normaliseLabel } from '../domain/labels';
import { cellText } from './shared';

/**
 * The first row at or after `from` whose cell in `col` satisfies `test`. Landmarks are
 * written as text, so formula cells (whose shown value may be anything) never match.
 */
export function findRow(sheet: Sheet, col: number, test: (text: string) => boolean, from = 0, to = rowCount(sheet) - 1): number | undefined {
  for (let r = from; r <= to; r++) {
    const cell = cellAt(sheet, r, col);
    if (cell.formula === undefined && test(cellText(cell))) return r;
  }
  return undefined;
}

/** A test for a label, ignoring case, punctuation and "&"/"and". */
export function labelIs(wanted: string): (text: string) => boolean {
  const key = normaliseLabel(wanted);
  return (text) => normaliseLabel(text) === key;
}

/** "Quarter 2 £m" → "Quarter 2": the period a money column's heading names. */
export function periodOfHeading(heading: string): string {
  return heading.replace(/\s*(£\s*m|£\s*'?000s?|£\s*k|£)\s*$/i, '').trim();
}

/** "Quarter 2" + "£m" → "Quarter 2 £m". */
export function headingWithUnit(label: string, unitLabel: string): string {
  return unitLabel ? `${label} ${unitLabel}` : label;
}

/**
 * The first of `expected` (column → heading the add-in wrote) whose heading on `row` no
 * longer starts with that text: a column inserted, deleted or retyped. Undefined when all match.
 */
export function movedColumn(sheet: Sheet, row: number, expected: readonly (readonly [number, string])[]): string | undefined {
  for (const [col, text] of expected) {
    if (!normaliseLabel(cellText(cellAt(sheet, row, col))).startsWith(normaliseLabel(text))) return text;
  }
  return undefined;
}
