/** Hosts reach the engine only through its facade: the lint rule that holds them to it fails a deep import. */
import { execFileSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(__dirname, '../..');

/**
 * The no-restricted-imports messages ESLint gives each snippet, linted as if at its path.
 * In a child process: eslint.config.mjs is an ES module, which Jest's CommonJS cannot import.
 */
function restrictedImports(snippets: readonly { file: string; code: string }[]): string[][] {
  const script = `
    const { ESLint } = await import('eslint');
    const eslint = new ESLint({ cwd: process.cwd() });
    const out = [];
    for (const { file, code } of JSON.parse(process.argv[1])) {
      const [result] = await eslint.lintText(code, { filePath: file });
      out.push(result.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message));
    }
    process.stdout.write(JSON.stringify(out));`;
  const input = JSON.stringify(snippets.map((s) => ({ ...s, file: path.join(root, s.file) })));
  return JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script, input], { cwd: root, encoding: 'utf8' })) as string[][];
}

const message = (source: string) =>
  `'${source}' import is restricted from being used by a pattern. Hosts import the engine from its facade, src/engine (index.ts), never a module behind it.`;

test('a host importing a module behind src/engine fails lint; the facade passes', () => {
  const deep = [
    ['src/cli/example.ts', '../engine/operations/movement'],
    ['src/taskpane/components/Example.tsx', '../../engine/grid'],
    ['src/workbench/example.ts', '../engine/address'],
    ['src/host/xlsx/package/example.ts', '../../../engine/plan'],
    ['src/cli/example.ts', '../engine'],
  ] as const;
  const found = restrictedImports(deep.map(([file, source]) => ({ file, code: `import { x } from '${source}';\nexport const y = x;\n` })));
  expect(found).toEqual([
    [message('../engine/operations/movement')],
    [message('../../engine/grid')],
    [message('../engine/address')],
    [message('../../../engine/plan')],
    [],
  ]);
});
