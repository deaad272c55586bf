/**
 * The add-in's own conditional formats: found by the tag in their formula, their ranges
 * read (a rule copied and pasted may span several areas), and added back.
 */
import { type ConditionalFormatSpec, type ConditionalStyle, parseRange, type RangeRef, splitQualified, toA1 } from '../../engine';
import { markerOfFormula } from '../xlsx/cf-tag';
import type { TaggedFormat } from './ledger';
import { type Context, same } from './targets';

export const CF_LOAD =
  'items/id,items/type,items/priority,items/stopIfTrue,items/customOrNullObject/rule/formula,items/customOrNullObject/format/fill/color,items/customOrNullObject/format/font/color,items/customOrNullObject/format/font/bold';

export interface OwnFormat {
  readonly item: Excel.ConditionalFormat;
  readonly sheet: string;
  readonly tag: string;
  readonly formula: string;
  readonly style: ConditionalStyle;
  readonly stopIfTrue: boolean;
  readonly priority: number;
  range?: string;
}

/** Loads the sheets' conditional formats and keeps the add-in's own (tagged) ones. */
export function queueFormatLoad(context: Context, sheets: readonly string[]): () => OwnFormat[] {
  const loads = sheets.map((sheet) => ({ sheet, formats: context.workbook.worksheets.getItem(sheet).getRange().conditionalFormats.load(CF_LOAD) }));
  return () =>
    loads.flatMap(({ sheet, formats }) =>
      formats.items.flatMap((item): OwnFormat[] => {
        if (item.type !== 'Custom') return [];
        const custom = item.customOrNullObject;
        const formula = custom.rule.formula;
        const tag = markerOfFormula(formula);
        if (tag === undefined) return [];
        const fill = custom.format.fill.color;
        const fontColor = custom.format.font.color;
        const bold = custom.format.font.bold;
        const style: ConditionalStyle = { ...(fill ? { fill } : {}), ...(fontColor ? { fontColor } : {}), ...(bold ? { bold: true } : {}) };
        return [{ item, sheet, tag, formula, style, stopIfTrue: item.stopIfTrue, priority: item.priority }];
      }),
    );
}

/**
 * Loads the ranges of the given formats (a second sync: their number is only known after the
 * first). A rule copied and pasted applies to several areas, and then getRange() throws in
 * Excel: the null-object form is asked instead, and where ExcelApi 1.9 has getRanges(), its
 * areas ("B5:B15,D5:D15"). Without 1.9 such a rule's range stays unknown (it is still
 * removed by its tag, but not matched by where it lies).
 */
export function queueFormatRanges(formats: readonly OwnFormat[], multiArea: boolean): () => void {
  const ranges = formats.map((f) => ({
    f,
    single: f.item.getRangeOrNullObject().load('address'),
    areas: multiArea ? f.item.getRanges().load('address') : undefined,
  }));
  return () => {
    for (const { f, single, areas } of ranges) {
      if (!single.isNullObject) f.range = splitQualified(single.address).address;
      else if (areas) f.range = areas.address.split(',').map((part) => splitQualified(part.trim()).address).join(',');
    }
  };
}

/** The areas of a range as the adapter records it ("B5:B15" or "B5:B15,D5:D15"). */
export function areasOf(range: string | undefined): RangeRef[] {
  if (range === undefined) return [];
  return range.split(',').flatMap((part) => {
    const ref = parseRange(part.trim());
    return ref ? [ref] : [];
  });
}

/** The rule of a spec as a condition (formula without `=`), relative to the range's top-left cell. */
export function conditionOf(spec: ConditionalFormatSpec, ref: RangeRef): string {
  const rule = spec.rule;
  if (rule.type === 'formula') return rule.formula.replace(/^=/, '');
  const cell = toA1(ref.start.row, ref.start.col);
  const literal = `"${rule.text.replace(/"/g, '""')}"`;
  // Office.js cannot read back a text rule's formula, so text rules are written as formula rules carrying the tag.
  switch (rule.operator) {
    case 'equals':
      return `TRIM(${cell})=${literal}`;
    case 'beginsWith':
      return `LEFT(TRIM(${cell}),${rule.text.length})=${literal}`;
    default:
      return `NOT(ISERROR(SEARCH(${literal},${cell})))`;
  }
}

/** Adds a tagged format; one recorded over several areas is put back as one rule per area (same formula, same look). */
export function queueAddFormat(context: Context, f: TaggedFormat): void {
  for (const area of f.range.split(',')) {
    const cf = context.workbook.worksheets.getItem(f.sheet).getRange(area.trim()).conditionalFormats.add('Custom');
    cf.custom.rule.formula = f.formula;
    if (f.style.fill) cf.custom.format.fill.color = f.style.fill;
    if (f.style.fontColor) cf.custom.format.font.color = f.style.fontColor;
    if (f.style.bold) cf.custom.format.font.bold = true;
    cf.stopIfTrue = f.stopIfTrue;
    if (f.priority !== undefined) cf.priority = f.priority;
  }
}

export const sameFormat = (a: { sheet: string; formula: string; range?: string }, b: { sheet: string; formula: string; range?: string }): boolean =>
  same(a.sheet, b.sheet) && same(a.formula, b.formula) && a.range !== undefined && b.range !== undefined && same(a.range, b.range);

export function toTagged(f: OwnFormat): TaggedFormat {
  return { sheet: f.sheet, range: f.range ?? '', tag: f.tag, formula: f.formula, style: f.style, stopIfTrue: f.stopIfTrue, priority: f.priority };
}
