/** Runs the CLI in-process with the real engine and captures what it prints. */
import { runCli } from '../../../src/cli/main';
import { realTools, type CliTools } from '../../../src/cli/tools';

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

let tools: CliTools | undefined;

export async function runWith(argv: readonly string[], withTools?: CliTools): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) }, withTools ?? (tools ??= realTools()));
  return { code, stdout, stderr };
}

/** Exactly one line on stderr, no stack trace, nothing on stdout. */
export function expectOneLineError(run: CliRun, pattern: RegExp): void {
  expect(run.code).toBe(2);
  expect(run.stdout).toBe('');
  expect(run.stderr).toMatch(pattern);
  expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(run.stderr).not.toMatch(/\bat .+:\d+:\d+|Error:/);
}

/** Checks a `check --format json` document against the documented JSON schema, field for field. */
export function expectCheckSchema(doc: unknown, file: string): void {
  expect(Object.keys(doc as object).sort()).toEqual(['file', 'findings', 'summary', 'tables']);
  const d = doc as Record<string, unknown>;
  expect(d.file).toBe(file);
  expect(Array.isArray(d.tables)).toBe(true);
  for (const t of d.tables as Record<string, unknown>[]) {
    expect(Object.keys(t).sort()).toEqual(['columns', 'range', 'sheet', 'unit']);
    expect(typeof t.sheet).toBe('string');
    expect(t.range).toMatch(/^[A-Z]{1,3}\d+(:[A-Z]{1,3}\d+)?$/);
    expect([null, 'millions', 'thousands', 'pounds']).toContain(t.unit);
    for (const c of t.columns as Record<string, unknown>[]) {
      expect(Object.keys(c).sort()).toEqual(['column', 'role']);
      expect(c.column).toMatch(/^[A-Z]{1,3}$/);
      expect(typeof c.role).toBe('string');
    }
  }
  const counts = { error: 0, warning: 0, info: 0, consequence: 0 };
  for (const f of d.findings as Record<string, unknown>[]) {
    // evidence (arithmetic findings) and causedBy (consequences) are optional.
    expect(Object.keys(f).filter((k) => k !== 'evidence' && k !== 'causedBy').sort()).toEqual(['actual', 'cell', 'expected', 'message', 'rule', 'severity', 'sheet']);
    expect(typeof f.rule).toBe('string');
    expect(['error', 'warning', 'info']).toContain(f.severity);
    expect(typeof f.sheet).toBe('string');
    expect(f.cell).toMatch(/^[A-Z]{1,3}\d+$/);
    expect(typeof f.message).toBe('string');
    for (const v of [f.expected, f.actual]) expect(v === null || typeof v === 'string' || typeof v === 'number').toBe(true);
    if (f.evidence !== undefined) {
      const e = f.evidence as Record<string, unknown>;
      expect(typeof e.covers).toBe('string');
      expect(typeof e.summary).toBe('string');
      expect(Array.isArray(e.confirmedBy)).toBe(true);
    }
    if (f.causedBy !== undefined) {
      expect(Object.keys(f.causedBy as object).sort()).toEqual(['cell', 'rule', 'sheet']);
      counts.consequence++;
    } else counts[f.severity as 'error' | 'warning' | 'info']++;
  }
  // Summary counts count roots: consequences are counted apart.
  expect(d.summary).toEqual({ errors: counts.error, warnings: counts.warning, infos: counts.info, consequences: counts.consequence });
}

export interface JsonFinding { rule: string; severity: string; sheet: string; cell: string; causedBy?: { rule: string; sheet: string; cell: string } }
export interface JsonDoc { findings: JsonFinding[]; summary: { errors: number; warnings: number; infos: number }; tables: { sheet: string }[] }

/** `check --format json` on a file: its document checked against the schema, and the exit code it implies. */
export async function checkJson(file: string, ...extra: string[]): Promise<{ code: number; doc: JsonDoc }> {
  const run = await runWith(['check', file, '--format', 'json', ...extra]);
  expect(run.stderr).toBe('');
  const doc = JSON.parse(run.stdout) as JsonDoc;
  expectCheckSchema(doc, file);
  expect(run.code).toBe(doc.summary.errors > 0 ? 1 : 0);
  return { code: run.code, doc };
}
