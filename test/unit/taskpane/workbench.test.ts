/** The workbench's pure parts: the seed 000 sample, what a cell shows, typing, and conditional colours. */
import { validateWorkbook } from '../../../src/engine/validate';
import { findSheet, type Workbook } from '../../../src/engine/grid';
import { SimulatedExcel } from '../../../src/host/simulated/excel';
import { conditionalStyles } from '../../../src/workbench/conditional-colours';
import { slideFormula } from '../../../src/host/xlsx/fast/slide-formula';
import { displayNumber } from '../../../src/workbench/display';
import { sampleWorkbook } from '../../../src/workbench/sample';

const MILLIONS = '#,##0.000;(#,##0.000);"-"';

function valueAt(workbook: Workbook, sheet: string, row: number, col: number): unknown {
  return findSheet(workbook, sheet)?.rows[row]?.[col]?.value;
}

describe('the seed 000 sample', () => {
  const workbook = sampleWorkbook();

  it('has Month 6 and Month 7, with the published Month 7 totals (to the penny)', () => {
    expect(workbook.sheets.map((s) => s.name)).toEqual(['Month 6', 'Month 7']);
    // Row 37 (index 36) is the directorate total: B..F and I..K as published.
    const total = [1, 2, 3, 4, 5, 8, 9, 10].map((c) => Math.round((valueAt(workbook, 'Month 7', 36, c) as number) * 1000) / 1000);
    expect(total).toEqual([193.526, -50.699, 142.827, 151.207, 8.38, 14.882, 1.432, -0.375]);
    expect(valueAt(workbook, 'Month 7', 15, 0)).toBe('sub total');
    expect(Math.round((valueAt(workbook, 'Month 7', 15, 5) as number) * 1000) / 1000).toBe(10.115);
  });

  it('derives Month 6 so that its Children & Families variance is the published Quarter 2 figure 9.910', () => {
    expect(Math.round((valueAt(workbook, 'Month 6', 15, 5) as number) * 1000) / 1000).toBe(9.91);
    expect(Math.round((valueAt(workbook, 'Month 6', 36, 5) as number) * 1000) / 1000).toBe(8.755);
  });

  it('is clean: validation finds no errors', () => {
    const { findings } = validateWorkbook(workbook);
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
  });
});

describe('displayNumber', () => {
  it('follows the finance format: decimals, parentheses for negatives, a dash for nil', () => {
    expect(displayNumber(14.701, MILLIONS)).toBe('14.701');
    expect(displayNumber(-1.223, MILLIONS)).toBe('(1.223)');
    expect(displayNumber(0, MILLIONS)).toBe('-');
    expect(displayNumber(193.526, MILLIONS)).toBe('193.526');
    expect(displayNumber(1234567, '#,##0')).toBe('1,234,567');
    expect(displayNumber(-5, '#,##0')).toBe('-5');
    expect(displayNumber(0.05, '0%')).toBe('5%');
    expect(displayNumber(0.1 + 0.2, undefined)).toBe('0.3');
  });
});

describe('slideFormula, as the workbench shifts a conditional format\'s formula to each cell', () => {
  it('moves relative parts only, and leaves quoted text and sheet names alone', () => {
    expect(slideFormula('=$F5>=MIN(0.1,5%*ABS($D5))', 2, 0)).toBe('=$F7>=MIN(0.1,5%*ABS($D7))');
    expect(slideFormula(`=AND(F5>0,'Month 6'!F5<0,"A1"=B$2,LOG10(A1))`, 1, 1)).toBe(`=AND(G6>0,'Month 6'!G6<0,"A1"=C$2,LOG10(B2))`);
    expect(slideFormula('=Z1+$A$1', 0, 1)).toBe('=AA1+$A$1');
  });
});

describe('conditionalStyles', () => {
  it('evaluates formula rules at each cell, in priority order, and text rules on the shown text', () => {
    const excel = SimulatedExcel.fromWorkbook({
      sheets: [{ name: 'S', rows: [[{ value: 5 }, { value: 'Red' }], [{ value: -1 }, { value: 'green' }], [{ value: 0 }, { value: 'Amber' }]] }],
    });
    const sheet = excel.sheet('S');
    const range = (r0: number, c0: number, r1: number, c1: number) => ({ start: { row: r0, col: c0 }, end: { row: r1, col: c1 } });
    // Earlier entries win, as in Excel's rule list.
    sheet.conditionalFormats.push(
      { id: '1', type: 'Custom', range: range(0, 0, 2, 0), formula: '=A1>0', fill: '#FFC7CE', fontColor: '#9C0006', bold: true, stopIfTrue: false },
      { id: '2', type: 'Custom', range: range(0, 0, 2, 0), formula: '=A1>=0', fill: '#FFEB9C', fontColor: null, bold: null, stopIfTrue: false },
      { id: '3', type: 'ContainsText', range: range(0, 1, 2, 1), text: { operator: 'Contains', text: 'GREEN' }, fill: '#C6EFCE', fontColor: null, bold: null, stopIfTrue: false },
    );
    const styles = conditionalStyles(excel.state, 'S');
    expect(styles.get('A1')).toEqual({ fill: '#FFC7CE', fontColor: '#9C0006', bold: true });
    expect(styles.get('A2')).toBeUndefined();
    expect(styles.get('A3')).toEqual({ fill: '#FFEB9C' });
    expect(styles.get('B2')).toEqual({ fill: '#C6EFCE' });
    expect(styles.get('B1')).toBeUndefined();
  });
});
