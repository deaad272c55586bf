/**
 * `npm test`: unit and host tests, everything that needs no browser and runs quickly
 * (the whole of `npm test`, type-check and lint included, is kept under 90 seconds on a
 * 2-core machine).
 *
 * The slow suites run under `npm run test:slow` (jest.slow.config.cjs) instead. A suite is
 * slow by its file name, so a test file holds only one kind:
 *   *.realdata.test.ts  reads the real public spreadsheets in ../shared/realdata
 *                       (as does everything under test/realdata/);
 *   *.property.test.ts  fast-check properties;
 *   *.scale.test.ts     sheets of 200,000 rows and other size tests;
 *   *.build.test.ts     bundling and builds (esbuild, webpack).
 * A fast suite that reads ../shared/realdata or imports fast-check fails
 * test/unit/test-split.test.ts: put those tests in a sibling file with the suffix.
 */
const SLOW_SUITES = ['\\.(realdata|property|scale|build)\\.test\\.tsx?$', '/test/realdata/.*\\.test\\.tsx?$'];

module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  testPathIgnorePatterns: ['/test/browser/', ...SLOW_SUITES],
  // Jest's default on 2 cores is one worker (cores − 1), though its parent process mostly
  // waits: two workers use both cores.
  maxWorkers: 2,
  transform: {
    '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript', tsx: true }, transform: { react: { runtime: 'automatic' } }, target: 'es2022' }, module: { type: 'commonjs' } }],
  },
  transformIgnorePatterns: ['/node_modules/'],
};
// For jest.slow.config.cjs and test/unit/test-split.test.ts; not enumerable, so not a jest option.
Object.defineProperty(module.exports, 'SLOW_SUITES', { value: SLOW_SUITES });
