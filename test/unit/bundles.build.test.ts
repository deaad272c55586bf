/**
 * The production build (npm run test:slow): the task pane's bundle carries neither
 * HyperFormula nor Microsoft's Excel client (in Excel, Office.js comes from the Office CDN);
 * the workbench page loads Microsoft's client from its own build output, a byte-for-byte
 * copy of @microsoft/office-js/dist, and nothing from the network.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import webpack from 'webpack';

const ROOT = path.resolve(__dirname, '../..');
const CLIENT = 'excel-web-16.00.js';

let dist = '';

beforeAll(async () => {
  dist = mkdtempSync(path.join(tmpdir(), 'budget-monitor-build-'));
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the project's CommonJS webpack config
  const config = (require(path.join(ROOT, 'webpack.config.js')) as (env: object, argv: object) => webpack.Configuration)({}, { mode: 'production' });
  config.output = { ...config.output, path: dist };
  await new Promise<void>((resolve, reject) => {
    const compiler = webpack(config);
    compiler.run((error, stats) => {
      compiler.close(() => {
        if (error) reject(error);
        else if (stats?.hasErrors()) reject(new Error(stats.toString({ all: false, errors: true })));
        else resolve();
      });
    });
  });
}, 300_000);

afterAll(() => {
  if (dist) rmSync(dist, { recursive: true, force: true });
});

const scriptsOf = (page: string): string[] => [...readFileSync(path.join(dist, page), 'utf8').matchAll(/<script[^>]*\bsrc=["']?([^"' >]+)/g)].map((m) => m[1]!);

test('the task pane bundle has neither HyperFormula nor Microsoft’s Excel client', () => {
  const local = scriptsOf('taskpane.html').filter((src) => !/^https:\/\//.test(src));
  expect(local.length).toBeGreaterThan(0);
  for (const src of local) {
    expect(src).not.toMatch(/office-js/);
    const text = readFileSync(path.join(dist, src), 'utf8');
    expect(text).not.toMatch(/HyperFormula|licenseKey.{0,40}gpl-v3/);
    // Strings of the client's runtime (its request executor and custom send function).
    expect(text).not.toMatch(/setCustomSendRequestFunc|ProcessQuery|office-js\//);
  }
});

test('the workbench loads Microsoft’s client from its own build, copied unchanged, and nothing from the network', () => {
  const copy = path.join(dist, 'office-js', CLIENT);
  expect(readFileSync(copy).equals(readFileSync(path.join(ROOT, 'node_modules/@microsoft/office-js/dist', CLIENT)))).toBe(true);
  expect(readdirSync(path.join(dist, 'office-js'))).toEqual([CLIENT]);
  const scripts = scriptsOf('workbench.html');
  expect(scripts.filter((src) => /^(https?:)?\/\//.test(src))).toEqual([]);
  const bundle = scripts.map((src) => readFileSync(path.join(dist, src), 'utf8')).join('\n');
  expect(bundle).toContain(`office-js/${CLIENT}`);
});
