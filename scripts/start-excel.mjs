#!/usr/bin/env node
/**
 * `npm run start:excel`: serves the add-in over https://localhost:3000 with trusted
 * development certificates (office-addin-dev-certs) and sideloads manifest.xml into
 * desktop Excel.
 *   Windows: registers the manifest under HKCU\...\WEF\Developer, then opens Excel.
 *   macOS:   copies the manifest into Excel's "wef" folder, then opens Excel.
 * `npm run stop:excel` removes the sideloaded manifest again.
 * Excel on the web: see the README (upload manifest.xml from Home > Add-ins > More Add-ins).
 */
import { execFileSync, spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildBundles, serveDist } from './start-workbench.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const manifestPath = path.join(root, 'manifest.xml');
const manifestId = /<Id>([^<]+)<\/Id>/.exec(readFileSync(manifestPath, 'utf8'))?.[1] ?? 'budget-monitor';
const macWefDir = path.join(os.homedir(), 'Library/Containers/com.microsoft.Excel/Data/Documents/wef');
const winKey = 'HKCU\\Software\\Microsoft\\Office\\16.0\\WEF\\Developer';

/** Tells Excel where the manifest is; returns what was done, or undefined where there is no desktop Excel. */
function sideload() {
  if (process.platform === 'win32') {
    execFileSync('reg', ['add', winKey, '/v', manifestId, '/t', 'REG_SZ', '/d', manifestPath, '/f'], { stdio: 'ignore' });
    spawn('cmd', ['/c', 'start', 'excel'], { detached: true, stdio: 'ignore' }).unref();
    return 'registered with Excel for Windows';
  }
  if (process.platform === 'darwin') {
    mkdirSync(macWefDir, { recursive: true });
    copyFileSync(manifestPath, path.join(macWefDir, `${manifestId}.manifest.xml`));
    spawn('open', ['-a', 'Microsoft Excel'], { detached: true, stdio: 'ignore' }).unref();
    return 'copied into Excel for Mac';
  }
  return undefined;
}

function unsideload() {
  if (process.platform === 'win32') {
    try {
      execFileSync('reg', ['delete', winKey, '/v', manifestId, '/f'], { stdio: 'ignore' });
    } catch {
      // Not registered: nothing to remove.
    }
  } else if (process.platform === 'darwin') {
    rmSync(path.join(macWefDir, `${manifestId}.manifest.xml`), { force: true });
  }
  console.log('Budget Monitor is no longer sideloaded.');
}

async function start() {
  console.log('Building the add-in…');
  await buildBundles('development');
  const { getHttpsServerOptions } = await import('office-addin-dev-certs');
  const served = await serveDist(3000, undefined, await getHttpsServerOptions());
  const how = sideload();
  console.log(`Budget Monitor is served at ${served.url}/taskpane.html`);
  console.log(how ? `manifest.xml ${how}: on the Home tab choose Budget Monitor.` : 'No desktop Excel here: sideload manifest.xml into Excel on the web (see the README).');
  console.log('Press Ctrl+C to stop; `npm run stop:excel` removes the sideload.');
}

if (process.argv.includes('--stop')) unsideload();
else
  start().catch((err) => {
    console.error(`Could not start the add-in: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  });
