/**
 * New cell formats and conditional-format styles in xl/styles.xml: a cell's format is
 * cloned and changed (its borders, alignment and protection kept), and only appended,
 * so every existing index stays valid and the original entries stay as they were.
 */
import type { ConditionalStyle } from '../../../engine';
import { BUILT_IN_FORMATS } from '../fast/styles';
import { attr } from '../fast/xml';
import { appendToList, escapeXml, findElement, findElements, inner, rootPrefix, setAttr } from './xml-edit';

export interface CellStyleChange {
  /** A number format code ("General" included). */
  readonly numFmt?: string;
  /** `#RRGGBB`, or null for no fill. */
  readonly fill?: string | null;
  readonly bold?: boolean;
}

const ROOT = 'styleSheet';
const ORDER = ['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs', 'cellStyles', 'dxfs', 'tableStyles', 'colors', 'extLst'];
const after = (list: string) => ORDER.slice(ORDER.indexOf(list) + 1);

function argb(hex: string): string {
  return `FF${hex.replace(/^#/, '').toUpperCase()}`;
}

export const MINIMAL_STYLES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>';

export class StylesDoc {
  private readonly prefix: string;
  private readonly xfs: string[];
  private readonly fonts: string[];
  private readonly fillCount: number;
  private readonly formats = new Map<string, number>();
  private nextFormatId: number;
  private readonly added = { numFmts: [] as string[], fonts: [] as string[], fills: [] as string[], cellXfs: [] as string[], dxfs: [] as string[] };
  private readonly cache = new Map<string, number>();
  private dxfCount: number;

  constructor(private readonly xml: string) {
    this.prefix = rootPrefix(xml, ROOT);
    const list = (name: string, item: string) => {
      const found = findElement(xml, name);
      return found ? findElements(inner(found).text, item).map((e) => e.text) : [];
    };
    this.xfs = list('cellXfs', 'xf');
    this.fonts = list('fonts', 'font');
    this.fillCount = list('fills', 'fill').length;
    this.dxfCount = list('dxfs', 'dxf').length;
    for (const [id, code] of Object.entries(BUILT_IN_FORMATS)) this.formats.set(code, Number(id));
    this.formats.set('General', 0);
    let max = 163;
    for (const tag of list('numFmts', 'numFmt')) {
      const id = Number(attr(tag, 'numFmtId'));
      const code = attr(tag, 'formatCode');
      if (Number.isFinite(id)) max = Math.max(max, id);
      if (code !== undefined && !this.formats.has(code)) this.formats.set(code, id);
    }
    this.nextFormatId = max + 1;
  }

  get changed(): boolean {
    return Object.values(this.added).some((a) => a.length > 0);
  }

  private el(name: string): string {
    return `${this.prefix}${name}`;
  }

  private formatId(code: string): number {
    let id = this.formats.get(code);
    if (id === undefined) {
      id = this.nextFormatId++;
      this.formats.set(code, id);
      this.added.numFmts.push(`<${this.el('numFmt')} numFmtId="${id}" formatCode="${escapeXml(code)}"/>`);
    }
    return id;
  }

  private fillId(color: string | null): number {
    if (color === null) return 0;
    const p = this.prefix;
    this.added.fills.push(`<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="${argb(color)}"/><${p}bgColor indexed="64"/></${p}patternFill></${p}fill>`);
    return this.fillCount + this.added.fills.length - 1;
  }

  private fontId(base: number, bold: boolean): number {
    const font = this.fonts[base] ?? this.fonts[0] ?? `<${this.el('font')}/>`;
    const p = this.prefix;
    let text = font.replace(/<(\w+:)?b(?:\s[^>]*)?\/>|<(\w+:)?b(?:\s[^>]*)?>\s*<\/(\w+:)?b>/, '');
    if (bold) text = /\/>$/.test(text) && !text.includes('</') ? text.replace(/\s*\/>$/, `><${p}b/></${p}font>`) : text.replace(/^(<[^>]*>)/, `$1<${p}b/>`);
    this.added.fonts.push(text);
    return this.fonts.length + this.added.fonts.length - 1;
  }

  /** The index of a cell format like `base` with the change made. */
  xfWith(base: number, change: CellStyleChange): number {
    const key = JSON.stringify([base, change.numFmt, change.fill, change.bold]);
    const cached = this.cache.get(key);
    if (cached !== undefined) return cached;
    const xf = this.xfs[base] ?? this.xfs[0] ?? `<${this.el('xf')} numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>`;
    let open = xf.slice(0, xf.indexOf('>') + 1);
    const rest = xf.slice(open.length);
    const selfClosing = open.endsWith('/>');
    if (change.numFmt !== undefined) open = setAttr(setAttr(open, 'numFmtId', String(this.formatId(change.numFmt))), 'applyNumberFormat', '1');
    if (change.fill !== undefined) open = setAttr(setAttr(open, 'fillId', String(this.fillId(change.fill))), 'applyFill', '1');
    if (change.bold !== undefined) open = setAttr(setAttr(open, 'fontId', String(this.fontId(Number(attr(open, 'fontId') ?? 0), change.bold))), 'applyFont', '1');
    this.added.cellXfs.push(selfClosing ? open : open + rest);
    const index = this.xfs.length + this.added.cellXfs.length - 1;
    this.cache.set(key, index);
    return index;
  }

  /** A differential format for a conditional-format rule. */
  dxf(style: ConditionalStyle): number {
    const p = this.prefix;
    let body = '';
    if (style.fontColor !== undefined || style.bold !== undefined) {
      body += `<${p}font>${style.bold !== undefined ? `<${p}b${style.bold ? '' : ' val="0"'}/>` : ''}${style.fontColor ? `<${p}color rgb="${argb(style.fontColor)}"/>` : ''}</${p}font>`;
    }
    if (style.fill) body += `<${p}fill><${p}patternFill patternType="solid"><${p}bgColor rgb="${argb(style.fill)}"/></${p}patternFill></${p}fill>`;
    this.added.dxfs.push(`<${p}dxf>${body}</${p}dxf>`);
    return this.dxfCount + this.added.dxfs.length - 1;
  }

  toString(): string {
    if (!this.changed) return this.xml;
    let xml = this.xml;
    xml = appendToList(xml, 'numFmts', 'numFmt', this.added.numFmts, after('numFmts'), ROOT);
    xml = appendToList(xml, 'fonts', 'font', this.added.fonts, after('fonts'), ROOT);
    xml = appendToList(xml, 'fills', 'fill', this.added.fills, after('fills'), ROOT);
    xml = appendToList(xml, 'cellXfs', 'xf', this.added.cellXfs, after('cellXfs'), ROOT);
    xml = appendToList(xml, 'dxfs', 'dxf', this.added.dxfs, after('dxfs'), ROOT);
    return xml;
  }
}
