/**
 * Edits of one worksheet part (xl/worksheets/sheetN.xml): cells, column widths,
 * conditional formats and list validations. Rows and cells that are not edited, and every
 * other element of the sheet (merges, drawings, page setup, extensions), stay byte for byte.
 */
import { type CellValue, columnIndex, columnLetters, isErrorValue, parseRange, type RangeRef } from '../../../engine';
import { markerOfFormula } from '../cf-tag';
import { attr, decodeXml } from '../fast/xml';
import { slideFormula } from '../fast/slide-formula';
import { escapeText, escapeXml, findElement, findElements, inner, insertBefore, removeAttr, rootPrefix, setAttr, splice, type Found } from './xml-edit';
import type { StylesDoc, CellStyleChange } from './styles-xml';

/** A cell's new content: a formula (without `=`) with its cached result, or a constant. */
export type CellContent = { readonly formula: string; readonly result: CellValue } | { readonly value: CellValue };

export interface CellEdit {
  content?: CellContent;
  /** A new cached result for the formula the cell already holds. */
  result?: CellValue;
  style?: CellStyleChange;
}

const ROOT = 'worksheet';
/** CT_Worksheet's children, in the schema's order. */
const ORDER = ['sheetPr', 'dimension', 'sheetViews', 'sheetFormatPr', 'cols', 'sheetData', 'sheetCalcPr', 'sheetProtection', 'protectedRanges', 'scenarios', 'autoFilter', 'sortState', 'dataConsolidate', 'customSheetViews', 'mergeCells', 'phoneticPr', 'conditionalFormatting', 'dataValidations', 'hyperlinks', 'printOptions', 'pageMargins', 'pageSetup', 'headerFooter', 'rowBreaks', 'colBreaks', 'customProperties', 'cellWatches', 'ignoredErrors', 'smartTags', 'drawing', 'legacyDrawing', 'legacyDrawingHF', 'drawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst'];
const after = (name: string) => ORDER.slice(ORDER.indexOf(name) + 1);

export function emptySheetXml(): string {
  return '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheetData/></worksheet>';
}

export function isProtectedSheetXml(xml: string): boolean {
  const tag = /<(?:\w+:)?sheetProtection\b[^>]*>/.exec(xml)?.[0];
  if (!tag) return false;
  const sheet = attr(tag, 'sheet');
  return sheet === '1' || sheet === 'true';
}

function numberText(n: number): string {
  return Object.is(n, -0) ? '0' : String(n);
}

/** The `t` attribute and the `<v>` of a value; undefined type is a number (or nothing). */
function valueParts(value: CellValue, p: string, inFormula: boolean): { t?: string; body: string } {
  if (value === null) return { body: '' };
  if (isErrorValue(value)) return { t: 'e', body: `<${p}v>${escapeText(value.error)}</${p}v>` };
  if (typeof value === 'boolean') return { t: 'b', body: `<${p}v>${value ? 1 : 0}</${p}v>` };
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return { t: 'e', body: `<${p}v>#NUM!</${p}v>` };
    return { body: `<${p}v>${numberText(value)}</${p}v>` };
  }
  const space = /^\s|\s$/.test(value) ? ' xml:space="preserve"' : '';
  if (inFormula) return { t: 'str', body: `<${p}v${space}>${escapeText(value)}</${p}v>` };
  return { t: 'inlineStr', body: `<${p}is><${p}t${space}>${escapeText(value)}</${p}t></${p}is>` };
}

interface ParsedCell {
  readonly text: string;
  readonly open: string;
  readonly formula?: string; // the whole <f> element
  readonly col: number;
}

function parseCell(text: string, col: number): ParsedCell {
  const open = text.slice(0, text.indexOf('>') + 1);
  const f = /<(\w+:)?f(?=[\s/>])(?:[^>]*?\/>|[^>]*>[\s\S]*?<\/\1f>)/.exec(text)?.[0];
  return f === undefined ? { text, open, col } : { text, open, formula: f, col };
}

function cellRefCol(open: string): number | undefined {
  const r = attr(open, 'r');
  const m = r ? /^([A-Za-z]+)\d+$/.exec(r) : null;
  return m ? columnIndex(m[1]!) : undefined;
}

function rowIndexOf(open: string): number | undefined {
  const r = attr(open, 'r');
  return r === undefined ? undefined : Number(r) - 1;
}

export class SheetDoc {
  private xml: string;
  private readonly p: string;
  private readonly cells = new Map<number, Map<number, CellEdit>>();
  /** Whether a cell that held a formula lost it (the calculation chain must then go). */
  formulaRemoved = false;
  contentChanged = false;

  constructor(xml: string, private readonly styles: () => StylesDoc) {
    this.xml = xml;
    this.p = rootPrefix(xml, ROOT);
  }

  get isProtected(): boolean {
    return isProtectedSheetXml(this.xml);
  }

  private edit(row: number, col: number): CellEdit {
    let r = this.cells.get(row);
    if (!r) this.cells.set(row, (r = new Map()));
    let e = r.get(col);
    if (!e) r.set(col, (e = {}));
    return e;
  }

  setContent(row: number, col: number, content: CellContent): void {
    const e = this.edit(row, col);
    e.content = content;
    delete e.result;
  }

  setResult(row: number, col: number, value: CellValue): void {
    const e = this.edit(row, col);
    if (e.content && 'formula' in e.content) e.content = { formula: e.content.formula, result: value };
    else if (!e.content) e.result = value;
  }

  setStyle(row: number, col: number, change: CellStyleChange): void {
    const e = this.edit(row, col);
    e.style = { ...e.style, ...change };
  }

  // ---- Column widths ----

  setColumnWidth(col: number, characters: number): void {
    const p = this.p;
    const n = col + 1;
    const width = String(characters);
    const cols = findElement(this.xml, 'cols');
    if (!cols) {
      this.xml = insertBefore(this.xml, `<${p}cols><${p}col min="${n}" max="${n}" width="${width}" customWidth="1"/></${p}cols>`, after('cols'), ROOT);
      return;
    }
    const body = inner(cols);
    const items = findElements(body.text, 'col');
    const hit = items.find((c) => Number(attr(c.text, 'min')) <= n && n <= Number(attr(c.text, 'max')));
    const widthOf = (tag: string) => setAttr(setAttr(tag, 'width', width), 'customWidth', '1');
    let text: string;
    if (hit) {
      const min = Number(attr(hit.text, 'min'));
      const max = Number(attr(hit.text, 'max'));
      const pieces: string[] = [];
      if (min < n) pieces.push(setAttr(hit.text, 'max', String(n - 1)));
      pieces.push(widthOf(setAttr(setAttr(hit.text, 'min', String(n)), 'max', String(n))));
      if (n < max) pieces.push(setAttr(hit.text, 'min', String(n + 1)));
      text = body.text.slice(0, hit.start) + pieces.join('') + body.text.slice(hit.end);
    } else {
      const next = items.find((c) => Number(attr(c.text, 'min')) > n);
      const at = next ? next.start : body.text.length;
      text = splice(body.text, at, at, `<${p}col min="${n}" max="${n}" width="${width}" customWidth="1"/>`);
    }
    this.xml = splice(this.xml, body.start, body.end, text);
  }

  // ---- Conditional formats ----

  /** The sheet's own conditional formats (not the x14 ones in its extensions). */
  private ruleBlocks(): Found[] {
    return findElements(this.xml, 'conditionalFormatting').filter((b) => b.text.startsWith(`<${this.p}conditionalFormatting`));
  }

  private maxPriority(): number {
    let max = 0;
    for (const m of this.xml.matchAll(/<(?:\w+:)?cfRule\b[^>]*>/g)) max = Math.max(max, Number(attr(m[0], 'priority') ?? 0) || 0);
    return max;
  }

  /**
   * Removes the add-in's rules carrying `marker`: on the whole sheet, or only in
   * conditional formats overlapping `range`, sparing rules in `keep` (by their text).
   */
  removeRules(marker: string, only?: { range: RangeRef; keep: ReadonlySet<string> }): void {
    for (const block of this.ruleBlocks().reverse()) {
      const open = block.text.slice(0, block.text.indexOf('>') + 1);
      if (only && !overlaps(attr(open, 'sqref') ?? '', only.range)) continue;
      const body = inner(block);
      const rules = findElements(body.text, 'cfRule');
      const kept = rules.filter((r) => {
        const f = /<(\w+:)?formula>([\s\S]*?)<\/\1formula>/.exec(r.text)?.[2];
        const has = f !== undefined && markerOfFormula(decodeXml(f)) === marker;
        return !has || (only !== undefined && only.keep.has(r.text));
      });
      if (kept.length === rules.length) continue;
      if (kept.length === 0 && rules.length > 0) {
        this.xml = splice(this.xml, block.start, block.end, '');
        continue;
      }
      let text = body.text;
      for (const r of rules.filter((x) => !kept.includes(x)).reverse()) text = splice(text, r.start, r.end, '');
      this.xml = splice(this.xml, body.start, body.end, text);
    }
  }

  /** Adds a rule (its formula already tagged, without `=`) at the lowest priority; returns its text. */
  addRule(sqref: string, rule: { formula: string; text?: string; stopIfTrue?: boolean }, dxfId: number): string {
    const p = this.p;
    const priority = this.maxPriority() + 1;
    const kind = rule.text !== undefined ? `type="containsText" dxfId="${dxfId}" priority="${priority}"${rule.stopIfTrue ? ' stopIfTrue="1"' : ''} operator="containsText" text="${escapeXml(rule.text)}"` : `type="expression" dxfId="${dxfId}" priority="${priority}"${rule.stopIfTrue ? ' stopIfTrue="1"' : ''}`;
    const cfRule = `<${p}cfRule ${kind}><${p}formula>${escapeText(rule.formula)}</${p}formula></${p}cfRule>`;
    const block = `<${p}conditionalFormatting sqref="${escapeXml(sqref)}">${cfRule}</${p}conditionalFormatting>`;
    const last = this.ruleBlocks().at(-1);
    this.xml = last ? splice(this.xml, last.end, last.end, block) : insertBefore(this.xml, block, after('conditionalFormatting'), ROOT);
    return cfRule;
  }

  // ---- List validations ----

  addValidation(sqref: string, formula: string): void {
    const p = this.p;
    const item = `<${p}dataValidation type="list" allowBlank="1" showInputMessage="1" showErrorMessage="1" sqref="${escapeXml(sqref)}"><${p}formula1>${escapeText(formula)}</${p}formula1></${p}dataValidation>`;
    const list = findElement(this.xml, 'dataValidations');
    if (!list) {
      this.xml = insertBefore(this.xml, `<${p}dataValidations count="1">${item}</${p}dataValidations>`, after('dataValidations'), ROOT);
      return;
    }
    const body = inner(list);
    const items = findElements(body.text, 'dataValidation');
    // The same cells' validation is replaced, as Excel does.
    const same = items.find((v) => (attr(v.text.slice(0, v.text.indexOf('>') + 1), 'sqref') ?? '') === sqref);
    const text = same ? splice(body.text, same.start, same.end, item) : body.text + item;
    const count = items.length + (same ? 0 : 1);
    const open = setAttr(list.text.slice(0, list.text.indexOf('>') + 1).replace(/\s*\/>$/, '>'), 'count', String(count));
    this.xml = splice(this.xml, list.start, list.end, `${open}${text}</${p}dataValidations>`);
  }

  // ---- Cells ----

  private cellXml(row: number, col: number, old: ParsedCell | undefined, edit: CellEdit): string {
    const p = this.p;
    const restyle = (open: string) => (edit.style ? setAttr(open, 's', String(this.styles().xfWith(Number(attr(open, 's') ?? 0), edit.style))) : open);
    const ref = `${columnLetters(col)}${row + 1}`;
    let parts: { t?: string; body: string };
    if (edit.content && 'formula' in edit.content) {
      const v = valueParts(edit.content.result, p, true);
      parts = { ...v, body: `<${p}f>${escapeText(edit.content.formula)}</${p}f>${v.body}` };
    } else if (edit.content) {
      if (old?.formula) this.formulaRemoved = true;
      parts = valueParts(edit.content.value, p, false);
    } else if (edit.result !== undefined && old?.formula) {
      const v = valueParts(edit.result, p, true);
      parts = { ...v, body: old.formula + v.body };
    } else {
      // Only the format changes: the content stays as it was.
      if (old) return restyle(old.open) + old.text.slice(old.open.length);
      const open = restyle(`<${p}c r="${ref}"/>`);
      return open;
    }
    if (edit.content) this.contentChanged = true;
    let open = old ? old.open.replace(/\s*\/?>$/, '>') : `<${p}c r="${ref}">`;
    open = setAttr(open, 'r', ref);
    open = parts.t === undefined ? removeAttr(open, 't') : setAttr(open, 't', parts.t);
    // Rich-value and cell-metadata links belong to the old content.
    open = removeAttr(removeAttr(open, 'cm'), 'vm');
    open = restyle(open);
    return parts.body === '' ? open.replace(/>$/, '/>') : `${open}${parts.body}</${p}c>`;
  }

  /** Writes the pending cell edits into the sheet's XML. */
  finish(): string {
    if (this.cells.size === 0) return this.xml;
    const p = this.p;
    const sheetData = findElement(this.xml, 'sheetData');
    if (!sheetData) throw new Error('a worksheet without sheetData');
    const body = inner(sheetData);
    const rows = findElements(body.text, 'row');
    let implicitRow = -1;
    const rowIndex = rows.map((r) => {
      const open = r.text.slice(0, r.text.indexOf('>') + 1);
      implicitRow = rowIndexOf(open) ?? implicitRow + 1;
      return implicitRow;
    });

    // Shared formulas whose master cell is overwritten: their other cells get the formula written out.
    const unshare = new Map<string, { formula: string; row: number; col: number }>();
    rows.forEach((r, i) => {
      const edits = this.cells.get(rowIndex[i]!);
      if (!edits) return;
      for (const c of this.rowCells(r.text)) {
        if (!edits.get(c.col)?.content || !c.cell.formula) continue;
        const f = c.cell.formula;
        const fOpen = f.slice(0, f.indexOf('>') + 1);
        const text = f.endsWith('/>') ? '' : decodeXml(f.slice(fOpen.length, f.lastIndexOf('</')));
        const si = attr(fOpen, 'si');
        if (attr(fOpen, 't') === 'shared' && si !== undefined && text !== '') unshare.set(si, { formula: text, row: rowIndex[i]!, col: c.col });
      }
    });

    let text = body.text;
    const pending = new Map(this.cells);
    for (let i = rows.length - 1; i >= 0; i--) {
      const r = rows[i]!;
      const index = rowIndex[i]!;
      const edits = pending.get(index);
      pending.delete(index);
      const needsUnshare = unshare.size > 0 && r.text.includes('shared');
      if (!edits && !needsUnshare) continue;
      text = splice(text, r.start, r.end, this.patchRow(r, index, edits ?? new Map(), unshare));
    }
    // Rows that do not exist yet, each before the first row below it.
    const created = [...pending.keys()].sort((a, b) => a - b);
    for (const index of created.reverse()) {
      const cellsXml = [...pending.get(index)!.entries()].sort((a, b) => a[0] - b[0]).map(([col, e]) => this.cellXml(index, col, undefined, e)).join('');
      const rowXml = `<${p}row r="${index + 1}">${cellsXml}</${p}row>`;
      const i = rowIndex.findIndex((r) => r > index);
      // `text` changed only inside rows at or after i's predecessors; find the insertion point afresh.
      const at = i < 0 ? text.length : this.rowStart(text, rowIndex[i]!);
      text = splice(text, at, at, rowXml);
    }
    const open = sheetData.text.slice(0, sheetData.text.indexOf('>') + 1).replace(/\s*\/>$/, '>');
    this.xml = splice(this.xml, sheetData.start, sheetData.end, `${open}${text}</${p}sheetData>`);
    this.extendDimension();
    return this.xml;
  }

  private rowStart(text: string, index: number): number {
    for (const r of findElements(text, 'row')) {
      const open = r.text.slice(0, r.text.indexOf('>') + 1);
      if (rowIndexOf(open) === index) return r.start;
    }
    return text.length;
  }

  private rowCells(rowText: string): { found: Found; cell: ParsedCell; col: number }[] {
    let implicit = -1;
    return findElements(rowText, 'c').map((found) => {
      const open = found.text.slice(0, found.text.indexOf('>') + 1);
      implicit = cellRefCol(open) ?? implicit + 1;
      return { found, cell: parseCell(found.text, implicit), col: implicit };
    });
  }

  private patchRow(row: Found, index: number, edits: ReadonlyMap<number, CellEdit>, unshare: ReadonlyMap<string, { formula: string; row: number; col: number }>): string {
    const p = this.p;
    const open = row.text.slice(0, row.text.indexOf('>') + 1);
    const selfClosing = open.endsWith('/>');
    let body = selfClosing ? '' : row.text.slice(open.length, row.text.lastIndexOf('</'));
    const cells = this.rowCells(body);
    const remaining = new Map(edits);
    for (let k = cells.length - 1; k >= 0; k--) {
      const { found, cell, col } = cells[k]!;
      const edit = remaining.get(col);
      remaining.delete(col);
      let replacement: string | undefined;
      if (edit) replacement = this.cellXml(index, col, cell, edit);
      else if (cell.formula && unshare.size > 0) replacement = unshared(found.text, cell, index, col, unshare);
      if (replacement !== undefined) body = splice(body, found.start, found.end, replacement);
    }
    // New cells, in column order among the existing ones.
    const after = this.rowCells(body);
    for (const [col, edit] of [...remaining.entries()].sort((a, b) => b[0] - a[0])) {
      const next = after.find((c) => c.col > col);
      const at = next ? next.found.start : body.length;
      body = splice(body, at, at, this.cellXml(index, col, undefined, edit));
    }
    // A row's `spans` is a hint that new cells may fall outside of.
    const newOpen = remaining.size > 0 ? removeAttr(open, 'spans') : open;
    return `${newOpen.replace(/\s*\/>$/, '>')}${body}</${p}row>`;
  }

  private extendDimension(): void {
    const dim = /<(?:\w+:)?dimension\b[^>]*>/.exec(this.xml);
    if (!dim) return;
    const ref = attr(dim[0], 'ref') ?? '';
    const parsed = parseRange(ref.replace(/\$/g, '')) ?? parseRange(`${ref}:${ref}`);
    let top = parsed?.start.row ?? Infinity;
    let left = parsed?.start.col ?? Infinity;
    let bottom = parsed?.end.row ?? -1;
    let right = parsed?.end.col ?? -1;
    for (const [row, cols] of this.cells) {
      for (const [col, e] of cols) {
        if (!e.content) continue;
        top = Math.min(top, row);
        bottom = Math.max(bottom, row);
        left = Math.min(left, col);
        right = Math.max(right, col);
      }
    }
    if (bottom < 0) return;
    const a = `${columnLetters(left)}${top + 1}`;
    const b = `${columnLetters(right)}${bottom + 1}`;
    const next = a === b ? a : `${a}:${b}`;
    if (next === ref) return;
    this.xml = splice(this.xml, dim.index, dim.index + dim[0].length, setAttr(dim[0], 'ref', next));
  }
}

/** A shared formula's dependent cell with its formula written out in full (its master is being overwritten). */
function unshared(text: string, cell: ParsedCell, row: number, col: number, unshare: ReadonlyMap<string, { formula: string; row: number; col: number }>): string | undefined {
  const f = cell.formula!;
  const fOpen = f.slice(0, f.indexOf('>') + 1);
  const si = attr(fOpen, 'si');
  if (attr(fOpen, 't') !== 'shared' || si === undefined) return undefined;
  const master = unshare.get(si);
  if (!master || (master.row === row && master.col === col)) return undefined;
  const prefix = /^<(\w+:)?f/.exec(f)?.[1] ?? '';
  const formula = slideFormula(master.formula, row - master.row, col - master.col);
  return text.replace(f, `<${prefix}f>${escapeText(formula)}</${prefix}f>`);
}

function overlaps(sqref: string, target: RangeRef): boolean {
  return sqref.split(/\s+/).some((part) => {
    const clean = part.replace(/\$/g, '');
    const r = parseRange(clean) ?? parseRange(`${clean}:${clean}`);
    return r !== undefined && r.start.row <= target.end.row && target.start.row <= r.end.row && r.start.col <= target.end.col && target.start.col <= r.end.col;
  });
}
