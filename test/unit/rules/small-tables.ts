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

/** A £m formula whose value the calculation engine fills in. */
export const calc = (formula: string): Cell => ({ value: null, formula, format: FMT_M });

/** The edit that writes one word (a RAG status, a variance label) into a cell of "Month 7". */
export const writeWord = (cell: string, word: string) => [{ kind: 'setValues' as const, sheet: 'Month 7', range: cell, values: [[word]] }];

/**
 * Rows: 1 title, 2 header, 3-7 lines, 8 sub total (SUMs). Variance = forecast − budget;
 * Traded Services is an income line (net budget negative). Pressures split each overspend.
 *
 *   Fostering        10.000   10.300   0.300  Overspend         Red    0.300  -
 *   Adoption          4.000    4.020   0.020  Overspend         Amber  -      0.020
 *   Leaving Care      6.000    5.900  (0.100) Underspend        Green  -      -
 *   Youth Justice     1.000    1.000   -      -                 Green  -      -
 *   Traded Services  (2.000)  (1.950)  0.050  Underachievement  Amber  0.050  -
 *   sub total        19.000   19.270   0.270  Overspend         Red    0.350  0.020
 */
export const monitoringWithWords = (at: Readonly<Record<string, Entry>> = {}): Workbook => grid('Month 7', [
  ["Children's Services budget monitoring, Month 7"],
  ['Service Area', 'Current Net Budget £m', 'Full Year Projection £m', 'Month 7 Variance £m', 'Overspend / (Underspend)', 'RAG Status', 'Ongoing Pressure £m', 'One-off Pressures £m'],
  ['Fostering', m(10), m(10.3), m(0.3), 'Overspend', 'Red', m(0.3), m(0)],
  ['Adoption', m(4), m(4.02), m(0.02), 'Overspend', 'Amber', m(0), m(0.02)],
  ['Leaving Care', m(6), m(5.9), m(-0.1), 'Underspend', 'Green', m(0), m(0)],
  ['Youth Justice', m(1), m(1), m(0), '-', 'Green', m(0), m(0)],
  ['Traded Services', m(-2), m(-1.95), m(0.05), 'Underachievement', 'Amber', m(0.05), m(0)],
  ['Children & Families sub total', mf('=SUM(B3:B7)', 19), mf('=SUM(C3:C7)', 19.27), mf('=SUM(D3:D7)', 0.27), 'Overspend', 'Red', mf('=SUM(G3:G7)', 0.35), mf('=SUM(H3:H7)', 0.02)],
], at);

/**
 * Rows: 1 title, 2 header, 3-4 and 6-7 lines, 5 and 8 sub totals, 9 the total of the two
 * sub totals. Budget: 10 + 20 = 30, 5 + 7 = 12, 30 + 12 = 42.
 */
export const twoSections = (at: Readonly<Record<string, Entry>> = {}): Workbook => recalculate(grid('Month 7', [
  ["Children's Services budget monitoring, Month 7"],
  ['Service Area', 'Current Net Budget £m', 'Full Year Projection £m', 'Month 7 Variance £m'],
  ['Fostering', m(10), m(10.3), calc('=C3-B3')],
  ['Adoption', m(20), m(19.9), calc('=C4-B4')],
  ['Children & Families sub total', calc('=SUM(B3:B4)'), calc('=SUM(C3:C4)'), calc('=SUM(D3:D4)')],
  ['Schools', m(5), m(5), calc('=C6-B6')],
  ['Transport', m(7), m(7.5), calc('=C7-B7')],
  ['Education sub total', calc('=SUM(B6:B7)'), calc('=SUM(C6:C7)'), calc('=SUM(D6:D7)')],
  ["Children's Services Total", calc('=SUM(B5,B8)'), calc('=SUM(C5,C8)'), calc('=SUM(D5,D8)')],
], at));

/**
 * Seed 000 Table 3's shape. Rows: 1 title, 2 header, 3 To be Mitigated, 4-6 actions (one TBC),
 * 7 Total Mitigations, 8 Still to be Mitigated. Movement = Month 7 − Quarter 2; each action's
 * one-off + ongoing = its Month 7 amount; total = the actions; still = to be mitigated + total.
 *
 *   To be Mitigated              1.000    1.200    0.200
 *   Reduce agency staff         (0.100)  (0.300)  (0.200)  (0.100)  (0.200)
 *   Review transport contracts     -     (0.200)  (0.200)     -     (0.200)
 *   Recharge health partners      TBC      TBC      TBC      TBC      TBC
 *   Total Mitigations           (0.100)  (0.500)  (0.400)  (0.100)  (0.400)
 *   Still to be Mitigated        0.900    0.700   (0.200)
 */
export const smallTracker = (at: Readonly<Record<string, Entry>> = {}): Workbook => grid('Mitigations', [
  ['Table 3: Mitigating Actions Identified not yet included in the forecast outturn'],
  ['In-Year Mitigation Proposed', 'Quarter 2 £m', 'Month 7 £m', 'Movement £m', 'One-Off Mitigation £m', 'Ongoing Mitigation £m', 'Comments'],
  ['To be Mitigated', m(1), m(1.2), m(0.2), null, null, 'Overspend in Children & Families'],
  ['Reduce agency staff', m(-0.1), m(-0.3), m(-0.2), m(-0.1), m(-0.2), null],
  ['Review transport contracts', m(0), m(-0.2), m(-0.2), m(0), m(-0.2), null],
  ['Recharge health partners', 'TBC', 'TBC', 'TBC', 'TBC', 'TBC', 'To be quantified by Month 8'],
  ['Total Mitigations Identified to be Actioned', m(-0.1), m(-0.5), m(-0.4), m(-0.1), m(-0.4), null],
  ['Still to be Mitigated', m(0.9), m(0.7), m(-0.2), null, null, null],
], at);

/** £000 savings by year; a row-total column (=SUM of the three years) and a total row. */
export const savingsByYear = (at: Readonly<Record<string, Entry>> = {}): Workbook => recalculate(grid('Table 5', [
  ['Savings by year'],
  ['Proposal', "2024/25 £'000", "2025/26 £'000", "2026/27 £'000", "Total £'000"],
  ['Transport', 100, 200, 300, { value: null, formula: '=SUM(B3:D3)' }],
  ['Placements', 400, 500, 600, { value: null, formula: '=SUM(B4:D4)' }],
  ['Total', { value: null, formula: '=SUM(B3:B4)' }, { value: null, formula: '=SUM(C3:C4)' }, { value: null, formula: '=SUM(D3:D4)' }, { value: null, formula: '=SUM(E3:E4)' }],
], at));
