/** The installed command: bin/budget-monitor.js as a real process (the esbuild bundle it prefers: launcher.build.test.ts). */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fixturePath } from '../../fixtures/build-fixtures';
import { expectCheckSchema } from './run-cli';

const ROOT = path.resolve(__dirname, '../../..');
const LAUNCHER = path.join(ROOT, 'bin', 'budget-monitor.js');

function run(args: string[], env: NodeJS.ProcessEnv = {}): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ...env }, timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('bin/budget-monitor.js', () => {
  it('prints help and exits 0', () => {
    const r = run([LAUNCHER, '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^budget-monitor: check and fix council budget monitoring workbooks/);
  }, 120_000);

  it('checks a faulty workbook: one JSON document, exit 1', () => {
    const file = fixturePath('fault-typed-subtotal');
    const r = run([LAUNCHER, 'check', file, '--format', 'json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    expectCheckSchema(JSON.parse(r.stdout), file);
  }, 120_000);

  it('bad input: one line on stderr, exit 2, no stack trace', () => {
    const r = run([LAUNCHER, 'check', path.join(ROOT, 'package.json')]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trimEnd().split('\n')).toEqual([`${path.join(ROOT, 'package.json')} is not an Excel workbook (.xlsx): it is not a zip package.`]);
  }, 120_000);
});
