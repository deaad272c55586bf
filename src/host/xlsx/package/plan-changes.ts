/**
 * An engine edit plan as package changes (patch.ts): what the CLI's `apply` saves. Each
 * plan is its own group, so a plan's own Red, Amber and Green rules all stay while the
 * add-in's earlier rules with the same tag on those cells are replaced.
 */
import { type CellValue, columnLetters, type EditPlan, parseRange, type RangeRef } from '../../../engine';
import { checkShape, plainValue, textCondition } from '../apply-plan';
import { markerOfTag, tagFormula } from '../cf-tag';
import { PlanApplyError } from '../errors';
import { xlsxMessages } from '../messages';
import { columnOf, type PackageChange } from './patch';

function rangeOf(sheet: string, range: string): RangeRef {
  const ref = parseRange(range);
  if (!ref) throw new PlanApplyError(xlsxMessages.badRange(sheet, range));
  return ref;
}

function cells(ref: RangeRef, fn: (row: number, col: number, r: number, c: number) => PackageChange): PackageChange[] {
  const out: PackageChange[] = [];
  for (let row = ref.start.row; row <= ref.end.row; row++) {
    for (let col = ref.start.col; col <= ref.end.col; col++) out.push(fn(row, col, row - ref.start.row, col - ref.start.col));
  }
  return out;
}

function asCellValue(value: unknown): CellValue {
  const v = plainValue(value as CellValue);
  if (v !== null && typeof v === 'object') return { error: (v as { error: string }).error };
  return v as CellValue;
}

export function planChanges(plan: EditPlan, group: number): PackageChange[] {
  const out: PackageChange[] = [];
  for (const edit of plan.edits) {
    const sheet = edit.sheet;
    switch (edit.kind) {
      case 'addSheet':
        out.push({ kind: 'addSheet', sheet, ...(edit.after !== undefined ? { after: edit.after } : {}) });
        break;
      case 'setValues': {
        const ref = rangeOf(sheet, edit.range);
        checkShape(sheet, edit.range, ref, edit.values);
        out.push(...cells(ref, (row, col, r, c) => ({ kind: 'cell', sheet, row, col, content: { value: asCellValue(edit.values[r]![c]!) } })));
        break;
      }
      case 'setFormulas': {
        const ref = rangeOf(sheet, edit.range);
        checkShape(sheet, edit.range, ref, edit.formulas);
        out.push(
          ...cells(ref, (row, col, r, c) => {
            const entry = edit.formulas[r]![c]!;
            return typeof entry === 'string' && entry.startsWith('=')
              ? { kind: 'cell', sheet, row, col, content: { formula: entry.slice(1), result: null } }
              : { kind: 'cell', sheet, row, col, content: { value: asCellValue(entry) } };
          }),
        );
        break;
      }
      case 'setNumberFormat':
        out.push(...cells(rangeOf(sheet, edit.range), (row, col) => ({ kind: 'style', sheet, row, col, change: { numFmt: edit.format } })));
        break;
      case 'setFill':
        out.push(...cells(rangeOf(sheet, edit.range), (row, col) => ({ kind: 'style', sheet, row, col, change: { fill: edit.color } })));
        break;
      case 'setBold':
        out.push(...cells(rangeOf(sheet, edit.range), (row, col) => ({ kind: 'style', sheet, row, col, change: { bold: edit.bold } })));
        break;
      case 'setColumnWidth':
        out.push({ kind: 'columnWidth', sheet, col: columnOf(sheet, edit.column), points: edit.width });
        break;
      case 'addConditionalFormat': {
        const ref = rangeOf(sheet, edit.range);
        const topLeft = `${columnLetters(ref.start.col)}${ref.start.row + 1}`;
        const rule = edit.format.rule;
        const formula = rule.type === 'formula' ? tagFormula(edit.tag, rule.formula) : tagFormula(edit.tag, textCondition(rule.operator, rule.text, topLeft));
        out.push({ kind: 'removeRules', sheet, marker: markerOfTag(edit.tag), range: edit.range, group });
        out.push({
          kind: 'addRule',
          sheet,
          range: edit.range.replace(/\$/g, ''),
          formula,
          ...(rule.type === 'text' && rule.operator === 'contains' ? { text: rule.text } : {}),
          style: edit.format.style,
          ...(edit.format.stopIfTrue ? { stopIfTrue: true } : {}),
          group,
        });
        break;
      }
      case 'removeConditionalFormats':
        out.push({ kind: 'removeRules', sheet, marker: markerOfTag(edit.tag) });
        break;
      case 'setDataValidation': {
        const list = edit.list;
        const formula = 'source' in list ? list.source.replace(/^=/, '') : `"${list.map((s) => s.replace(/"/g, '""')).join(',')}"`;
        out.push({ kind: 'validation', sheet, range: edit.range.replace(/\$/g, ''), formula });
        break;
      }
      case 'addChart':
        out.push({ kind: 'addChart', sheet, chart: edit.chart });
        break;
      case 'removeCharts':
        out.push({ kind: 'removeCharts', sheet, prefix: edit.prefix });
        break;
    }
  }
  return out;
}
