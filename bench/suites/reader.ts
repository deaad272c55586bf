/**
 * Reader throughput: cells per second for readTables on a generated workbook of
 * 20 sheets × 5,000 rows × 12 columns laid out like a monitoring workbook (title,
 * header, sections of lines with row formulas, SUM sub totals, a grand total).
 */
import type { Cell, Sheet, Workbook } from '../../src/engine/grid';
import { readTables } from '../../src/engine/read';
import { loadFigures, loadText, timeRuns } from '../timing';

const SHEETS = 20;
const ROWS = 5000;
const COLS = 12;
const FMT = '#,##0.000;(#,##0.000);"-"';
const HEADERS = [
  'Service Area', 'Expenditure Budget £m', 'Income Budget £m', 'Net Budget £m', 'Forecast Outturn £m', 'Variance £m',
  'Overspend / (Underspend)', 'RAG', 'Ongoing Pressure £m', 'One-off Pressures £m', 'Movement From Month 6 £m', 'Comments',
];

/** A deterministic pseudo-random stream, so every run reads the same workbook. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function generatedSheet(index: number): Sheet {
  const next = random(index + 1);
  const rows: Cell[][] = [];
  rows.push([{ value: `Directorate ${index + 1} revenue monitoring 2025/26 (Month 7)` }]);
  rows.push([]);
  rows.push(HEADERS.map((h) => ({ value: h })));
  const subtotalRows: number[] = [];
  let section = 0;
  while (rows.length < ROWS - 2) {
    section++;
    rows.push([{ value: `Service ${index + 1}.${section}`, bold: true }]);
    const first = rows.length + 1; // Excel row of the first line
    const lines = 5 + Math.floor(next() * 20);
    for (let i = 0; i < lines && rows.length < ROWS - 3; i++) {
      const r = rows.length + 1;
      const exp = Math.round(next() * 20000) / 1000;
      const inc = -Math.round(next() * exp * 1000) / 1000;
      const fc = Math.round((exp + inc) * (0.9 + next() * 0.2) * 1000) / 1000;
      const variance = fc - (exp + inc);
      rows.push([
        { value: `  Line ${section}.${i + 1}` },
        { value: exp, format: FMT },
        { value: inc, format: FMT },
        { value: exp + inc, formula: `=B${r}+C${r}`, format: FMT },
        { value: fc, format: FMT },
        { value: variance, formula: `=E${r}-D${r}`, format: FMT },
        { value: variance > 0 ? 'Overspend' : 'Underspend' },
        { value: variance > 0.1 ? 'Red' : variance > 0 ? 'Amber' : 'Green' },
        { value: variance > 0 ? variance : 0, format: FMT },
        { value: 0, format: FMT },
        { value: Math.round((next() - 0.5) * 100) / 1000, format: FMT },
        { value: next() < 0.2 ? 'Placement costs above plan' : null },
      ]);
    }
    const last = rows.length;
    const r = rows.length + 1;
    const sub: Cell[] = [{ value: 'sub total' }];
    for (let c = 1; c < COLS - 1; c++) {
      const letter = String.fromCharCode(65 + c);
      if (c === 6 || c === 7) sub.push({ value: c === 6 ? 'Overspend' : 'Red' });
      else sub.push({ value: 0, formula: `=SUM(${letter}${first}:${letter}${last})`, format: FMT });
    }
    rows.push(sub);
    subtotalRows.push(r);
  }
  const total: Cell[] = [{ value: `Directorate ${index + 1} Total` }];
  for (let c = 1; c < COLS - 1; c++) {
    const letter = String.fromCharCode(65 + c);
    total.push({ value: 0, formula: `=SUM(${subtotalRows.map((x) => `${letter}${x}`).join(',')})`, format: FMT });
  }
  rows.push(total);
  return { name: `Directorate ${index + 1}`, rows };
}

export function generatedWorkbook(): Workbook {
  return { sheets: Array.from({ length: SHEETS }, (_, i) => generatedSheet(i)) };
}

function cellCount(workbook: Workbook): number {
  let n = 0;
  for (const s of workbook.sheets) for (const row of s.rows) n += row ? Math.max(row.length, COLS) : COLS;
  return n;
}

/** Timed runs after the warm-up; the median is the figure to compare, the best shows the floor. */
const RUNS = 7;

export default async function run(): Promise<void> {
  const workbook = generatedWorkbook();
  const cells = SHEETS * ROWS * COLS;
  const present = cellCount(workbook);
  let tables = 0;
  const loadBefore = loadText();
  const t = timeRuns(() => {
    tables = readTables(workbook).length;
  }, RUNS, 2);
  const rate = (ms: number): number => Math.round(cells / (ms / 1000));
  console.log(`reader: ${SHEETS} sheets × ${ROWS} rows × ${COLS} columns = ${cells.toLocaleString('en-GB')} cells (${present.toLocaleString('en-GB')} in the grid), ${tables} tables`);
  console.log(`machine: ${loadBefore} before, ${loadText()} after (wall times on a busy machine are inflated; CPU time much less)`);
  console.log(`runs (ms, after 2 warm-ups): ${t.runs.map((x) => x.toFixed(0)).join(', ')}`);
  console.log(`wall: best ${t.bestMs.toFixed(0)} ms, median ${t.medianMs.toFixed(0)} ms; CPU: best ${t.bestCpuMs.toFixed(0)} ms, median ${t.medianCpuMs.toFixed(0)} ms`);
  console.log(`throughput: ${rate(t.medianMs).toLocaleString('en-GB')} cells/s median, ${rate(t.bestMs).toLocaleString('en-GB')} best (target 1,000,000)`);
  console.log(JSON.stringify({
    suite: 'reader', cells, tables, runs: RUNS,
    bestMs: Math.round(t.bestMs), medianMs: Math.round(t.medianMs), bestCpuMs: Math.round(t.bestCpuMs), medianCpuMs: Math.round(t.medianCpuMs),
    cellsPerSecond: rate(t.bestMs), medianCellsPerSecond: rate(t.medianMs), ...loadFigures(),
  }));
}
