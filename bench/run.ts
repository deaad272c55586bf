/**
 * `npm run bench`: runs every suite in bench/suites (or the ones named on the command
 * line) and prints their figures. Suites print; nothing here asserts.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

async function main(): Promise<void> {
  const dir = path.join(__dirname, 'suites');
  const wanted = process.argv.slice(2);
  const suites = readdirSync(dir)
    .filter((f) => f.endsWith('.ts'))
    .map((f) => f.replace(/\.ts$/, ''))
    .filter((name) => wanted.length === 0 || wanted.includes(name))
    .sort();
  for (const name of suites) {
    console.log(`\n=== ${name} ===`);
    const mod = (await import(pathToFileURL(path.join(dir, `${name}.ts`)).href)) as { default: () => Promise<void> };
    await mod.default();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
