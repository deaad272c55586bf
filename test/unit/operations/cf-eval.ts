/** Evaluates the add-in's conditional-format rules cell by cell with a real calculation engine. */
import { parseRange } from '../../../src/engine/address';
import type { Workbook } from '../../../src/engine/grid';
import type { Edit } from '../../../src/engine/plan';
import { recalculate } from '../../../src/host/calc/recalculate';

type CfEdit = Extract<Edit, { kind: 'addConditionalFormat' }>;

/** Moves a rule's formula, written for the range's top-left cell, to `row` (0-based). */
export function formulaForRow(formula: string, topRow: number, row: number): string {
  return formula.replace(/(\$?)([A-Z]{1,3})(\$?)(\d+)/g, (all, c$, col: string, r$, r: string) =>
    r$ ? all : `${c$}${col}${Number(r) - (topRow + 1) + row + 1}`,
  );
}

/** For every cell a formula rule covers: whether the rule is met there. Text rules compare cell text. */
export function evaluateRules(workbook: Workbook, rules: readonly CfEdit[]): Map<string, boolean>[] {
  const sheetName = rules[0]?.sheet;
  const sheet = workbook.sheets.find((s) => s.name === sheetName)!;
  const scratchCol = 60;
  const rows = sheet.rows.map((r) => (r ? [...r] : []));
  const slots: { rule: number; cell: string; row: number }[] = [];
  rules.forEach((edit, i) => {
    if (edit.format.rule.type !== 'formula') return;
    const ref = parseRange(edit.range)!;
    for (let row = ref.start.row; row <= ref.end.row; row++) {
      const cells = rows[row] ?? (rows[row] = []);
      const col = scratchCol + i;
      cells[col] = { value: null, formula: formulaForRow(edit.format.rule.formula, ref.start.row, row) };
      slots.push({ rule: i, cell: `${row}:${col}`, row });
    }
  });
  const calculated = recalculate({ sheets: workbook.sheets.map((s) => (s.name === sheetName ? { ...s, rows } : s)) });
  const out = rules.map(() => new Map<string, boolean>());
  const calcSheet = calculated.sheets.find((s) => s.name === sheetName)!;
  for (const slot of slots) {
    const [r, c] = slot.cell.split(':').map(Number) as [number, number];
    const ref = parseRange(rules[slot.rule]!.range)!;
    out[slot.rule]!.set(`${ref.start.col}:${slot.row}`, calcSheet.rows[r]?.[c]?.value === true);
  }
  return out;
}
