/**
 * Loads Microsoft's Excel JavaScript client (`@microsoft/office-js`, a devDependency) in
 * Node, outside Office: the script is run unchanged against a small stand-in for the
 * browser's `window`, so that its `Excel` and `OfficeExtension` can send each
 * `context.sync()` as an HTTP request that we answer (see ./excel.ts). Tests, benchmarks
 * and scripts only: never part of the task pane's bundle.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/** The part of Microsoft's client this project drives. */
export interface OfficeClient {
  readonly Excel: {
    run<T>(options: object, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
    RequestContext: new (url?: unknown) => Excel.RequestContext;
  };
  readonly OfficeExtension: {
    HttpUtility: { setCustomSendRequestFunc(send: (request: HttpRequestInfo) => Promise<HttpResponseInfo>): void };
    Error: new (...args: never[]) => Error;
  };
  /** Which build of the client this is, e.g. `excel-web-16.00`. */
  readonly build: string;
}

/** What the client hands its send function (OfficeExtension.RequestInfo). */
export interface HttpRequestInfo {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: unknown;
}

/** What the send function gives back (OfficeExtension.ResponseInfo). */
export interface HttpResponseInfo {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
}

/** The Excel hosts whose client builds can be loaded (each is `dist/excel-<build>.debug.js`). */
export type ClientBuild = 'web-16.00' | 'win32-16.01' | 'mac-16.00';

const loaded = new Map<ClientBuild, OfficeClient>();

function clientFile(build: ClientBuild): string {
  const requireHere = typeof require === 'function' ? require : createRequire(path.join(process.cwd(), 'package.json'));
  const dir = path.dirname(requireHere.resolve('@microsoft/office-js/package.json'));
  return path.join(dir, 'dist', `excel-${build}.debug.js`);
}

/**
 * Microsoft's client for one Excel host, loaded once per build. Its globals (`var Excel`,
 * `OSF`, `Office`, …) land on a private stand-in `window`, never on Node's global object:
 * the script runs inside `with (window)` over a proxy that claims every name Node's global
 * does not have, as a browser's window would.
 */
export function loadOfficeClient(build: ClientBuild = 'web-16.00'): OfficeClient {
  const cached = loaded.get(build);
  if (cached) return cached;
  const source = readFileSync(clientFile(build), 'utf8');
  const window: Record<string | symbol, unknown> = { navigator: { userAgent: 'Node.js (Budget Monitor tests)', language: 'en-GB' } };
  window.window = window;
  window.self = window;
  const scope = new Proxy(window, {
    has: (target, key) => typeof key === 'string' && (key in target || !(key in globalThis)),
    get: (target, key) => (key === Symbol.unscopables ? undefined : target[key]),
  });
  // The client is a classic browser script that expects to run at a window's top level.
  // eslint-disable-next-line no-new-func
  const run = new Function(`with (this) {\n${source}\n}`) as (this: object) => void;
  run.call(scope);
  const client = { Excel: window.Excel, OfficeExtension: window.OfficeExtension, build: `excel-${build}` } as OfficeClient;
  if (typeof client.Excel?.run !== 'function' || typeof client.OfficeExtension?.HttpUtility?.setCustomSendRequestFunc !== 'function') {
    throw new Error(`@microsoft/office-js (${build}) did not define Excel.run and OfficeExtension.HttpUtility`);
  }
  loaded.set(build, client);
  return client;
}
