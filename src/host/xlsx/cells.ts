/**
 * exceljs cells -> engine cells. Runs once per non-empty cell of every file the CLI
 * checks, so it avoids per-cell allocation beyond the Cell itself.
 */
import ExcelJS from 'exceljs';
import type { Cell, CellValue } from '../../engine';
import { indentOfLeadingSpaces } from './indent';

const MS_PER_DAY = 86_400_000;
/** Days from Excel's epoch to 1970-01-01 in the 1900 and 1904 date systems. */
const EPOCH_OFFSET_1900 = 25_569;
const EPOCH_OFFSET_1904 = 24_107;

/**
 * Dates become Excel serial numbers, as Excel stores them and as Office.js returns them,
 * so that every host hands the engine the same grid; the number format says it is a date.
 */
export function dateToSerial(date: Date, date1904: boolean): number {
  return date.getTime() / MS_PER_DAY + (date1904 ? EPOCH_OFFSET_1904 : EPOCH_OFFSET_1900);
}

// Lives apart from exceljs so the fast reader can use it in the task pane.
export { indentOfLeadingSpaces };

function flattenRichText(rich: ReadonlyArray<{ text?: string }>): string {
  let out = '';
  for (const run of rich) out += run.text ?? '';
  return out;
}

/** Any value exceljs may hand back (a cell's value or a formula's cached result) as an engine value. */
export function toCellValue(raw: unknown, date1904: boolean): CellValue {
  if (raw === null || raw === undefined) return null;
  switch (typeof raw) {
    case 'number':
      return Number.isFinite(raw) ? raw : { error: '#NUM!' };
    case 'string':
      return raw;
    case 'boolean':
      return raw;
    case 'object': {
      if (raw instanceof Date) return Number.isNaN(raw.getTime()) ? null : dateToSerial(raw, date1904);
      const obj = raw as Record<string, unknown>;
      if (typeof obj.error === 'string') return { error: obj.error };
      if (Array.isArray(obj.richText)) return flattenRichText(obj.richText as { text?: string }[]);
      // A hyperlink: its text is what the officer sees (itself possibly rich text).
      if ('text' in obj) return toCellValue(obj.text, date1904);
      if ('result' in obj) return toCellValue(obj.result, date1904);
      return null;
    }
    default:
      return null;
  }
}

/** One exceljs cell as an engine cell, or undefined when it holds nothing the engine reads. */
export function toEngineCell(cell: ExcelJS.Cell, date1904: boolean): Cell | undefined {
  const type = cell.type;
  if (type === ExcelJS.ValueType.Null || type === ExcelJS.ValueType.Merge) return undefined;

  let value: CellValue;
  let formula: string | undefined;
  if (type === ExcelJS.ValueType.Formula) {
    // `cell.formula` expands a shared formula from its master cell.
    const text = cell.formula;
    formula = text ? `=${text}` : undefined;
    value = toCellValue(cell.result, date1904);
  } else {
    value = toCellValue(cell.value, date1904);
  }

  const style = cell.style as Partial<ExcelJS.Style> | undefined;
  const numFmt = style?.numFmt;
  const bold = style?.font?.bold === true;
  const alignIndent = style?.alignment?.indent;
  const indent =
    typeof alignIndent === 'number' && alignIndent > 0
      ? alignIndent
      : typeof value === 'string' && value.charCodeAt(0) === 32
        ? indentOfLeadingSpaces(value)
        : 0;

  const out: { value: CellValue; formula?: string; format?: string; indent?: number; bold?: boolean } = { value };
  if (formula !== undefined) out.formula = formula;
  if (numFmt && numFmt !== 'General') out.format = numFmt;
  if (indent > 0) out.indent = indent;
  if (bold) out.bold = true;
  return out;
}
