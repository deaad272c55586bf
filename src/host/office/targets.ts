/** What the adapter's edits are aimed at: a sheet and a rectangle, resolved once, and how rectangles compare. */
import { type Edit, parseRange, type RangeRef, rangeToA1 } from '../../engine';
import { officeMessages } from './messages';
import { HostError } from '../host';

export type Context = Excel.RequestContext;
export type CellEdit = Extract<Edit, { range: string }>;


/** A target rectangle: edit ranges resolved once. */
export interface Target {
  readonly sheet: string;
  readonly ref: RangeRef;
  readonly range: string;
}

export function target(sheet: string, range: string): Target {
  const ref = parseRange(range);
  if (!ref) throw new HostError('badRange', officeMessages.badRange(sheet, range), sheet, range);
  return { sheet, ref, range: rangeToA1(ref) };
}

export const same = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();
export const inRef = (ref: RangeRef, row: number, col: number): boolean => row >= ref.start.row && row <= ref.end.row && col >= ref.start.col && col <= ref.end.col;
export const overlaps = (a: RangeRef, b: RangeRef): boolean => a.start.row <= b.end.row && b.start.row <= a.end.row && a.start.col <= b.end.col && b.start.col <= a.end.col;

/** What the Excel running the add-in supports beyond the manifest's minimum (isSetSupported). */
export interface ApplyFeatures {
  /** ExcelApi 1.13: Range.getMergedAreasOrNullObject, to refuse writes into part of merged cells. */
  readonly mergedAreas?: boolean;
  /** ExcelApi 1.9: Range.getCellProperties/setCellProperties, to record and put back fills and bold cell by cell. */
  readonly cellProperties?: boolean;
  /** ExcelApi 1.9: Range.getTables, to refuse formulas written into an Excel table (they would fill its whole column). */
  readonly tables?: boolean;
  /** ExcelApi 1.9: ConditionalFormat.getRanges, the areas of a rule copied and pasted over several ranges. */
  readonly formatAreas?: boolean;
  /** ExcelApi 1.7: ChartSeries.setValues / setXAxisValues and series.add, to point a chart's series at exact ranges. */
  readonly chartSeries?: boolean;
  /** ExcelApi 1.8: ChartSeries.gapWidth. */
  readonly chartGapWidth?: boolean;
}
