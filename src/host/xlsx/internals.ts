/**
 * Parts of exceljs's worksheet that its type declarations leave out but its reader and
 * writer use (checked against exceljs 4.4's lib/doc/worksheet.js).
 */
import type ExcelJS from 'exceljs';

export interface WorksheetInternals {
  sheetProtection: { sheet?: boolean } | null;
  conditionalFormattings: ExcelJS.ConditionalFormattingOptions[];
  dataValidations: {
    model: Record<string, ExcelJS.DataValidation | undefined>;
    add(address: string, validation: ExcelJS.DataValidation): void;
  };
  orderNo: number;
}

export function internals(ws: ExcelJS.Worksheet): WorksheetInternals {
  return ws as unknown as WorksheetInternals;
}

export function isProtected(ws: ExcelJS.Worksheet): boolean {
  return internals(ws).sheetProtection?.sheet === true;
}
