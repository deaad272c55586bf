/** The grid fixtures are self-consistent: calculated formula values equal the published figures. */
import { cellAt, type Workbook } from '../../../src/engine/grid';
import { columnIndex } from '../../../src/engine/address';
import {
  GRID_FIXTURES, calculate, fx, seed000MonthsWorkbook, seed000Mitigations, seed000Table1Formulas, seed000Table1Values,
  seed001MtfpTracker, seed004Table4, seed004Table5, sheet,
} from '../../fixtures/grids';

const at = (wb: Workbook, sheetName: string, a1: string) => {
  const m = /^([A-Z]+)(\d+)$/.exec(a1)!;
  const s = wb.sheets.find((x) => x.name === sheetName)!;
  return cellAt(s, Number(m[2]) - 1, columnIndex(m[1]!));
};

describe('fixture calculator', () => {
  it('evaluates SUM, arithmetic, cross-sheet references and text as Excel does', () => {
    const wb = calculate({
      sheets: [
        sheet('Month 6', [[1.5, 2]]),
        sheet('S', [[1, 2, 'TBC', fx('=SUM(A1:C1)'), fx('=A1-B1*2'), fx("=A1+'Month 6'!B1"), fx('=A1+C1'), fx('=-(A1+B1)/2')]]),
      ],
    });
    expect(at(wb, 'S', 'D1').value).toBe(3);
    expect(at(wb, 'S', 'E1').value).toBe(-3);
    expect(at(wb, 'S', 'F1').value).toBe(3);
    expect(at(wb, 'S', 'G1').value).toEqual({ error: '#VALUE!' });
    expect(at(wb, 'S', 'H1').value).toBe(-1.5);
  });
});

describe('seed 000 Table 1', () => {
  const formulas = seed000Table1Formulas();
  const values = seed000Table1Values();
  it('calculates to the published figure in every cell (to 0.001)', () => {
    const s = values.sheets[0]!;
    let checked = 0;
    for (let r = 3; r < s.rows.length; r++) {
      for (let c = 1; c <= 10; c++) {
        const published = cellAt(s, r, c).value;
        const calculated = cellAt(formulas.sheets[0]!, r, c).value;
        if (typeof published === 'number') {
          expect(typeof calculated).toBe('number');
          expect(Math.abs((calculated as number) - published)).toBeLessThan(0.0005);
          checked++;
        } else {
          expect(calculated).toBe(published);
        }
      }
    }
    expect(checked).toBe(30 * 8);
  });
  it('has the formulas the layout promises', () => {
    expect(at(formulas, 'Month 7', 'D5').formula).toBe('=B5+C5');
    expect(at(formulas, 'Month 7', 'F5').formula).toBe('=E5-D5');
    expect(at(formulas, 'Month 7', 'B16').formula).toBe('=SUM(B5:B15)');
    expect(at(formulas, 'Month 7', 'K36').formula).toBe('=SUM(K35:K35)');
    expect(at(formulas, 'Month 7', 'B37').formula).toBe('=SUM(B16,B21,B33,B36)');
    expect(at(formulas, 'Month 7', 'B37').value).toBeCloseTo(193.526, 9);
    expect(at(formulas, 'Month 7', 'A37').value).toBe('Children, Families & Education Services Total');
  });
});

describe('seed 000 Month 6 and Month 7', () => {
  const wb = seed000MonthsWorkbook();
  it('derives Month 6 so that Month 7 movement equals the published movement', () => {
    expect(at(wb, 'Month 6', 'F7').value).toBeCloseTo(14.701 - 0.234, 9); // External Placements
    expect(at(wb, 'Month 6', 'E7').value).toBeCloseTo(45.916 + 14.467, 9);
    expect(at(wb, 'Month 7', 'K7').formula).toBe("=F7-'Month 6'!F7");
    expect(at(wb, 'Month 7', 'K7').value).toBeCloseTo(0.234, 9);
    expect(at(wb, 'Month 7', 'K37').value).toBeCloseTo(-0.375, 9);
    expect(at(wb, 'Month 6', 'F37').value).toBeCloseTo(8.755, 9);
    expect(at(wb, 'Month 6', 'G27').value).toBe('Underachievement'); // Inclusion Strategic Management: 0.745 − 0.032
  });
});

describe('seed 000 mitigation tracker', () => {
  const wb = seed000Mitigations();
  it('totals the actions and the amount still to be mitigated', () => {
    expect(at(wb, 'Mitigations', 'C15').value).toBeCloseTo(-0.378, 9);
    expect(at(wb, 'Mitigations', 'B15').value).toBe(0);
    expect(at(wb, 'Mitigations', 'C16').value).toBeCloseTo(9.737, 9);
    expect(at(wb, 'Mitigations', 'D16').value).toBeCloseTo(-0.173, 9);
    expect(at(wb, 'Mitigations', 'B10').value).toBe('TBC');
  });
});

describe('seed 001 and seed 004', () => {
  it('MTFP TOTALS equal the published totals', () => {
    const wb = seed001MtfpTracker();
    expect(['C19', 'E19', 'F19', 'G19'].map((a) => at(wb, 'MTFP Tracker', a).value)).toEqual([9568900, 1371200, 4166400, 4031300]);
    expect(at(wb, 'MTFP Tracker', 'D19').value).toBe(0);
  });
  it('Table 4 carries each year forward and Table 5 totals both ways', () => {
    const t4 = seed004Table4();
    expect(['B7', 'C7', 'D7', 'E6'].map((a) => at(t4, 'Table 4', a).value)).toEqual([65132, 59761, 57469, -10166]);
    const t5 = seed004Table5();
    expect(['B8', 'C8', 'D8', 'E8', 'E5'].map((a) => at(t5, 'Table 5', a).value)).toEqual([2503, 5371, 2292, 10166, 3754]);
  });
  it('every fixture builds', () => {
    for (const [name, build] of Object.entries(GRID_FIXTURES)) expect([name, build().sheets.length > 0]).toEqual([name, true]);
  });
});
