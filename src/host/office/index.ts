export { createOfficeHost, officeExcelApi, type ExcelApi } from './create';
export { STYLE_CELL_LIMIT } from './read';
export { LEDGER_KEY, SETTINGS_KEY, type AppliedPlan } from './ledger';
