/**
 * The workbench's bundled sample: seed 000 (Somerset, Children, Families & Education,
 * 2024/25) as a "Month 6" and a "Month 7" sheet. Month 7 has SUM sub totals and total and
 * row formulas (net = expenditure + income, variance = forecast − net) over the published
 * figures; Month 6 is derived from Month 7 less its published movement.
 * Rows (Excel numbering): 1 title, 3 header, 4 first section, lines from 5.
 */
import { recalculate } from '../host/calc/recalculate';
import type { Cell, Sheet, Workbook } from '../engine';
import type { SimState } from '../host/simulated/state';

const MILLIONS = '#,##0.000;(#,##0.000);"-"';

const HEADERS = [
  'Service Area', 'Current Expenditure Budget £m', 'Current Income Budget £m', 'Current Net Budget £m',
  'Full Year Projection £m', 'Month 7 Variance £m', 'Overspend / (Underspend)', 'RAG Status',
  'Ongoing Pressure £m', 'One-off Pressures £m', 'Movement From Month 6 £m',
];

/** Label, expenditure, income, forecast, label word, RAG, ongoing, one-off, movement (published). */
type Line = readonly [string, number, number, number, string, string, number, number, number];
interface Section { readonly name: string; readonly lines: readonly Line[] }

const SECTIONS: readonly Section[] = [
  { name: 'Children & Families', lines: [
    ['Prevention Services', 7.404, -1.223, 6.124, 'Underspend', 'Green', 0, 0, 0],
    ['Fostering and Permanence', 13.528, -0.052, 13.103, 'Underspend', 'Green', 0, 0, 0.102],
    ['External Placements', 60.049, -14.133, 60.617, 'Overspend', 'Red', 14.701, 0, 0.234],
    ['Fieldwork East', 4.978, 0, 4.551, 'Underspend', 'Green', 0, 0, -0.012],
    ['Fieldwork West', 5.753, 0, 4.798, 'Underspend', 'Green', 0, 0, 0.052],
    ['Disabilities', 8.036, -0.333, 7.203, 'Underspend', 'Green', 0, 0, 0.024],
    ['Partnership, Audit & Quality', 3.206, -0.315, 2.885, 'Underspend', 'Green', 0, 0, 0.001],
    ['CLA East', 2.879, 0, 2.816, 'Underspend', 'Green', 0, 0, -0.015],
    ['CLA West', 2.135, 0, 2.303, 'Overspend', 'Red', 0, 0.168, -0.026],
    ['Leaving Care', 2.886, -0.417, 2.498, 'Overspend', 'Amber', 0, 0.029, -0.05],
    ['CSC Management', 4.222, -0.097, 1.723, 'Underspend', 'Green', 0, 0, -0.105],
  ] },
  { name: 'Commissioning & Performance', lines: [
    ['C&P Commissioning', 10.385, -7.41, 2.87, 'Underspend', 'Green', 0, 0, -0.03],
    ['Performance and Transformation', 3.423, 0.026, 3.022, 'Underspend', 'Green', 0, 0, 0],
    ['Business Support', 5.298, -0.137, 5.062, 'Underspend', 'Green', 0, 0, -0.074],
  ] },
  { name: 'Education', lines: [
    ['Special Educational Needs and Disabilities', 4.98, -2.006, 3.155, 'Overspend', 'Red', 0.181, 0, -0.023],
    ['Vulnerable Learners', 5.479, -5.353, 0.028, 'Underspend', 'Green', 0, 0, -0.141],
    ['Educational Psychology', 3.068, -1.15, 1.916, 'Underspend', 'Green', 0, 0, -0.003],
    ['Inclusion Transformation and Partnerships', 13.735, -0.354, 12.529, 'Underspend', 'Green', 0, 0, -0.354],
    ['Inclusion Strategic Management', 1.653, -1.75, 0.648, 'Underachievement', 'Red', 0, 0.745, 0.032],
    ['Education Leadership', 1.488, -1.617, -0.306, 'Overachievement', 'Green', 0, 0, -0.002],
    ['Education Operations', 4.824, -5.371, -0.685, 'Overachievement', 'Green', 0, 0, -0.032],
    ['Curriculum and Literacy', 3.555, -3.665, -0.013, 'Underachievement', 'Red', 0, 0.097, 0.004],
    ['Education Places', 15.858, -2.227, 12.623, 'Underspend', 'Green', 0, 0, 0.03],
    ['EPS Management', 4.374, -3.114, 1.653, 'Overspend', 'Red', 0, 0.393, -0.034],
  ] },
  { name: 'Children Services', lines: [
    ['Children, Families & Education Team', 0.33, -0.001, 0.084, 'Underspend', 'Green', 0, 0, 0.047],
  ] },
];

const TOTAL_LABEL = 'Children, Families & Education Services Total';
const round3 = (x: number): number => Math.round(x * 1000) / 1000;
const n = (value: number): Cell => ({ value, format: MILLIONS });
const f = (formula: string): Cell => ({ value: null, formula, format: MILLIONS });
const bold = (value: string): Cell => ({ value, bold: true });

function varianceWord(variance: number, net: number): string {
  if (net <= 0) return variance > 0 ? 'Underachievement' : 'Overachievement';
  return variance > 0 ? 'Overspend' : 'Underspend';
}

/** One period's sheet; `month` 7 carries the RAG, pressures and movement columns. */
function monthSheet(month: 6 | 7): Sheet {
  const lastCol = month === 7 ? 'K' : 'G';
  const sumCols = month === 7 ? ['B', 'C', 'D', 'E', 'F', 'I', 'J', 'K'] : ['B', 'C', 'D', 'E', 'F'];
  const headers = month === 7 ? HEADERS : [...HEADERS.slice(0, 5), 'Month 6 Variance £m', HEADERS[6]!];
  const rows: (Cell | undefined)[][] = [
    [bold(`2024/25 Children, Families & Education Services as at the end of ${month === 7 ? 'October' : 'September'} 2024 (Month ${month})`)],
    [],
    headers.map(bold),
  ];
  const subtotalRows: number[] = [];
  let totalVariance = 0;
  for (const section of SECTIONS) {
    rows.push([bold(section.name)]);
    const first = rows.length + 1;
    let sectionVariance = 0;
    for (const [label, exp, inc, forecast7, word, rag, ongoing, oneOff, movement] of section.lines) {
      const r = rows.length + 1;
      const net = round3(exp + inc);
      const forecast = month === 7 ? forecast7 : round3(forecast7 - movement);
      const variance = round3(forecast - net);
      sectionVariance = round3(sectionVariance + variance);
      const common: (Cell | undefined)[] = [{ value: label }, n(exp), n(inc), f(`=B${r}+C${r}`), n(forecast), f(`=E${r}-D${r}`)];
      rows.push(month === 7 ? [...common, { value: word }, { value: rag }, n(ongoing), n(oneOff), n(movement)] : [...common, { value: varianceWord(variance, net) }]);
    }
    const r = rows.length + 1;
    totalVariance = round3(totalVariance + sectionVariance);
    const subtotal: (Cell | undefined)[] = [{ value: 'sub total', bold: true }];
    for (const col of 'BCDEFGHIJK'.slice(0, lastCol.charCodeAt(0) - 65)) {
      subtotal.push(sumCols.includes(col) ? f(`=SUM(${col}${first}:${col}${r - 1})`) : undefined);
    }
    const word = sectionVariance > 0 ? 'Overspend' : 'Underspend';
    subtotal[6] = { value: word };
    if (month === 7) subtotal[7] = { value: sectionVariance > 0 ? 'Red' : 'Green' };
    rows.push(subtotal);
    subtotalRows.push(r);
  }
  const total: (Cell | undefined)[] = [{ value: TOTAL_LABEL, bold: true }];
  for (const col of 'BCDEFGHIJK'.slice(0, lastCol.charCodeAt(0) - 65)) {
    total.push(sumCols.includes(col) ? f(`=SUM(${subtotalRows.map((r) => `${col}${r}`).join(',')})`) : undefined);
  }
  total[6] = { value: totalVariance > 0 ? 'Overspend' : 'Underspend' };
  if (month === 7) total[7] = { value: 'Red' };
  rows.push(total);
  return { name: `Month ${month}`, rows };
}

export function sampleWorkbook(): Workbook {
  return recalculate({ sheets: [monthSheet(6), monthSheet(7)] });
}

/** The sample as an officer keeps it: columns sized to their contents, the title and header rows and the labels frozen. */
export function sampleViews(state: SimState): void {
  // Pixels, as Excel shows them at 100%: labels, six figure columns, the word and RAG columns, three more figures.
  const px = [270, 110, 110, 110, 110, 110, 130, 80, 110, 110, 110];
  for (const sheet of state.sheets) {
    // The title, its blank row and the header row stay in view.
    sheet.frozen = { rows: 3, cols: 1 };
    px.forEach((width, col) => sheet.columnWidths.set(col, width * 0.75));
  }
}
