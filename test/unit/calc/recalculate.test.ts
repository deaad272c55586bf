import { recalculate } from '../../../src/host/calc/recalculate';
import { parseA1 } from '../../../src/engine/address';
import { cellAt, sheetFromValues, type Cell, type CellValue, type Workbook } from '../../../src/engine/grid';

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

/**
 * A workbook as saved by Excel: every formula with its result. Some results are stale, as
 * after the officer's first edit (B1 was "A"); some formulas are beyond HyperFormula.
 */
function savedWorkbook(): Workbook {
  const f = (formula: string, value: CellValue): Cell => ({ formula, value });
  return {
    sheets: [
      sheetFromValues('Rates', [['A', 0.1], ['B', 0.2], ['C', 0.3], [f('=Allowance', 9)]]),
      sheetFromValues('Budget', [
        [f('=VLOOKUP(B1,Rates,2,FALSE)', 0.1), 'B'],
        [f('=[1]Forecast!$C$4', 1250)],
        [f('=A2*2', 0)],
        [f('=FORECASTX(A1)', 42)],
        [f('=IFERROR(NOSUCHFN(1),0)', 7)],
        [f('=VLOOKUP("C",ExtRates,2,FALSE)', 0.5)],
        [f('=Allowance*2', 0)],
        [f('=SUM(Table1[Amount])', 10)],
        [f("='Old month'!A1", 3)],
        [f('=_xlfn.IFS(B1="B",5,TRUE,6)', null)],
        [f('=NOSUCHFN(1)', null)],
        [f('=SUM(B12:C12)', null), '5', 3],
        [f('=IF(A3>1000,TRUE,FALSE)', null)],
        [f('=1/A13', 5)],
        [f('=IFERROR(Old!#REF!/2,"")', null)],
      ]),
    ],
    definedNames: [
      { name: 'Rates', formula: '=Rates!$A$1:$B$3' },
      { name: 'ExtRates', formula: '=[1]Rates!$A$1:$B$3' },
      { name: 'Allowance', formula: '=Rates!$B$3', sheet: 'Budget' },
    ],
  };
}

describe('recalculate as Excel would after an edit', () => {
  const wb = recalculate(savedWorkbook());
  const budget = (a1: string) => {
    const ref = parseA1(a1)!;
    return cellAt(wb.sheets[1]!, ref.row, ref.col).value;
  };

  test('knows the defined names: a VLOOKUP over a name, a sheet-scoped name', () => {
    expect(budget('A1')).toBe(0.2);
    expect(budget('A7')).toBeCloseTo(0.6, 12);
    // Allowance belongs to Budget: on Rates it is unknown, so that formula keeps its result.
    expect(cellAt(wb.sheets[0]!, 3, 0).value).toBe(9);
  });

  test('a link to another workbook keeps its result, and what depends on it is calculated from it', () => {
    expect(budget('A2')).toBe(1250);
    expect(budget('A3')).toBe(2500);
    expect(budget('A6')).toBe(0.5); // through a name that points to another workbook
  });

  test('functions the engine lacks, tables and missing sheets keep their results', () => {
    expect(budget('A4')).toBe(42);
    expect(budget('A5')).toBe(7); // not IFERROR's 0
    expect(budget('A8')).toBe(10);
    expect(budget('A9')).toBe(3);
  });

  test('a formula without a result gets the calculated one, errors included; errors only HyperFormula has are not shown', () => {
    expect(budget('A10')).toBe(5); // _xlfn.IFS
    expect(budget('A11')).toEqual({ error: '#NAME?' });
    expect(budget('A13')).toBe(true); // TRUE and FALSE as literals
    expect(budget('A14')).toBe(1); // 1/TRUE: a formula it can evaluate is calculated, not kept
    expect(budget('A15')).toBeNull(); // not #ERROR!
  });

  test('text stays text: a "5" stored as text is not summed', () => {
    expect(budget('A12')).toBe(3);
  });

  test('formulas are left as they were', () => {
    expect(cellAt(wb.sheets[1]!, 1, 0)).toEqual({ formula: '=[1]Forecast!$C$4', value: 1250 });
    expect(wb.definedNames).toEqual(savedWorkbook().definedNames);
  });
});
