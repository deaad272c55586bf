/**
 * `budget-monitor check` on a generated 50,000-row monitoring workbook, beside exceljs
 * merely reading the same file (target: check ≤ 1.3× the read alone), and the CLI's own
 * reader alone (so the engine's share is visible). Each measurement
 * runs in a fresh Node process so that time and peak memory (max RSS) are its own.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const ROWS = 50_000;
const SECTION_LINES = 24;
const RUNS = 3;
const TARGET_RATIO = 1.3;
const MODE_ENV = 'BUDGET_MONITOR_BENCH_CLI';
const FORMAT = '#,##0.000;(#,##0.000);"-"';

interface Sample {
  readonly ms: number;
  readonly maxRssMb: number;
}

const round3 = (x: number): number => Math.round(x * 1000) / 1000;

/** The published RAG key (DEFAULT_RAG_POLICY) in £m: Red from the lower of a sum and a share of the budget. */
function rag(variance: number, net: number, money: number, percent: number): string {
  if (variance <= 0) return 'Green';
  return variance >= Math.min(money, percent * Math.abs(net)) - 1e-9 ? 'Red' : 'Amber';
}

const label = (variance: number): string => (variance > 0 ? 'Overspend' : variance < 0 ? 'Underspend' : 'On budget');

/**
 * A clean Month 7 table (every check passes, as in a workbook ready to submit): sections
 * of lines closed by SUM sub totals, a grand total, row formulas, labels and RAG words
 * that agree with the figures.
 */
export async function generateBenchWorkbook(file: string): Promise<void> {
  const ExcelJS = (await import('exceljs')).default;
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true });
  const ws = wb.addWorksheet('Month 7');
  ws.addRow(['Generated directorate budget monitoring, Month 7']).commit();
  ws.addRow([]).commit();
  ws.addRow(['Service Area', 'Current Expenditure Budget £m', 'Current Income Budget £m', 'Current Net Budget £m', 'Full Year Projection £m', 'Month 7 Variance £m', 'Overspend / (Underspend)', 'RAG Status']).commit();
  const figures = (row: { getCell(c: number): { numFmt: string } }): void => {
    for (let c = 2; c <= 6; c++) row.getCell(c).numFmt = FORMAT;
  };
  let r = 4;
  const subtotals: number[] = [];
  const totalSums = [0, 0, 0, 0, 0];
  let section = 0;
  while (r < ROWS) {
    ws.addRow([`Section ${++section}`]).commit();
    r++;
    const first = r;
    const sectionSums = [0, 0, 0, 0, 0]; // B..F
    for (let i = 0; i < SECTION_LINES; i++, r++) {
      const exp = round3(1 + ((r * 37) % 997) / 100);
      const inc = round3(-((r * 13) % 211) / 1000);
      const net = round3(exp + inc);
      const variance = round3((((r * 7) % 41) - 20) / 1000 || 0.001);
      const forecast = round3(net + variance);
      [exp, inc, net, forecast, variance].forEach((v, c) => (sectionSums[c] = round3(sectionSums[c]! + v)));
      const row = ws.addRow([`Service line ${r}`, exp, inc, { formula: `B${r}+C${r}`, result: net }, forecast, { formula: `E${r}-D${r}`, result: variance }, label(variance), rag(variance, net, 0.1, 0.05)]);
      figures(row);
      row.commit();
    }
    const sum = (c: number) => ({ formula: `SUM(${'BCDEF'[c]}${first}:${'BCDEF'[c]}${r - 1})`, result: sectionSums[c]! });
    const [, , sectionNet, , sectionVariance] = sectionSums as [number, number, number, number, number];
    const row = ws.addRow(['sub total', sum(0), sum(1), sum(2), sum(3), sum(4), label(sectionVariance), rag(sectionVariance, sectionNet, 0.25, 0.05)]);
    figures(row);
    row.commit();
    sectionSums.forEach((v, c) => (totalSums[c] = round3(totalSums[c]! + v)));
    subtotals.push(r++);
  }
  const sum = (c: number) => ({ formula: `SUM(${subtotals.map((s) => `${'BCDEF'[c]}${s}`).join(',')})`, result: totalSums[c]! });
  const [, , totalNet, , totalVariance] = totalSums as [number, number, number, number, number];
  const total = ws.addRow(['Directorate Total', sum(0), sum(1), sum(2), sum(3), sum(4), label(totalVariance), rag(totalVariance, totalNet, 1, 0.005)]);
  figures(total);
  total.commit();
  ws.commit();
  await wb.commit();
}

/** Child mode: one measurement, printed as JSON. */
async function child(mode: string, file: string): Promise<void> {
  const started = performance.now();
  if (mode === 'read') {
    const ExcelJS = (await import('exceljs')).default;
    await new ExcelJS.Workbook().xlsx.readFile(file);
  } else if (mode === 'grid') {
    const { readWorkbookFile } = await import('../../src/host/xlsx/read-file');
    await readWorkbookFile(file);
  } else {
    const { runCli } = await import('../../src/cli/main');
    const { realTools } = await import('../../src/cli/tools');
    let out = 0;
    const code = await runCli(['check', file, '--format', 'json'], { stdout: (t) => void (out += t.length), stderr: (t) => process.stderr.write(t) }, realTools());
    if (code === 2) throw new Error('check could not read the generated file');
  }
  const ms = performance.now() - started;
  process.stdout.write(`${JSON.stringify({ ms, maxRssMb: process.resourceUsage().maxRSS / 1024 })}\n`);
}

function measure(mode: string, file: string): Sample {
  const out = execFileSync(process.execPath, ['--import', 'tsx', __filename], {
    env: { ...process.env, [MODE_ENV]: mode, BUDGET_MONITOR_BENCH_FILE: file },
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  return JSON.parse(out.trim().split('\n').pop()!) as Sample;
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

export default async function run(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'bm-bench-cli-'));
  try {
    const file = path.join(dir, 'generated-50000.xlsx');
    await generateBenchWorkbook(file);
    const read: Sample[] = [];
    const grid: Sample[] = [];
    const check: Sample[] = [];
    for (let i = 0; i < RUNS; i++) {
      read.push(measure('read', file));
      grid.push(measure('grid', file));
      check.push(measure('check', file));
    }
    const readMs = median(read.map((s) => s.ms));
    const checkMs = median(check.map((s) => s.ms));
    const rows = [
      ['exceljs read alone', readMs, median(read.map((s) => s.maxRssMb))],
      ['our reader (grid only)', median(grid.map((s) => s.ms)), median(grid.map((s) => s.maxRssMb))],
      ['budget-monitor check', checkMs, median(check.map((s) => s.maxRssMb))],
    ] as const;
    console.log(`generated workbook: ${ROWS.toLocaleString('en-GB')} rows, ${(statSync(file).size / 1024 / 1024).toFixed(1)} MB; median of ${RUNS} runs, each in a fresh process`);
    console.log('what                    time (ms)   peak RSS (MB)');
    for (const [what, ms, mb] of rows) console.log(`${what.padEnd(22)}  ${ms.toFixed(0).padStart(9)}   ${mb.toFixed(0).padStart(13)}`);
    const ratio = checkMs / readMs;
    console.log(`check / read: ${ratio.toFixed(2)}x (target <= ${TARGET_RATIO}x: ${ratio <= TARGET_RATIO ? 'met' : 'not met'})`);
    console.log(JSON.stringify({ suite: 'cli', rows: ROWS, readMs, gridMs: rows[1][1], checkMs, ratio, readPeakRssMb: rows[0][2], gridPeakRssMb: rows[1][2], checkPeakRssMb: rows[2][2] }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const childMode = process.env[MODE_ENV];
if (childMode) {
  child(childMode, process.env.BUDGET_MONITOR_BENCH_FILE!).catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : String(err));
    process.exit(1);
  });
}
