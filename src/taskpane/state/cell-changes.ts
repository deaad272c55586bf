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

/** Each cell a setValues or setFormulas edit writes, in plan order. */
export function cellChanges(plan: EditPlan, workbook: Workbook): CellChange[] {
  const out: CellChange[] = [];
  for (const edit of plan.edits) {
    if (edit.kind !== 'setValues' && edit.kind !== 'setFormulas') continue;
    const range = parseRange(edit.range);
    if (!range) continue;
    const sheet = findSheet(workbook, edit.sheet);
    const rows = edit.kind === 'setValues' ? edit.values : edit.formulas;
    rows.forEach((row, r) =>
      row.forEach((next, c) => {
        const rowIndex = range.start.row + r;
        const colIndex = range.start.col + c;
        const old = sheet ? cellAt(sheet, rowIndex, colIndex) : undefined;
        const after =
          edit.kind === 'setFormulas' && typeof next === 'string' && next.startsWith('=') ? next : valueText(next as CellValue, old?.format);
        out.push({ sheet: edit.sheet, cell: toA1(rowIndex, colIndex), before: old ? cellText(old) : BLANK, after });
      }),
    );
  }
  return out;
}
