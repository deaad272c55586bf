/**
 * An opened file shows the results saved with it, as Excel does; the officer's first edit
 * recalculates, knowing the file's defined names and keeping the results of formulas the
 * calculation cannot evaluate (a link to another workbook, a function it lacks).
 */
import type { Cell, CellValue, Workbook } from '../../src/engine/grid';
import { sheetFromValues } from '../../src/engine/grid';
import { createOfficeHost } from '../../src/host/office';
import { SimulatedExcel } from '../../src/host/simulated';
import { officeClientExcel } from '../../src/host/wire';
import { comparable } from './helpers';

const f = (formula: string, value: CellValue): Cell => ({ formula, value });

/** As saved by Excel: every result shown; D1 is a deliberately stale one, to see when calculation happens. */
function saved(): Workbook {
  return {
    sheets: [
      sheetFromValues('Rates', [['A', 0.1], ['B', 0.2]]),
      sheetFromValues('Budget', [
        ['B', f('=VLOOKUP(A1,Rates,2,FALSE)', 0.2), f('=[1]Forecast!$C$4', 1250), f('=SUM(B1:C1)', 999)],
        [100, f('=FORECASTX(A2)', 42), f('=C1*2', 2500), f('=IFERROR(NOSUCHFN(A2),0)', 7)],
      ]),
    ],
    definedNames: [{ name: 'Rates', formula: '=Rates!$A$1:$B$2' }],
  };
}

function budget(workbook: Workbook): Record<string, Cell> {
  return comparable(workbook)['Budget']!;
}

test('an opened file shows and reads its saved results until something changes', async () => {
  const excel = SimulatedExcel.fromWorkbook(saved(), { cachedResults: true });
  const { workbook } = await createOfficeHost(officeClientExcel(excel)).readWorkbook();
  expect(budget(workbook)['D1']).toEqual({ formula: '=SUM(B1:C1)', value: 999 });
  expect(budget(excel.toWorkbook())['D1']).toEqual({ formula: '=SUM(B1:C1)', value: 999 });
  expect(excel.toWorkbook().definedNames).toEqual([{ name: 'Rates', formula: '=Rates!$A$1:$B$2' }]);
});

test('the first edit recalculates with the defined names, keeping the results of what cannot be evaluated', async () => {
  const excel = SimulatedExcel.fromWorkbook(saved(), { cachedResults: true });
  excel.typeInto('Budget', 'A1', 'A');
  const values = Object.fromEntries(Object.entries(budget((await createOfficeHost(officeClientExcel(excel)).readWorkbook()).workbook)).map(([a1, c]) => [a1, c.value]));
  expect(values).toEqual({
    A1: 'A',
    B1: 0.1, // VLOOKUP over the name Rates, recalculated
    C1: 1250, // [1]Forecast!$C$4: another workbook, kept
    D1: 1250.1, // calculated from the kept link
    A2: 100,
    B2: 42, // a function the calculation lacks: kept
    C2: 2500,
    D2: 7, // kept, not IFERROR's 0
  });
});

test('a workbook built in memory (no saved results) is calculated when first read', () => {
  const excel = SimulatedExcel.fromWorkbook(saved());
  expect(budget(excel.toWorkbook())['D1']!.value).toBe(1250.2);
});
