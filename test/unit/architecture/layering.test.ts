/**
 * The engine's layers, as ESLint enforces them: rules never import operations (what both
 * need lives in src/engine/domain). Linted here on a probe file so that a config edit that
 * drops the restriction fails.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..');

/** Lines of `code` that break no-restricted-imports, linted as if it were `file`. */
async function restrictedImports(file: string, code: string): Promise<string[]> {
  // The ESLint CLI rather than its Node API: the flat config is an ES module, which Jest's
  // CommonJS sandbox cannot import.
  const run = spawnSync(process.execPath, [join(ROOT, 'node_modules/eslint/bin/eslint.js'), '--stdin', '--stdin-filename', file, '--format', 'json'], { cwd: ROOT, input: code, encoding: 'utf8' });
  const [result] = JSON.parse(run.stdout) as { messages: { ruleId: string | null; line: number }[] }[];
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => `${m.line}`);
}

describe('engine layering', () => {
  jest.setTimeout(30_000);

  // One probe (each ESLint run loads the TypeScript parser, which takes seconds); the same
  // config also keeps src/engine/domain from importing read/, rules/ or operations/.
  it('a rule may not import an operation, even for a type; the domain it may', async () => {
    const code = [
      "import { planMovement } from '../operations';",
      "import type { OperationResult } from '../operations/shared';",
      "import { ragStatusFor } from '../domain/rag';",
      "import { operationMessages } from '../messages/operations';",
      'export const used = [planMovement, ragStatusFor, operationMessages] as unknown as OperationResult;',
      '',
    ].join('\n');
    expect(await restrictedImports('src/engine/rules/probe.ts', code)).toEqual(['1', '2']);
  });
});
