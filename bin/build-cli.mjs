/**
 * Bundles the CLI into dist/cli/budget-monitor.cjs so `budget-monitor` runs without tsx.
 * exceljs stays an ordinary dependency; HyperFormula (GPL, optional for the CLI) is left
 * external and loaded only if installed. Suggested script: "build:cli": "node bin/build-cli.mjs".
 */
import { build } from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

await build({
  entryPoints: [path.join(root, 'src/cli/main.ts')],
  outfile: path.join(root, 'dist/cli/budget-monitor.cjs'),
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  external: ['exceljs', 'hyperformula'],
  logLevel: 'warning',
});
console.log('wrote dist/cli/budget-monitor.cjs');
