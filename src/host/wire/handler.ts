/**
 * The simulated workbook behind Office's wire: answers the JSON that Microsoft's Excel
 * client sends for each `context.sync()` (`{Actions, ObjectPaths}`) by running it against
 * the simulated Excel's objects (src/host/simulated), and answers as Excel does:
 * `{Results: [{ActionId, Value}]}`, or `{Error: {Code, Message, Location, ActionIndex,
 * HttpStatusCode}}` at the first failing action (the actions before it stay applied).
 *
 * Each object path is resolved to a simulated object (GlobalObject → workbook, Property →
 * navigation, Method → getRange/getItem/add…, Indexer → getItem, ReferenceId → an object
 * instantiated earlier); every Instantiate is answered with a `_ReferenceId`, so that the
 * client keeps using the object in later syncs, as with Excel; a missing `…OrNullObject`
 * is answered with null. Queries are answered with Excel's property names (`Values`,
 * `Format`, `_Items`).
 */
import { SimulatedRequestContext, PAYLOAD_LIMIT_BYTES, type QueuedAction } from '../simulated/context';
import { SimConditionalFormatCollection, SimConditionalFormatProxy } from '../simulated/conditional-formats';
import { SimChartCollection, SimChartProxy, SimChartSeriesCollection, SimChartSeriesProxy } from '../simulated/charts';
import type { SimulatedExcel } from '../simulated/excel';
import { SimulatedOfficeError } from '../simulated/errors';
import { SimClientResult, SimObject } from '../simulated/proxy';
import { SimTableCollection, SimTableItem } from '../simulated/tables';
import { SimRange } from '../simulated/range';
import { intersects } from '../simulated/rects';
import { simSheetId, SimWorkbook, SimWorksheetCollection } from '../simulated/workbook';
import {
  ActionType,
  httpStatusOf,
  ObjectPathType,
  type ActionInfo,
  type ActionResult,
  type ErrorInfo,
  type ObjectPathInfo,
  type RequestBody,
  type ResponseBody,
} from './protocol';

/** A context whose calls run at once against the state: the wire handler is already "at sync". */
class ImmediateContext extends SimulatedRequestContext {
  /** What the last call sent back (a method's value, e.g. getCellProperties). */
  lastResponse: unknown;

  override enqueue(action: QueuedAction): void {
    const outcome = action.run(this.host.state);
    this.lastResponse = outcome?.response;
    outcome?.deliver?.();
  }
}

/** Methods of the Excel API that the simulated objects implement, by their wire names. */
const METHODS = new Set([
  'Activate',
  'Add',
  'Calculate',
  'Clear',
  'ClearAll',
  'Delete',
  'GetBoundingRect',
  'GetCellProperties',
  'GetItem',
  'GetItemOrNullObject',
  'GetMergedAreasOrNullObject',
  'GetRange',
  'GetRangeOrNullObject',
  'GetRanges',
  'GetRangeByIndexes',
  'GetRow',
  'GetTables',
  'GetUsedRangeOrNullObject',
  'Select',
  'SetCellProperties',
  // Charts (ExcelApi 1.1; series ranges 1.7)
  'SetPosition',
  'SetSolidColor',
  'SetValues',
  'SetXAxisValues',
]);

/** The ExcelApi version that brought each method the adapter may use above the manifest's 1.8. */
const METHOD_VERSIONS: Record<string, string> = {
  GetCellProperties: '1.9',
  SetCellProperties: '1.9',
  GetTables: '1.9',
  GetMergedAreasOrNullObject: '1.13',
  GetRanges: '1.9',
  SetValues: '1.7',
  SetXAxisValues: '1.7',
};

/** A method above the workbook's ExcelApi version is not there, as in an older Excel. */
function requireVersion(server: WireWorkbook, obj: SimObject, wireName: string): void {
  // ChartSeriesCollection.add came with ExcelApi 1.7 (worksheets.add and charts.add with 1.1).
  const version = obj instanceof SimChartSeriesCollection && wireName === 'Add' ? '1.7' : METHOD_VERSIONS[wireName];
  if (version && !server.excel.isSetSupported('ExcelApi', version)) throw apiNotFound(`${obj.describe()}.${wireName} (ExcelApi ${version}; this Excel has ${server.excel.excelApiVersion})`);
}

const camel = (name: string): string => name.charAt(0).toLowerCase() + name.slice(1);
const pascal = (name: string): string => name.charAt(0).toUpperCase() + name.slice(1);

function apiNotFound(what: string): SimulatedOfficeError {
  return new SimulatedOfficeError('ApiNotFound', `The API you are trying to use could not be found: ${what} (not simulated).`, what);
}

/** A setter for `name` somewhere on the object's prototype chain. */
function hasSetter(obj: object, name: string): boolean {
  for (let proto: object | null = obj; proto && proto !== SimObject.prototype; proto = Object.getPrototypeOf(proto) as object | null) {
    const descriptor = Object.getOwnPropertyDescriptor(proto, name);
    if (descriptor) return descriptor.set !== undefined;
  }
  return false;
}

function isCollection(obj: SimObject): boolean {
  return obj instanceof SimWorksheetCollection || obj instanceof SimConditionalFormatCollection || obj instanceof SimTableCollection || obj instanceof SimChartCollection || obj instanceof SimChartSeriesCollection;
}

/** An item of a collection, for naming the parts of its items' answers. */
function itemShape(obj: SimObject): SimObject | undefined {
  if (obj instanceof SimWorksheetCollection) return obj.getItem('');
  if (obj instanceof SimConditionalFormatCollection) return new SimConditionalFormatProxy(obj.context, obj.range, '');
  if (obj instanceof SimTableCollection) return new SimTableItem(obj.context, undefined);
  if (obj instanceof SimChartCollection) return new SimChartProxy(obj.context, obj.worksheet, '', false);
  if (obj instanceof SimChartSeriesCollection) return new SimChartSeriesProxy(obj.context, obj, 0);
  return undefined;
}

/**
 * Gives each item of a collection's answer its private `_Id`, as Excel does, so that the
 * client names the item by id (the collection's indexer) in later syncs, not by position.
 */
function withItemIds(obj: SimObject, answer: unknown, server: WireWorkbook): void {
  const items = (answer as { _Items?: Record<string, unknown>[] } | null)?._Items;
  if (!items) return;
  const state = server.excel.state;
  let ids: string[] = [];
  if (obj instanceof SimWorksheetCollection) ids = state.sheets.map((s) => simSheetId(s.name));
  else if (obj instanceof SimConditionalFormatCollection) {
    const { sheet, ref } = obj.range.resolve(state);
    ids = sheet.conditionalFormats.filter((c) => intersects(c.range, ref)).map((c) => c.id);
  } else if (obj instanceof SimChartCollection) ids = obj.idsIn(state);
  items.forEach((item, i) => {
    if (ids[i] !== undefined) item._Id = ids[i];
  });
}

/** A simulated load answer in Excel's wire names: scalars `Values`, navigations `Format`, items `_Items`. */
function toWire(obj: SimObject | undefined, data: unknown): unknown {
  if (data === null || typeof data !== 'object' || Array.isArray(data) || !obj) return data;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data as Record<string, unknown>)) {
    if (key === 'items' && isCollection(obj)) {
      const shape = itemShape(obj);
      out._Items = (value as unknown[]).map((item) => toWire(shape, item));
      continue;
    }
    const child = obj.child(key);
    out[pascal(key)] = child ? toWire(child, value) : value;
  }
  return out;
}

export interface WireRequestStats {
  /** Requests answered (context.sync() calls and Excel.run's closing `_RemoveReference` request). */
  requests: number;
  /** Requests that only released references (Excel.run's cleanup): not counted as syncs. */
  cleanupRequests: number;
  requestBytes: number;
  responseBytes: number;
  actions: number;
}

/** One workbook behind the wire: the simulated Excel, the objects the client holds references to. */
export class WireWorkbook {
  readonly context: ImmediateContext;
  readonly root: SimWorkbook;
  private readonly references = new Map<string, SimObject>();
  private readonly referenceOf = new Map<SimObject, string>();
  private nextReference = 1;
  readonly wireStats: WireRequestStats = { requests: 0, cleanupRequests: 0, requestBytes: 0, responseBytes: 0, actions: 0 };
  /** Called before each sync is answered (1-based over the Excel's life): what the officer does meanwhile, in tests. */
  beforeSync: ((sync: number) => void) | undefined;
  /** Set to an array to keep every request and response body, in tests. */
  traffic: { request: string; response: string }[] | undefined;

  constructor(readonly excel: SimulatedExcel) {
    this.context = new ImmediateContext(excel);
    this.root = new SimWorkbook(this.context);
  }

  /** References held for the client (kept or not yet released). */
  get referenceCount(): number {
    return this.references.size;
  }

  /** The reference id the client gets for an object (the same one each time it is instantiated). */
  reference(obj: SimObject): string {
    const known = this.referenceOf.get(obj);
    if (known !== undefined) return known;
    const id = `{sim-ref-${this.nextReference++}}`;
    this.references.set(id, obj);
    this.referenceOf.set(obj, id);
    return id;
  }

  referenced(id: string): SimObject | undefined {
    return this.references.get(id);
  }

  release(id: string): void {
    const obj = this.references.get(id);
    if (obj) this.referenceOf.delete(obj);
    this.references.delete(id);
  }
}

const encoder = new TextEncoder();
const utf8Bytes = (text: string): number => encoder.encode(text).length;

/** The request flag Microsoft's client sets for `Excel.run({ delayForCellEdit: true })`. */
export const DELAY_FOR_CELL_EDIT_FLAG = 64;

/**
 * Answers one ProcessQuery request body (JSON text) with the response body (JSON text).
 * `flags` are the request flags from the URL (`?flags=`).
 */
export function handleProcessQuery(server: WireWorkbook, requestJson: string, flags = 0): string {
  const excel = server.excel;
  const stats = excel.stats;
  const request = JSON.parse(requestJson) as RequestBody;
  const requestBytes = utf8Bytes(requestJson);
  const cleanup = request.Actions.every(
    (a) => a.ActionType === ActionType.instantiate || (a.ActionType === ActionType.method && a.Name === '_RemoveReference'),
  );
  server.wireStats.requests += 1;
  server.wireStats.requestBytes += requestBytes;
  server.wireStats.actions += request.Actions.length;
  if (cleanup) server.wireStats.cleanupRequests += 1;

  let body: ResponseBody;
  if (cleanup) body = run(server, request, undefined);
  else {
    stats.syncs += 1;
    stats.requestBytes += requestBytes;
    stats.maxRequestBytes = Math.max(stats.maxRequestBytes, requestBytes);
    const delayed = (flags & DELAY_FOR_CELL_EDIT_FLAG) !== 0 && excel.isSetSupported('ExcelApi', '1.11');
    if (requestBytes > PAYLOAD_LIMIT_BYTES) {
      stats.payloadErrors += 1;
      body = errorBody(new SimulatedOfficeError('RequestPayloadSizeLimitExceeded', 'The request payload size has exceeded the limit.'), -1);
    } else if (excel.cellEditMode && !delayed) {
      body = errorBody(new SimulatedOfficeError('InvalidOperationInCellEditMode', 'Excel is in cell-editing mode. Please exit the edit mode by pressing ENTER or TAB or selecting another cell, and then try again.'), 0);
    } else {
      server.beforeSync?.(stats.syncs);
      body = run(server, request, excel.takeFailure(stats.syncs));
    }
  }
  let text = JSON.stringify(body);
  let responseBytes = utf8Bytes(text);
  if (!cleanup && !('Error' in body) && responseBytes > PAYLOAD_LIMIT_BYTES) {
    stats.payloadErrors += 1;
    text = JSON.stringify(errorBody(new SimulatedOfficeError('ResponsePayloadSizeLimitExceeded', 'The response payload size has exceeded the limit.'), -1));
    responseBytes = utf8Bytes(text);
  }
  server.wireStats.responseBytes += responseBytes;
  server.traffic?.push({ request: requestJson, response: text });
  if (!cleanup) {
    stats.responseBytes += responseBytes;
    stats.maxResponseBytes = Math.max(stats.maxResponseBytes, responseBytes);
  }
  return text;
}

function errorBody(error: unknown, actionIndex: number): ResponseBody {
  const e = error as { code?: unknown; message?: unknown; debugInfo?: { errorLocation?: string } };
  const code = typeof e.code === 'string' ? e.code : 'GeneralException';
  const info: ErrorInfo = {
    Code: code,
    Message: typeof e.message === 'string' ? e.message : String(error),
    Location: e.debugInfo?.errorLocation ?? '',
    ActionIndex: actionIndex,
    HttpStatusCode: httpStatusOf(code),
  };
  return { Error: info };
}

/** Calls that change or read the workbook (what the simulated Excel counts as a queued call). */
function isCall(action: ActionInfo, paths: Record<string, ObjectPathInfo>): boolean {
  if (action.ActionType === ActionType.instantiate) return paths[action.ObjectPathId]?.ObjectPathType === ObjectPathType.method && paths[action.ObjectPathId]?.Name === 'Add';
  if (action.ActionType === ActionType.method) return !action.Name.startsWith('_');
  return action.ActionType === ActionType.query || action.ActionType === ActionType.setProperty || action.ActionType === ActionType.update;
}

function run(server: WireWorkbook, request: RequestBody, failure: ReturnType<SimulatedExcel['takeFailure']>): ResponseBody {
  const resolved = new Map<number, SimObject | null>();
  const results: ActionResult[] = [];
  const calls = request.Actions.filter((a) => isCall(a, request.ObjectPaths)).length;
  const stopAfter = failure ? Math.min(failure.afterActions ?? Math.floor(calls / 2), calls) : Infinity;
  let callsRun = 0;
  for (let index = 0; index < request.Actions.length; index++) {
    const action = request.Actions[index]!;
    try {
      if (isCall(action, request.ObjectPaths)) {
        if (callsRun >= stopAfter) throw new SimulatedOfficeError(failure?.code ?? 'GeneralException', 'An internal error has occurred (injected).');
        callsRun += 1;
      }
      const value = runAction(server, request, resolved, action);
      if (value !== undefined) results.push({ ActionId: action.Id, Value: value });
    } catch (error) {
      // Office stops at the first failing action; what ran before it stays applied.
      return errorBody(error, index);
    }
  }
  if (failure && callsRun >= stopAfter) return errorBody(new SimulatedOfficeError(failure.code ?? 'GeneralException', 'An internal error has occurred (injected).'), request.Actions.length - 1);
  return { Results: results };
}

/** Runs one action; returns the value to answer with, or undefined for none. */
function runAction(server: WireWorkbook, request: RequestBody, resolved: Map<number, SimObject | null>, action: ActionInfo): unknown {
  const state = server.excel.state;
  const target = (): SimObject | null => resolvePath(server, request, resolved, action.ObjectPathId);
  const live = (): SimObject => {
    const obj = target();
    if (!obj) throw new SimulatedOfficeError('ItemNotFound', 'The requested resource does not exist (a null object).', action.Name);
    return obj;
  };
  switch (action.ActionType) {
    case ActionType.instantiate: {
      const obj = target();
      if (!obj) return null;
      if (obj.planLoad([])(state).response === null) {
        resolved.set(action.ObjectPathId, null);
        return null;
      }
      // The client marks objects it has untracked (`D`, "do not keep reference"): they get no reference.
      if (request.ObjectPaths[action.ObjectPathId]?.D === true) return undefined;
      return { _ReferenceId: server.reference(obj) };
    }
    case ActionType.query: {
      const obj = target();
      if (!obj) return null;
      const info = action.QueryInfo ?? {};
      let paths = [...(info.Select ?? []), ...(info.Expand ?? [])].map((p) => p.split('/'));
      if (isCollection(obj)) paths = paths.length > 0 ? paths.map((p) => ['items', ...p]) : [['items']];
      else if (paths.length === 0) paths = obj.defaultLoadPaths();
      const answer = toWire(obj, obj.planLoad(paths)(state).response);
      if (isCollection(obj)) withItemIds(obj, answer, server);
      return answer;
    }
    case ActionType.method: {
      const args = argumentsOf(server, request, resolved, action.ArgumentInfo);
      if (action.Name === '_KeepReference') return undefined;
      if (action.Name === '_RemoveReference') {
        if (typeof args[0] === 'string') server.release(args[0]);
        return undefined;
      }
      const obj = live();
      if (action.Name === '_ValidateArraySize') {
        validateArraySize(obj, args, server);
        return undefined;
      }
      const method = (obj as unknown as Record<string, unknown>)[camel(action.Name)];
      if (!METHODS.has(action.Name) || typeof method !== 'function') throw apiNotFound(`${obj.describe()}.${action.Name}`);
      requireVersion(server, obj, action.Name);
      server.context.lastResponse = undefined;
      const returned: unknown = method.apply(obj, args);
      if (returned instanceof SimClientResult) return server.context.lastResponse;
      return undefined;
    }
    case ActionType.setProperty:
      setProperty(live(), action.Name, action.ArgumentInfo?.Arguments?.[0]);
      return undefined;
    case ActionType.update: {
      const obj = live();
      for (const [name, value] of Object.entries(action.ObjectState ?? {})) setProperty(obj, pascal(name), value);
      return undefined;
    }
    case ActionType.trace:
    case ActionType.ensureUnchanged:
      return undefined;
    default:
      throw apiNotFound(`action type ${action.ActionType}`);
  }
}

function setProperty(obj: SimObject, wireName: string, value: unknown): void {
  const name = camel(wireName);
  if (!hasSetter(obj, name)) throw apiNotFound(`${obj.describe()}.${wireName} (set)`);
  (obj as unknown as Record<string, unknown>)[name] = value;
}

/** The simulated object at an object path (null for a null object), resolved once per request. */
function resolvePath(server: WireWorkbook, request: RequestBody, resolved: Map<number, SimObject | null>, id: number): SimObject | null {
  if (resolved.has(id)) return resolved.get(id)!;
  const info = request.ObjectPaths[id];
  if (!info) throw new SimulatedOfficeError('InvalidArgument', `Object path ${id} is not in the request.`);
  const parent = (): SimObject | null => {
    if (info.ParentObjectPathId === undefined) throw new SimulatedOfficeError('InvalidArgument', `Object path ${id} has no parent.`);
    return resolvePath(server, request, resolved, info.ParentObjectPathId);
  };
  const args = argumentsOf(server, request, resolved, info.ArgumentInfo);
  let obj: SimObject | null;
  switch (info.ObjectPathType) {
    case ObjectPathType.globalObject:
      obj = server.root;
      break;
    case ObjectPathType.referenceId: {
      const held = server.referenced(info.Name);
      if (!held) throw new SimulatedOfficeError('InvalidArgument', `The object reference ${info.Name} is not valid (InvalidObjectPath).`, info.Name);
      obj = held;
      break;
    }
    case ObjectPathType.nullObject:
      obj = null;
      break;
    case ObjectPathType.property: {
      const owner = parent();
      if (!owner) {
        obj = null;
        break;
      }
      const value = (owner as unknown as Record<string, unknown>)[camel(info.Name)];
      if (!(value instanceof SimObject)) throw apiNotFound(`${owner.describe()}.${info.Name}`);
      obj = value;
      break;
    }
    case ObjectPathType.indexer:
      obj = callForObject(server, parent(), 'GetItem', args);
      break;
    case ObjectPathType.method:
      obj = info.Name === 'GetItemAt' ? itemAt(server, parent(), args[0]) : callForObject(server, parent(), info.Name, info.Name === 'GetRange' ? args.map((a) => a ?? undefined) : args);
      break;
    default:
      throw apiNotFound(`object path type ${info.ObjectPathType}`);
  }
  resolved.set(id, obj);
  return obj;
}

/** A call's arguments, with the objects it passes (ReferencedObjectPathIds) resolved. */
function argumentsOf(server: WireWorkbook, request: RequestBody, resolved: Map<number, SimObject | null>, info: ObjectPathInfo['ArgumentInfo']): unknown[] {
  const args = info?.Arguments ?? [];
  const referenced = info?.ReferencedObjectPathIds;
  if (!referenced) return args;
  return args.map((arg, i) => {
    const pathId = referenced[i];
    // The client marks an argument that is not an object with 0 (charts.add(type, range, seriesBy)).
    return typeof pathId === 'number' && pathId !== 0 ? resolvePath(server, request, resolved, pathId) : arg;
  });
}

/**
 * `_ValidateArraySize(rows, columns)`: sent by Office's client before it writes a large
 * grid in chunks of rows; refused when the grid does not fit the range.
 */
function validateArraySize(obj: SimObject, args: readonly unknown[], server: WireWorkbook): void {
  if (!(obj instanceof SimRange)) throw apiNotFound(`${obj.describe()}._ValidateArraySize`);
  const { ref } = obj.resolve(server.excel.state);
  if (args[0] !== ref.end.row - ref.start.row + 1 || args[1] !== ref.end.col - ref.start.col + 1) {
    throw new SimulatedOfficeError(
      'InvalidArgument',
      `The number of rows or columns in the input array doesn't match the size or dimensions of the range ${obj.describe()}.`,
      `${obj.describe()}._ValidateArraySize`,
    );
  }
}

function callForObject(server: WireWorkbook, owner: SimObject | null, wireName: string, args: readonly unknown[]): SimObject | null {
  if (!owner) return null;
  const method = (owner as unknown as Record<string, unknown>)[camel(wireName)];
  if (!METHODS.has(wireName) || typeof method !== 'function') throw apiNotFound(`${owner.describe()}.${wireName}`);
  requireVersion(server, owner, wireName);
  const result: unknown = method.apply(owner, args);
  if (!(result instanceof SimObject)) throw apiNotFound(`${owner.describe()}.${wireName} (returns no object)`);
  return result;
}

/** `GetItemAt(index)`: how the client names a collection's item whose answer carried no id. */
function itemAt(server: WireWorkbook, owner: SimObject | null, index: unknown): SimObject | null {
  if (!owner) return null;
  const state = server.excel.state;
  const i = typeof index === 'number' ? index : Number.NaN;
  if (owner instanceof SimWorksheetCollection) {
    const sheet = state.sheets[i];
    if (!sheet) throw new SimulatedOfficeError('ItemNotFound', `There is no sheet at index ${String(index)}.`, 'Workbook.worksheets');
    return owner.getItem(sheet.name);
  }
  if (owner instanceof SimConditionalFormatCollection) {
    const { sheet, ref } = owner.range.resolve(state);
    const cf = sheet.conditionalFormats.filter((c) => intersects(c.range, ref))[i];
    if (!cf) throw new SimulatedOfficeError('ItemNotFound', `There is no conditional format at index ${String(index)}.`, owner.describe());
    return owner.getItem(cf.id);
  }
  if (owner instanceof SimChartCollection) return owner.itemAt(i, state);
  const generic = (owner as unknown as { itemAt?: (index: number) => SimObject }).itemAt;
  if (typeof generic === 'function') return generic.call(owner, i);
  throw apiNotFound(`${owner.describe()}.GetItemAt`);
}
