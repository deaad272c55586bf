/**
 * The production task-pane bundle: JS size gzipped (target ≤ 350 KB), proof that neither
 * HyperFormula nor exceljs is in it, and the time to first render of the task pane in
 * Chromium (the real taskpane.html, with Office.js answered by a tiny stand-in so no
 * network is needed; the pane renders before its first Excel call returns).
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = path.resolve(__dirname, '../..');
const TARGET_KB = 350;
const RENDER_RUNS = 5;

/** Office.js stand-in: ready at once, light theme, and an Excel.run that never answers. */
const OFFICE_STANDIN = `
window.Office = {
  onReady: (cb) => Promise.resolve(cb ? cb({ host: 'Excel', platform: 'PC' }) : { host: 'Excel' }),
  context: { officeTheme: { bodyBackgroundColor: '#ffffff' }, requirements: { isSetSupported: () => false } },
};
window.Excel = { run: () => new Promise(() => {}) };
`;

/** Strings only HyperFormula or exceljs bring with them. */
const FORBIDDEN = [/HyperFormula/, /licenseKey.{0,40}gpl-v3/, /exceljs/i, /SheetJS|xlsx\.writeBuffer/];

interface StartWorkbench {
  buildBundles(mode: string): Promise<unknown>;
  serveDist(port: number): Promise<{ server: { close(): void }; url: string }>;
}

export default async function run(): Promise<void> {
  const start = (await import(pathToFileURL(path.join(root, 'scripts/start-workbench.mjs')).href)) as StartWorkbench;
  const built = Date.now();
  await start.buildBundles('production');
  console.log(`production build: ${((Date.now() - built) / 1000).toFixed(1)} s`);

  const dist = path.join(root, 'dist');
  const html = readFileSync(path.join(dist, 'taskpane.html'), 'utf8');
  const scripts = [...html.matchAll(/<script[^>]*\bsrc=["']?([^"' >]+)/g)].map((m) => m[1]!).filter((src) => !/^https?:/.test(src));
  let raw = 0;
  let gz = 0;
  const offenders: string[] = [];
  const evalUses: string[] = [];
  for (const src of scripts) {
    const body = readFileSync(path.join(dist, src));
    raw += body.length;
    gz += gzipSync(body, { level: 9 }).length;
    const text = body.toString('utf8');
    for (const re of FORBIDDEN) if (re.test(text)) offenders.push(`${src} matches ${re}`);
    // The CSP forbids eval; React's own handling of the dangerouslySetInnerHTML prop is not a use of it.
    for (const re of [/\beval\(/, /new Function\(/]) if (re.test(text)) evalUses.push(`${src} matches ${re}`);
  }
  const workbenchJs = readdirSync(dist).filter((f) => f.startsWith('workbench.') && f.endsWith('.js'));
  const workbenchGz = workbenchJs.reduce((n, f) => n + gzipSync(readFileSync(path.join(dist, f)), { level: 9 }).length, 0);

  const firstRender = await timeFirstRender(start);
  if (scripts.length === 0) throw new Error('dist/taskpane.html names no local script: the build did not produce the task pane.');
  const rows: [string, string][] = [
    ['task-pane JS files', scripts.join(', ')],
    ['task-pane JS raw', `${(raw / 1024).toFixed(1)} KB`],
    ['task-pane JS gzipped', `${(gz / 1024).toFixed(1)} KB (target ≤ ${TARGET_KB} KB: ${gz / 1024 <= TARGET_KB ? 'met' : 'MISSED'})`],
    ['HyperFormula / exceljs in task pane', offenders.length === 0 ? 'none' : offenders.join('; ')],
    ['eval / new Function in task pane', evalUses.length === 0 ? 'none' : evalUses.join('; ')],
    ['workbench JS gzipped (not shipped to Excel)', `${(workbenchGz / 1024).toFixed(1)} KB`],
    ['task pane first render, Chromium (median of runs)', firstRender ? `${firstRender.median.toFixed(0)} ms (runs: ${firstRender.runs.map((t) => t.toFixed(0)).join(', ')})` : 'skipped: /usr/bin/chromium not installed'],
  ];
  for (const [k, v] of rows) console.log(`${k.padEnd(50)} ${v}`);
  console.log(JSON.stringify({ suite: 'bundle', taskpaneJsGzipBytes: gz, taskpaneJsRawBytes: raw, targetKb: TARGET_KB, forbiddenFound: offenders, evalFound: evalUses, workbenchJsGzipBytes: workbenchGz, firstRenderMs: firstRender?.median ?? null }));
}

async function timeFirstRender(start: StartWorkbench): Promise<{ median: number; runs: number[] } | undefined> {
  const { existsSync } = await import('node:fs');
  if (!existsSync('/usr/bin/chromium')) return undefined;
  const { chromium } = await import('playwright-core');
  const { server, url } = await start.serveDist(0);
  const profile = mkdtempSync(path.join(tmpdir(), 'budget-monitor-bench-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    viewport: { width: 320, height: 800 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    await context.route('https://officeapis.public.onecdn.static.microsoft/**', (route) => route.fulfill({ contentType: 'text/javascript', body: OFFICE_STANDIN }));
    // Records the moment the pane's root element first enters the page.
    await context.addInitScript(() => {
      const w = window as unknown as { __paneRenderedAt?: number };
      new MutationObserver((_m, observer) => {
        if (document.querySelector('[data-testid="task-pane"]')) {
          w.__paneRenderedAt = performance.now();
          observer.disconnect();
        }
      }).observe(document, { childList: true, subtree: true });
    });
    const runs: number[] = [];
    for (let i = 0; i < RENDER_RUNS; i++) {
      const page = await context.newPage();
      await page.goto(`${url}/taskpane.html`);
      await page.waitForSelector('[data-testid="task-pane"]');
      runs.push(await page.evaluate(() => (window as unknown as { __paneRenderedAt: number }).__paneRenderedAt));
      await page.close();
    }
    const sorted = [...runs].sort((a, b) => a - b);
    return { median: sorted[Math.floor(sorted.length / 2)]!, runs };
  } finally {
    await context.close();
    server.close();
    rmSync(profile, { recursive: true, force: true });
  }
}
