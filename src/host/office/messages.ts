/** What the officer reads when something stops the add-in inside Excel (the Office.js host). */
import { sheetQualified } from '../../engine';

const where = (sheet: string, address?: string): string => (address ? sheetQualified(sheet, address) : `sheet "${sheet}"`);

export const officeMessages = {
  sheetProtected: (sheet: string): string =>
    `Sheet "${sheet}" is protected, so nothing was changed. Unprotect it (Review > Unprotect Sheet) and try again.`,
  officerData: (sheet: string, cell: string): string =>
    `Nothing was changed: ${where(sheet, cell)} holds your own data, and the add-in only writes into empty cells or cells it filled itself. Clear or move that cell, or choose another place.`,
  sheetMissing: (sheet: string): string =>
    `Sheet "${sheet}" no longer exists (it may have been deleted or renamed), so nothing was changed. Check the workbook again to refresh.`,
  sheetAlreadyExists: (sheet: string): string =>
    `A sheet named "${sheet}" already exists, so nothing was changed. Rename or delete it and try again.`,
  badRange: (sheet: string, range: string): string => `The add-in could not work out the cells "${range}" on sheet "${sheet}", so nothing was changed.`,
  mixedValidation: (sheet: string, range: string): string =>
    `${where(sheet, range)} already has mixed data validation rules, so nothing was changed. Clear them (Data > Data Validation > Clear All) and try again.`,
  changedSinceApplied: (sheet: string, range: string, title: string): string =>
    `"${title}" was not undone: ${where(sheet, range)} has been edited since the add-in wrote it, and undoing would overwrite that edit.`,
  undoLaterFirst: (title: string, later: string): string =>
    `"${title}" was not undone: "${later}" changed the same cells afterwards. Undo "${later}" first.`,
  addedSheetEdited: (sheet: string, title: string): string =>
    `"${title}" was not undone: the sheet "${sheet}" it added now holds other data, and undoing would delete it.`,
  planNotFound: (title: string): string => `"${title}" cannot be undone: the add-in has no record of it in this workbook.`,
  accessDenied: (sheet?: string): string =>
    sheet
      ? `Excel refused the change to sheet "${sheet}" (it may be protected or shared read-only). The workbook was left as it was.`
      : 'Excel refused the change (a sheet may be protected or the workbook read-only). The workbook was left as it was.',
  itemNotFound: (sheet?: string): string =>
    sheet
      ? `Part of sheet "${sheet}" the add-in needed has gone (deleted or renamed meanwhile). The workbook was left as it was; check it again.`
      : 'Something the add-in needed has gone from the workbook (a sheet deleted or renamed meanwhile). The workbook was left as it was; check it again.',
  cellEditMode: (): string => 'Excel is busy while you are typing in a cell. Press Enter or Esc to leave the cell, then try again.',
  payloadTooLarge: (): string =>
    'This workbook is too large for Excel to exchange in one go, even in smaller pieces. The workbook was left as it was; try on a smaller selection of sheets.',
  manualCalculation: (): string =>
    'This workbook is set to calculate manually, so its figures may have been out of date. The add-in recalculated it (as F9 does) before checking.',
  undoTooLarge: (title: string): string =>
    `"${title}" was not applied: it changes so much that the record needed to undo it would not fit in the workbook. Nothing was changed. Apply it without Undo, or on a smaller part of the workbook.`,
  partRead: (sheet: string, read: string, used: string): string =>
    `Excel counts ${used} on sheet "${sheet}" as used (often one stray cell far from the data), which is too much to read. Only ${read} was read and checked. Delete the rows and columns after your data and save, then check again.`,
  hiddenSheet: (sheet: string): string =>
    `Sheet "${sheet}" is hidden, so the add-in cannot show that cell. Unhide it (right-click a sheet tab > Unhide) and try again.`,
  veryHiddenSheet: (sheet: string): string =>
    `Sheet "${sheet}" is "very hidden" (it can only be shown again with a macro or the VBA editor), so the add-in cannot show that cell.`,
  structureProtected: (): string =>
    'The workbook’s structure is protected, so the add-in cannot add or remove sheets and nothing was changed. Unprotect it (Review > Protect Workbook) and try again.',
  mergedCells: (sheet: string, range: string, merged: string): string =>
    `Nothing was changed: ${where(sheet, range)} would write into part of the merged cells ${merged}, which Excel does not allow. Unmerge them (Home > Merge & Center) and try again.`,
  tableColumn: (sheet: string, range: string, table: string): string =>
    `Nothing was changed: ${where(sheet, range)} is inside the Excel table "${table}", where a formula fills the whole column by itself and would change cells the add-in cannot undo. Convert the table to a normal range (Table Design > Convert to Range) or choose cells outside it.`,
  excelTooOld: (title: string): string =>
    `"${title}" was not applied: it changes fills and bold, which this version of Excel cannot let the add-in undo (it needs Excel 2019 or Microsoft 365). Nothing was changed.`,
  rangeTooLarge: (): string =>
    'Excel refused to read so many cells at once (over 5,000,000). The workbook was left as it was; try on a smaller workbook or clear unused rows and columns.',
  general: (): string => 'Excel could not complete the request. The workbook was left as it was; please try again.',
  rollbackIncomplete: (title: string): string =>
    `"${title}" failed part-way and the add-in could not fully put the workbook back. Use Excel's Undo or check the sheets it touched.`,
  listAlertTitle: () => 'Choose from the list',
  listAlertMessage: (list: readonly string[] | undefined) =>
    list ? `This cell takes one of: ${list.join(', ')}.` : 'This cell takes a value from its drop-down list.',
};
