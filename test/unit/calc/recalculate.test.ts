import { recalculate } from '../../../src/host/calc/recalculate';
import { cellAt, sheetFromValues } from '../../../src/engine/grid';

describe('recalculate', () => {
  test('evaluates formulas across sheets with quoted names', () => {
    const wb = recalculate({
      sheets: [
        sheetFromValues('Month 6', [['Line', 0.168]]),
        sheetFromValues('Month 7', [['Line', 0.142, { value: null, formula: "=B1-'Month 6'!B1" }, { value: null, formula: '=SUM(B1:C1)' }]]),
      ],
    });
    const m7 = wb.sheets[1]!;
    expect(cellAt(m7, 0, 2).value).toBeCloseTo(-0.026, 10);
    expect(cellAt(m7, 0, 3).value).toBeCloseTo(0.116, 10);
  });

  test('error values propagate as values, and text starting with "=" stays text', () => {
    const wb = recalculate({ sheets: [sheetFromValues('S', [[{ error: '#REF!' }, { value: null, formula: '=A1+1' }, '=not a formula', { value: null, formula: '=1/0' }]])] });
    const s = wb.sheets[0]!;
    expect(cellAt(s, 0, 1).value).toEqual({ error: '#REF!' });
    expect(cellAt(s, 0, 2).value).toBe('=not a formula');
    expect(cellAt(s, 0, 3).value).toEqual({ error: '#DIV/0!' });
  });
});

describe('recalculate on large and sparse sheets', () => {
  test('evaluates past HyperFormula’s default 40,000-row limit, with missing rows', () => {
    const rows: ({ value: number | null; formula?: string } | undefined)[][] = [];
    rows[0] = [{ value: 2 }];
    rows[45_000] = [{ value: null, formula: '=A1*3' }];
    const wb = recalculate({ sheets: [{ name: 'Big', rows }] });
    expect(cellAt(wb.sheets[0]!, 45_000, 0).value).toBe(6);
    expect(cellAt(wb.sheets[0]!, 1_000, 0).value).toBeNull();
  });
});
