/** The preview's old → new per cell, and the pane's en-GB figures. */
import { sheetFromValues, type Workbook } from '../../../src/engine/grid';
import type { EditPlan } from '../../../src/engine/plan';
import { cellChanges } from '../../../src/taskpane/state/cell-changes';
import { formatCellNumber, formatFigure, formatPounds } from '../../../src/taskpane/format';

const MILLIONS = '#,##0.000;(#,##0.000);"-"';

function workbook(): Workbook {
  const sheet = sheetFromValues('Month 7', [
    ['Line', 'Budget'],
    ['Fostering', { value: 1234.5, format: MILLIONS }],
    ['Adoption', { value: -2.25, format: MILLIONS }],
    ['sub total', { value: 1232.25, formula: '=SUM(B2:B3)', format: MILLIONS }],
  ]);
  return { sheets: [sheet] };
}

describe('cellChanges', () => {
  it('lists each written cell with its value as the sheet shows it, then the new value or formula; blank to blank is no change', () => {
    const plan: EditPlan = {
      title: 'Fix',
      edits: [
        { kind: 'setFormulas', sheet: 'Month 7', range: 'B2:B3', formulas: [['=B9'], [7]] },
        { kind: 'setValues', sheet: 'Month 7', range: 'B4:C4', values: [[-3.5, null]] },
        { kind: 'setFill', sheet: 'Month 7', range: 'B2', color: '#FF0000' },
      ],
    };
    expect(cellChanges(plan, workbook())).toEqual([
      { sheet: 'Month 7', cell: 'B2', before: '1,234.500', after: '=B9' },
      { sheet: 'Month 7', cell: 'B3', before: '(2.250)', after: '7.000' },
      { sheet: 'Month 7', cell: 'B4', before: '=SUM(B2:B3)', after: '(3.500)' },
    ]);
  });

  it('shows the figure a formula will give where the plan knows it, in the format the plan sets', () => {
    const plan: EditPlan = {
      title: 'Movement',
      edits: [
        { kind: 'setFormulas', sheet: 'Month 7', range: 'C2:C4', formulas: [["=B2-'Month 6'!B2"], ["=B3-'Month 6'!B3"], ['=SUM(C2:C3)']], results: [[0.234], [-0.012], [null]] },
        { kind: 'setNumberFormat', sheet: 'Month 7', range: 'C2:C4', format: MILLIONS },
      ],
    };
    expect(cellChanges(plan, workbook())).toEqual([
      { sheet: 'Month 7', cell: 'C2', before: '(blank)', after: '0.234' },
      { sheet: 'Month 7', cell: 'C3', before: '(blank)', after: '(0.012)' },
      { sheet: 'Month 7', cell: 'C4', before: '(blank)', after: '=SUM(C2:C3)' },
    ]);
  });

  it('a sheet the plan adds has no old values', () => {
    const plan: EditPlan = { title: 'Tracker', edits: [{ kind: 'addSheet', sheet: 'Tracker' }, { kind: 'setValues', sheet: 'Tracker', range: 'A1', values: [['Action']] }] };
    expect(cellChanges(plan, workbook())).toEqual([{ sheet: 'Tracker', cell: 'A1', before: '(blank)', after: 'Action' }]);
  });
});

describe('en-GB figures', () => {
  it('findings: thousands commas, negatives in brackets, no minus zero', () => {
    expect(formatFigure(1234567.891)).toBe('1,234,567.891');
    expect(formatFigure(-9.91)).toBe('(9.91)');
    expect(formatFigure(-0.0001)).toBe('0');
    expect(formatFigure(null)).toBe('(blank)');
  });

  it('cells follow their number format; thresholds are pounds', () => {
    expect(formatCellNumber(-1234.5, MILLIONS)).toBe('(1,234.500)');
    expect(formatCellNumber(0, MILLIONS)).toBe('-');
    expect(formatCellNumber(0.052, '0.0%')).toBe('5.2%');
    expect(formatPounds(100000)).toBe('£100,000');
  });
});
