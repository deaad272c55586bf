/**
 * `npm test`: the type-check and the lint side by side (each is single-threaded, so on two
 * cores they take the time of the slower one), then the fast Jest suites on both cores.
 * Both checks keep a cache in node_modules/.cache, so a second run re-checks only what changed.
 * Arguments go to Jest (`npm test -- test/unit/cli`). Exits non-zero if any step fails.
 */
import { spawn } from 'node:child_process';

function run(command, args) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: 'inherit', shell: process.platform === 'win32' });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

const checks = await Promise.all([run('npm', ['run', '--silent', 'typecheck']), run('npm', ['run', '--silent', 'lint'])]);
if (checks.some((code) => code !== 0)) process.exit(1);
process.exit(await run('npx', ['jest', ...process.argv.slice(2)]));
