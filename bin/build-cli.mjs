/**
 * Bundles the CLI into one CommonJS file so `budget-monitor` runs without tsx:
 * `node bin/build-cli.mjs [outfile]` (default dist/cli/budget-monitor.cjs, which the
 * launcher picks up). exceljs stays an ordinary dependency; HyperFormula (GPL, optional
 * for the CLI) stays external and is loaded only if installed. esbuild comes with tsx.
 */
import { build } from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outfile = path.resolve(process.argv[2] ?? path.join(root, 'dist/cli/budget-monitor.cjs'));

await build({
  entryPoints: [path.join(root, 'src/cli/main.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  external: ['exceljs', 'hyperformula'],
  logLevel: 'warning',
});
console.log(`wrote ${path.relative(process.cwd(), outfile)}`);
