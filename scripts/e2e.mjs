/**
 * `npm run test:e2e`: builds the workbench (production), serves it, and drives Debian's
 * Chromium with playwright-core through the officer's workflow in test/browser/*.mjs.
 * Prints one line per test and a closing "N passed, N failed"; exits non-zero on failure.
 * Options: --no-build (reuse dist/), --headed, --only=<part of a test file's name>[,<another>].
 */
import { mkdtempSync, rmSync, readdirSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { buildBundles, serveDist } from './start-workbench.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const STEP_TIMEOUT_MS = 30_000;

/** Launches Chromium with a fresh profile and no background traffic. */
export async function launchChromium(userDataDir, headed = false) {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium was not found at ${CHROMIUM}. Install it with: apt-get install -y chromium`);
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: !headed,
    viewport: { width: 1400, height: 900 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'].filter((a) => headed ? a !== '--headless' : true),
  });
}

async function main() {
  const args = new Set(process.argv.slice(2));
  if (!args.has('--no-build')) {
    console.log('Building (production)…');
    await buildBundles('production');
  }
  const { server, url } = await serveDist(0);
  const profile = mkdtempSync(path.join(tmpdir(), 'budget-monitor-e2e-'));
  const context = await launchChromium(profile, args.has('--headed'));
  context.setDefaultTimeout(STEP_TIMEOUT_MS);
  const page = context.pages()[0] ?? (await context.newPage());
  const pageErrors = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));

  const dir = path.join(root, 'test', 'browser');
  const only = [...args].find((a) => a.startsWith('--only='))?.slice('--only='.length).split(',');
  const files = readdirSync(dir).filter((f) => f.endsWith('.mjs') && (!only || only.some((part) => f.includes(part)))).sort();
  let passed = 0;
  let failed = 0;
  try {
    for (const file of files) {
      const suite = await import(pathToFileURL(path.join(dir, file)).href);
      const shared = { url, page, root, screenshots: path.join(root, 'assets', 'screenshots') };
      for (const test of suite.tests) {
        const started = Date.now();
        try {
          await test.run(shared);
          if (pageErrors.length > 0) throw new Error(`Page error: ${pageErrors.splice(0).join('; ')}`);
          passed++;
          console.log(`  ✓ ${file} › ${test.name} (${Date.now() - started} ms)`);
        } catch (error) {
          failed++;
          console.log(`  ✗ ${file} › ${test.name}\n      ${String(error instanceof Error ? error.message : error).split('\n').slice(0, 6).join('\n      ')}`);
        }
      }
    }
  } finally {
    await context.close();
    server.close();
    rmSync(profile, { recursive: true, force: true });
  }
  console.log(`\n${passed} passed, ${failed} failed`);
  process.exit(failed > 0 || passed === 0 ? 1 : 0);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : String(error));
    console.log('\n0 passed, 1 failed');
    process.exit(1);
  });
}
