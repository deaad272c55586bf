/**
 * Precision on real workbooks: every file in ../shared/realdata through `check` (in process,
 * the CLI's own path), its error findings sorted into true and false by the expectation file
 * kept beside this module (`<file>.expect.json`), and the reviewer's defects looked up.
 * Used by `npm run precision` (prints the table) and by the slow realdata test (asserts it).
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { parseA1, parseRange } from '../../src/engine/address';
import { runCli } from '../../src/cli/main';
import { realTools } from '../../src/cli/tools';
import type { JsonReport } from '../../src/cli/report';

export const REALDATA_DIR = path.resolve(__dirname, '../../../shared/realdata');
const EXPECT_DIR = __dirname;

type Severity = 'error' | 'warning' | 'info';

/** A defect a reviewer found by hand: it must be reported at this cell, at one of these severities. */
export interface Defect {
  readonly sheet: string;
  readonly cell: string;
  readonly what: string;
  readonly severity: readonly Severity[];
  /** When set, the finding must come from this rule. */
  readonly rule?: string;
  /** The reviewer was not sure it is a defect: reported or not, it does not fail the test. */
  readonly uncertain?: boolean;
}

/** Error findings judged true: by sheet, optionally rule, and cells (A1 cells or ranges, space-separated). */
export interface TrueErrors {
  readonly sheet: string;
  readonly rule?: string;
  readonly cells: string;
  readonly why: string;
}

export interface Expectation {
  readonly file: string;
  readonly reviewed: string;
  readonly defects: readonly Defect[];
  readonly trueErrors: readonly TrueErrors[];
  /** The counts of the last reviewed run: a change that moves them must be looked at. */
  readonly counts: { readonly errors: number; readonly warnings: number; readonly infos: number };
}

export type ReportedFinding = JsonReport['findings'][number];

export interface FileResult {
  readonly file: string;
  readonly exitCode: number;
  readonly stderr: string;
  readonly findings: readonly ReportedFinding[];
  readonly errors: number;
  readonly warnings: number;
  readonly infos: number;
  readonly trueErrors: number;
  readonly falseErrors: readonly ReportedFinding[];
  readonly defectsFound: readonly Defect[];
  readonly defectsMissed: readonly Defect[];
  readonly expectation: Expectation | undefined;
}

export async function realdataFiles(): Promise<string[]> {
  const names = await fs.readdir(REALDATA_DIR);
  return names.filter((n) => /\.(xlsx|csv)$/i.test(n)).sort();
}

export async function loadExpectation(file: string): Promise<Expectation | undefined> {
  try {
    return JSON.parse(await fs.readFile(path.join(EXPECT_DIR, `${file}.expect.json`), 'utf8')) as Expectation;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

/** Runs `check --format json` on one real file, in process. */
export async function checkFile(file: string): Promise<{ exitCode: number; stderr: string; report: JsonReport | undefined }> {
  let stdout = '';
  let stderr = '';
  const exitCode = await runCli(['check', path.join(REALDATA_DIR, file), '--format', 'json'], { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) }, realTools());
  return { exitCode, stderr, report: stdout ? (JSON.parse(stdout) as JsonReport) : undefined };
}

function cellSet(spec: string): (cell: string) => boolean {
  const ranges = spec.split(/\s+/).filter(Boolean).map((part) => {
    const r = parseRange(part);
    if (!r) throw new Error(`Bad cell or range in an expectation file: ${part}`);
    return r;
  });
  return (cell) => {
    const ref = parseA1(cell);
    return ref !== undefined && ranges.some((r) => ref.row >= r.start.row && ref.row <= r.end.row && ref.col >= r.start.col && ref.col <= r.end.col);
  };
}

export function classify(file: string, exitCode: number, stderr: string, findings: readonly ReportedFinding[], expectation: Expectation | undefined): FileResult {
  const judges = (expectation?.trueErrors ?? []).map((t) => ({ t, has: cellSet(t.cells) }));
  const isTrue = (f: ReportedFinding): boolean => judges.some(({ t, has }) => t.sheet === f.sheet && (t.rule === undefined || t.rule === f.rule) && has(f.cell));
  // Consequences hang under their root and are not counted: one fault, one error.
  const errors = findings.filter((f) => f.severity === 'error' && !f.causedBy);
  const falseErrors = errors.filter((f) => !isTrue(f));
  const defects = expectation?.defects ?? [];
  const reported = (d: Defect): boolean => findings.some((f) => f.sheet === d.sheet && f.cell === d.cell && d.severity.includes(f.severity) && (d.rule === undefined || d.rule === f.rule));
  return {
    file,
    exitCode,
    stderr,
    findings,
    errors: errors.length,
    warnings: findings.filter((f) => f.severity === 'warning' && !f.causedBy).length,
    infos: findings.filter((f) => f.severity === 'info').length,
    trueErrors: errors.length - falseErrors.length,
    falseErrors,
    defectsFound: defects.filter(reported),
    defectsMissed: defects.filter((d) => !reported(d)),
    expectation,
  };
}

/** Writes the counts of this run into the file's expectation (after a reviewed change). */
export async function recordCounts(result: FileResult): Promise<void> {
  if (!result.expectation) return;
  const updated = { ...result.expectation, counts: { errors: result.errors, warnings: result.warnings, infos: result.infos } };
  await fs.writeFile(path.join(EXPECT_DIR, `${result.file}.expect.json`), `${JSON.stringify(updated, null, 2)}\n`);
}

export async function measureFile(file: string): Promise<FileResult> {
  const { exitCode, stderr, report } = await checkFile(file);
  return classify(file, exitCode, stderr, report?.findings ?? [], await loadExpectation(file));
}

export interface Totals {
  readonly errors: number;
  readonly trueErrors: number;
  readonly falseErrors: number;
  readonly defects: number;
  readonly defectsFound: number;
  /** True errors / errors; 1 when there are none. */
  readonly precision: number;
}

export function totals(results: readonly FileResult[]): Totals {
  let errors = 0;
  let trueErrors = 0;
  let defects = 0;
  let defectsFound = 0;
  for (const r of results) {
    errors += r.errors;
    trueErrors += r.trueErrors;
    defects += r.defectsFound.length + r.defectsMissed.length;
    defectsFound += r.defectsFound.length;
  }
  return { errors, trueErrors, falseErrors: errors - trueErrors, defects, defectsFound, precision: errors === 0 ? 1 : trueErrors / errors };
}
