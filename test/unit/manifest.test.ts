/**
 * The add-in manifest: office-addin-manifest's online `validate` cannot run here, so this
 * reads the manifest with the same library and checks the fields and the schema's element
 * order that Office rejects a manifest for. The generated production manifest:
 * manifest-origin.test.ts.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT as root, ROOT_ORDER, pngSize, readManifestInfo, rootChildren } from '../support/manifest';

const manifestPath = path.join(root, 'manifest.xml');
const xml = readFileSync(manifestPath, 'utf8');

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
    expect(info.highResolutionIconUrl).toBe('https://localhost:3000/assets/icon-64.png');
  });

  it('asks for ExcelApi 1.8, the highest set the adapter uses unconditionally', () => {
    const sets = [...xml.matchAll(/<Set Name="([^"]+)" MinVersion="([^"]+)"\s*\/>/g)].map((m) => [m[1], m[2]]);
    expect(sets).toEqual([['ExcelApi', '1.8']]);
  });

  it('keeps the element order the schema requires', () => {
    expect(rootChildren(xml)).toEqual(ROOT_ORDER);
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
  });

  it('has a 32 × 32 IconUrl and a 64 × 64 HighResolutionIconUrl, the sizes for a task pane add-in', () => {
    const icon = /<IconUrl DefaultValue="https:\/\/localhost:3000\/(assets\/[^"]+)"\/>/.exec(xml)?.[1];
    const high = /<HighResolutionIconUrl DefaultValue="https:\/\/localhost:3000\/(assets\/[^"]+)"\/>/.exec(xml)?.[1];
    expect(pngSize(path.join(root, icon!))).toEqual({ width: 32, height: 32 });
    expect(pngSize(path.join(root, high!))).toEqual({ width: 64, height: 64 });
  });
});
