/**
 * Monitoring workbooks for the Office round-trip and operations benchmarks: a "Month 6"
 * and a "Month 7" sheet of `lines` service lines in sections of 25 (SUM sub totals, a
 * total of the sub totals, typed budgets, row formulas, number formats, bold headings;
 * words and RAG per the default policy, pressures and movement that add up),
 * and an MTFP savings sheet of `lines` savings. `faults` injects, in one section in 20 of
 * Month 7, a sub total that leaves out its section's last line: errors with a fix.
 */
import type { Cell, Sheet, Workbook } from '../src/engine/grid';
import { ragFor } from './workbook';

export const SECTION = 25;
export const FMT = '#,##0.000;(#,##0.000);"-"';
const HEADERS = ['Service Area', 'Current Expenditure Budget £m', 'Current Income Budget £m', 'Current Net Budget £m', 'Full Year Projection £m', 'Month 7 Variance £m', 'Overspend / (Underspend)', 'RAG Status', 'Ongoing Pressure £m', 'One-off Pressures £m', 'Movement From Month 6 £m'];
/** One section in this many gets a faulty sub total when faults are asked for. */
const FAULT_EVERY = 20;

/** Line n's figures in a month (`shift` moves the forecast): budgets, forecast, variance. */
function figures(n: number, shift: number): { exp: number; inc: number; net: number; fc: number; v: number } {
  const exp = ((n * 7919) % 20000) / 1000;
  const inc = -((n * 104729) % 5000) / 1000;
  const fc = Math.round((exp + inc) * (0.95 + (((n + shift) % 11) / 100)) * 1000) / 1000;
  const net = Math.round((exp + inc) * 1000) / 1000;
  return { exp, inc, net, fc, v: Math.round((fc - net) * 1000) / 1000 };
}

/** A seed-000-shaped month: sections of lines, SUM sub totals, a total of the sub totals. */
export function month(name: string, shift: number, lines: number, faults = false): Sheet {
  const rows: Cell[][] = [[{ value: `Children's Services (${name})`, bold: true }], [], HEADERS.slice(0, name === 'Month 7' ? 11 : 10).map((h) => ({ value: h.replace('Month 7', name), bold: true }))];
  const subtotals: number[] = [];
  for (let s = 0; s * SECTION < lines; s++) {
    rows.push([{ value: `Section ${s + 1}`, bold: true }]);
    const first = rows.length + 1;
    for (let i = 0; i < SECTION && s * SECTION + i < lines; i++) {
      const n = s * SECTION + i;
      const r = rows.length + 1;
      const { exp, inc, net, fc, v } = figures(n, shift);
      // Clean: words and RAG per the default policy, pressures that split the overspend, movement against Month 6.
      const movement = Math.round((v - figures(n, 3).v) * 1000) / 1000;
      rows.push([
        { value: `Service line ${n + 1}` }, { value: exp, format: FMT }, { value: inc, format: FMT },
        { value: net, formula: `=B${r}+C${r}`, format: FMT }, { value: fc, format: FMT }, { value: v, formula: `=E${r}-D${r}`, format: FMT },
        { value: v > 0 ? 'Overspend' : v < 0 ? 'Underspend' : 'On budget' }, { value: ragFor(v, net, 'line') },
        { value: Math.max(v, 0), format: FMT }, { value: 0, format: FMT },
        ...(name === 'Month 7' ? [{ value: movement, format: FMT }] : []),
      ]);
    }
    const last = rows.length;
    subtotals.push(rows.length + 1);
    const faulty = faults && s % FAULT_EVERY === 0 && last > first;
    rows.push([{ value: 'sub total', bold: true }, ...'BCDEF'.split('').map((c) => ({ value: 0, formula: `=SUM(${c}${first}:${c}${faulty && c === 'B' ? last - 1 : last})`, format: FMT }))]);
  }
  rows.push([{ value: "Children's Services Total", bold: true }, ...'BCDEF'.split('').map((c) => ({ value: 0, formula: `=SUM(${subtotals.map((r) => `${c}${r}`).join(',')})`, format: FMT }))]);
  return { name, rows };
}

/** An MTFP savings tracker source: `lines` savings and a TOTALS row. */
export function savingsSheet(lines: number): Sheet {
  return {
    name: 'MTFP',
    rows: [
      [{ value: 'MTFP Tracker' }], [{ value: 'MTFP' }, { value: null }, { value: '24/25' }],
      ['Ref', null, '£', 'Over-achieved', 'Achieved', 'On Track', 'At Risk', 'Comments'].map((v) => ({ value: v })),
      ...Array.from({ length: lines }, (_, i) => [{ value: `CFE${i}` }, { value: `Saving ${i}` }, { value: 1000 + i }, { value: null }, { value: 1000 }, { value: i }, { value: null }, { value: null }]),
      [{ value: null }, { value: 'TOTALS' }, ...'CDEFG'.split('').map((c) => ({ value: 0, formula: `=SUM(${c}4:${c}${lines + 3})` }))],
    ],
  };
}

/** Month 6, Month 7 (with faults if asked) and, if asked, the MTFP savings sheet. */
export function monitoringWorkbook(lines: number, options: { faults?: boolean; savings?: boolean } = {}): Workbook {
  return { sheets: [month('Month 6', 3, lines), month('Month 7', 0, lines, options.faults ?? false), ...(options.savings ? [savingsSheet(lines)] : [])] };
}
