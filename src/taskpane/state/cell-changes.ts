/**
 * What a plan will do to each cell it writes, old → new, for the preview: read from the
 * workbook as it was when the plan was made. Other edits (formats, colour rules, sheets)
 * are described in PlanPreview.
 */
import { type Cell, cellAt, type CellValue, type EditPlan, findSheet, isErrorValue, parseRange, toA1, type Workbook } from '../../engine';
import { formatCellNumber } from '../format';

export interface CellChange {
  readonly sheet: string;
  readonly cell: string;
  readonly before: string;
  readonly after: string;
}

export const BLANK = '(blank)';

function valueText(value: CellValue, format: string | undefined): string {
  if (value === null || value === '') return BLANK;
  if (typeof value === 'number') return formatCellNumber(value, format);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (isErrorValue(value)) return value.error;
  return value;
}

function cellText(cell: Cell): string {
  return cell.formula !== undefined ? `=${cell.formula.replace(/^=/, '')}` : valueText(cell.value, cell.format);
}

/**
 * Each cell a setValues or setFormulas edit writes, in plan order, as the officer will see it:
 * a formula whose result the operation knows is shown as that figure, in the number format the
 * plan gives it; a cell that shows the same before and after (often blank) is left out.
 */
export function cellChanges(plan: EditPlan, workbook: Workbook): CellChange[] {
  const out: CellChange[] = [];
  const formats = formatsSet(plan);
  for (const edit of plan.edits) {
    if (edit.kind !== 'setValues' && edit.kind !== 'setFormulas') continue;
    const range = parseRange(edit.range);
    if (!range) continue;
    const sheet = findSheet(workbook, edit.sheet);
    const rows = edit.kind === 'setValues' ? edit.values : edit.formulas;
    const results = edit.kind === 'setFormulas' ? edit.results : undefined;
    const format = formats.get(`${edit.sheet}!${edit.range}`);
    rows.forEach((row, r) =>
      row.forEach((next, c) => {
        const rowIndex = range.start.row + r;
        const colIndex = range.start.col + c;
        const old = sheet ? cellAt(sheet, rowIndex, colIndex) : undefined;
        const result = results?.[r]?.[c];
        const after =
          typeof result === 'number' ? formatCellNumber(result, format ?? old?.format)
            : edit.kind === 'setFormulas' && typeof next === 'string' && next.startsWith('=') ? next
              : valueText(next as CellValue, format ?? old?.format);
        const before = old ? cellText(old) : BLANK;
        // Writing what a cell already shows changes nothing the officer can see.
        if (before === after) return;
        out.push({ sheet: edit.sheet, cell: toA1(rowIndex, colIndex), before, after });
      }),
    );
  }
  return out;
}

/** The number formats the plan itself gives ranges it writes (movement formats its new column), by sheet!range. */
function formatsSet(plan: EditPlan): Map<string, string> {
  const formats = new Map<string, string>();
  for (const edit of plan.edits) if (edit.kind === 'setNumberFormat' && !formats.has(`${edit.sheet}!${edit.range}`)) formats.set(`${edit.sheet}!${edit.range}`, edit.format);
  return formats;
}
