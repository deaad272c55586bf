/**
 * Saving a workbook the add-in changed, the one way every host does it (the CLI's `apply`,
 * the workbench's Download): the original file's package with only the changes patched in.
 * Every part nothing touched is copied byte for byte (defined names, styles, drawings,
 * merges, column widths, hidden sheets, external links, custom XML, printer settings);
 * a touched sheet keeps every row, cell and element that was not edited.
 */
import { type CellValue, columnIndex, type ConditionalStyle, parseRange } from '../../../engine';
import { relsPath, resolveTarget } from '../fast/read-package';
import { xlsxMessages } from '../messages';
import { PlanApplyError } from '../errors';
import { attr } from '../fast/xml';
import { FastReadUnsupported, readDirectory, ZipTooLarge, type ZipDirectory } from '../fast/zip';
import { pointsToCharacterWidth } from '../apply-plan';
import { emptySheetXml, SheetDoc, type CellContent } from './sheet-xml';
import { MINIMAL_STYLES, StylesDoc, type CellStyleChange } from './styles-xml';
import { escapeXml, findElement, findElements, inner, insertBefore, setAttr, splice } from './xml-edit';
import { rewritePackage, type PartContent } from './zip-write';
import type { ChartSpec } from '../../../engine';
import { SheetCharts, withDrawing } from './charts-xml';

export type { CellContent } from './sheet-xml';
export type { CellStyleChange } from './styles-xml';

/** One change to a workbook, in the package's terms; applied in order. Rows and columns are 0-based. */
export type PackageChange =
  | { readonly kind: 'addSheet'; readonly sheet: string; readonly after?: string }
  | { readonly kind: 'cell'; readonly sheet: string; readonly row: number; readonly col: number; readonly content: CellContent }
  /** A new cached result for a cell's formula (one written by an earlier change, or the file's own). */
  | { readonly kind: 'result'; readonly sheet: string; readonly row: number; readonly col: number; readonly value: CellValue }
  | { readonly kind: 'style'; readonly sheet: string; readonly row: number; readonly col: number; readonly change: CellStyleChange }
  /** Width in points, as Office.js and edit plans give it. */
  | { readonly kind: 'columnWidth'; readonly sheet: string; readonly col: number; readonly points: number }
  /**
   * A conditional format rule at the lowest priority. `formula` carries the add-in's tag
   * (cf-tag.ts), without `=`; `text` makes it a "text contains" rule.
   */
  | { readonly kind: 'addRule'; readonly sheet: string; readonly range: string; readonly formula: string; readonly text?: string; readonly style: ConditionalStyle; readonly stopIfTrue?: boolean; readonly group?: number }
  /**
   * Removes the rules carrying `marker`: on the whole sheet, or (with `range`) in the
   * conditional formats overlapping it, sparing rules added earlier in the same `group`.
   */
  | { readonly kind: 'removeRules'; readonly sheet: string; readonly marker: string; readonly range?: string; readonly group?: number }
  /** A list validation; `formula` as stored (`"a,b"` or `Lists!$A$1:$A$5`). */
  | { readonly kind: 'validation'; readonly sheet: string; readonly range: string; readonly formula: string }
  /** A chart part anchored in the sheet's drawing (appended to an existing drawing); see charts-xml.ts. */
  | { readonly kind: 'addChart'; readonly sheet: string; readonly chart: ChartSpec }
  /** Removes the sheet's charts whose names start with the prefix (the add-in's own). */
  | { readonly kind: 'removeCharts'; readonly sheet: string; readonly prefix: string };

export interface PackageCodec {
  inflateRaw(data: Uint8Array, limit: number): Uint8Array | Promise<Uint8Array>;
  deflateRaw(data: Uint8Array): Uint8Array | Promise<Uint8Array>;
  utf8(data: Uint8Array): string;
}

const WORKSHEET_TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet';
const STYLES_TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles';
const WORKSHEET_CONTENT = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';
const STYLES_CONTENT = 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml';
const WORKBOOK_ORDER_AFTER_CALCPR = ['oleSize', 'customWorkbookViews', 'pivotCaches', 'smartTagPr', 'smartTagTypes', 'webPublishing', 'fileRecoveryPr', 'webPublishObjects', 'extLst'];

interface SheetEntry {
  name: string;
  part: string;
  doc?: SheetDoc;
  created?: boolean;
}

class PackageEditor {
  readonly parts = new Map<string, PartContent>();
  private readonly texts = new Map<string, string>();
  private readonly workbookPart: string;
  private workbookXml: string;
  private relsXml: string;
  private readonly sheets: SheetEntry[] = [];
  private styles?: StylesDoc;
  private stylesPart?: string;
  private readonly addedRules = new Map<number, Set<string>>();
  private readonly charts = new SheetCharts({
    text: async (name) => {
      const pending = this.parts.get(name);
      if (pending === null) return undefined;
      if (typeof pending === 'string') return pending;
      return this.text(name);
    },
    set: (name, content) => this.parts.set(name, content),
    names: () => new Set([...this.directory.names, ...[...this.parts].filter(([, c]) => c !== null).map(([n]) => n), ...this.sheets.map((x) => x.part)].map((n) => n.toLowerCase())),
    addOverride: (partName, contentType) => this.parts.set('[Content_Types].xml', this.contentTypesWith(`<Override PartName="${escapeXml(partName)}" ContentType="${contentType}"/>`)),
    removeOverride: (partName) => {
      const types = this.contentTypes();
      const found = findElements(types, 'Override').find((o) => attr(o.text, 'PartName') === partName);
      if (found) this.parts.set('[Content_Types].xml', splice(types, found.start, found.end, ''));
    },
  });

  /** Adds or removes the add-in's charts on a sheet (its XML as saved, for its existing drawing). */
  async chartChange(change: Extract<PackageChange, { kind: 'addChart' | 'removeCharts' }>): Promise<void> {
    const entry = this.findSheet(change.sheet);
    if (!entry) throw new PlanApplyError(xlsxMessages.sheetMissing(change.sheet));
    const xml = entry.created ? undefined : await this.text(entry.part);
    if (change.kind === 'addChart') await this.charts.add(entry.part, xml, change.chart);
    else await this.charts.remove(entry.part, xml, change.prefix);
  }

  private constructor(private readonly directory: ZipDirectory, private readonly read: (name: string) => Promise<string | undefined>, workbookPart: string, workbookXml: string, relsXml: string) {
    this.workbookPart = workbookPart;
    this.workbookXml = workbookXml;
    this.relsXml = relsXml;
  }

  static async open(directory: ZipDirectory, read: (name: string) => Promise<string | undefined>): Promise<PackageEditor> {
    const rootRels = (await read('_rels/.rels')) ?? '';
    const officeDoc = findElements(rootRels, 'Relationship').map((r) => r.text).find((t) => /\/officeDocument"/.test(t) || /officeDocument$/.test(attr(t, 'Type') ?? ''));
    const workbookPart = officeDoc ? resolveTarget('', attr(officeDoc, 'Target') ?? '') : 'xl/workbook.xml';
    const workbookXml = await read(workbookPart);
    if (workbookXml === undefined) throw new FastReadUnsupported('no workbook part');
    const editor = new PackageEditor(directory, read, workbookPart, workbookXml, (await read(relsPath(workbookPart))) ?? '');
    for (const tag of findElements(workbookXml, 'sheet').map((s) => s.text)) {
      const rel = editor.relationship(attr(tag, 'id') ?? '');
      if (rel) editor.sheets.push({ name: attr(tag, 'name') ?? '', part: resolveTarget(workbookPart, attr(rel, 'Target') ?? '') });
    }
    return editor;
  }

  private relationship(id: string): string | undefined {
    return findElements(this.relsXml, 'Relationship').map((r) => r.text).find((t) => attr(t, 'Id') === id);
  }

  private async text(name: string): Promise<string | undefined> {
    if (!this.texts.has(name)) {
      const t = await this.read(name);
      if (t === undefined) return undefined;
      this.texts.set(name, t);
    }
    return this.texts.get(name);
  }

  private findSheet(name: string): SheetEntry | undefined {
    return this.sheets.find((s) => s.name === name) ?? this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  async sheet(name: string): Promise<SheetDoc> {
    const entry = this.findSheet(name);
    if (!entry) throw new PlanApplyError(xlsxMessages.sheetMissing(name));
    if (!entry.doc) {
      const xml = await this.text(entry.part);
      if (xml === undefined) throw new PlanApplyError(xlsxMessages.sheetMissing(name));
      entry.doc = new SheetDoc(xml, () => this.stylesDoc());
    }
    if (entry.doc.isProtected) throw new PlanApplyError(xlsxMessages.sheetProtected(name));
    return entry.doc;
  }

  async loadStyles(): Promise<void> {
    const rel = findElements(this.relsXml, 'Relationship').map((r) => r.text).find((t) => attr(t, 'Type') === STYLES_TYPE);
    this.stylesPart = rel ? resolveTarget(this.workbookPart, attr(rel, 'Target') ?? '') : undefined;
    const xml = this.stylesPart ? await this.text(this.stylesPart) : undefined;
    this.styles = new StylesDoc(xml ?? MINIMAL_STYLES);
  }

  stylesDoc(): StylesDoc {
    return this.styles!;
  }

  rulesOf(group: number | undefined): Set<string> {
    const key = group ?? -1;
    let set = this.addedRules.get(key);
    if (!set) this.addedRules.set(key, (set = new Set()));
    return set;
  }

  addSheet(name: string, after: string | undefined): void {
    if (this.findSheet(name)) return; // Regenerating an existing sheet updates it in place.
    let n = this.sheets.length + 1;
    const used = new Set(this.directory.names.map((x) => x.toLowerCase()));
    for (const s of this.sheets) used.add(s.part.toLowerCase());
    while (used.has(`xl/worksheets/sheet${n}.xml`)) n++;
    const part = `xl/worksheets/sheet${n}.xml`;
    const entry: SheetEntry = { name, part, created: true, doc: new SheetDoc(emptySheetXml(), () => this.stylesDoc()) };
    const at = after === undefined ? -1 : this.sheets.findIndex((s) => s.name.toLowerCase() === after.toLowerCase());
    const index = at < 0 ? this.sheets.length : at + 1;

    // The workbook's relationship and sheet entry.
    const ids = findElements(this.relsXml, 'Relationship').map((r) => attr(r.text, 'Id') ?? '');
    let k = ids.length + 1;
    while (ids.includes(`rId${k}`)) k++;
    const rId = `rId${k}`;
    const target = part.startsWith(this.workbookPart.slice(0, this.workbookPart.lastIndexOf('/') + 1)) ? part.slice(this.workbookPart.lastIndexOf('/') + 1) : `/${part}`;
    const rels = findElement(this.relsXml, 'Relationships');
    const relTag = `<Relationship Id="${rId}" Type="${WORKSHEET_TYPE}" Target="${escapeXml(target)}"/>`;
    this.relsXml = rels ? splice(this.relsXml, inner(rels).end, inner(rels).end, relTag).replace(/<Relationships([^>]*)\/>/, `<Relationships$1>${relTag}</Relationships>`) : this.relsXml;

    const sheetTags = findElements(this.workbookXml, 'sheet');
    const sample = sheetTags[0]?.text ?? '<sheet r:id=""/>';
    const elementPrefix = /^<(\w+:)?sheet/.exec(sample)?.[1] ?? '';
    const rPrefix = /\s(\w+):id\s*=/.exec(sample)?.[1] ?? 'r';
    const maxId = Math.max(0, ...sheetTags.map((s) => Number(attr(s.text, 'sheetId') ?? 0)));
    const tag = `<${elementPrefix}sheet name="${escapeXml(name)}" sheetId="${maxId + 1}" ${rPrefix}:id="${rId}"/>`;
    const before = sheetTags[index];
    const insertAt = before ? before.start : sheetTags.at(-1)!.end;
    this.workbookXml = splice(this.workbookXml, insertAt, insertAt, tag);
    // Sheet-scoped names and the active tab count sheets by position: those after the new one move up.
    this.workbookXml = this.workbookXml.replace(/(<(?:\w+:)?definedName\b[^>]*\slocalSheetId=")(\d+)(")/g, (m, a: string, id: string, b: string) => (Number(id) >= index ? `${a}${Number(id) + 1}${b}` : m));
    this.workbookXml = this.workbookXml.replace(/<(?:\w+:)?workbookView\b[^>]*>/g, (view) => {
      let out = view;
      for (const key of ['activeTab', 'firstSheet']) {
        const v = attr(out, key);
        if (v !== undefined && Number(v) >= index && index < this.sheets.length) out = setAttr(out, key, String(Number(v) + 1));
      }
      return out;
    });
    this.sheets.splice(index, 0, entry);
    this.parts.set('[Content_Types].xml', this.contentTypesWith(`<Override PartName="/${part}" ContentType="${WORKSHEET_CONTENT}"/>`));
  }

  private contentTypes(): string {
    const current = this.parts.get('[Content_Types].xml');
    return typeof current === 'string' ? current : this.texts.get('[Content_Types].xml')!;
  }

  private contentTypesWith(override: string): string {
    const xml = this.contentTypes();
    const end = xml.lastIndexOf('</Types>');
    return splice(xml, end, end, override);
  }

  async finish(): Promise<Map<string, PartContent>> {
    let contentChanged = false;
    let formulaRemoved = false;
    for (const s of this.sheets) {
      if (!s.doc) continue;
      const before = s.created ? undefined : this.texts.get(s.part);
      const drawing = this.charts.newDrawings.get(s.part);
      const xml = drawing ? withDrawing(s.doc.finish(), drawing) : s.doc.finish();
      contentChanged ||= s.doc.contentChanged;
      formulaRemoved ||= s.doc.formulaRemoved;
      if (xml !== before) this.parts.set(s.part, xml);
    }
    if (this.styles?.changed) {
      if (!this.stylesPart) {
        this.stylesPart = 'xl/styles.xml';
        const rels = findElement(this.relsXml, 'Relationships')!;
        this.relsXml = splice(this.relsXml, inner(rels).end, inner(rels).end, `<Relationship Id="rIdStyles" Type="${STYLES_TYPE}" Target="styles.xml"/>`);
        this.parts.set('[Content_Types].xml', this.contentTypesWith(`<Override PartName="/xl/styles.xml" ContentType="${STYLES_CONTENT}"/>`));
      }
      this.parts.set(this.stylesPart, this.styles.toString());
    }
    if (formulaRemoved) this.dropCalcChain();
    // Excel recalculates on open, so no cached result the add-in could not work out lingers.
    if (contentChanged) this.markFullCalcOnLoad();
    const originalWorkbook = this.texts.get(this.workbookPart);
    if (this.workbookXml !== originalWorkbook) this.parts.set(this.workbookPart, this.workbookXml);
    const rels = relsPath(this.workbookPart);
    if (this.relsXml !== (this.texts.get(rels) ?? '')) this.parts.set(rels, this.relsXml);
    return this.parts;
  }

  async loadContentTypes(): Promise<void> {
    await this.text('[Content_Types].xml');
    this.texts.set(this.workbookPart, this.workbookXml);
    this.texts.set(relsPath(this.workbookPart), this.relsXml);
  }

  private dropCalcChain(): void {
    const rel = findElements(this.relsXml, 'Relationship').find((r) => /\/calcChain$/.test(attr(r.text, 'Type') ?? ''));
    if (!rel) return;
    const part = resolveTarget(this.workbookPart, attr(rel.text, 'Target') ?? '');
    this.relsXml = splice(this.relsXml, rel.start, rel.end, '');
    this.parts.set(part, null);
    const types = this.contentTypes();
    const override = findElements(types, 'Override').find((o) => attr(o.text, 'PartName') === `/${part}`);
    if (override) this.parts.set('[Content_Types].xml', splice(types, override.start, override.end, ''));
  }

  private markFullCalcOnLoad(): void {
    const calcPr = /<(\w+:)?calcPr\b[^>]*>/.exec(this.workbookXml);
    if (calcPr) {
      if (attr(calcPr[0], 'fullCalcOnLoad') === '1') return;
      this.workbookXml = splice(this.workbookXml, calcPr.index, calcPr.index + calcPr[0].length, setAttr(calcPr[0], 'fullCalcOnLoad', '1'));
      return;
    }
    const prefix = /<(\w+:)?workbook[\s>]/.exec(this.workbookXml)?.[1] ?? '';
    this.workbookXml = insertBefore(this.workbookXml, `<${prefix}calcPr fullCalcOnLoad="1"/>`, WORKBOOK_ORDER_AFTER_CALCPR, 'workbook');
  }
}

function rangeOf(sheet: string, range: string) {
  const ref = parseRange(range.replace(/\$/g, ''));
  if (!ref) throw new PlanApplyError(xlsxMessages.badRange(sheet, range));
  return ref;
}

/** The workbook's bytes with the changes made; the same bytes when there are none. */
export async function patchPackage(bytes: Uint8Array, changes: readonly PackageChange[], codec: PackageCodec): Promise<Uint8Array> {
  if (changes.length === 0) return bytes;
  let directory: ZipDirectory;
  try {
    directory = readDirectory(bytes);
  } catch (err) {
    if (err instanceof ZipTooLarge || err instanceof FastReadUnsupported) throw new PlanApplyError(xlsxMessages.reasonDamagedZip);
    throw err;
  }
  const read = async (name: string): Promise<string | undefined> => {
    const raw = directory.raw(name);
    if (!raw) return undefined;
    const data = raw.method === 8 ? await codec.inflateRaw(raw.data, raw.unpacked) : raw.data;
    if (data.length > raw.unpacked) throw new ZipTooLarge(data.length, false);
    return codec.utf8(data);
  };
  const editor = await PackageEditor.open(directory, read);
  await editor.loadContentTypes();
  await editor.loadStyles();
  for (const change of changes) {
    if (change.kind === 'addSheet') {
      editor.addSheet(change.sheet, change.after);
      continue;
    }
    const doc = await editor.sheet(change.sheet);
    switch (change.kind) {
      case 'cell':
        doc.setContent(change.row, change.col, change.content);
        break;
      case 'result':
        doc.setResult(change.row, change.col, change.value);
        break;
      case 'style':
        doc.setStyle(change.row, change.col, change.change);
        break;
      case 'columnWidth':
        doc.setColumnWidth(change.col, pointsToCharacterWidth(change.points));
        break;
      case 'addRule': {
        rangeOf(change.sheet, change.range);
        const dxf = editor.stylesDoc().dxf(change.style);
        const text = doc.addRule(change.range, { formula: change.formula, ...(change.text !== undefined ? { text: change.text } : {}), ...(change.stopIfTrue ? { stopIfTrue: true } : {}) }, dxf);
        editor.rulesOf(change.group).add(text);
        break;
      }
      case 'removeRules':
        if (change.range === undefined) doc.removeRules(change.marker);
        else doc.removeRules(change.marker, { range: rangeOf(change.sheet, change.range), keep: editor.rulesOf(change.group) });
        break;
      case 'validation':
        rangeOf(change.sheet, change.range);
        doc.addValidation(change.range, change.formula);
        break;
      case 'addChart':
      case 'removeCharts':
        await editor.chartChange(change);
        break;
    }
  }
  return rewritePackage(bytes, directory, await editor.finish(), (d) => codec.deflateRaw(d));
}

/** Equal as Excel would show them: numbers to a relative 1e-12 (a calculation's last bits are no change). */
export function sameCellValue(a: CellValue, b: CellValue): boolean {
  if (typeof a === 'number' && typeof b === 'number') return a === b || Math.abs(a - b) <= 1e-12 * Math.max(Math.abs(a), Math.abs(b));
  if (a !== null && b !== null && typeof a === 'object' && typeof b === 'object') return a.error === b.error;
  return a === b;
}

/** A column's 0-based index from its letters, or a PlanApplyError. */
export function columnOf(sheet: string, letters: string): number {
  if (!/^[A-Za-z]{1,3}$/.test(letters)) throw new PlanApplyError(xlsxMessages.badRange(sheet, letters));
  return columnIndex(letters);
}
