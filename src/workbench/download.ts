/**
 * Download .xlsx. A workbook opened from a file is saved as the CLI's `apply` saves one:
 * the file's own package with only what changed since Open patched in (the cells the
 * officer typed and the add-in wrote, their formats, the add-in's conditional formats,
 * validations, column widths and new sheets; src/host/xlsx/package). Everything else
 * (defined names, styles, merges, drawings, hidden sheets, column widths, cached results)
 * stays byte for byte. The built-in sample, which has no file, is written afresh with exceljs.
 */
import { type CellValue, isErrorValue, toA1, type Workbook } from '../engine';
import { recalculate } from '../host/simulated/calc';
import type { SimCell, SimConditionalFormat, SimSheet, SimState } from '../host/simulated/state';
import { workbookToExcelJs } from '../host/xlsx/write';
import { markerOfFormula } from '../host/xlsx/cf-tag';
import { browserZipCodec } from '../host/xlsx/fast/browser-codec';
import { chartChanges } from './chart-spec';
import { patchPackage, sameCellValue as sameValue, type PackageChange, type PackageCodec } from '../host/xlsx/package/patch';

function argb(color: string): string {
  return `FF${color.replace('#', '').toUpperCase()}`;
}

/** What Download starts from for a workbook opened from a file: its bytes, and the workbook as it was opened. */
export interface OpenedFile {
  readonly bytes: Uint8Array;
  readonly baseline: readonly SimSheet[];
}

/** Remembers the file and the simulation's state straight after Open. */
export function openedFile(bytes: Uint8Array, state: SimState): OpenedFile {
  return { bytes, baseline: structuredClone(state.sheets) };
}

function valueOf(cell: SimCell | undefined): CellValue {
  if (!cell || cell.value === undefined || cell.value === '') return null;
  return cell.error ? { error: String(cell.value) } : cell.value;
}


function rangeText(range: SimConditionalFormat['range']): string {
  const a = toA1(range.start.row, range.start.col);
  const b = toA1(range.end.row, range.end.col);
  return a === b ? a : `${a}:${b}`;
}

function ruleChange(sheet: string, cf: SimConditionalFormat): PackageChange[] {
  const range = rangeText(cf.range);
  const style = { ...(cf.fill ? { fill: cf.fill } : {}), ...(cf.fontColor ? { fontColor: cf.fontColor } : {}), ...(cf.bold !== null ? { bold: cf.bold } : {}) };
  const topLeft = toA1(cf.range.start.row, cf.range.start.col);
  const formula = cf.formula?.replace(/^=/, '') ?? (cf.text ? `NOT(ISERROR(SEARCH("${cf.text.text.replace(/"/g, '""')}",${topLeft})))` : undefined);
  if (formula === undefined) return [];
  const marker = markerOfFormula(formula);
  return [
    // The add-in's earlier rules with this tag on these cells (saved in the file) are replaced, as in Excel.
    ...(marker ? [{ kind: 'removeRules' as const, sheet, marker, range, group: 0 }] : []),
    { kind: 'addRule', sheet, range, formula, ...(cf.type === 'ContainsText' && cf.text ? { text: cf.text.text } : {}), style, ...(cf.stopIfTrue ? { stopIfTrue: true } : {}), group: 0 },
  ];
}

/**
 * The opened workbook's formulas as the simulation calculates them, unedited: a result that
 * differs from the file's only because the calculation is not Excel's (the last bits of a
 * float, say) differs from this just as much, and is no change.
 */
function recalculatedBaseline(baseline: readonly SimSheet[], state: SimState): () => readonly SimSheet[] {
  let sheets: SimSheet[] | undefined;
  return () => {
    if (!sheets) {
      sheets = structuredClone(baseline) as SimSheet[];
      recalculate({ ...state, sheets, settings: new Map(), dirty: true });
    }
    return sheets;
  };
}

function cellChanges(sheet: string, before: SimSheet, after: SimSheet, recalculated: () => SimSheet | undefined): PackageChange[] {
  const out: PackageChange[] = [];
  const rows = Math.max(before.rows.length, after.rows.length);
  for (let row = 0; row < rows; row++) {
    const a = before.rows[row];
    const b = after.rows[row];
    if (!a && !b) continue;
    const cols = Math.max(a?.length ?? 0, b?.length ?? 0);
    for (let col = 0; col < cols; col++) {
      const was = a?.[col];
      const now = b?.[col];
      if (!was && !now) continue;
      const old = valueOf(was);
      const value = valueOf(now);
      if (now?.formula !== was?.formula) {
        out.push({ kind: 'cell', sheet, row, col, content: now?.formula !== undefined ? { formula: now.formula.replace(/^=/, ''), result: value } : { value } });
      } else if (now?.formula === undefined && !sameValue(old, value)) {
        out.push({ kind: 'cell', sheet, row, col, content: { value } });
      } else if (now?.formula !== undefined && !sameValue(old, value) && !sameValue(valueOf(recalculated()?.rows[row]?.[col]), value)) {
        // A formula whose inputs changed: its new result, unless the calculation failed where Excel had a figure (as `apply` does).
        if (!(isErrorValue(value) && (old === null || !isErrorValue(old)))) out.push({ kind: 'result', sheet, row, col, value });
      }
      if ((was?.format ?? 'General') !== (now?.format ?? 'General')) out.push({ kind: 'style', sheet, row, col, change: { numFmt: now?.format ?? 'General' } });
      if (was?.fill !== now?.fill) out.push({ kind: 'style', sheet, row, col, change: { fill: now?.fill ?? null } });
      if (Boolean(was?.bold) !== Boolean(now?.bold)) out.push({ kind: 'style', sheet, row, col, change: { bold: Boolean(now?.bold) } });
    }
  }
  return out;
}

/** What the officer and the add-in changed since Open, as package changes; in sheet order. */
export function changesSinceOpen(baseline: readonly SimSheet[], state: SimState): PackageChange[] {
  const out: PackageChange[] = [];
  const recalculated = recalculatedBaseline(baseline, state);
  state.sheets.forEach((sheet, i) => {
    let before = baseline.find((s) => s.name === sheet.name);
    if (!before) {
      const previous = state.sheets[i - 1]?.name;
      out.push({ kind: 'addSheet', sheet: sheet.name, ...(previous !== undefined ? { after: previous } : {}) });
      before = { name: sheet.name, rows: [], protected: false, conditionalFormats: [], validations: [], columnWidths: new Map() };
    }
    const name = sheet.name;
    out.push(...cellChanges(name, before, sheet, () => recalculated().find((s) => s.name === name)));
    for (const [col, points] of sheet.columnWidths) {
      if (before.columnWidths.get(col) !== points) out.push({ kind: 'columnWidth', sheet: sheet.name, col, points });
    }
    const known = new Map(before.conditionalFormats.map((cf) => [cf.id, JSON.stringify(cf)]));
    const current = new Set(sheet.conditionalFormats.map((cf) => cf.id));
    for (const cf of before.conditionalFormats) {
      const marker = markerOfFormula(cf.formula);
      if (!current.has(cf.id) && marker) out.push({ kind: 'removeRules', sheet: sheet.name, marker });
    }
    for (const cf of sheet.conditionalFormats) {
      if (known.get(cf.id) !== JSON.stringify(cf)) out.push(...ruleChange(sheet.name, cf));
    }
    const validations = new Set(before.validations.map((v) => JSON.stringify(v)));
    for (const v of sheet.validations) {
      if (validations.has(JSON.stringify(v))) continue;
      const range = rangeText(v.range);
      out.push({ kind: 'validation', sheet: sheet.name, range, formula: v.source.startsWith('=') ? v.source.slice(1) : `"${v.source}"` });
    }
  });
  return out;
}

/**
 * The bytes to download. With the opened file: that file with the changes since Open
 * patched in (`codec` inflates and deflates; the browser's streams by default).
 */
export async function workbookBytes(state: SimState, workbook: Workbook, opened?: OpenedFile, codec: PackageCodec = browserZipCodec): Promise<Uint8Array> {
  if (opened) return patchPackage(opened.bytes, [...changesSinceOpen(opened.baseline, state), ...chartChanges(state, workbook)], codec);
  // exceljs writes no charts: the add-in's are patched into what it wrote.
  const charts = chartChanges(state, workbook).filter((c) => c.kind === 'addChart');
  return patchPackage(new Uint8Array(await sampleBytes(state, workbook)), charts, codec);
}

/** A workbook with no file behind it (the sample): written with exceljs from the simulation. */
async function sampleBytes(state: SimState, workbook: Workbook): Promise<ArrayBuffer> {
  const wb = workbookToExcelJs(workbook);
  for (const sheet of state.sheets) {
    const ws = wb.getWorksheet(sheet.name);
    if (!ws) continue;
    sheet.rows.forEach((row, r) =>
      row?.forEach((cell, c) => {
        if (cell?.fill) ws.getCell(toA1(r, c)).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(cell.fill) } };
      }),
    );
    // Lowest priority first, so that later (higher) rules keep Excel's order.
    sheet.conditionalFormats.forEach((cf, priority) => {
      const ref = `${toA1(cf.range.start.row, cf.range.start.col)}:${toA1(cf.range.end.row, cf.range.end.col)}`;
      const style = {
        ...(cf.fill ? { fill: { type: 'pattern' as const, pattern: 'solid' as const, bgColor: { argb: argb(cf.fill) } } } : {}),
        ...(cf.fontColor || cf.bold ? { font: { ...(cf.fontColor ? { color: { argb: argb(cf.fontColor) } } : {}), ...(cf.bold ? { bold: true } : {}) } } : {}),
      };
      if (cf.type === 'Custom' && cf.formula) {
        ws.addConditionalFormatting({ ref, rules: [{ type: 'expression', priority: priority + 1, formulae: [cf.formula.replace(/^=/, '')], style }] });
      } else if (cf.text) {
        ws.addConditionalFormatting({ ref, rules: [{ type: 'containsText', operator: 'containsText', priority: priority + 1, text: cf.text.text, style }] });
      }
    });
    for (const v of sheet.validations) {
      const source = v.source.replace(/^=/, '');
      for (let r = v.range.start.row; r <= v.range.end.row; r++) {
        for (let c = v.range.start.col; c <= v.range.end.col; c++) {
          ws.getCell(toA1(r, c)).dataValidation = { type: 'list', allowBlank: true, formulae: [source.includes('!') || source.includes(':') ? source : `"${source}"`] };
        }
      }
    }
  }
  return (await wb.xlsx.writeBuffer()) as ArrayBuffer;
}
