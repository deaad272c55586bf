/**
 * Applies an engine edit plan to an exceljs workbook in memory (the CLI's `apply`, the
 * workbench's Download). Every Edit kind is handled; a plan that cannot be applied
 * (missing or protected sheet, bad range, wrong shape) throws PlanApplyError before
 * its edit changes anything.
 */
import ExcelJS from 'exceljs';
import { type CellValue, columnIndex, columnLetters, type ConditionalFormatSpec, type ConditionalStyle, type Edit, type EditPlan, parseRange, type RangeRef } from '../../engine';
import { xlsxMessages } from './messages';
import { formulaHasTag, tagFormula } from './cf-tag';
import { PlanApplyError } from './errors';
import { internals, isProtected } from './internals';
import { excelResult } from './write';

/** A cell that received a formula, so its cached result can be computed afterwards. */
export interface WrittenFormula {
  readonly sheet: string;
  readonly row: number;
  readonly col: number;
}

export interface ApplyResult {
  readonly formulas: readonly WrittenFormula[];
}

/** Office.js column widths are points; exceljs's are character widths (Calibri 11: 7 px a character, 5 px padding). */
export function pointsToCharacterWidth(points: number): number {
  return Math.max(0, Math.round(((points / 0.75 - 5) / 7) * 100) / 100);
}

export function characterWidthToPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

function argb(hex: string): string {
  return `FF${hex.replace(/^#/, '').toUpperCase()}`;
}

function sheetFor(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  // Excel's sheet names are case-insensitive.
  const ws = wb.getWorksheet(name) ?? wb.worksheets.find((w) => w.name.toLowerCase() === name.toLowerCase());
  if (!ws) throw new PlanApplyError(xlsxMessages.sheetMissing(name));
  if (isProtected(ws)) throw new PlanApplyError(xlsxMessages.sheetProtected(name));
  return ws;
}

function rangeOf(sheet: string, range: string): RangeRef {
  const ref = parseRange(range);
  if (!ref) throw new PlanApplyError(xlsxMessages.badRange(sheet, range));
  return ref;
}

export function checkShape(sheet: string, range: string, ref: RangeRef, grid: readonly (readonly unknown[])[]): void {
  const rows = ref.end.row - ref.start.row + 1;
  const cols = ref.end.col - ref.start.col + 1;
  if (grid.length !== rows || grid.some((r) => r.length !== cols)) throw new PlanApplyError(xlsxMessages.shapeMismatch(sheet, range));
}

/**
 * A shared formula's dependants point at their master cell; once a plan may overwrite the
 * master, every shared formula on the sheet is written out in full so none is orphaned.
 */
function unshareFormulas(ws: ExcelJS.Worksheet): void {
  ws.eachRow((row) => {
    row.eachCell((cell) => {
      if (cell.type !== ExcelJS.ValueType.Formula) return;
      const value = cell.value as { sharedFormula?: string; shareType?: string };
      if (value.sharedFormula !== undefined || value.shareType === 'shared') {
        cell.value = { formula: cell.formula, result: cell.result } as ExcelJS.CellFormulaValue;
      }
    });
  });
}

/**
 * A value as Excel stores it when a host writes it: a leading apostrophe is Excel's
 * "this is text" prefix (how plans write text such as `=SUM(…)` that must not become a
 * formula), not part of the text.
 */
export function plainValue(value: CellValue): ExcelJS.CellValue {
  if (value !== null && typeof value === 'object') return { error: value.error } as ExcelJS.CellErrorValue;
  if (typeof value === 'string' && value.startsWith("'")) return value.slice(1);
  return value;
}

function cfStyle(style: ConditionalStyle): Partial<ExcelJS.Style> {
  const out: Partial<ExcelJS.Style> = {};
  if (style.fill) out.fill = { type: 'pattern', pattern: 'solid', bgColor: { argb: argb(style.fill) } };
  if (style.fontColor || style.bold !== undefined) {
    out.font = {};
    if (style.fontColor) out.font.color = { argb: argb(style.fontColor) };
    if (style.bold !== undefined) out.font.bold = style.bold;
  }
  return out;
}

export function textCondition(operator: 'equals' | 'contains' | 'beginsWith', text: string, topLeft: string): string {
  const literal = `"${text.replace(/"/g, '""')}"`;
  // Excel's text comparisons with = and SEARCH are case-insensitive, as the spec asks.
  switch (operator) {
    case 'equals':
      return `TRIM(${topLeft})=${literal}`;
    case 'beginsWith':
      return `LEFT(TRIM(${topLeft}),${text.length})=${literal}`;
    case 'contains':
      return `NOT(ISERROR(SEARCH(${literal},${topLeft})))`;
  }
}

function cfRule(spec: ConditionalFormatSpec, tag: string, topLeft: string, priority: number): ExcelJS.ConditionalFormattingRule {
  const style = cfStyle(spec.style);
  const rule = spec.rule;
  if (rule.type === 'formula') return { type: 'expression', priority, formulae: [tagFormula(tag, rule.formula)], style };
  const formula = tagFormula(tag, textCondition(rule.operator, rule.text, topLeft));
  if (rule.operator === 'contains') {
    // A native "Text that contains" rule; Excel evaluates the formula stored with it, which carries the tag.
    return { type: 'containsText', operator: 'containsText', text: rule.text, priority, formulae: [formula], style } as ExcelJS.ConditionalFormattingRule;
  }
  return { type: 'expression', priority, formulae: [formula], style };
}

function ruleHasTag(rule: ExcelJS.ConditionalFormattingRule, tag: string): boolean {
  const first = (rule as { formulae?: unknown[] }).formulae?.[0];
  return typeof first === 'string' && formulaHasTag(first, tag);
}

function normaliseRef(ref: string): string {
  const parsed = parseRange(ref.replace(/\$/g, ''));
  if (!parsed) return ref;
  const a = `${columnLetters(parsed.start.col)}${parsed.start.row + 1}`;
  const b = `${columnLetters(parsed.end.col)}${parsed.end.row + 1}`;
  return a === b ? a : `${a}:${b}`;
}

function overlaps(ref: string, target: RangeRef): boolean {
  // A conditional format's ref may list several areas ("A1:A5 C1:C5").
  return ref.split(/\s+/).some((part) => {
    const r = parseRange(part.replace(/\$/g, ''));
    return r !== undefined && r.start.row <= target.end.row && target.start.row <= r.end.row && r.start.col <= target.end.col && target.start.col <= r.end.col;
  });
}

/**
 * Removes the add-in's rules with this tag: on the whole sheet, or (when adding) those
 * overlapping the range that were there before this plan, so a plan's own rules with one
 * tag (Red, Amber, Green) all stay. The officer's rules are never touched.
 */
function removeTaggedRules(ws: ExcelJS.Worksheet, tag: string, only?: { range: RangeRef; keep: ReadonlySet<object> }): void {
  const sheet = internals(ws);
  sheet.conditionalFormattings = sheet.conditionalFormattings
    .map((cf) => {
      if (only && !overlaps(cf.ref, only.range)) return cf;
      return { ...cf, rules: cf.rules.filter((r) => !ruleHasTag(r, tag) || (only !== undefined && only.keep.has(r))) };
    })
    .filter((cf) => cf.rules.length > 0);
}

function nextPriority(ws: ExcelJS.Worksheet): number {
  let max = 0;
  for (const cf of internals(ws).conditionalFormattings) for (const r of cf.rules) if (r.priority > max) max = r.priority;
  return max + 1;
}

function forEachCell(ws: ExcelJS.Worksheet, ref: RangeRef, fn: (cell: ExcelJS.Cell, r: number, c: number) => void): void {
  for (let row = ref.start.row; row <= ref.end.row; row++) {
    const xlRow = ws.getRow(row + 1);
    for (let col = ref.start.col; col <= ref.end.col; col++) fn(xlRow.getCell(col + 1), row - ref.start.row, col - ref.start.col);
  }
}

function addSheet(wb: ExcelJS.Workbook, name: string, after: string | undefined): void {
  if (wb.worksheets.some((w) => w.name.toLowerCase() === name.toLowerCase())) return; // Regenerating an existing sheet updates it in place.
  const ws = wb.addWorksheet(name);
  const order = wb.worksheets.filter((s) => s !== ws);
  const at = after === undefined ? -1 : order.findIndex((s) => s.name === after);
  order.splice(at < 0 ? order.length : at + 1, 0, ws);
  order.forEach((s, i) => (internals(s).orderNo = i + 1));
}

interface PlanState {
  /** Sheets whose shared formulas have been written out in full. */
  readonly unshared: Set<string>;
  readonly formulas: WrittenFormula[];
  /** Conditional-format rules this plan added (never replaced by the plan's own later rules). */
  readonly addedRules: Set<object>;
}

function applyEdit(wb: ExcelJS.Workbook, edit: Edit, state: PlanState): void {
  const { unshared, formulas } = state;
  if (edit.kind === 'addSheet') {
    addSheet(wb, edit.sheet, edit.after);
    return;
  }
  const ws = sheetFor(wb, edit.sheet);
  if (!unshared.has(edit.sheet)) {
    unshareFormulas(ws);
    unshared.add(edit.sheet);
  }
  switch (edit.kind) {
    case 'setValues': {
      const ref = rangeOf(edit.sheet, edit.range);
      checkShape(edit.sheet, edit.range, ref, edit.values);
      forEachCell(ws, ref, (cell, r, c) => (cell.value = plainValue(edit.values[r]![c]!)));
      return;
    }
    case 'setFormulas': {
      const ref = rangeOf(edit.sheet, edit.range);
      checkShape(edit.sheet, edit.range, ref, edit.formulas);
      forEachCell(ws, ref, (cell, r, c) => {
        const entry = edit.formulas[r]![c]!;
        if (typeof entry === 'string' && entry.startsWith('=')) {
          cell.value = { formula: entry.slice(1), result: excelResult(null) } as ExcelJS.CellFormulaValue;
          formulas.push({ sheet: edit.sheet, row: ref.start.row + r, col: ref.start.col + c });
        } else {
          cell.value = plainValue(entry);
        }
      });
      return;
    }
    case 'setNumberFormat':
      forEachCell(ws, rangeOf(edit.sheet, edit.range), (cell) => (cell.numFmt = edit.format));
      return;
    case 'setFill':
      forEachCell(ws, rangeOf(edit.sheet, edit.range), (cell) => {
        cell.fill = edit.color === null
          ? { type: 'pattern', pattern: 'none' }
          : { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(edit.color) } };
      });
      return;
    case 'setBold':
      forEachCell(ws, rangeOf(edit.sheet, edit.range), (cell) => (cell.font = { ...cell.font, bold: edit.bold }));
      return;
    case 'setColumnWidth': {
      if (!/^[A-Za-z]{1,3}$/.test(edit.column)) throw new PlanApplyError(xlsxMessages.badRange(edit.sheet, edit.column));
      ws.getColumn(columnIndex(edit.column) + 1).width = pointsToCharacterWidth(edit.width);
      return;
    }
    case 'addConditionalFormat': {
      const ref = rangeOf(edit.sheet, edit.range);
      removeTaggedRules(ws, edit.tag, { range: ref, keep: state.addedRules });
      const topLeft = `${columnLetters(ref.start.col)}${ref.start.row + 1}`;
      const rule = cfRule(edit.format, edit.tag, topLeft, nextPriority(ws));
      state.addedRules.add(rule);
      ws.addConditionalFormatting({ ref: normaliseRef(edit.range), rules: [rule] });
      return;
    }
    case 'removeConditionalFormats':
      removeTaggedRules(ws, edit.tag);
      return;
    case 'setDataValidation': {
      const list = edit.list;
      const formula = 'source' in list ? list.source.replace(/^=/, '') : `"${list.map((s) => s.replace(/"/g, '""')).join(',')}"`;
      const validation: ExcelJS.DataValidation = { type: 'list', allowBlank: true, showErrorMessage: true, formulae: [formula] };
      const dv = internals(ws).dataValidations;
      forEachCell(ws, rangeOf(edit.sheet, edit.range), (cell) => dv.add(cell.address, { ...validation }));
      return;
    }
  }
}

/**
 * Applies every edit in order. Formula cells are written with no cached result (the
 * workbook is marked to recalculate when Excel opens it); use fillFormulaResults to
 * store computed results for readers that do not calculate.
 */
export function applyPlanToExcelJs(wb: ExcelJS.Workbook, plan: EditPlan): ApplyResult {
  const state: PlanState = { unshared: new Set(), formulas: [], addedRules: new Set() };
  for (const edit of plan.edits) applyEdit(wb, edit, state);
  if (state.formulas.length > 0) wb.calcProperties = { ...wb.calcProperties, fullCalcOnLoad: true };
  return { formulas: state.formulas };
}
