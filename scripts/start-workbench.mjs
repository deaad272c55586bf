/**
 * `npm start`: builds the add-in and the workbench, serves dist/ on localhost and prints the
 * workbench's address. Needs no Excel. Options: --production (default: development build),
 * --no-build (serve what is already in dist/), PORT=3000.
 * Also imported by scripts/e2e.mjs and the bundle benchmark for `buildBundles` and `serveDist`.
 */
import { createServer } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const distDir = path.join(root, 'dist');
const require = createRequire(import.meta.url);

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.map': 'application/json',
  '.png': 'image/png',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** Runs webpack with the project's config; resolves with the stats, rejects with webpack's own errors. */
export function buildBundles(mode = 'development') {
  const webpack = require('webpack');
  const config = require(path.join(root, 'webpack.config.js'))({}, { mode });
  const compiler = webpack(config);
  return new Promise((resolve, reject) => {
    compiler.run((err, stats) => {
      // Closing releases the minimizer's worker threads, so callers can exit normally.
      compiler.close(() => {
        if (err) return reject(err);
        if (stats.hasErrors()) return reject(new Error(stats.toString({ all: false, errors: true, errorDetails: false })));
        resolve(stats);
      });
    });
  });
}

/**
 * A static file server for dist/, on localhost only. Resolves with { server, url }.
 * With `tls` (key and certificate) it serves https, as Office requires of an add-in.
 */
export function serveDist(port = Number(process.env.PORT ?? 3000), dir = distDir, tls = undefined) {
  const handler = (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const rel = decodeURIComponent(url.pathname) === '/' ? '/workbench.html' : decodeURIComponent(url.pathname);
    const file = path.resolve(dir, `.${rel}`);
    if (!file.startsWith(dir + path.sep) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('Not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    createReadStream(file).pipe(res);
  };
  const server = tls ? createTlsServer(tls, handler) : createServer(handler);
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const actual = server.address().port;
      resolve({ server, url: `${tls ? 'https' : 'http'}://localhost:${actual}` });
    });
  });
}

async function main() {
  const args = new Set(process.argv.slice(2));
  const mode = args.has('--production') ? 'production' : 'development';
  if (!args.has('--no-build')) {
    console.log(`Building the task pane and the workbench (${mode})…`);
    await buildBundles(mode);
  } else if (!existsSync(path.join(distDir, 'workbench.html'))) {
    throw new Error('dist/ has no build yet: run without --no-build.');
  }
  let served;
  try {
    served = await serveDist();
  } catch (error) {
    if (error?.code !== 'EADDRINUSE') throw error;
    console.log(`Port ${process.env.PORT ?? 3000} is in use; using a free port instead.`);
    served = await serveDist(0);
  }
  console.log(`\nBudget Monitor workbench: ${served.url}/workbench.html`);
  console.log(`Task pane (for Excel; needs Office): ${served.url}/taskpane.html`);
  console.log('Press Ctrl+C to stop.');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  });
}
