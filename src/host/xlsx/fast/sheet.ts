/**
 * One worksheet's XML -> an engine Sheet, scanning the cells with regular expressions
 * (no DOM, no per-node objects): the whole point of the fast path.
 */
import { type Cell, type CellValue, columnIndex, type Sheet } from '../../../engine';
import { indentOfLeadingSpaces } from '../indent';
import type { CellStyle } from './styles';
import { slideFormula } from './slide-formula';
import { FastReadUnsupported } from './zip';
import { attr, decodeXml, isTrue, startTags, stringItemText } from './xml';

export interface SheetContext {
  readonly name: string;
  readonly sharedStrings: readonly string[];
  readonly styleOf: (index: number) => CellStyle;
}

// <c ...>…</c> or <c .../>; group 1 the attributes, group 2 the content.
const CELL_RE = /<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g;
const ROW_RE = /<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g;
const REF_RE = /^([A-Z]{1,3})(\d+)$/;
const V_RE = /<v(?:\s[^>]*)?>([\s\S]*?)<\/v>/;
const F_RE = /<f\b([^>]*?)(?:\/>|>([\s\S]*?)<\/f>)/;
const IS_RE = /<is>([\s\S]*?)<\/is>/;

const MS_PER_DAY = 86_400_000;

/**
 * A cell's r, s and t attributes in one pass (they are on every cell, so this is the hot
 * path); machine-written XML quotes them with `"` and needs no decoding.
 */
function cellAttributes(attrs: string): { r?: string; s?: string; t?: string } {
  const out: { r?: string; s?: string; t?: string } = {};
  let i = 0;
  while (i < attrs.length) {
    const eq = attrs.indexOf('="', i);
    if (eq < 0) break;
    const close = attrs.indexOf('"', eq + 2);
    if (close < 0) break;
    const name = attrs.slice(i, eq).trim();
    if (name === 'r' || name === 's' || name === 't') out[name] = attrs.slice(eq + 2, close);
    i = close + 1;
  }
  return out;
}

function mergedSlaves(xml: string): Set<string> {
  const slaves = new Set<string>();
  const at = xml.indexOf('<mergeCells');
  if (at < 0) return slaves;
  for (const tag of startTags(xml.slice(at), 'mergeCell')) {
    const ref = attr(tag, 'ref');
    const [a, b] = (ref ?? '').split(':');
    const ma = a && REF_RE.exec(a);
    const mb = b && REF_RE.exec(b);
    if (!ma || !mb) continue;
    const c0 = columnIndex(ma[1]!);
    const c1 = columnIndex(mb[1]!);
    for (let r = Number(ma[2]); r <= Number(mb[2]); r++) {
      for (let c = c0; c <= c1; c++) if (r !== Number(ma[2]) || c !== c0) slaves.add(`${r - 1}:${c}`);
    }
  }
  return slaves;
}

function typedValue(type: string | undefined, text: string, context: SheetContext): CellValue {
  switch (type) {
    case 's': {
      const s = context.sharedStrings[Number(text)];
      if (s === undefined) throw new FastReadUnsupported('shared string out of range');
      return s;
    }
    case 'str':
    case 'inlineStr':
      return decodeXml(text);
    case 'b':
      return text.trim() === '1' || text.trim() === 'true';
    case 'e':
      return { error: decodeXml(text) };
    case 'd': {
      // ISO 8601 without a zone is the workbook's own (zone-less) time: read it as UTC, as serials are.
      const ms = Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(text) || !text.includes('T') ? text : `${text}Z`);
      return Number.isNaN(ms) ? decodeXml(text) : ms / MS_PER_DAY + 25_569;
    }
    default: {
      const n = Number(text);
      if (text.trim() === '' || !Number.isFinite(n)) throw new FastReadUnsupported(`number "${text}"`);
      return n;
    }
  }
}

export function parseSheet(xml: string, context: SheetContext): Sheet {
  const rows: (Cell | undefined)[][] = [];
  const slaves = mergedSlaves(xml);
  const masters = new Map<string, { formula: string; row: number; col: number }>();
  const start = xml.indexOf('<sheetData');
  const end = xml.indexOf('</sheetData>');
  const data = start < 0 ? '' : xml.slice(start, end < 0 ? undefined : end);

  let rowIndex = -1;
  ROW_RE.lastIndex = 0;
  let rowMatch: RegExpExecArray | null;
  while ((rowMatch = ROW_RE.exec(data)) !== null) {
    const r = attr(rowMatch[1]!, 'r');
    rowIndex = r === undefined ? rowIndex + 1 : Number(r) - 1;
    const body = rowMatch[2];
    if (!body) continue;
    let colIndex = -1;
    let cells: (Cell | undefined)[] | undefined;
    CELL_RE.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = CELL_RE.exec(body)) !== null) {
      const attrs = cellAttributes(m[1]!);
      const ref = attrs.r;
      const refMatch = ref === undefined ? undefined : REF_RE.exec(ref);
      colIndex = refMatch ? columnIndex(refMatch[1]!) : colIndex + 1;
      const content = m[2];
      if (!content) continue;
      if (slaves.has(`${rowIndex}:${colIndex}`)) continue;

      const type = attrs.t;
      let formula: string | undefined;
      const f = content.indexOf('<f') >= 0 ? F_RE.exec(content) : null;
      if (f) {
        const fAttrs = f[1]!;
        const text = f[2] === undefined ? undefined : decodeXml(f[2]);
        if (attr(fAttrs, 't') === 'shared') {
          const si = attr(fAttrs, 'si') ?? '';
          if (text) {
            masters.set(si, { formula: text, row: rowIndex, col: colIndex });
            formula = text;
          } else {
            const master = masters.get(si);
            if (!master) throw new FastReadUnsupported('shared formula before its master');
            formula = slideFormula(master.formula, rowIndex - master.row, colIndex - master.col);
          }
        } else if (text) {
          formula = text;
        }
      }

      let value: CellValue = null;
      if (type === 'inlineStr') {
        const is = IS_RE.exec(content);
        if (is) value = stringItemText(is[1]!);
      } else {
        const v = V_RE.exec(content);
        if (v) value = typedValue(type, v[1]!, context);
      }
      // A formula whose result is text with nothing in it (=IFERROR(…, "")) holds "", as Excel's API reports it.
      if (value === null && formula !== undefined && type === 'str') value = '';
      if (value === null && formula === undefined) continue;
      if (typeof value === 'number' && !Number.isFinite(value)) value = { error: '#NUM!' };

      const style = context.styleOf(attrs.s === undefined ? 0 : Number(attrs.s));
      const indent =
        style.indent > 0 ? style.indent : typeof value === 'string' && value.charCodeAt(0) === 32 ? indentOfLeadingSpaces(value) : 0;
      const cell: { value: CellValue; formula?: string; format?: string; indent?: number; bold?: boolean } = { value };
      if (formula !== undefined) cell.formula = `=${formula}`;
      if (style.format !== undefined) cell.format = style.format;
      if (indent > 0) cell.indent = indent;
      if (style.bold) cell.bold = true;
      (cells ??= rows[rowIndex] = [])[colIndex] = cell;
    }
  }
  const protection = startTags(end < 0 ? xml : xml.slice(end), 'sheetProtection')[0]; // it follows sheetData
  const sheet: { name: string; rows: (Cell | undefined)[][]; protected?: boolean } = { name: context.name, rows };
  if (protection && isTrue(attr(protection, 'sheet'))) sheet.protected = true;
  return sheet;
}
