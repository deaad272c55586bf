/**
 * The add-in manifest: office-addin-manifest's online `validate` cannot run here, so this
 * reads the manifest with the same library and checks the fields and the schema's element
 * order that Office rejects a manifest for.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ManifestInfo } from 'office-addin-manifest';

const root = path.resolve(__dirname, '../..');
const manifestPath = path.join(root, 'manifest.xml');
const xml = readFileSync(manifestPath, 'utf8');

/**
 * office-addin-manifest's readManifestFile, run in plain Node: the library eagerly loads
 * ESM-only dependencies (for JSON manifests) that jest's CommonJS runtime cannot require.
 */
function readManifestInfo(file: string): ManifestInfo {
  const script =
    "require('office-addin-manifest').OfficeAddinManifest.readManifestFile(process.argv[1])" +
    '.then((info) => process.stdout.write(JSON.stringify(info)))';
  return JSON.parse(execFileSync(process.execPath, ['-e', script, file], { cwd: root, encoding: 'utf8' })) as ManifestInfo;
}

/** Names of the direct children of the root element, in document order. */
function rootChildren(text: string): string[] {
  const body = text.replace(/<!--[\s\S]*?-->/g, '').replace(/<\?[\s\S]*?\?>/g, '');
  const names: string[] = [];
  let depth = 0;
  for (const m of body.matchAll(/<(\/?)([A-Za-z][\w:.]*)[^>]*?(\/?)>/g)) {
    const [, closing, name, selfClosing] = m;
    if (closing) {
      depth--;
      continue;
    }
    if (depth === 1) names.push(name!);
    if (!selfClosing) depth++;
  }
  return names;
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const buf = readFileSync(file);
  expect(buf.subarray(1, 4).toString('ascii')).toBe('PNG');
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

describe('manifest.xml', () => {
  it('has the key fields Office needs', () => {
    const info = readManifestInfo(manifestPath);
    expect(info.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
    expect(info.version).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(info.providerName).toBe('Budget Monitor');
    expect(info.displayName).toBe('Budget Monitor');
    expect(info.defaultLocale).toBe('en-GB');
    expect(info.hosts).toEqual(['Workbook']);
    expect(info.permissions).toBe('ReadWriteDocument');
    expect(info.defaultSettings?.sourceLocation).toBe('https://localhost:3000/taskpane.html');
    expect(info.iconUrl).toBe('https://localhost:3000/assets/icon-32.png');
    expect(info.highResolutionIconUrl).toBe('https://localhost:3000/assets/icon-80.png');
  });

  it('asks for ExcelApi 1.8, the highest set the adapter uses unconditionally', () => {
    const sets = [...xml.matchAll(/<Set Name="([^"]+)" MinVersion="([^"]+)"\s*\/>/g)].map((m) => [m[1], m[2]]);
    expect(sets).toEqual([['ExcelApi', '1.8']]);
  });

  it('keeps the element order the schema requires', () => {
    expect(rootChildren(xml)).toEqual([
      'Id', 'Version', 'ProviderName', 'DefaultLocale', 'DisplayName', 'Description', 'IconUrl',
      'HighResolutionIconUrl', 'SupportUrl', 'AppDomains', 'Hosts', 'Requirements', 'DefaultSettings',
      'Permissions', 'VersionOverrides',
    ]);
  });

  it('has a Home-tab button that shows the task pane', () => {
    expect(xml).toMatch(/<OfficeTab id="TabHome">/);
    expect(xml).toMatch(/<Action xsi:type="ShowTaskpane">[\s\S]*<SourceLocation resid="Taskpane.Url"\/>/);
    expect(xml).toContain('<bt:Url id="Taskpane.Url" DefaultValue="https://localhost:3000/taskpane.html"/>');
  });

  it('points at icons that exist in assets/ at the sizes named', () => {
    const images = [...xml.matchAll(/<bt:Image id="Icon\.(\d+)x\d+" DefaultValue="https:\/\/localhost:3000\/(assets\/[^"]+)"\/>/g)];
    expect(images.map((m) => m[1])).toEqual(['16', '32', '80']);
    for (const [, size, rel] of images) {
      expect(pngSize(path.join(root, rel!))).toEqual({ width: Number(size), height: Number(size) });
    }
    expect(pngSize(path.join(root, 'assets/icon-32.png'))).toEqual({ width: 32, height: 32 });
  });
});
