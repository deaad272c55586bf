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

const SCALES = [1, 2, 4];
/** Best of three at 1×; one run at the larger sizes keeps the suite to a few minutes. */
const RUNS: Readonly<Record<number, number>> = { 1: 3, 2: 1, 4: 1 };

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
  const rows: { scale: number; sheets: number; cells: number; bestMs: number; msPerMillionCells: number; findings: number; errors: number }[] = [];
  validateWorkbook(base); // warm-up
  // Reading alone, for scale: the reader's share of the total.
  const readOnly = (() => {
    const t0 = performance.now();
    readTables(base);
    return performance.now() - t0;
  })();
  for (const scale of SCALES) {
    const workbook = scaled(base, scale);
    const times: number[] = [];
    let result = validateWorkbook(workbook);
    for (let i = 0; i < (RUNS[scale] ?? 1); i++) {
      const t0 = performance.now();
      result = validateWorkbook(workbook);
      times.push(performance.now() - t0);
    }
    const best = Math.min(...times);
    const n = cells(workbook);
    rows.push({ scale, sheets: workbook.sheets.length, cells: n, bestMs: Math.round(best), msPerMillionCells: Math.round(best / (n / 1e6)), findings: result.findings.length, errors: summarise(result.findings).errors });
  }
  console.log('validate: read + validate the generated monitoring workbook (target < 1,000 ms at 1×, linear)');
  console.log(`(reading alone at 1×: ${Math.round(readOnly)} ms)`);
  console.log('scale  sheets       cells   best ms   ms per 1M cells   findings   errors');
  for (const r of rows) {
    console.log(`${`${r.scale}×`.padStart(5)}  ${String(r.sheets).padStart(6)}  ${r.cells.toLocaleString('en-GB').padStart(10)}  ${String(r.bestMs).padStart(8)}  ${String(r.msPerMillionCells).padStart(16)}  ${String(r.findings).padStart(9)}  ${String(r.errors).padStart(7)}`);
  }
  for (const r of rows) console.log(JSON.stringify({ suite: 'validate', readOnlyMsAt1x: Math.round(readOnly), ...r }));
}
