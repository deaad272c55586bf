/** Messages from reading and writing .xlsx files (the CLI, the workbench's Open and Download). */

export const xlsxMessages = {
  missingFile: (file: string) => `${file}: no such file.`,
  notAFile: (file: string) => `${file} is a folder, not a workbook file.`,
  unreadableFile: (file: string, reason: string) => `${file} could not be opened (${reason}).`,
  tooLarge: (file: string, sizeMb: number, limitMb: number) =>
    `${file} is ${sizeMb} MB, larger than the ${limitMb} MB this tool will open; split it or remove unused sheets first.`,
  unpacksTooLarge: (file: string, limitMb: number) =>
    `${file} unpacks to more than ${limitMb} MB, more than this tool will open; it is either damaged or not a real workbook. Open it in Excel and save it again, then retry.`,
  emptyFile: (file: string) => `${file} is empty (0 bytes), not a workbook.`,
  notAZip: (file: string) => `${file} is not an Excel workbook (.xlsx): it is not a zip package.`,
  oldXls: (file: string) =>
    `${file} is an old binary Excel file (.xls); open it in Excel and save it as .xlsx, then try again.`,
  encrypted: (file: string) =>
    `${file} is password-protected; open it in Excel, remove the password (File > Info > Protect Workbook), save, and try again.`,
  notAWorkbook: (file: string) => `${file} is a zip file but not an Excel workbook (it has no workbook part).`,
  noSheets: (file: string) => `${file} has no worksheets to check.`,
  noData: (file: string) => `${file} is an empty workbook: every sheet is blank.`,
  corrupt: (file: string, reason: string) =>
    `${file} could not be read as a workbook: ${reason}. Open it in Excel and save it again, then retry.`,
  reasonDamagedZip: 'the file is damaged or incomplete',
  reasonPartTooLarge: 'a part inside it unpacks to more than the file records (it is damaged, or built to exhaust memory)',
  reasonUnsupportedPart: 'it contains a part (such as a drawing or chart) that this tool cannot read',
  reasonUnknown: 'unknown error',
  sheetMissing: (sheet: string) => `There is no sheet named "${sheet}" in the workbook.`,
  sheetProtected: (sheet: string) =>
    `Sheet "${sheet}" is protected; unprotect it in Excel (Review > Unprotect Sheet) before applying changes.`,
  badRange: (sheet: string, range: string) => `"${range}" on sheet "${sheet}" is not a valid cell range.`,
  sheetExists: (sheet: string) => `A sheet named "${sheet}" already exists.`,
  shapeMismatch: (sheet: string, range: string) =>
    `The values for ${sheet}!${range} do not match the size of the range.`,
} as const;
