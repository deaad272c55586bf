/** Edit plans the host tests apply to any fixture: they touch every kind of edit, next to the officer's data. */
import { columnLetters } from '../../src/engine/address';
import { columnCount, type Workbook } from '../../src/engine/grid';
import type { EditPlan } from '../../src/engine/plan';

export const NOTES_SHEET = 'BM Notes';
export const FLAG_FILL = '#FFC7CE';

/** Columns just right of the first sheet's data, and its row count. */
export function freeColumns(workbook: Workbook): { sheet: string; rows: number; col: number; flag: string; note: string; pick: string } {
  const sheet = workbook.sheets[0]!;
  const col = columnCount(sheet);
  return { sheet: sheet.name, rows: Math.max(sheet.rows.length, 1), col, flag: columnLetters(col), note: columnLetters(col + 1), pick: columnLetters(col + 2) };
}

export function everyKindPlan(workbook: Workbook): EditPlan {
  const { sheet, rows, flag, note, pick } = freeColumns(workbook);
  const formulas = Array.from({ length: rows }, (_, r) => [`=IF(ISNUMBER(B${r + 1}),B${r + 1}*2,"")`]);
  return {
    title: 'Every kind of edit',
    edits: [
      { kind: 'addSheet', sheet: NOTES_SHEET },
      { kind: 'setValues', sheet: NOTES_SHEET, range: 'A1:B2', values: [['Checked', true], ['Lines', 25]] },
      { kind: 'setFormulas', sheet, range: `${flag}1:${flag}${rows}`, formulas },
      { kind: 'setNumberFormat', sheet, range: `${flag}1:${flag}${rows}`, format: '0.00' },
      { kind: 'setValues', sheet, range: `${note}1:${note}3`, values: [['note'], [1.5], [null]] },
      { kind: 'setFill', sheet, range: 'A1:B2', color: FLAG_FILL },
      { kind: 'setBold', sheet, range: 'A1', bold: true },
      { kind: 'setColumnWidth', sheet, column: flag, width: 80 },
      {
        kind: 'addConditionalFormat',
        sheet,
        range: `${flag}1:${flag}${rows}`,
        tag: 'test-flag',
        format: { rule: { type: 'formula', formula: `=$${flag}1>10` }, style: { fill: FLAG_FILL, bold: true }, stopIfTrue: true },
      },
      { kind: 'setDataValidation', sheet, range: `${pick}1:${pick}${rows}`, list: ['Red', 'Amber', 'Green'] },
    ],
  };
}
