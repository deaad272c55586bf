/**
 * The same answer in every host: each real file in ../shared/realdata, opened as the
 * workbench opens it (bytes to the simulated Excel, read by the pane through the Office
 * adapter, validated by the pane's engine) and checked by the CLI (`check FILE --format json`),
 * gives the same findings: rule, sheet, cell, severity, expected and actual.
 *
 * Then the officer's first edit: the workbench recalculates. A recalculation that knows the
 * file's defined names and keeps the results of formulas it cannot evaluate (links to other
 * workbooks, functions it lacks) must not turn a cell Excel showed without an error into
 * #NAME?, #REF! or an error only the calculation engine has.
 *
 * A slow suite (real data): `npm run test:slow`.
 */
import { existsSync, promises as fs, readdirSync } from 'node:fs';
import path from 'node:path';
import { toA1 } from '../../../src/engine/address';
import { isErrorValue, type Workbook } from '../../../src/engine/grid';
import { DEFAULT_RAG_POLICY, validate } from '../../../src/engine';
import { realTools } from '../../../src/cli/tools';
import { EXIT_UNREADABLE } from '../../../src/cli/io';
import { runCli } from '../../../src/cli/main';
import { jsonReport } from '../../../src/cli/report';
import { createOfficeHost } from '../../../src/host/office';
import { simulatedExcelFromXlsx } from '../../../src/host/simulated/xlsx';
import type { SimulatedExcel } from '../../../src/host/simulated';
import type { SimCell } from '../../../src/host/simulated/state';
import { isWorkbookReadError } from '../../../src/host/xlsx/errors';
import { readWorkbookFile } from '../../../src/host/xlsx/read-file';

const REALDATA = path.resolve(__dirname, '../../../../shared/realdata');
const FILES = existsSync(REALDATA) ? readdirSync(REALDATA).filter((n) => n.toLowerCase().endsWith('.xlsx')).sort() : [];

interface Compared {
  readonly rule: string;
  readonly sheet: string;
  readonly cell: string;
  readonly severity: string;
  readonly expected: string | number | null;
  readonly actual: string | number | null;
}

/** What a host answered for a file: its findings, or that it refused the file. */
type Answer = { readonly findings: readonly Compared[] } | { readonly refused: true };

const compared = (f: Compared): Compared => ({ rule: f.rule, sheet: f.sheet, cell: f.cell, severity: f.severity, expected: f.expected, actual: f.actual });
const key = (f: Compared): string => JSON.stringify(compared(f));

async function cliAnswer(file: string): Promise<Answer> {
  let stdout = '';
  const code = await runCli(['check', file, '--format', 'json'], { stdout: (t) => void (stdout += t), stderr: () => undefined }, realTools());
  if (code === EXIT_UNREADABLE) return { refused: true };
  return { findings: (JSON.parse(stdout) as { findings: Compared[] }).findings.map(compared) };
}

/** The workbench's Open: the same function it calls on the file's bytes. */
async function workbenchOpen(file: string): Promise<SimulatedExcel | undefined> {
  try {
    return await simulatedExcelFromXlsx(await fs.readFile(file), path.basename(file));
  } catch (error) {
    if (isWorkbookReadError(error)) return undefined;
    throw error;
  }
}

/** What the pane shows after "Check workbook": the adapter's read, validated by the pane's engine with its default policy. */
async function paneAnswer(excel: SimulatedExcel, name: string): Promise<Compared[]> {
  const { workbook } = await createOfficeHost(excel).readWorkbook();
  const result = validate(workbook, { overrides: [], policy: DEFAULT_RAG_POLICY });
  return jsonReport(name, result).findings.map(compared);
}

/** Formula cells that showed no error and now show #NAME?, #REF! or an engine-only error. */
function newStructuralErrors(before: Workbook, after: Workbook): string[] {
  const out: string[] = [];
  before.sheets.forEach((sheet, s) =>
    sheet.rows.forEach((row, r) =>
      row?.forEach((cell, c) => {
        if (!cell?.formula || isErrorValue(cell.value)) return;
        const now = after.sheets[s]?.rows[r]?.[c]?.value ?? null;
        if (isErrorValue(now) && ['#NAME?', '#REF!', '#ERROR!', '#CYCLE!', '#LIC!'].includes(now.error)) {
          out.push(`${sheet.name}!${toA1(r, c)} ${cell.formula} ${JSON.stringify(cell.value)} -> ${now.error}`);
        }
      }),
    ),
  );
  return out;
}

if (FILES.length === 0) {
  test.skip(`host parity: no real files, ${REALDATA} is absent`, () => undefined);
  console.warn(`host-parity: skipped, ${REALDATA} is absent`);
}

describe.each(FILES)('%s', (name) => {
  const file = path.join(REALDATA, name);

  test('the workbench finds what the CLI finds', async () => {
    const [cli, excel] = await Promise.all([cliAnswer(file), workbenchOpen(file)]);
    if (!excel) {
      expect(cli).toEqual({ refused: true });
      return;
    }
    expect(cli).not.toEqual({ refused: true });
    const cliFindings = 'findings' in cli ? cli.findings : [];
    const paneFindings = await paneAnswer(excel, name);
    const cliKeys = new Set(cliFindings.map(key));
    const paneKeys = new Set(paneFindings.map(key));
    // The differences first, for a readable failure; then the whole lists, order included.
    expect({ onlyCli: cliFindings.filter((f) => !paneKeys.has(key(f))), onlyWorkbench: paneFindings.filter((f) => !cliKeys.has(key(f))) }).toEqual({ onlyCli: [], onlyWorkbench: [] });
    expect(paneFindings).toEqual(cliFindings);
  }, 120_000);

  test("after the officer's first edit, no formula Excel calculated turns into #NAME?, #REF! or an engine-only error", async () => {
    const excel = await workbenchOpen(file);
    if (!excel) return; // refused by both hosts, as the test above checks
    const saved = await readWorkbookFile(file); // the results Excel saved, as the CLI reads them
    // Any edit recalculates the whole workbook; typing a constant back into its own cell changes nothing else.
    const isConstant = (cell: SimCell | undefined) =>
      cell?.value !== undefined && cell.formula === undefined && !cell.error && !(typeof cell.value === 'string' && cell.value.startsWith('='));
    const sheet = excel.state.sheets.find((s) => s.rows.some((row) => row?.some(isConstant)));
    if (!sheet) throw new Error(`${name} has no constant to type back`);
    const r = sheet.rows.findIndex((row) => row?.some(isConstant));
    const c = sheet.rows[r]!.findIndex(isConstant);
    excel.typeInto(sheet.name, toA1(r, c), sheet.rows[r]![c]!.value!);
    expect(excel.state.dirty).toBe(true);
    expect(newStructuralErrors(saved, excel.toWorkbook())).toEqual([]);
  }, 180_000);
});
