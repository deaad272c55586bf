/**
 * Excel.run calls and context.sync round trips for each action the officer takes in the
 * task pane (load, validate, fix, fix all, each operation's preview and apply, revert,
 * choosing a column role, saving the policy), through the pane's own commands, the Office
 * adapter and Microsoft's Excel client (@microsoft/office-js) answered by the simulated
 * workbook. The target is one Excel.run per action; printed, never asserted.
 */
import { createOfficeHost } from '../../src/host/office';
import { SimulatedExcel } from '../../src/host/simulated';
import { officeClientExcel } from '../../src/host/wire';
import { createPaneCommands, type PaneCommands } from '../../src/taskpane/commands';
import { initialPaneState, paneReducer, type PaneState } from '../../src/taskpane/state/reducer';
import { monitoringWorkbook } from '../monitoring';
import { loadText } from '../timing';

/** `BENCH_LINES=100,1000 npx tsx bench/run.ts pane` runs some sizes only. */
const SIZES = process.env.BENCH_LINES ? process.env.BENCH_LINES.split(',').map(Number) : [100, 1_000, 10_000];

interface Row {
  readonly action: string;
  readonly lines: number;
  readonly runs: number;
  readonly syncs: number;
  readonly ms: number;
  readonly error: string | null;
}

async function sizeRun(lines: number): Promise<Row[]> {
  const excel = SimulatedExcel.fromWorkbook(monitoringWorkbook(lines, { faults: true, savings: true }));
  excel.toWorkbook(); // calculated once up front, as Excel would have it
  const host = createOfficeHost(officeClientExcel(excel));
  let state: PaneState = initialPaneState;
  const commands = createPaneCommands(host, (action) => void (state = paneReducer(state, action)), () => state);
  const rows: Row[] = [];
  const measure = async (action: string, work: (c: PaneCommands) => Promise<unknown>): Promise<void> => {
    const runs = excel.runs;
    excel.resetStats();
    const start = performance.now();
    await work(commands);
    rows.push({ action, lines, runs: excel.runs - runs, syncs: excel.stats.syncs, ms: Math.round(performance.now() - start), error: state.error });
  };
  const month7 = () => state.tables.find((t) => t.sheet === 'Month 7')!.id;
  const fixable = () => (state.findings ?? []).filter((f) => f.fix && !f.causedBy);

  await measure('load', (c) => c.load());
  await measure('validate', (c) => c.validate());
  await measure('fix: preview', (c) => c.previewFix(fixable().slice(0, 1)));
  await measure('fix: apply (+ re-validate)', (c) => c.applyPending());
  await measure('fix all: preview', (c) => c.previewFix(fixable()));
  await measure('fix all: apply (+ re-validate)', (c) => c.applyPending());
  const operations: [string, (c: PaneCommands) => Promise<void>][] = [
    ['RAG', (c) => c.previewRag()],
    ['movement', (c) => c.previewMovement(month7(), { sheet: 'Month 6' })],
    ['mitigation tracker', (c) => c.previewTracker('mitigation', month7())],
    ['savings tracker', (c) => c.previewTracker('savings', state.tables.find((t) => t.kind === 'savingsTracker')?.id ?? null)],
    ['validation report', (c) => c.previewTracker('report', null)],
  ];
  for (const [name, preview] of operations) {
    await measure(`${name}: preview`, preview);
    await measure(`${name}: apply (+ re-validate)`, (c) => c.applyPending());
  }
  await measure('revert (+ re-validate)', (c) => c.revert());
  await measure('choose a column role', (c) => c.chooseRole('Month 7', 'K', 'comments'));
  await measure('save the RAG policy', (c) => c.savePolicy({ ...state.policy, basis: 'gross' }));
  return rows;
}

export default async function run(): Promise<void> {
  const loadBefore = loadText();
  const rows: Row[] = [];
  for (const lines of SIZES) rows.push(...(await sizeRun(lines)));
  console.log(`Pane actions through Microsoft's Excel client, answered by the simulated workbook; machine: ${loadBefore} before, ${loadText()} after`);
  console.log('workbook: Month 6 and Month 7 monitoring tables of N lines with faulty sub totals, and an MTFP sheet of N savings. Target: 1 Excel.run per action.');
  const header = ['action', 'lines', 'Excel.run', 'syncs', 'ms', ''];
  const table = rows.map((r) => [r.action, r.lines.toLocaleString('en-GB'), String(r.runs), String(r.syncs), String(r.ms), r.runs > 1 ? 'MISSED' : r.error ?? '']);
  const widths = header.map((h, i) => Math.max(h.length, ...table.map((t) => t[i]!.length)));
  console.log(header.map((h, i) => h.padEnd(widths[i]!)).join('  '));
  for (const t of table) console.log(t.map((c, i) => (i === 0 || i === t.length - 1 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  '));
  for (const r of rows) console.log(JSON.stringify({ suite: 'pane', ...r }));
}
