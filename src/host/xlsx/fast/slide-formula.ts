/**
 * Moves a shared formula from its master cell to another cell of its range, as Excel
 * does when it fills a formula: relative references shift, `$`-anchored parts stay,
 * text in quotes and sheet names are left alone.
 */
import { columnIndex, columnLetters } from '../../../engine';

// A quoted string | a quoted sheet name | a cell reference (not part of a longer name or a function call).
const TOKEN_RE = /"(?:[^"]|"")*"|'(?:[^']|'')*'|(?<![A-Za-z0-9_.$])(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})(?![A-Za-z0-9_(])/g;

export function slideFormula(formula: string, rowShift: number, colShift: number): string {
  if (rowShift === 0 && colShift === 0) return formula;
  return formula.replace(TOKEN_RE, (whole, colAbs: string | undefined, letters: string | undefined, rowAbs: string | undefined, digits: string | undefined) => {
    if (letters === undefined) return whole; // a quoted string or sheet name
    const col = colAbs ? letters : columnLetters(columnIndex(letters) + colShift);
    const row = rowAbs ? digits! : String(Number(digits) + rowShift);
    return `${colAbs}${col}${rowAbs}${row}`;
  });
}
