export { officeClientExcel, type OfficeClientExcel } from './excel';
export { handleProcessQuery, WireWorkbook, type WireRequestStats } from './handler';
export { loadOfficeClient, type ClientBuild, type OfficeClient } from './load-client';
export { ActionType, ObjectPathType, type RequestBody, type ResponseBody } from './protocol';
