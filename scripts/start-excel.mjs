#!/usr/bin/env node
/**
 * `npm run start:excel`: serves the add-in over https://localhost:3000 with trusted
 * development certificates and sideloads manifest.xml into desktop Excel.
 *   Windows: registers the manifest under HKCU\...\WEF\Developer, then opens Excel.
 *   macOS:   copies the manifest into Excel's "wef" folder, then opens Excel.
 * `npm run stop:excel` removes the sideloaded manifest again.
 * Excel on the web: see the README (upload manifest.xml from Home > Add-ins > More Add-ins).
 */
import { execFileSync, spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const manifestPath = path.join(root, 'manifest.xml');
const manifestId = /<Id>([^<]+)<\/Id>/.exec(readFileSync(manifestPath, 'utf8'))?.[1] ?? 'budget-monitor';
const port = 3000;
const macWefDir = path.join(os.homedir(), 'Library/Containers/com.microsoft.Excel/Data/Documents/wef');
const winKey = 'HKCU\\Software\\Microsoft\\Office\\16.0\\WEF\\Developer';

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
    try { execFileSync('reg', ['delete', winKey, '/v', manifestId, '/f'], { stdio: 'ignore' }); } catch { /* not registered */ }
  } else if (process.platform === 'darwin') {
    rmSync(path.join(macWefDir, `${manifestId}.manifest.xml`), { force: true });
  }
  console.log('Budget Monitor is no longer sideloaded.');
}

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.png': 'image/png', '.json': 'application/json', '.map': 'application/json', '.svg': 'image/svg+xml' };

async function serve() {
  execFileSync(process.execPath, [path.join(root, 'node_modules/webpack/bin/webpack.js'), '--mode', 'development'], { cwd: root, stdio: 'inherit' });
  const { getHttpsServerOptions } = await import('office-addin-dev-certs');
  const options = await getHttpsServerOptions();
  const dist = path.join(root, 'dist');
  https
    .createServer(options, (req, res) => {
      const urlPath = decodeURIComponent(new URL(req.url ?? '/', 'https://localhost').pathname);
      const file = path.join(dist, urlPath === '/' ? 'taskpane.html' : urlPath);
      if (!file.startsWith(dist) || !existsSync(file) || !statSync(file).isFile()) {
        res.writeHead(404).end('Not found');
        return;
      }
      res.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
      res.end(readFileSync(file));
    })
    .listen(port, () => {
      const how = sideload();
      console.log(`Budget Monitor is served at https://localhost:${port}/taskpane.html`);
      console.log(how ? `manifest.xml ${how}: open the Home tab and choose Budget Monitor.` : 'No desktop Excel on this platform: sideload manifest.xml into Excel on the web (see the README).');
    });
}

if (process.argv.includes('--stop')) unsideload();
else serve().catch((err) => {
  console.error(`Could not start the add-in: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
