/**
 * `Excel.run` through Microsoft's own Excel client, answered by the simulated workbook:
 * the adapter (src/host/office) runs unchanged on Microsoft's request contexts, proxies,
 * load/sync bookkeeping and errors, and every `context.sync()` goes over the wire as the
 * JSON the client builds, answered by `handleProcessQuery`. Tests, benchmarks and scripts
 * only (Node; the client is a devDependency).
 */
import type { ExcelApi } from '../office/create';
import type { SimulatedExcel } from '../simulated/excel';
import { handleProcessQuery, WireWorkbook } from './handler';
import { loadOfficeClient, type ClientBuild, type HttpRequestInfo, type HttpResponseInfo, type OfficeClient } from './load-client';

const URL_PREFIX = 'https://simulated-excel.invalid/workbook/';

/** The workbooks answering each loaded client, by the id in their URL. */
const servers = new Map<string, WeakRef<WireWorkbook>>();
const installed = new WeakSet<OfficeClient>();
let nextId = 1;

/** One send function per client: a POST to …/workbook/<id>/ProcessQuery goes to that workbook. */
function install(client: OfficeClient): void {
  if (installed.has(client)) return;
  installed.add(client);
  client.OfficeExtension.HttpUtility.setCustomSendRequestFunc(async (request: HttpRequestInfo): Promise<HttpResponseInfo> => {
    const match = /\/workbook\/([^/]+)\/ProcessQuery/i.exec(request.url);
    const server = match ? servers.get(match[1]!)?.deref() : undefined;
    if (!server || request.method !== 'POST') {
      return { statusCode: 404, headers: {}, body: JSON.stringify({ error: { code: 'ItemNotFound', message: `No simulated workbook at ${request.url}` } }) };
    }
    const body = typeof request.body === 'string' ? request.body : JSON.stringify(request.body);
    const delay = server.excel.syncDelayMs;
    if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
    const flags = Number(/[?&]flags=(-?\d+)/i.exec(request.url)?.[1] ?? 0);
    return { statusCode: 200, headers: { 'CONTENT-TYPE': 'application/json' }, body: handleProcessQuery(server, body, flags) };
  });
}

export interface OfficeClientExcel extends ExcelApi {
  /** The workbook behind the wire (its request counts, the references the client holds). */
  readonly server: WireWorkbook;
  readonly client: OfficeClient;
}

/**
 * An `Excel.run`-compatible entry point backed by Microsoft's client and the simulated
 * workbook: pass it to `createOfficeHost`. Syncs and bytes are counted on the real request
 * and response bodies in `excel.stats` (Excel.run's closing `_RemoveReference` request is
 * counted apart, in `server.wireStats`); injected failures and payload limits apply as in
 * the simulated Excel.
 */
export function officeClientExcel(excel: SimulatedExcel, build: ClientBuild = 'web-16.00'): OfficeClientExcel {
  const client = loadOfficeClient(build);
  install(client);
  for (const [id, ref] of servers) if (!ref.deref()) servers.delete(id);
  const id = String(nextId++);
  const server = new WireWorkbook(excel);
  servers.set(id, new WeakRef(server));
  // A resolver rather than a URL: Excel.run then waits for its closing request, so each run's
  // traffic is over when it returns.
  const session = { _resolveRequestUrlAndHeaderInfo: () => Promise.resolve({ url: `${URL_PREFIX}${id}`, headers: {} }) };
  return {
    server,
    client,
    run<T>(options: Excel.RunOptions, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
      excel.runs += 1;
      excel.lastRunOptions = options;
      return client.Excel.run({ ...options, session }, batch);
    },
    isSetSupported: (name, version) => excel.isSetSupported(name, version),
  };
}
