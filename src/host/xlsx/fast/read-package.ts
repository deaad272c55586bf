/**
 * The fast reader's core, free of Node and the DOM: the package's XML scanned straight into
 * the engine's grid, several times quicker than exceljs's full model and a fraction of its
 * memory. It reads what the engine needs (values, formulas with shared ones expanded, cached
 * results, number formats, bold, indent, protection) and throws FastReadUnsupported on
 * anything unusual. Entries: read-fast.ts (Node) and read-fast-browser.ts (the task pane).
 * A test holds it equal to the exceljs path on every fixture and realdata file.
 */
import type { DefinedName, Sheet, Workbook } from '../../../engine';
import { parseSheet } from './sheet';
import { parseStyles } from './styles';
import { FastReadUnsupported, type ZipPackage } from './zip';
import { attr, decodeXml, isTrue, startTags, stringItemText } from './xml';

const OFFICE_DOCUMENT = /\/officeDocument$/;

/** A relationship's target, resolved against the part that names it (package paths, no leading slash). */
export function resolveTarget(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = base.split('/').slice(0, -1);
  for (const piece of target.split('/')) {
    if (piece === '..') parts.pop();
    else if (piece !== '.') parts.push(piece);
  }
  return parts.join('/');
}

/** Where a part's relationships live: `xl/workbook.xml` → `xl/_rels/workbook.xml.rels`. */
export function relsPath(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

function relationships(zip: ZipPackage, part: string): { id: string; type: string; target: string }[] {
  const xml = zip.text(relsPath(part));
  if (!xml) return [];
  return startTags(xml, 'Relationship').map((tag) => ({ id: attr(tag, 'Id') ?? '', type: attr(tag, 'Type') ?? '', target: resolveTarget(part, attr(tag, 'Target') ?? '') }));
}

function sharedStrings(xml: string | undefined): string[] {
  if (!xml) return [];
  return xml.match(/<(?:\w+:)?si\b[^>]*?(?:\/>|>[\s\S]*?<\/(?:\w+:)?si>)/g)?.map(stringItemText) ?? [];
}

/** Reads the opened package, or throws FastReadUnsupported when the file needs exceljs's full reader. */
export function readWorkbookPackage(zip: ZipPackage): Workbook {
  const root = relationships(zip, '').find((r) => OFFICE_DOCUMENT.test(r.type));
  const workbookPart = root?.target ?? 'xl/workbook.xml';
  const workbookXml = zip.text(workbookPart);
  if (!workbookXml) throw new FastReadUnsupported('no workbook part');
  const rels = relationships(zip, workbookPart);
  const byType = (suffix: string) => rels.find((r) => r.type.endsWith(suffix))?.target;

  const pr = startTags(workbookXml, 'workbookPr')[0];
  if (pr && isTrue(attr(pr, 'date1904'))) throw new FastReadUnsupported('1904 date system'); // rare: leave to exceljs
  const strings = sharedStrings(zip.text(byType('/sharedStrings') ?? 'xl/sharedStrings.xml'));
  const styleOf = parseStyles(zip.text(byType('/styles') ?? 'xl/styles.xml'));

  const sheets: Sheet[] = [];
  const sheetTags = startTags(workbookXml, 'sheet');
  for (const tag of sheetTags) {
    const name = attr(tag, 'name');
    const rel = rels.find((r) => r.id === attr(tag, 'id'));
    if (name === undefined || !rel) throw new FastReadUnsupported('sheet without a part');
    if (!rel.type.endsWith('/worksheet')) continue; // chart sheets and dialogs hold no cells (exceljs skips them too)
    const xml = zip.text(rel.target);
    if (xml === undefined) throw new FastReadUnsupported(`missing ${rel.target}`);
    sheets.push(parseSheet(xml, { name, sharedStrings: strings, styleOf }));
  }
  const definedNames = parseDefinedNames(workbookXml, sheetTags.map((tag) => attr(tag, 'name')));
  return definedNames.length > 0 ? { sheets, definedNames } : { sheets };
}

/**
 * The workbook's defined names, for a host that recalculates. A sheet's own name carries
 * `localSheetId`, the sheet's place among the workbook's `<sheet>` entries.
 */
function parseDefinedNames(workbookXml: string, sheetNames: readonly (string | undefined)[]): DefinedName[] {
  const out: DefinedName[] = [];
  for (const m of workbookXml.matchAll(/<(?:\w+:)?definedName\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?definedName>)/g)) {
    const tag = ` ${m[1]!}`;
    const name = attr(tag, 'name');
    const text = decodeXml(m[2] ?? '').trim();
    if (!name || !text) continue;
    const local = attr(tag, 'localSheetId');
    if (local === undefined) {
      out.push({ name, formula: `=${text}` });
      continue;
    }
    const sheet = sheetNames[Number(local)];
    if (sheet !== undefined) out.push({ name, formula: `=${text}`, sheet });
  }
  return out;
}
