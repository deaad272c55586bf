import { recalculate } from '../../../src/host/calc/recalculate';
import { sheetFromValues, type Workbook } from '../../../src/engine/grid';
import { validateWorkbook } from '../../../src/engine/validate';
import { totalSumRule } from '../../../src/engine/rules';
import {
  seed000Table1Formulas,
  seed000Table1Values,
  seed001MtfpTracker,
  seed004Table3,
  seed004Table5,
  seed004Table6,
} from '../../fixtures/grids';
import { findingsOf, ruleTester, withValue } from '../../support/rule-tester';
import { grid, m, mf } from './small-tables';

const M7 = 'Month 7';

// ---------------------------------------------------------------------------------------
// Small tables whose figures show why each expected total is expected.

const HEAD = ['Service Area', 'Current Net Budget £m', 'Full Year Projection £m', 'Month 7 Variance £m'];
const TITLE = "Children's Services budget monitoring, Month 7";

/** Rows: 1 title, 2 header, 3-5 lines, 6 typed sub total. 10 + 20 + 30 = 60 budget; 0.3 − 0.1 + 0 = 0.2 variance. */
const oneSection = (at = {}) => grid('Month 7', [
  [TITLE], HEAD,
  ['Fostering', m(10), m(10.3), m(0.3)],
  ['Adoption', m(20), m(19.9), m(-0.1)],
  ['Leaving Care', m(30), m(30), m(0)],
  ['Children & Families sub total', m(60), m(60.2), m(0.2)],
], at);

/** Two sections with SUM sub totals (30 and 12) and a typed grand total 42 = 30 + 12. */
const twoSections = (at = {}) => grid('Month 7', [
  [TITLE], HEAD,
  ['Fostering', m(10), m(10.3), m(0.3)],
  ['Adoption', m(20), m(19.9), m(-0.1)],
  ['Children & Families sub total', mf('=SUM(B3:B4)', 30), mf('=SUM(C3:C4)', 30.2), mf('=SUM(D3:D4)', 0.2)],
  ['Schools', m(5), m(5), m(0)],
  ['Transport', m(7), m(7.5), m(0.5)],
  ['Education sub total', mf('=SUM(B6:B7)', 12), mf('=SUM(C6:C7)', 12.5), mf('=SUM(D6:D7)', 0.5)],
  ["Children's Services Total", m(42), m(42.7), m(0.7)],
], at);

/** Savings by year in £000 with a typed row-total column: 100 + 200 + 300 = 600, 400 + 500 + 600 = 1,500. */
const byYear = (at = {}) => grid('Table 5', [
  ['Savings by year'],
  ['Proposal', "2024/25 £'000", "2025/26 £'000", "2026/27 £'000", "Total £'000"],
  ['Transport', 100, 200, 300, 600],
  ['Placements', 400, 500, 600, 1500],
  ['Total', 500, 700, 900, 2100],
], at);

ruleTester(totalSumRule, {
  valid: [
    { name: 'small table: 10 + 20 + 30 = 60, as the sub total says', workbook: oneSection() },
    { name: 'small table: sub totals 30 and 12, grand total 42', workbook: twoSections() },
    { name: 'small table: each row total is its three years', workbook: byYear() },
  ],
  invalid: [
    {
      // 10 + 20 + 30 = 60, the sub total says 70.
      name: 'small table: a typed sub total 10 over its lines',
      workbook: oneSection({ B6: m(70) }),
      errors: [{ cell: 'B6', messageId: 'column', severity: 'error', message: 'Sub total B6 is 70.000 but its lines add up to 60.000 (£m)', expected: 60, shown: { expected: '60.000', actual: '70.000' }, output: [{ kind: 'setFormulas', sheet: 'Month 7', range: 'B6', formulas: [['=SUM(B3:B5)']] }] }],
    },
    {
      // 60.0004 is 0.0004 off 60, under half the last shown decimal (0.0005): both show 60.000.
      name: 'small table: a sub total off by less than half a shown decimal is rounding',
      workbook: oneSection({ B6: m(60.0004) }),
      errors: [{ cell: 'B6', messageId: 'columnRounding', severity: 'info', message: 'Sub total B6 is 60.000 and its lines add up to 60.000 (£m): a rounding difference, not an error', expected: 60, output: null }],
    },
    {
      // The grand total adds the sub totals: 30 + 12 = 42, it says 43; the fix sums the two sub totals.
      name: 'small table: a typed grand total over two sub totals',
      workbook: twoSections({ B9: m(43) }),
      errors: [{ cell: 'B9', messageId: 'column', message: 'Total B9 is 43.000 but its lines add up to 42.000 (£m)', expected: 42, output: [{ kind: 'setFormulas', sheet: 'Month 7', range: 'B9', formulas: [['=SUM(B5,B8)']] }] }],
    },
    {
      // 10 + 20 = 30, the sub total is typed 31; the grand total 42 then no longer equals 31 + 12 = 43.
      name: 'small table: a sub total typed over its SUM spoils the grand total too',
      workbook: twoSections({ B5: m(31) }),
      errors: [
        { cell: 'B5', messageId: 'column', message: 'Sub total B5 is 31.000 but its lines add up to 30.000 (£m)', expected: 30, output: [{ kind: 'setFormulas', sheet: 'Month 7', range: 'B5', formulas: [['=SUM(B3:B4)']] }] },
        { cell: 'B9', messageId: 'column', message: 'Total B9 is 42.000 but its lines add up to 43.000 (£m)', expected: 43, output: null },
      ],
    },
    {
      // 100 + 200 + 300 = 600, the row total says 700; the column total 2,100 is then not 700 + 1,500 = 2,200.
      name: 'small table: a typed row total that is not its years',
      workbook: byYear({ E3: 700 }),
      errors: [
        { cell: 'E3', messageId: 'rowTotal', message: 'Row total E3 is 700 but the columns it adds (B3:D3) come to 600 (£000)', expected: 600, output: null },
        { cell: 'E5', messageId: 'column', message: 'Total E5 is 2,100 but its lines add up to 2,200 (£000)', expected: 2200, output: null },
      ],
    },
  ],
});

// ---------------------------------------------------------------------------------------
// Seed 000 and the other published tables, each with one changed cell.

ruleTester(totalSumRule, {
  valid: [
    { name: 'seed 000 Table 1 typed as published', workbook: seed000Table1Values() },
    { name: 'seed 000 Table 1 with formulas', workbook: seed000Table1Formulas() },
    { name: 'seed 001 MTFP tracker', workbook: seed001MtfpTracker() },
    { name: 'seed 004 Table 3 budget build', workbook: seed004Table3() },
    { name: 'seed 004 Table 5 with a row-total column', workbook: seed004Table5() },
    { name: 'seed 004 Table 6', workbook: seed004Table6() },
  ],
  invalid: [
    {
      name: 'a typed sub total that is 0.100 short',
      workbook: withValue(seed000Table1Values(), M7, 'D16', 98.406),
      errors: [
        { cell: 'D16', messageId: 'column', output: [{ kind: 'setFormulas', sheet: 'Month 7', range: 'D16', formulas: [['=SUM(D5:D15)']] }], severity: 'error', message: 'Sub total D16 is 98.406 but its lines add up to 98.506 (£m)', expected: 98.506 },
        // The grand total adds the sub totals as stated, so it no longer adds up either (a consequence).
        { cell: 'D37', messageId: 'column', severity: 'error', message: 'Total D37 is 142.827 but its lines add up to 142.727 (£m)' },
      ],
    },
    {
      name: 'a changed line figure breaks its sub total (the total adds the sub totals)',
      workbook: withValue(seed000Table1Values(), M7, 'B5', 7.504),
      errors: [{ cell: 'B16', messageId: 'column', output: [{ kind: 'setFormulas', sheet: 'Month 7', range: 'B16', formulas: [['=SUM(B5:B15)']] }], message: 'Sub total B16 is 115.076 but its lines add up to 115.176 (£m)' }],
    },
    {
      name: 'a typed grand total',
      workbook: withValue(seed000Table1Values(), M7, 'F37', 8.48),
      errors: [{ cell: 'F37', messageId: 'column', output: [{ kind: 'setFormulas', sheet: 'Month 7', range: 'F37', formulas: [['=SUM(F16,F21,F33,F36)']] }], message: 'Total F37 is 8.480 but its lines add up to 8.380 (£m)' }],
    },
    {
      name: 'a difference within half a unit of the last shown decimal is rounding (info)',
      workbook: withValue(seed000Table1Values(), M7, 'D16', 98.5063),
      errors: [
        { cell: 'D16', messageId: 'columnRounding', severity: 'info', message: /rounding difference, not an error/ },
        { cell: 'D37', messageId: 'columnRounding', severity: 'info', message: /rounding difference, not an error/ },
      ],
    },
    {
      name: 'figures that add up stored but not as shown get a rounding note',
      workbook: [['I5', 0.0004], ['I6', 0.0004], ['I16', 14.7018], ['I37', 14.8828]].reduce(
        (wb, [cell, value]) => withValue(wb, M7, cell as string, value as number),
        seed000Table1Values(),
      ),
      errors: [{ cell: 'I16', messageId: 'shownRounding', severity: 'info', message: /^Sub total I16 shows 14.702 but its lines as shown add up to 14.701 \(£m\): a rounding difference, not an error$/ }],
    },
    {
      name: 'a typed row total that does not equal its years (seed 004 Table 5)',
      workbook: withValue(seed004Table5(), 'Table 5', 'E6', 6312),
      errors: [
        { cell: 'E6', messageId: 'rowTotal', message: "Row total E6 is 6,312 but the columns it adds (B6:D6) come to 6,212 (£000)" },
        { cell: 'E8', messageId: 'column', message: 'Total E8 is 10,166 but its lines add up to 10,266 (£000)' },
      ],
    },
    {
      name: 'a target changed after the tracker total was calculated',
      workbook: withValue(seed001MtfpTracker(), 'MTFP Tracker', 'C18', 1_200_000),
      errors: [{ cell: 'C19', messageId: 'column', message: 'Total C19 is 9,568,900 but its lines add up to 9,659,900 (£)' }],
    },
  ],
});

describe('total-sum on recalculated formulas', () => {
  it('a formula total always adds up, so a changed line is not a total-sum finding', () => {
    const wb = recalculate(withValue(seed000Table1Formulas(), M7, 'B5', 7.504));
    expect(findingsOf(totalSumRule, wb)).toEqual([]);
  });
});

describe('total-sum with a line stored as text', () => {
  it('offers no SUM fix that Excel would not add up, leaving the number-as-text fix first', () => {
    // Found by the fix property: =SUM over a text "1,234" is 0 in Excel, so that fix could never clear the finding.
    const workbook = { sheets: [sheetFromValues('Month 7', [
      ['Service Area', 'Current Net Budget £m'],
      ['Prevention Services', '1,234'],
      ['Total', 0],
    ])] };
    const findings = validateWorkbook(workbook).findings;
    const total = findings.find((f) => f.rule === 'total-sum' && f.cell === 'B3');
    expect(total?.severity).toBe('error');
    expect(total?.fix).toBeUndefined();
    expect(findings.find((f) => f.rule === 'number-as-text' && f.cell === 'B2')?.fix).toBeDefined();
  });
});

describe('a typed total over a line whose formula reads the total', () => {
  it('is reported, with no fix: the SUM would be circular and could not clear it', () => {
    const workbook: Workbook = {
      sheets: [{
        name: 'Month 7',
        rows: [
          [{ value: 'Budget monitoring (£m)' }], [],
          [{ value: 'Service Area' }, { value: 'Current Expenditure Budget £m' }, { value: 'Current Income Budget £m' }, { value: 'Current Net Budget £m' }, { value: 'Full Year Projection £m' }, { value: 'Month 7 Variance £m' }],
          [{ value: 'Line B' }, { value: 0, formula: '=SUM(A1:Z99)' }],
          [{ value: 'sub total' }, { value: 5 }],
        ],
      }],
    };
    const found = validateWorkbook(workbook, { rules: ['total-sum'] }).findings.filter((f) => f.cell === 'B5');
    expect(found.map((f) => [f.message, f.fix])).toEqual([['Sub total B5 is 5.000 but its lines add up to 0.000 (£m)', undefined]]);
  });
});
