/** Messages from validateWorkbook itself (the rules' own templates live in their metadata). */

export const validationMessages = {
  ruleFailed: (rule: string, table: string, reason: string) =>
    `The ${rule} check could not finish on the table at ${table} (${reason}); its other checks still ran. Please report this workbook.`,
  sheetUnreadable: (sheet: string, reason: string) =>
    `The tables on sheet "${sheet}" could not be read (${reason}), so that sheet was not checked.`,
};
