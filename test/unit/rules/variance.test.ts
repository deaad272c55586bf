import { recalculate } from '../../../src/host/calc/recalculate';
import { varianceRule } from '../../../src/engine/rules';
import { seed000Table1Formulas, seed000Table1Values } from '../../fixtures/grids';
import { ruleTester, withValue } from '../../support/rule-tester';
import { favourableVarianceTable, grid, m, mf, positiveIncomeTable } from './small-tables';

// ---------------------------------------------------------------------------------------
// Small tables whose figures show why each expected variance is expected.

/**
 * Rows: 1 title, 2 header, 3-7 lines, 8 sub total (SUMs). Variance = forecast − budget;
 * Traded Services is an income line (net budget negative). Pressures split each overspend.
 *
 *   Fostering        10.000   10.300   0.300  Overspend         Red    0.300  -
 *   Adoption          4.000    4.020   0.020  Overspend         Amber  -      0.020
 *   Leaving Care      6.000    5.900  (0.100) Underspend        Green  -      -
 *   Youth Justice     1.000    1.000   -      -                 Green  -      -
 *   Traded Services  (2.000)  (1.950)  0.050  Underachievement  Amber  0.050  -
 *   sub total        19.000   19.270   0.270  Overspend         Red    0.350  0.020
 */
const table = (at = {}) => grid('Month 7', [
  ["Children's Services budget monitoring, Month 7"],
  ['Service Area', 'Current Net Budget £m', 'Full Year Projection £m', 'Month 7 Variance £m', 'Overspend / (Underspend)', 'RAG Status', 'Ongoing Pressure £m', 'One-off Pressures £m'],
  ['Fostering', m(10), m(10.3), m(0.3), 'Overspend', 'Red', m(0.3), m(0)],
  ['Adoption', m(4), m(4.02), m(0.02), 'Overspend', 'Amber', m(0), m(0.02)],
  ['Leaving Care', m(6), m(5.9), m(-0.1), 'Underspend', 'Green', m(0), m(0)],
  ['Youth Justice', m(1), m(1), m(0), '-', 'Green', m(0), m(0)],
  ['Traded Services', m(-2), m(-1.95), m(0.05), 'Underachievement', 'Amber', m(0.05), m(0)],
  ['Children & Families sub total', mf('=SUM(B3:B7)', 19), mf('=SUM(C3:C7)', 19.27), mf('=SUM(D3:D7)', 0.27), 'Overspend', 'Red', mf('=SUM(G3:G7)', 0.35), mf('=SUM(H3:H7)', 0.02)],
], at);

const K = '#,##0;(#,##0);"-"';
const k = (value: number) => ({ value, format: K });
const pc = (value: number) => ({ value, format: '0.0%' });

/** £000, variances shown positive when favourable (budget − forecast). Rows: 1 title, 2 header, 3-4 lines, 5 total. */
const favourable = (at = {}) => grid('Housing', [
  ['Housing revenue monitoring, Quarter 3'],
  ['Service', "Net Budget £'000", "Projected Outturn £'000", "Variance Fav/(Adv) £'000"],
  ['Homelessness', k(2000), k(2300), k(-300)],
  ['Housing advice', k(1000), k(900), k(100)],
  ['Total Housing', k(3000), k(3200), k(-200)],
], at);

/** The same with a variance % column: (300) / 2,000 = −15.0%, 100 / 1,000 = 10.0%, (200) / 3,000 = −6.7%. */
const withPercent = (at = {}) => grid('Housing', [
  ['Housing revenue monitoring, Quarter 3'],
  ['Service', "Net Budget £'000", "Projected Outturn £'000", "Variance Fav/(Adv) £'000", 'Variance %'],
  ['Homelessness', k(2000), k(2300), k(-300), pc(-0.15)],
  ['Housing advice', k(1000), k(900), k(100), pc(0.1)],
  ['Total Housing', k(3000), k(3200), k(-200), pc(-0.2 / 3)],
], at);

ruleTester(varianceRule, {
  valid: [
    { name: 'small table: every variance is forecast − budget', workbook: table() },
    { name: 'small table: favourable variances positive (budget − forecast)', workbook: favourable() },
    { name: 'small table: variance % = variance / budget', workbook: withPercent() },
  ],
  invalid: [
    {
      // 10.300 − 10.000 = 0.300, the variance says 0.400.
      name: 'small table: a typed variance that is not forecast − budget',
      workbook: table({ D3: m(0.4) }),
      errors: [{ cell: 'D3', messageId: 'overspendPositive', severity: 'error', message: 'Variance D3 for Fostering is 0.400 but forecast 10.300 less budget 10.000 is 0.300 (£m)', expected: 0.3, shown: { expected: '0.300', actual: '0.400' }, output: null }],
    },
    {
      // An income line: (1.950) − (2.000) = +0.050 (less income than budgeted), not (0.050).
      name: 'small table: an income line whose variance has the wrong sign',
      workbook: table({ D7: m(-0.05) }),
      errors: [{ cell: 'D7', messageId: 'overspendPositive', message: 'Variance D7 for Traded Services is (0.050) but forecast (1.950) less budget (2.000) is 0.050 (£m)', expected: 0.05, output: null }],
    },
    {
      // The forecast 10.500 no longer adds into the sub total's 19.270 (10.3 + 4.02 + 5.9 + 1 − 1.95),
      // so the forecast, not the variance, is the cell that changed.
      name: 'small table: a changed forecast is the root',
      workbook: table({ C3: m(10.5) }),
      errors: [{ cell: 'C3', messageId: 'root', message: 'C3 looks wrong: its column total does not add up either. Variance D3 for Fostering is 0.300 but forecast 10.500 less budget 10.000 is 0.500 (£m)', output: null }],
    },
    {
      // 0.3004 against 0.300: under half the last shown decimal, both show 0.300.
      name: 'small table: a variance off by less than half a shown decimal is rounding',
      workbook: table({ D3: m(0.3004) }),
      errors: [{ cell: 'D3', messageId: 'rounding', severity: 'info', message: 'Variance D3 for Fostering is 0.300 and forecast against budget comes to 0.300 (£m): a rounding difference, not an error', expected: 0.3, output: null }],
    },
    {
      // Favourable positive: 2,000 − 2,300 = (300), an adverse variance, but it says 300.
      name: 'small table: favourable-positive convention, a variance with the wrong sign',
      workbook: favourable({ D3: k(300) }),
      errors: [{ cell: 'D3', messageId: 'underspendPositive', message: 'Variance D3 for Homelessness is 300 but budget 2,000 less forecast 2,300 is (300) (£000)', expected: -300, output: null }],
    },
    {
      // 100 / 1,000 = 10.0%, it says 20.0%.
      name: 'small table: a variance % that is not variance over budget',
      workbook: withPercent({ E4: pc(0.2) }),
      errors: [{ cell: 'E4', messageId: 'percent', message: 'Variance % E4 for Housing advice is 20.0% but variance 100 over budget 1,000 is 10.0%', expected: 0.1, output: null }],
    },
    {
      // 10.04% shows as 10.0%, the same as 100 / 1,000.
      name: 'small table: a variance % within rounding of what it shows',
      workbook: withPercent({ E4: pc(0.1004) }),
      errors: [{ cell: 'E4', messageId: 'percentRounding', severity: 'info', message: 'Variance % E4 for Housing advice is 10.0% and variance over budget is 10.0%: a rounding difference, not an error', output: null }],
    },
  ],
});

// ---------------------------------------------------------------------------------------
// Seed 000 and the other published tables, each with one changed cell.

const M7 = 'Month 7';

ruleTester(varianceRule, {
  valid: [
    { name: 'seed 000 Table 1 typed as published', workbook: seed000Table1Values() },
    { name: 'seed 000 Table 1 with formulas', workbook: seed000Table1Formulas() },
    { name: 'positive-income table', workbook: positiveIncomeTable() },
    { name: 'favourable variances positive, with variance %', workbook: favourableVarianceTable() },
  ],
  invalid: [
    {
      name: 'a typed variance that is wrong',
      workbook: withValue(seed000Table1Values(), M7, 'F5', -0.157),
      errors: [{ cell: 'F5', messageId: 'overspendPositive', message: 'Variance F5 for Prevention Services is (0.157) but forecast 6.124 less budget 6.181 is (0.057) (£m)', expected: -0.057 }],
    },
    {
      name: 'a changed forecast is the root: its column total breaks too',
      workbook: withValue(seed000Table1Values(), M7, 'E7', 60.717),
      errors: [{ cell: 'E7', messageId: 'root', message: /^E7 looks wrong/ }],
    },
    {
      name: 'an income line (negative net budget)',
      workbook: withValue(seed000Table1Values(), M7, 'F30', -0.097),
      errors: [{ cell: 'F30', messageId: 'overspendPositive', message: /forecast \(0\.013\) less budget \(0\.110\) is 0\.097/ }],
    },
    {
      name: 'favourable-positive convention: a variance with the wrong sign',
      workbook: recalculate(withValue(favourableVarianceTable(), 'Housing', 'D3', 300)),
      errors: [
        { cell: 'D3', messageId: 'underspendPositive', message: /^Variance D3 for Homelessness is 300 but budget 2,000 less forecast 2,300 is \(300\)/ },
        { cell: 'D8', messageId: 'underspendPositive', expected: -580 },
      ],
    },
    {
      name: 'a variance % that is not variance over budget',
      workbook: withValue(favourableVarianceTable(), 'Housing', 'E4', 0.2),
      errors: [{ cell: 'E4', messageId: 'percent', message: 'Variance % E4 for Housing advice is 20.0% but variance 100 over budget 1,000 is 10.0%' }],
    },
    {
      name: 'a variance % within rounding of what it shows is info',
      workbook: withValue(favourableVarianceTable(), 'Housing', 'E4', 0.1004),
      errors: [{ cell: 'E4', messageId: 'percentRounding', severity: 'info' }],
    },
  ],
});
