/**
 * A finding's Expected / Found figures as the table shows them: the engine's shown figures
 * (the same text as the message). Findings saved by an earlier version carry none; those
 * are shown in the number format of the finding's cell (from the workbook the pane last read).
 */
import { cellAt, decimalsOfFormat, type Finding, findSheet, parseA1, type Workbook } from '../engine';
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

/**
 * One of a finding's figures as text, for a finding without shown figures (one saved with a
 * workbook by an earlier version): in the cell's number format, negatives in brackets
 * whatever the format says; text as it is.
 */
export function findingFigureText(value: string | number | null, format: string | undefined): string {
  if (typeof value !== 'number') return formatFigure(value);
  if (format !== undefined && decimalsOfFormat(format) !== undefined) {
    const shown = formatCellNumber(Math.abs(value), format);
    return value < 0 && /[1-9]/.test(shown) ? `(${shown})` : shown;
  }
  return formatFigure(value);
}

/** Expected and Found for a finding: the figures it shows in its message, as the table shows them. */
export function findingFigures(finding: Finding, formats: CellFormats): { expected: string; found: string } {
  if (finding.shown) return { expected: finding.shown.expected || BLANK, found: finding.shown.actual || BLANK };
  const format = formats[findingCellKey(finding)];
  return { expected: findingFigureText(finding.expected, format), found: findingFigureText(finding.actual, format) };
}

/** What the pane shows where a finding has no figure (a blank cell). */
const BLANK = '(blank)';
