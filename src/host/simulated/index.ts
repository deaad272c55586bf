export { SimulatedExcel, type SimulatedExcelOptions, type SimSnapshot } from './excel';
export { SimulatedOfficeError, type OfficeErrorCode } from './errors';
export { PAYLOAD_LIMIT_BYTES, type InjectedFailure, type SyncStats } from './context';
