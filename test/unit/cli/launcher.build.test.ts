/** bin/build-cli.mjs: the esbuild bundle of the CLI that bin/budget-monitor.js prefers (npm run test:slow). */
import { spawnSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fixturePath } from '../../fixtures/build-fixtures';

const ROOT = path.resolve(__dirname, '../../..');

function run(args: string[], env: NodeJS.ProcessEnv = {}): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ...env }, timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('bin/budget-monitor.js', () => {
  it('bin/build-cli.mjs bundles a CLI that runs without tsx', async () => {
    const dir = path.join(ROOT, '.tmp', `cli-bundle-${process.pid}`);
    try {
      const built = run([path.join(ROOT, 'bin', 'build-cli.mjs'), path.join(dir, 'budget-monitor.cjs')]);
      expect(built.code).toBe(0);
      const file = fixturePath('seed000-months');
      const r = run(['-e', `require(${JSON.stringify(path.join(dir, 'budget-monitor.cjs'))}).main(['check', ${JSON.stringify(file)}]).then((c) => { process.exitCode = c; })`]);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(r.stdout.trimEnd().split('\n').pop()).toBe('0 errors, 0 warnings, 0 notes: ready to submit.');
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
