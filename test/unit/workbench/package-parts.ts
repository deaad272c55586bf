/** The parts of an .xlsx package, inflated, for part-by-part comparisons in the Download tests. */
import { nodeZipCodec } from '../../../src/host/xlsx/fast/node-codec';
import { readDirectory } from '../../../src/host/xlsx/fast/zip';

export function packageParts(bytes: Uint8Array): Map<string, Buffer> {
  const directory = readDirectory(bytes);
  const out = new Map<string, Buffer>();
  for (const name of directory.names) {
    const raw = directory.raw(name)!;
    out.set(name, Buffer.from(raw.method === 8 ? nodeZipCodec.inflateRaw(raw.data, raw.unpacked) : raw.data));
  }
  return out;
}

/** The names of the parts that differ (added, removed or changed). */
export function differingParts(a: Map<string, Buffer>, b: Map<string, Buffer>): string[] {
  const names = new Set([...a.keys(), ...b.keys()]);
  return [...names].filter((n) => !a.has(n) || !b.has(n) || !a.get(n)!.equals(b.get(n)!)).sort();
}

/** Each `<c>` element of a sheet part by its reference. */
export function cellElements(xml: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of xml.matchAll(/<(\w+:)?c(?=[\s/>])(?:[^>]*?\/>|[^>]*>[\s\S]*?<\/\1c>)/g)) {
    const ref = /\sr="([A-Z]+\d+)"/.exec(m[0])?.[1];
    if (ref) out.set(ref, m[0]);
  }
  return out;
}

/** The references whose `<c>` elements differ between two versions of a sheet part. */
export function differingCells(before: string, after: string): string[] {
  const a = cellElements(before);
  const b = cellElements(after);
  return [...new Set([...a.keys(), ...b.keys()])].filter((r) => a.get(r) !== b.get(r)).sort();
}

/** The sheet part's text outside <sheetData>. */
export function outsideSheetData(xml: string): string {
  return xml.replace(/<(\w+:)?sheetData\b(?:[^>]*?\/>|[^>]*>[\s\S]*?<\/\1sheetData>)/, '<sheetData/>');
}

/** Sheet name -> its part's name, from the workbook part and its relationships. */
export function sheetParts(parts: Map<string, Buffer>): Map<string, string> {
  const workbook = parts.get('xl/workbook.xml')!.toString('utf8');
  const rels = parts.get('xl/_rels/workbook.xml.rels')!.toString('utf8');
  const targets = new Map([...rels.matchAll(/<Relationship\b[^>]*>/g)].map((m) => [/\sId="([^"]*)"/.exec(m[0])![1]!, /\sTarget="([^"]*)"/.exec(m[0])![1]!]));
  const out = new Map<string, string>();
  for (const m of workbook.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const name = /\sname="([^"]*)"/.exec(m[0])![1]!.replace(/&amp;/g, '&').replace(/&apos;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>');
    const target = targets.get(/\s\w+:id="([^"]*)"/.exec(m[0])![1]!)!;
    out.set(name, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  return out;
}
