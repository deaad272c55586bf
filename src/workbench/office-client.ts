/**
 * The workbench's Excel: Microsoft's own Excel client (@microsoft/office-js) in the page,
 * its requests answered by the simulated workbook. The client script is the package's file,
 * emitted by webpack beside the workbench bundle (the `new URL(…, import.meta.url)` below is
 * the only reference to it, so only the workbench build carries it; never loaded from the
 * network). Each `context.sync()` the adapter makes is the client's POST …/ProcessQuery,
 * handed to our send function (OfficeExtension.HttpUtility.setCustomSendRequestFunc) and
 * answered by `handleProcessQuery`, as in the host tests and benchmarks (src/host/wire).
 */
import type { ExcelApi } from '../host/office/create';
import type { SimulatedExcel } from '../host/simulated/excel';
import { handleProcessQuery, WireWorkbook } from '../host/wire/handler';

/** Microsoft's client, minified build for Excel on the web. */
const CLIENT_URL = new URL('../../node_modules/@microsoft/office-js/dist/excel-web-16.00.js', import.meta.url);
const URL_PREFIX = 'https://simulated-excel.invalid/workbook/';

interface RequestInfo {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: unknown;
}

interface ResponseInfo {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
}

/** The part of Microsoft's client the workbench drives (the globals its script defines). */
interface PageClient {
  readonly Excel: { run<T>(options: object, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> };
  readonly OfficeExtension: { HttpUtility: { setCustomSendRequestFunc(send: (request: RequestInfo) => Promise<ResponseInfo>): void } };
}

/** The workbooks answering the client, by the id in their URL. */
const servers = new Map<string, WireWorkbook>();
let nextId = 1;
let loading: Promise<PageClient> | undefined;

async function send(request: RequestInfo): Promise<ResponseInfo> {
  const match = /\/workbook\/([^/]+)\/ProcessQuery/i.exec(request.url);
  const server = match ? servers.get(match[1]!) : undefined;
  if (!server || request.method !== 'POST') {
    return { statusCode: 404, headers: {}, body: JSON.stringify({ error: { code: 'ItemNotFound', message: `No simulated workbook at ${request.url}` } }) };
  }
  const body = typeof request.body === 'string' ? request.body : JSON.stringify(request.body);
  const delay = server.excel.syncDelayMs;
  if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
  return { statusCode: 200, headers: { 'CONTENT-TYPE': 'application/json' }, body: handleProcessQuery(server, body) };
}

/** Loads Microsoft's client into the page once (a script element) and routes its requests to `send`. */
export function loadPageClient(): Promise<PageClient> {
  loading ??= new Promise<PageClient>((resolve, reject) => {
    const script = document.createElement('script');
    script.src = CLIENT_URL.href;
    script.async = true;
    script.onload = () => {
      const client = window as unknown as Partial<PageClient>;
      if (typeof client.Excel?.run !== 'function' || typeof client.OfficeExtension?.HttpUtility?.setCustomSendRequestFunc !== 'function') {
        reject(new Error('Microsoft’s Excel client loaded but did not define Excel.run.'));
        return;
      }
      client.OfficeExtension.HttpUtility.setCustomSendRequestFunc(send);
      resolve(client as PageClient);
    };
    script.onerror = () => reject(new Error('Microsoft’s Excel client (office-js) could not be loaded from the workbench build.'));
    document.head.appendChild(script);
  });
  return loading;
}

/**
 * An Excel API for the adapter (`createOfficeHost`) over Microsoft's client in the page and
 * this simulated workbook. `release` forgets the workbook (when another is opened; a later
 * run answers again).
 */
export function pageClientExcel(excel: SimulatedExcel): ExcelApi & { release(): void } {
  const id = String(nextId++);
  const server = new WireWorkbook(excel);
  // A resolver rather than a URL: Excel.run then waits for its closing request.
  const session = { _resolveRequestUrlAndHeaderInfo: () => Promise.resolve({ url: `${URL_PREFIX}${id}`, headers: {} }) };
  return {
    async run<T>(options: Excel.RunOptions, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
      const client = await loadPageClient();
      servers.set(id, server);
      excel.runs += 1;
      excel.lastRunOptions = options;
      return client.Excel.run({ ...options, session }, batch);
    },
    isSetSupported: (name, version) => excel.isSetSupported(name, version),
    release: () => {
      servers.delete(id);
    },
  };
}
