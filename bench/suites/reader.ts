/**
 * Reader throughput: cells per second for readTables on a generated workbook of
 * 20 sheets × 5,000 rows × 12 columns laid out like a monitoring workbook (title,
 * header, sections of lines with row formulas, SUM sub totals, a grand total; see
 * bench/workbook.ts).
 */
import type { Workbook } from '../../src/engine/grid';
import { readTables } from '../../src/engine/read';
import { loadFigures, loadText, timeRuns } from '../timing';
import { COLS, ROWS, SHEETS, generatedWorkbook } from '../workbook';

function cellCount(workbook: Workbook): number {
  let n = 0;
  for (const s of workbook.sheets) for (const row of s.rows) n += row ? Math.max(row.length, COLS) : COLS;
  return n;
}

/** Timed runs after the warm-up; the median is the figure to compare, the best shows the floor. */
const RUNS = 7;

export default async function run(): Promise<void> {
  const { workbook } = generatedWorkbook();
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
