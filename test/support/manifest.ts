/** Helpers for the manifest tests: office-addin-manifest's reader, element order, PNG sizes. */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ManifestInfo } from 'office-addin-manifest';

export const ROOT = path.resolve(__dirname, '../..');

/**
 * office-addin-manifest's readManifestFile, run in plain Node: the library eagerly loads
 * ESM-only dependencies (for JSON manifests) that jest's CommonJS runtime cannot require.
 * (Its `validate` asks an online service, which cannot run here.)
 */
export function readManifestInfo(file: string): ManifestInfo {
  const script =
    "require('office-addin-manifest').OfficeAddinManifest.readManifestFile(process.argv[1])" +
    '.then((info) => process.stdout.write(JSON.stringify(info)))';
  return JSON.parse(execFileSync(process.execPath, ['-e', script, file], { cwd: ROOT, encoding: 'utf8' })) as ManifestInfo;
}

/** Names of the direct children of the root element, in document order. */
export function rootChildren(text: string): string[] {
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
export function pngSize(file: string): { width: number; height: number } {
  const buf = readFileSync(file);
  if (buf.subarray(1, 4).toString('ascii') !== 'PNG') throw new Error(`${file} is not a PNG`);
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

/** The element order the manifest schema requires of a task pane add-in's root's children. */
export const ROOT_ORDER = [
  'Id', 'Version', 'ProviderName', 'DefaultLocale', 'DisplayName', 'Description', 'IconUrl',
  'HighResolutionIconUrl', 'SupportUrl', 'AppDomains', 'Hosts', 'Requirements', 'DefaultSettings',
  'Permissions', 'VersionOverrides',
];
