/**
 * A finding's Expected / Found figures as the table shows them: in the number format of the
 * finding's cell (from the workbook the pane last read) or, for a cell with no format, with
 * the decimals the finding's message uses. Text (a formula, a word) is shown as it is.
 */
import { cellAt, decimalsOfFormat, type Finding, findSheet, formatFigure as formatDecimals, parseA1, type Workbook } from '../engine';
import { formatCellNumber, formatFigure } from './format';

/** Number formats of finding cells, keyed by `findingCellKey`; cells without a format are left out. */
export type CellFormats = Readonly<Record<string, string>>;

export function findingCellKey(finding: Pick<Finding, 'sheet' | 'cell'>): string {
  return `${finding.sheet}!${finding.cell}`;
}

/** The number format of each finding's cell, read once when the findings arrive. */
export function findingCellFormats(findings: readonly Finding[], workbook: Workbook): CellFormats {
  const out: Record<string, string> = {};
  for (const finding of findings) {
    const sheet = findSheet(workbook, finding.sheet);
    const ref = parseA1(finding.cell);
    if (!sheet || !ref) continue;
    const format = cellAt(sheet, ref.row, ref.col).format;
    if (format !== undefined && decimalsOfFormat(format) !== undefined) out[findingCellKey(finding)] = format;
  }
  return out;
}

// A figure with a decimal point, not part of a cell address (B15) or a longer word.
const DECIMAL_FIGURE = /(?<![A-Za-z0-9_.])(?:\d{1,3}(?:,\d{3})+|\d+)\.(\d+)(?![0-9A-Za-z])/g;

/** The most decimals any figure in the message shows; undefined when none has a decimal point. */
export function messageDecimals(message: string): number | undefined {
  let most: number | undefined;
  for (const m of message.matchAll(DECIMAL_FIGURE)) most = Math.max(most ?? 0, m[1]!.length);
  return most;
}

/** One of a finding's figures as text; negatives in brackets whatever the format says. */
export function findingFigureText(value: string | number | null, format: string | undefined, message: string): string {
  if (typeof value !== 'number') return formatFigure(value);
  if (format !== undefined && decimalsOfFormat(format) !== undefined) {
    const shown = formatCellNumber(Math.abs(value), format);
    return value < 0 && /[1-9]/.test(shown) ? `(${shown})` : shown;
  }
  const decimals = messageDecimals(message);
  return decimals === undefined ? formatFigure(value) : formatDecimals(value, decimals);
}

/** Expected and Found for a finding, given the formats read with it. */
export function findingFigures(finding: Finding, formats: CellFormats): { expected: string; found: string } {
  const format = formats[findingCellKey(finding)];
  return {
    expected: findingFigureText(finding.expected, format, finding.message),
    found: findingFigureText(finding.actual, format, finding.message),
  };
}
