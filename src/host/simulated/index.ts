export { SimulatedExcel, type SimulatedExcelOptions, type SimSnapshot } from './excel';
export { SimulatedOfficeError, type OfficeErrorCode } from './errors';
export { SETTING_LIMIT_BYTES, SETTINGS_LIMIT_BYTES } from './workbook';
export { PAYLOAD_LIMIT_BYTES, type InjectedFailure, type SyncStats } from './context';
