/**
 * `npm test` stays fast: a suite that reads the real spreadsheets in
 * ../shared/realdata or runs fast-check properties belongs in `npm run test:slow`, named
 * *.realdata.test.ts or *.property.test.ts (see jest.config.cjs). This keeps it there.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { SLOW_SUITES } = require(path.join(ROOT, 'jest.config.cjs')) as { SLOW_SUITES: string[] };
const slow = SLOW_SUITES.map((p) => new RegExp(p));

function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'browser' ? [] : testFiles(full);
    return /\.test\.tsx?$/.test(e.name) ? [full] : [];
  });
}

describe('the fast and slow test suites', () => {
  const files = testFiles(path.join(ROOT, 'test')).map((f) => `/${path.relative(ROOT, f).split(path.sep).join('/')}`);
  const isSlow = (f: string): boolean => slow.some((re) => re.test(f));

  it('has suites on both sides', () => {
    expect(files.filter(isSlow).length).toBeGreaterThan(0);
    expect(files.filter((f) => !isSlow(f)).length).toBeGreaterThan(0);
  });

  it('no fast suite reads ../shared/realdata or uses fast-check', () => {
    const misplaced = files
      .filter((f) => !isSlow(f) && path.join(ROOT, f) !== __filename)
      .filter((f) => /shared\/realdata|from '\.\/realdata'|from 'fast-check'/.test(readFileSync(path.join(ROOT, f), 'utf8')));
    expect(misplaced).toEqual([]);
  });
});
