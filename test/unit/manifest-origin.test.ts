/**
 * The production manifest: `npm run build -- --env origin=https://host/path` writes
 * dist/manifest.xml through webpack.config.js's EmitManifestPlugin (scripts/manifest.cjs).
 * This asks the webpack config itself for that manifest, without a build, and reads it with
 * office-addin-manifest as manifest.test.ts reads the development one.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ManifestInfo } from 'office-addin-manifest';
import { addinBase, manifestFor } from '../../scripts/manifest.cjs';
import { ROOT, ROOT_ORDER, pngSize, readManifestInfo, rootChildren } from '../support/manifest';

interface Plugin { constructor: { name: string }; manifest?: () => string; userOptions?: { filename?: string } }
type WebpackConfig = (env: Record<string, unknown>, argv: { mode: string }) => { plugins: Plugin[] };

const loadConfig = createRequire(__filename)(path.join(ROOT, 'webpack.config.js')) as WebpackConfig;
const devXml = readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');
const withoutComments = (text: string) => text.replace(/<!--[\s\S]*?-->\n?/g, '');

/** The manifest the production build writes for `origin`, from the config's plugin. */
function builtManifest(origin: string): string {
  const plugin = loadConfig({ origin }, { mode: 'production' }).plugins.find((p) => p.constructor.name === 'EmitManifestPlugin');
  expect(plugin?.manifest).toBeDefined();
  return plugin!.manifest!();
}

/** office-addin-manifest's reading of a manifest given as text. */
function read(xml: string): ManifestInfo {
  const dir = mkdtempSync(path.join(tmpdir(), 'budget-monitor-manifest-'));
  try {
    const file = path.join(dir, 'manifest.xml');
    writeFileSync(file, xml);
    return readManifestInfo(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('the production manifest (--env origin=…)', () => {
  const origin = 'https://example.org/budget';
  const xml = builtManifest(origin);

  it('reads as a valid add-in manifest with every URL on the origin', () => {
    const info = read(xml);
    const dev = read(devXml);
    expect(info.defaultSettings?.sourceLocation).toBe(`${origin}/taskpane.html`);
    expect(info.iconUrl).toBe(`${origin}/assets/icon-32.png`);
    expect(info.highResolutionIconUrl).toBe(`${origin}/assets/icon-64.png`);
    expect(info.supportUrl).toBe(`${origin}/help.html`);
    expect(info.appDomains).toEqual(['https://example.org']);
    // Everything else is the development manifest's.
    for (const key of ['id', 'version', 'providerName', 'displayName', 'description', 'defaultLocale', 'hosts', 'permissions', 'officeAppType'] as const) {
      expect(info[key]).toEqual(dev[key]);
    }
    expect(rootChildren(xml)).toEqual(ROOT_ORDER);
  });

  it('leaves no development address, and moves every URL but the XML namespaces', () => {
    expect(withoutComments(xml)).not.toMatch(/localhost/i);
    const urls = [...withoutComments(xml).matchAll(/https?:\/\/[^"<\s]+/g)].map((m) => m[0]);
    const moved = urls.filter((u) => !u.startsWith('http://schemas.microsoft.com/') && !u.startsWith('http://www.w3.org/'));
    expect(moved.length).toBeGreaterThanOrEqual(10);
    for (const url of moved) expect(url === 'https://example.org' || url.startsWith(`${origin}/`)).toBe(true);
    // The same document otherwise: moving the URLs back gives manifest.xml.
    expect(withoutComments(xml.split(`${origin}/`).join('https://localhost:3000/').replace('<AppDomain>https://example.org</AppDomain>', '<AppDomain>https://localhost:3000</AppDomain>')))
      .toBe(withoutComments(devXml));
  });

  it('points only at files the build writes', () => {
    const plugins = loadConfig({ origin }, { mode: 'production' }).plugins;
    const pages = plugins.map((p) => p.userOptions?.filename).filter(Boolean);
    for (const [, rel] of withoutComments(xml).matchAll(new RegExp(`"${origin}/([^"]+)"`, 'g'))) {
      if (rel!.startsWith('assets/')) {
        const size = /icon-(\d+)\.png$/.exec(rel!)?.[1];
        expect(pngSize(path.join(ROOT, rel!))).toEqual({ width: Number(size), height: Number(size) });
      } else {
        expect(pages).toContain(rel);
      }
    }
  });

  it('is written only when an origin is given', () => {
    expect(loadConfig({}, { mode: 'production' }).plugins.map((p) => p.constructor.name)).not.toContain('EmitManifestPlugin');
  });
});

describe('scripts/manifest.cjs', () => {
  it('takes an origin with or without a path or trailing slash', () => {
    expect(addinBase('https://example.org')).toBe('https://example.org');
    expect(addinBase('https://example.org/')).toBe('https://example.org');
    expect(addinBase('https://example.org/budget/')).toBe('https://example.org/budget');
    expect(addinBase('https://addins.example.org:8443/a/b')).toBe('https://addins.example.org:8443/a/b');
    const info = read(manifestFor(devXml, 'https://example.org:8443/'));
    expect(info.defaultSettings?.sourceLocation).toBe('https://example.org:8443/taskpane.html');
    expect(info.appDomains).toEqual(['https://example.org:8443']);
  });

  it('escapes what XML needs escaped', () => {
    const xml = manifestFor(devXml, "https://example.org/a&b'c");
    expect(xml).toContain('DefaultValue="https://example.org/a&amp;b&apos;c/taskpane.html"');
    expect(read(xml).defaultSettings?.sourceLocation).toBe("https://example.org/a&b'c/taskpane.html");
  });

  it('refuses what Office cannot load from or what would corrupt every URL', () => {
    expect(() => manifestFor(devXml, 'http://example.org')).toThrow(/https/);
    expect(() => manifestFor(devXml, 'example.org')).toThrow(/absolute https/);
    expect(() => manifestFor(devXml, 'https://example.org/?v=1')).toThrow(/query/);
    expect(() => manifestFor(devXml, 'https://user@example.org/')).toThrow(/user name/);
    expect(() => loadConfig({ origin: 'http://example.org' }, { mode: 'production' })).toThrow(/https/);
  });

  it('refuses a manifest with a development address it does not know how to move', () => {
    expect(() => manifestFor(devXml.replace('</Description>', '</Description><!-- ok: https://localhost:3000 -->'), 'https://example.org')).not.toThrow();
    expect(() => manifestFor(devXml.replace('"https://localhost:3000/help.html"', '"https://localhost:3000?help"'), 'https://example.org')).toThrow(/does not move/);
  });
});
