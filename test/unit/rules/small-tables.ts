/**
 * Small tables in other councils' conventions, for rule tests: income stored positive
 * (net = gross − income), variances shown positive when favourable, a variance % column,
 * a mixed-unit table. Figures are consistent unless a test injects a fault.
 */
import { parseA1 } from '../../../src/engine/address';
import { type Cell, type CellValue, type Workbook, sheetFromValues } from '../../../src/engine/grid';
import { recalculate } from '../../../src/host/calc/recalculate';
import { FMT_THOUSANDS as K, fx, num, sheet } from '../../fixtures/grids';

/** Excel rows: 1 title, 2 header, 3-5 lines, 6 total. Net = gross − income; variance = forecast − net. */
export function positiveIncomeTable(): Workbook {
  return recalculate({
    sheets: [
      sheet('Adults', [
        ['Adult Social Care revenue monitoring, Period 8'],
        ['Service', "Gross Expenditure £'000", "Income £'000", "Net Budget £'000", "Forecast Outturn £'000", "Variance £'000"],
        ['Care homes', num(5000, K), num(1200, K), fx('=B3-C3', K), num(3900, K), fx('=E3-D3', K)],
        ['Home care', num(3000, K), num(500, K), fx('=B4-C4', K), num(2450, K), fx('=E4-D4', K)],
        ['Day services', num(800, K), num(100, K), fx('=B5-C5', K), num(700, K), fx('=E5-D5', K)],
        ['Total Adult Social Care', fx('=SUM(B3:B5)', K), fx('=SUM(C3:C5)', K), fx('=SUM(D3:D5)', K), fx('=SUM(E3:E5)', K), fx('=SUM(F3:F5)', K)],
      ]),
    ],
  });
}

/**
 * Variances shown positive when favourable (budget − forecast), with a variance % column.
 * Excel rows: 1 title, 2 header, 3-7 lines, 8 total.
 */
export function favourableVarianceTable(): Workbook {
  const pct = '0.0%';
  return recalculate({
    sheets: [
      sheet('Housing', [
        ['Housing revenue monitoring, Quarter 3'],
        ['Service', "Net Budget £'000", "Projected Outturn £'000", "Variance Fav/(Adv) £'000", 'Variance %'],
        ['Homelessness', num(2000, K), num(2300, K), fx('=B3-C3', K), fx('=D3/ABS(B3)', pct)],
        ['Housing advice', num(1000, K), num(900, K), fx('=B4-C4', K), fx('=D4/ABS(B4)', pct)],
        ['Private sector housing', num(500, K), num(500, K), fx('=B5-C5', K), fx('=D5/ABS(B5)', pct)],
        ['Temporary accommodation', num(3000, K), num(3400, K), fx('=B6-C6', K), fx('=D6/ABS(B6)', pct)],
        ['Housing strategy', num(400, K), num(380, K), fx('=B7-C7', K), fx('=D7/ABS(B7)', pct)],
        ['Total Housing', fx('=SUM(B3:B7)', K), fx('=SUM(C3:C7)', K), fx('=SUM(D3:D7)', K), fx('=D8/ABS(B8)', pct)],
      ]),
    ],
  });
}

export type Entry = CellValue | Cell;

/**
 * A one-sheet workbook written out row by row (Excel row 1 first), with `at` replacing cells
 * by A1 ({ B5: 70 }): the small table a case reads, and the one change it makes to it.
 */
export function grid(name: string, rows: ReadonlyArray<ReadonlyArray<Entry>>, at: Readonly<Record<string, Entry>> = {}): Workbook {
  const copy: Entry[][] = rows.map((r) => [...r]);
  for (const [a1, entry] of Object.entries(at)) {
    const ref = parseA1(a1);
    if (!ref) throw new Error(`grid: ${a1} is not a cell`);
    const row = copy[ref.row] ?? [];
    while (row.length < ref.col) row.push(null);
    row[ref.col] = entry;
    copy[ref.row] = row;
  }
  return { sheets: [sheetFromValues(name, copy)] };
}

/** A formula cell with the value Excel shows for it. */
export const f = (formula: string, value: CellValue): Cell => ({ value, formula });

/** £m to three decimals, as seed 000 shows its figures: (1.223) for a negative, "-" for nil. */
export const FMT_M = '#,##0.000;(#,##0.000);"-"';
/** A typed figure in £m. */
export const m = (value: number): Cell => ({ value, format: FMT_M });
/** A formula figure in £m, with the value Excel shows for it. */
export const mf = (formula: string, value: number): Cell => ({ value, formula, format: FMT_M });
