/**
 * A real production build for another address (`npm run build -- --env origin=…`, written to a
 * scratch folder rather than dist/): dist/manifest.xml has every URL on that address, and the
 * built taskpane.html loads only Office.js from the CDN and its own bundle, under a CSP that
 * allows the CDN, its one inline script by hash, and nothing else remote. (npm run test:slow)
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ROOT, readManifestInfo } from '../../support/manifest';

const OFFICE_JS = 'https://officeapis.public.onecdn.static.microsoft/1/office.js';
const CDN = new URL(OFFICE_JS).origin;
const ORIGIN = 'https://addins.example.org/budget';

describe('npm run build -- --env origin=…', () => {
  const out = mkdtempSync(path.join(tmpdir(), 'budget-monitor-build-'));
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  beforeAll(() => {
    const webpack = path.join(ROOT, 'node_modules', 'webpack-cli', 'bin', 'cli.js');
    const r = spawnSync(process.execPath, [webpack, '--mode', 'production', '--env', `origin=${ORIGIN}`, '--output-path', out], { cwd: ROOT, encoding: 'utf8', timeout: 300_000 });
    if (r.status !== 0) throw new Error(`webpack failed:\n${r.stdout}\n${r.stderr}`);
  }, 300_000);

  it('writes the manifest for that address, with icons and pages that exist', () => {
    const info = readManifestInfo(path.join(out, 'manifest.xml'));
    expect(info.defaultSettings?.sourceLocation).toBe(`${ORIGIN}/taskpane.html`);
    expect(info.highResolutionIconUrl).toBe(`${ORIGIN}/assets/icon-64.png`);
    expect(info.appDomains).toEqual(['https://addins.example.org']);
    const xml = readFileSync(path.join(out, 'manifest.xml'), 'utf8').replace(/<!--[\s\S]*?-->/g, '');
    expect(xml).not.toMatch(/localhost/);
    for (const [, rel] of xml.matchAll(new RegExp(`"${ORIGIN}/([^"]+)"`, 'g'))) expect(existsSync(path.join(out, rel!))).toBe(true);
  });

  it('builds a task pane page whose CSP allows the CDN script and nothing else remote', () => {
    const html = readFileSync(path.join(out, 'taskpane.html'), 'utf8');
    const external = [...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((m) => m[1]!);
    expect(external[0]).toBe(OFFICE_JS);
    expect(external.slice(1)).toEqual([expect.stringMatching(/^taskpane\.[0-9a-f]{8}\.js$/)]);
    const inline = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => `'sha256-${createHash('sha256').update(m[1]!, 'utf8').digest('base64')}'`);
    expect(inline).toHaveLength(1);
    const csp = new Map(/<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)![1]!.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k!, v]));
    expect(csp.get('script-src')).toEqual(["'self'", CDN, ...inline]);
    expect([...csp.values()].flat().filter((v) => /^(https?:|wss?:|\*)/.test(v) && v !== CDN)).toEqual([]);
    expect([...csp.values()].flat()).not.toContain("'unsafe-eval'");
  });
});
