/**
 * Works out which conditional-format colours Excel would show on each cell of a simulated
 * sheet, so the workbench grid can render them (and browser tests can check them).
 * Formula rules are evaluated with HyperFormula at each cell, their relative references
 * shifted as Excel shifts them; text rules compare the shown text, case-insensitively.
 */
import { HyperFormula, type RawCellContent } from 'hyperformula';
import { toA1 } from '../engine';
import { slideFormula } from '../host/xlsx/fast/slide-formula';
import type { SimConditionalFormat, SimSheet, SimState } from '../host/simulated/state';

export interface CellStyle {
  fill?: string;
  fontColor?: string;
  bold?: boolean;
}

function valuesOnly(sheet: SimSheet): RawCellContent[][] {
  // Array.from, not map: rows read from files may be sparse, and HyperFormula wants dense arrays.
  return Array.from(sheet.rows, (row) => Array.from(row ?? [], (c) => (c?.value === undefined ? null : typeof c.value === 'string' && c.value.startsWith('=') ? `'${c.value}` : c.value)));
}

function textRuleMatches(rule: NonNullable<SimConditionalFormat['text']>, shown: string): boolean {
  const a = shown.toLowerCase();
  const b = rule.text.toLowerCase();
  if (/equal/i.test(rule.operator)) return a === b;
  if (/begin/i.test(rule.operator)) return a.startsWith(b);
  if (/notcontain/i.test(rule.operator)) return !a.includes(b);
  return a.includes(b);
}

/** Styles by A1 address for the named sheet, from the add-in's and the officer's rules. */
export function conditionalStyles(state: SimState, sheetName: string): Map<string, CellStyle> {
  const styles = new Map<string, CellStyle>();
  const sheet = state.sheets.find((s) => s.name === sheetName);
  if (!sheet || sheet.conditionalFormats.length === 0) return styles;
  const hf = HyperFormula.buildFromSheets(Object.fromEntries(state.sheets.map((s) => [s.name, valuesOnly(s)])), { licenseKey: 'gpl-v3' });
  try {
    const sheetId = hf.getSheetId(sheetName) ?? 0;
    const stopped = new Set<string>();
    // The collection is in priority order: earlier rules win.
    for (const cf of sheet.conditionalFormats) {
      const lastRow = Math.min(cf.range.end.row, sheet.rows.length - 1);
      for (let r = cf.range.start.row; r <= lastRow; r++) {
        for (let c = cf.range.start.col; c <= cf.range.end.col; c++) {
          const a1 = toA1(r, c);
          if (stopped.has(a1) || !ruleMatches(hf, sheetId, sheet, cf, r, c)) continue;
          const style = styles.get(a1) ?? {};
          if (cf.fill && style.fill === undefined) style.fill = cf.fill;
          if (cf.fontColor && style.fontColor === undefined) style.fontColor = cf.fontColor;
          if (cf.bold !== null && style.bold === undefined) style.bold = cf.bold;
          styles.set(a1, style);
          if (cf.stopIfTrue) stopped.add(a1);
        }
      }
    }
  } finally {
    hf.destroy();
  }
  return styles;
}

function ruleMatches(hf: HyperFormula, sheetId: number, sheet: SimSheet, cf: SimConditionalFormat, r: number, c: number): boolean {
  if (cf.type === 'ContainsText' && cf.text) {
    const v = sheet.rows[r]?.[c]?.value;
    return textRuleMatches(cf.text, v === undefined ? '' : String(v));
  }
  if (!cf.formula) return false;
  const shifted = slideFormula(cf.formula, r - cf.range.start.row, c - cf.range.start.col);
  const result = hf.calculateFormula(shifted.startsWith('=') ? shifted : `=${shifted}`, sheetId);
  return result === true || (typeof result === 'number' && result !== 0);
}
