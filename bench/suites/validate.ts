/**
 * Validation time: read and validate the generated 20-sheet × 5,000-row × 12-column
 * monitoring workbook (bench/workbook.ts: clean tables with a few injected faults), at 1×,
 * 2× and 4× its size, to show the time is under a second at 1× and grows linearly. Formula
 * values are calculated once before timing, as Excel would have them, so findings are the
 * workbook's real ones. The errors found are printed against the faults injected: each
 * fault with the rules that reported it, then any error away from a fault's cells.
 */
import type { Workbook } from '../../src/engine/grid';
import { type Finding, summarise } from '../../src/engine/findings';
import { readTables } from '../../src/engine/read';
import { validateWorkbook } from '../../src/engine/validate';
import { calculate } from '../../test/fixtures/grids/build';
import { type InjectedFault, generatedWorkbook } from '../workbook';
import { loadFigures, loadText, timeRuns } from '../timing';

const SCALES = [1, 2, 4];
/** Timed runs per scale after a warm-up; fewer at the larger sizes keeps the suite to a minute or two. */
const RUNS: Readonly<Record<number, number>> = { 1: 5, 2: 3, 4: 3 };

/** The k-th copy's name for a sheet (the first keeps its own). */
const copyName = (name: string, k: number): string => (k === 0 ? name : `${name} (${k + 1})`);

/** The workbook repeated `scale` times (sheets renamed), so size grows and nothing else changes. */
function scaled(base: Workbook, scale: number): Workbook {
  const sheets = [];
  for (let k = 0; k < scale; k++) for (const s of base.sheets) sheets.push({ ...s, name: copyName(s.name, k) });
  return { sheets };
}

/** The faults of the scaled workbook: each copy carries its own. */
function scaledFaults(faults: readonly InjectedFault[], scale: number): InjectedFault[] {
  return Array.from({ length: scale }, (_, k) => faults.map((f) => ({ ...f, sheet: copyName(f.sheet, k) }))).flat();
}

function cells(workbook: Workbook): number {
  let n = 0;
  for (const s of workbook.sheets) for (const row of s.rows) n += row?.length ?? 0;
  return n;
}

/** Set on a finding the engine explains by another (where it does so): a consequence, not a fault of its own. */
const causeOf = (f: Finding): unknown => (f as { causedBy?: unknown }).causedBy;

interface Tally {
  /** Error findings, and how many of them the engine counts (consequences left out where it marks them). */
  readonly errorFindings: number;
  readonly errors: number;
  readonly warnings: number;
  readonly injected: number;
  /** Faults reported at one of their cells. */
  readonly found: number;
  /** Error findings at no fault's cells. */
  readonly elsewhere: readonly Finding[];
  readonly byFault: readonly { fault: InjectedFault; reports: readonly Finding[] }[];
}

function tally(findings: readonly Finding[], faults: readonly InjectedFault[]): Tally {
  const errors = findings.filter((f) => f.severity === 'error');
  const key = (sheet: string, cell: string): string => `${sheet}!${cell}`;
  const faultCells = new Set(faults.flatMap((f) => f.cells.map((c) => key(f.sheet, c))));
  const byFault = faults.map((fault) => ({ fault, reports: errors.filter((f) => f.sheet === fault.sheet && fault.cells.includes(f.cell)) }));
  const summary = summarise(findings);
  return {
    errorFindings: errors.length, errors: summary.errors, warnings: summary.warnings, injected: faults.length,
    found: byFault.filter((x) => x.reports.length > 0).length,
    elsewhere: errors.filter((f) => !faultCells.has(key(f.sheet, f.cell))),
    byFault,
  };
}

export default async function run(): Promise<void> {
  const generated = generatedWorkbook();
  const base = calculate(generated.workbook);
  const loadBefore = loadText();
  // Reading alone, timed the same way as the whole (warm-up, then best and median), on the
  // same calculated workbook: the reader's share of the total.
  const read = timeRuns(() => readTables(base), RUNS[1] ?? 5, 2);
  const rows: { scale: number; sheets: number; cells: number; bestMs: number; medianMs: number; medianCpuMs: number; msPerMillionCells: number; findings: number; errors: number; injected: number; found: number; loadAtScale: number }[] = [];
  let first: Tally | undefined;
  for (const scale of SCALES) {
    const workbook = scaled(base, scale);
    let result = validateWorkbook(workbook); // the warm-up
    const t = timeRuns(() => {
      result = validateWorkbook(workbook);
    }, RUNS[scale] ?? 1, 0);
    const n = cells(workbook);
    const counted = tally(result.findings, scaledFaults(generated.faults, scale));
    first ??= counted;
    rows.push({
      scale, sheets: workbook.sheets.length, cells: n, bestMs: Math.round(t.bestMs), medianMs: Math.round(t.medianMs), medianCpuMs: Math.round(t.medianCpuMs),
      msPerMillionCells: Math.round(t.medianMs / (n / 1e6)), findings: result.findings.length, errors: counted.errors, injected: counted.injected, found: counted.found,
      loadAtScale: loadFigures().load1,
    });
  }
  console.log('validate: read + validate the generated monitoring workbook (target < 1,000 ms at 1×, linear)');
  console.log(`machine: ${loadBefore} before, ${loadText()} after (wall times on a busy machine are inflated; CPU time much less)`);
  console.log(`reading alone at 1×: best ${Math.round(read.bestMs)} ms, median ${Math.round(read.medianMs)} ms (CPU median ${Math.round(read.medianCpuMs)} ms)`);
  console.log('scale  sheets       cells   best ms   median ms   CPU median ms   median ms per 1M cells   findings   errors   injected   found   load 1m');
  for (const r of rows) {
    console.log(`${`${r.scale}×`.padStart(5)}  ${String(r.sheets).padStart(6)}  ${r.cells.toLocaleString('en-GB').padStart(10)}  ${String(r.bestMs).padStart(8)}  ${String(r.medianMs).padStart(10)}  ${String(r.medianCpuMs).padStart(14)}  ${String(r.msPerMillionCells).padStart(23)}  ${String(r.findings).padStart(9)}  ${String(r.errors).padStart(7)}  ${String(r.injected).padStart(9)}  ${String(r.found).padStart(6)}  ${r.loadAtScale.toFixed(2).padStart(8)}`);
  }
  if (first) {
    console.log(`at 1×: ${first.errors} errors found (${first.errorFindings} error findings, ${first.warnings} warnings) for ${first.injected} faults injected; ${first.found} of the ${first.injected} reported at their cells`);
    for (const { fault, reports } of first.byFault) {
      const rules = reports.map((f) => `${f.rule} at ${f.cell}${causeOf(f) ? ' (consequence)' : ''}`).join(', ');
      console.log(`  ${fault.sheet}!${fault.cell} ${fault.rule} (${fault.what}): ${rules || 'NOT REPORTED'}`);
    }
    if (first.elsewhere.length > 0) console.log(`  errors away from the faults' cells: ${first.elsewhere.length}`);
    for (const f of first.elsewhere.slice(0, 20)) console.log(`    ${f.rule} at ${f.sheet}!${f.cell}${causeOf(f) ? ' (consequence)' : ''}: ${f.message.slice(0, 160)}`);
  }
  const load = loadFigures();
  for (const r of rows) console.log(JSON.stringify({ suite: 'validate', readOnlyMsAt1x: Math.round(read.medianMs), readOnlyBestMsAt1x: Math.round(read.bestMs), runs: RUNS[r.scale] ?? 1, ...r, ...load }));
}
