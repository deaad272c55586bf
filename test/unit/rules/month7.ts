/**
 * A four-line £m monitoring table in seed 000's layout, small enough to read at a glance:
 * every identity holds (net = expenditure + income, variance = forecast − net, the sub
 * total adds its lines), so a case that changes one cell shows exactly what it broke.
 *
 *   row 1  Service Area | Expenditure £m | Income £m | Net £m | Projection £m | Variance £m | RAG
 *   row 2  Prevention Services      7.404   (1.223)   6.181    6.124   (0.057)   Green
 *   row 3  Fostering               10.000   (0.500)   9.500    9.600    0.100    Amber
 *   row 4  Adoption                 2.000    0.000    2.000    2.000    0.000    Green
 *   row 5  sub total  =SUM(B2:B4) …  19.404  (1.723)  17.681   17.724    0.043    Amber
 */
import { sheetFromValues, type Cell, type CellValue, type Workbook } from '../../../src/engine/grid';

export type Entry = CellValue | Cell;

/** The table on sheet "Month 7", with `at` replacing cells by A1 ({ D2: 6.281 }). */
export function month7(at: Readonly<Record<string, Entry>> = {}): Workbook {
  const rows: Entry[][] = [
    ['Service Area', 'Current Expenditure Budget £m', 'Current Income Budget £m', 'Current Net Budget £m', 'Full Year Projection £m', 'Month 7 Variance £m', 'RAG Status'],
    ['Prevention Services', 7.404, -1.223, 6.181, 6.124, -0.057, 'Green'],
    ['Fostering', 10, -0.5, 9.5, 9.6, 0.1, 'Amber'],
    ['Adoption', 2, 0, 2, 2, 0, 'Green'],
    ['Children & Families sub total', { value: 19.404, formula: '=SUM(B2:B4)' }, { value: -1.723, formula: '=SUM(C2:C4)' }, { value: 17.681, formula: '=SUM(D2:D4)' }, { value: 17.724, formula: '=SUM(E2:E4)' }, { value: 0.043, formula: '=SUM(F2:F4)' }, 'Amber'],
  ];
  for (const [a1, entry] of Object.entries(at)) {
    const m = /^([A-Z])(\d+)$/.exec(a1);
    if (!m) throw new Error(`month7: ${a1} is not a cell of the table`);
    rows[Number(m[2]) - 1]![m[1]!.charCodeAt(0) - 65] = entry;
  }
  return { sheets: [sheetFromValues('Month 7', rows)] };
}
