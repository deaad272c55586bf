/**
 * `npm run test:slow`: the suites kept out of `npm test` for time (see jest.config.cjs):
 * real-data (../shared/realdata), property (fast-check), scale (200,000 rows) and build
 * (bundling) suites. Same transform and environment as `npm test`; CI runs both.
 */
const base = require('./jest.config.cjs');

const { testMatch: _all, ...config } = base;

module.exports = {
  ...config,
  testPathIgnorePatterns: ['/test/browser/'],
  testRegex: base.SLOW_SUITES,
};
