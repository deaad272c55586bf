/**
 * Validation time: read and validate the generated 20-sheet × 5,000-row × 12-column
 * monitoring workbook (the reader suite's generator), at 1×, 2× and 4× its size, to show
 * the time is under a second at 1× and grows linearly. Formula values are calculated once
 * before timing, as Excel would have them, so findings are the workbook's real ones.
 */
import type { Workbook } from '../../src/engine/grid';
import { summarise } from '../../src/engine/findings';
import { readTables } from '../../src/engine/read';
import { validateWorkbook } from '../../src/engine/validate';
import { calculate } from '../../test/fixtures/grids/build';
import { generatedWorkbook } from './reader';
import { loadFigures, loadText, timeRuns } from '../timing';

const SCALES = [1, 2, 4];
/** Timed runs per scale after a warm-up; fewer at the larger sizes keeps the suite to a minute or two. */
const RUNS: Readonly<Record<number, number>> = { 1: 5, 2: 3, 4: 3 };

/** The workbook repeated `scale` times (sheets renamed), so size grows and nothing else changes. */
function scaled(base: Workbook, scale: number): Workbook {
  const sheets = [];
  for (let k = 0; k < scale; k++) for (const s of base.sheets) sheets.push(k === 0 ? s : { ...s, name: `${s.name} (${k + 1})` });
  return { sheets };
}

function cells(workbook: Workbook): number {
  let n = 0;
  for (const s of workbook.sheets) for (const row of s.rows) n += row?.length ?? 0;
  return n;
}

export default async function run(): Promise<void> {
  const base = calculate(generatedWorkbook());
  const loadBefore = loadText();
  // Reading alone, timed the same way as the whole (warm-up, then best and median), on the
  // same calculated workbook: the reader's share of the total.
  const read = timeRuns(() => readTables(base), RUNS[1] ?? 5, 2);
  const rows: { scale: number; sheets: number; cells: number; bestMs: number; medianMs: number; medianCpuMs: number; msPerMillionCells: number; findings: number; errors: number }[] = [];
  for (const scale of SCALES) {
    const workbook = scaled(base, scale);
    let result = validateWorkbook(workbook); // the warm-up
    const t = timeRuns(() => {
      result = validateWorkbook(workbook);
    }, RUNS[scale] ?? 1, 0);
    const n = cells(workbook);
    rows.push({
      scale, sheets: workbook.sheets.length, cells: n, bestMs: Math.round(t.bestMs), medianMs: Math.round(t.medianMs), medianCpuMs: Math.round(t.medianCpuMs),
      msPerMillionCells: Math.round(t.medianMs / (n / 1e6)), findings: result.findings.length, errors: summarise(result.findings).errors,
    });
  }
  console.log('validate: read + validate the generated monitoring workbook (target < 1,000 ms at 1×, linear)');
  console.log(`machine: ${loadBefore} before, ${loadText()} after (wall times on a busy machine are inflated; CPU time much less)`);
  console.log(`reading alone at 1×: best ${Math.round(read.bestMs)} ms, median ${Math.round(read.medianMs)} ms (CPU median ${Math.round(read.medianCpuMs)} ms)`);
  console.log('scale  sheets       cells   best ms   median ms   CPU median ms   median ms per 1M cells   findings   errors');
  for (const r of rows) {
    console.log(`${`${r.scale}×`.padStart(5)}  ${String(r.sheets).padStart(6)}  ${r.cells.toLocaleString('en-GB').padStart(10)}  ${String(r.bestMs).padStart(8)}  ${String(r.medianMs).padStart(10)}  ${String(r.medianCpuMs).padStart(14)}  ${String(r.msPerMillionCells).padStart(23)}  ${String(r.findings).padStart(9)}  ${String(r.errors).padStart(7)}`);
  }
  const load = loadFigures();
  for (const r of rows) console.log(JSON.stringify({ suite: 'validate', readOnlyMsAt1x: Math.round(read.medianMs), readOnlyBestMsAt1x: Math.round(read.bestMs), runs: RUNS[r.scale] ?? 1, ...r, ...load }));
}
