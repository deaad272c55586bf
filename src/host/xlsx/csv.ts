/**
 * Comma-separated files (a statistics download, an export from a ledger) read as a one-sheet
 * workbook, the way Excel opens them: an unquoted or quoted plain number becomes a number;
 * everything else, including "2005-06 " and "-", stays text as written. Excel would turn
 * "2005-06" into a date; keeping it as text keeps year headers readable as headers.
 */
import type { Cell, Sheet, Workbook } from '../../engine';

const PLAIN_NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** Splits CSV text into rows of fields (RFC 4180: quotes double to escape, newlines inside quotes). */
export function parseCsvRows(text: string): { value: string; quoted: boolean }[][] {
  const rows: { value: string; quoted: boolean }[][] = [];
  let row: { value: string; quoted: boolean }[] = [];
  let field = '';
  let quoted = false;
  let inQuotes = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; // a byte-order mark is not data
  const endField = (): void => {
    row.push({ value: field, quoted });
    field = '';
    quoted = false;
  };
  for (; i < text.length; i++) {
    const ch = text[i]!;
    if (inQuotes) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') inQuotes = false;
      else field += ch;
    } else if (ch === '"' && field === '') {
      inQuotes = true;
      quoted = true;
    } else if (ch === ',') endField();
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endField();
      rows.push(row);
      row = [];
    } else field += ch;
  }
  if (field !== '' || quoted || row.length > 0) {
    endField();
    rows.push(row);
  }
  return rows;
}

function cellOf(field: { value: string; quoted: boolean }): Cell | undefined {
  if (field.value === '') return undefined;
  const trimmed = field.value.trim();
  if (PLAIN_NUMBER.test(trimmed)) return { value: Number(trimmed) };
  return { value: field.value };
}

/** The workbook of a CSV file: one sheet, named after the file as Excel names it. */
export function csvToWorkbook(text: string, sheetName: string): Workbook {
  const sheet: Sheet = { name: sheetName.slice(0, 31), rows: parseCsvRows(text).map((r) => r.map(cellOf)) };
  return { sheets: [sheet] };
}

/** "…/parking_2005-2019.csv" -> "parking_2005-2019" (Excel names the sheet after the file). */
export function csvSheetName(filePath: string): string {
  const base = filePath.split(/[\\/]/).pop() ?? filePath;
  return base.replace(/\.csv$/i, '') || 'Sheet1';
}

export function isCsvPath(filePath: string): boolean {
  return /\.csv$/i.test(filePath);
}
