/** What the engine reads from a cell's style (xl/styles.xml): number format, bold, indent. */
import { attr, isTrue, startTags } from './xml';

export interface CellStyle {
  /** Undefined for General. */
  readonly format?: string;
  readonly bold: boolean;
  readonly indent: number;
}

/** Excel's built-in number formats by id (ECMA-376 Part 1, 18.8.30). */
export const BUILT_IN_FORMATS: Readonly<Record<number, string>> = {
  1: '0', 2: '0.00', 3: '#,##0', 4: '#,##0.00', 9: '0%', 10: '0.00%', 11: '0.00E+00', 12: '# ?/?', 13: '# ??/??',
  14: 'mm-dd-yy', 15: 'd-mmm-yy', 16: 'd-mmm', 17: 'mmm-yy', 18: 'h:mm AM/PM', 19: 'h:mm:ss AM/PM', 20: 'h:mm',
  21: 'h:mm:ss', 22: 'm/d/yy "h":mm', 27: '[$-404]e/m/d', 30: 'm/d/yy', 36: '[$-404]e/m/d', 37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)', 39: '#,##0.00 ;(#,##0.00)', 40: '#,##0.00 ;[Red](#,##0.00)', 45: 'mm:ss', 46: '[h]:mm:ss',
  47: 'mmss.0', 48: '##0.0E+0', 49: '@', 50: '[$-404]e/m/d', 57: '[$-404]e/m/d', 59: 't0', 60: 't0.00', 61: 't#,##0',
  62: 't#,##0.00', 67: 't0%', 68: 't0.00%', 69: 't# ?/?', 70: 't# ??/??',
};

const DEFAULT_STYLE: CellStyle = { bold: false, indent: 0 };

function section(xml: string, name: string): string {
  const m = new RegExp(`<(?:\\w+:)?${name}\\b[^>]*?(?:/>|>([\\s\\S]*?)</(?:\\w+:)?${name}>)`).exec(xml);
  return m?.[1] ?? '';
}

/** Each `<name>…</name>` or `<name/>` element of a list, whole. */
function elements(xml: string, name: string): string[] {
  return xml.match(new RegExp(`<(?:\\w+:)?${name}\\b(?:[^>]*?/>|[^>]*>[\\s\\S]*?</(?:\\w+:)?${name}>)`, 'g')) ?? [];
}

export function parseStyles(xml: string | undefined): (index: number) => CellStyle {
  if (!xml) return () => DEFAULT_STYLE;
  const formats = new Map<number, string>();
  for (const tag of startTags(section(xml, 'numFmts'), 'numFmt')) {
    const id = Number(attr(tag, 'numFmtId'));
    const code = attr(tag, 'formatCode');
    if (Number.isFinite(id) && code !== undefined) formats.set(id, code);
  }
  const boldFonts = elements(section(xml, 'fonts'), 'font').map((font) => {
    const b = /<(?:\w+:)?b(\s[^>]*)?\/?>/.exec(font);
    if (!b) return false;
    const val = b[1] ? attr(b[1], 'val') : undefined;
    return val === undefined || isTrue(val);
  });
  const styles = elements(section(xml, 'cellXfs'), 'xf').map((xf): CellStyle => {
    const open = /^<[^>]*>/.exec(xf)![0];
    const id = Number(attr(open, 'numFmtId') ?? 0);
    const code = formats.get(id) ?? BUILT_IN_FORMATS[id];
    const alignment = startTags(xf, 'alignment')[0];
    const indent = alignment ? Number(attr(alignment, 'indent') ?? 0) : 0;
    const bold = boldFonts[Number(attr(open, 'fontId') ?? 0)] === true;
    const style: { format?: string; bold: boolean; indent: number } = { bold, indent: Number.isFinite(indent) ? indent : 0 };
    if (code !== undefined && code !== 'General') style.format = code;
    return style;
  });
  return (index) => styles[index] ?? DEFAULT_STYLE;
}
