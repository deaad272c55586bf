/**
 * Property tests: arbitrary grids never make validation throw or crash a rule, every
 * finding points inside its sheet, and every offered fix, once applied (and the workbook
 * recalculated), clears the finding it was offered for.
 */
import fc from 'fast-check';
import { parseA1 } from '../../../src/engine/address';
import type { Finding } from '../../../src/engine/findings';
import type { Cell, CellValue, Sheet, Workbook } from '../../../src/engine/grid';
import { validateWorkbook } from '../../../src/engine/validate';
import { seed000MonthsWorkbook, seed000Mitigations, seed000Table1Formulas, seed000Table1Values, seed001MtfpTracker } from '../../fixtures/grids';
import { applyPlan } from '../../../src/engine/apply';
import { recalculate } from '../../../src/host/calc/recalculate';
import { applyFix, withCell } from '../../support/rule-tester';

const WORDS = [
  'Service Area', 'Current Expenditure Budget £m', 'Current Income Budget £m', 'Current Net Budget £m', 'Full Year Projection £m',
  'Month 7 Variance £m', 'Overspend / (Underspend)', 'RAG Status', 'Ongoing Pressure £m', 'One-off Pressures £m', 'Movement From Month 6 £m',
  "£'000", 'TOTAL', '2024/25', 'Quarter 2 £m', 'Target', 'At Risk', 'sub total', 'Total', 'Children & Families', 'Overspend', 'Underspend',
  'Red', 'Amber', 'Green', 'TBC', '-', '(1.223)', '1,234', '`(19)', ', ,', '12%', '#REF!', 'To be Mitigated', 'Still to be Mitigated',
];

const value: fc.Arbitrary<CellValue> = fc.oneof(
  { arbitrary: fc.constant(null), weight: 4 },
  { arbitrary: fc.double({ noNaN: false }), weight: 2 },
  { arbitrary: fc.integer({ min: -1_000_000, max: 1_000_000 }), weight: 3 },
  { arbitrary: fc.constantFrom(1e308, -1e308, 5e-324, Number.MAX_SAFE_INTEGER, Infinity, -Infinity, NaN, 0, -0), weight: 1 },
  { arbitrary: fc.constantFrom(...WORDS), weight: 4 },
  { arbitrary: fc.string({ maxLength: 20 }), weight: 1 },
  { arbitrary: fc.string({ minLength: 300, maxLength: 1500 }), weight: 1 },
  { arbitrary: fc.boolean(), weight: 1 },
  { arbitrary: fc.constantFrom('#REF!', '#DIV/0!', '#N/A', '#VALUE!', '#NAME?').map((error) => ({ error })), weight: 1 },
);

const cell: fc.Arbitrary<Cell | undefined> = fc.oneof(
  { arbitrary: fc.constant(undefined), weight: 2 },
  { arbitrary: value.map((v) => ({ value: v })), weight: 8 },
  {
    arbitrary: fc.record({
      value,
      formula: fc.oneof(fc.constantFrom('=SUM(B2:B9)', '=SUM(A1:Z99)', '=B3+C3', "=SUM('Month 6'!D5:D15)", '=SUM(', '=1/0', '=SUBTOTAL(9,C2:C8)'), fc.string({ maxLength: 30 }).map((s) => `=${s}`)),
      format: fc.constantFrom('#,##0.000;(#,##0.000);"-"', '0.0%', 'General', '#,##0,"k"', '£#,##0'),
    }),
    weight: 1,
  },
);

const sheetArb = (name: string): fc.Arbitrary<Sheet> =>
  fc.array(fc.oneof({ arbitrary: fc.constant(undefined), weight: 1 }, { arbitrary: fc.array(cell, { maxLength: 14 }), weight: 9 }), { maxLength: 40 }).map((rows) => ({ name, rows }));

const workbookArb: fc.Arbitrary<Workbook> = fc
  .uniqueArray(fc.constantFrom('Month 6', 'Month 7', 'Sheet1', "Bob's data", 'Q2'), { minLength: 0, maxLength: 3 })
  .chain((names) => fc.tuple(...names.map(sheetArb)))
  .map((sheets) => ({ sheets }));

/** Grids shaped like a monitoring table (seed 000's header) with arbitrary rows under it. */
const HEADER = WORDS.slice(0, 11).map((value) => ({ value }));
const bodyCell: fc.Arbitrary<Cell | undefined> = fc.oneof(
  { arbitrary: fc.integer({ min: -50_000, max: 50_000 }).map((n) => ({ value: n / 1000, format: '#,##0.000;(#,##0.000);"-"' })), weight: 6 },
  { arbitrary: cell, weight: 2 },
);
const tableShaped: fc.Arbitrary<Workbook> = fc
  .array(
    fc.tuple(fc.constantFrom('sub total', 'Total', 'Children & Families', 'Prevention Services', 'Line B', 'Line C', '', 'Note: see appendix'), fc.array(bodyCell, { maxLength: 10 })),
    { minLength: 1, maxLength: 25 },
  )
  .map((rows) => ({ sheets: [{ name: 'Month 7', rows: [[{ value: 'Budget monitoring (£m)' }], [], HEADER, ...rows.map(([label, cells]) => [{ value: label }, ...cells])] }] }));

const FIXTURES = [seed000Table1Values, seed000Table1Formulas, seed000MonthsWorkbook, seed000Mitigations, seed001MtfpTracker];

/** A fixture with a few cells of its first table replaced by arbitrary values. */
const faultedFixture: fc.Arbitrary<Workbook> = fc
  .tuple(fc.integer({ min: 0, max: FIXTURES.length - 1 }), fc.array(fc.tuple(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 11 }), cell), { minLength: 1, maxLength: 4 }))
  .map(([i, faults]) => {
    let wb = FIXTURES[i]!();
    const sheet = wb.sheets[wb.sheets.length - 1]!.name;
    for (const [row, col, c] of faults) wb = withCell(wb, sheet, `${String.fromCharCode(65 + col)}${row + 1}`, c ?? null);
    return wb;
  });

/** As a real workbook is: formula values calculated after the faults went in. */
const calculatedFaultedFixture = faultedFixture.map(recalculate);

function insideItsSheet(workbook: Workbook, f: Finding): boolean {
  const sheet = workbook.sheets.find((s) => s.name === f.sheet);
  const ref = parseA1(f.cell);
  if (!sheet || !ref) return false;
  const rows = Math.max(1, sheet.rows.length);
  const cols = Math.max(1, ...sheet.rows.map((r) => r?.length ?? 0));
  return ref.row < rows && ref.col < cols;
}

function checkSafe(workbook: Workbook): void {
  const { findings } = validateWorkbook(workbook);
  for (const f of findings) {
    expect(insideItsSheet(workbook, f)).toBe(true);
    // A rule that threw would have been turned into a "could not finish" finding.
    expect(f.message).not.toMatch(/could not finish|could not be read/);
  }
}

describe('properties of validateWorkbook', () => {
  it('never throws on arbitrary grids, and every finding lies inside its sheet', () => {
    fc.assert(fc.property(workbookArb, checkSafe), { numRuns: 120 });
  });

  it('never throws on table-shaped grids with arbitrary rows', () => {
    fc.assert(fc.property(tableShaped, checkSafe), { numRuns: 150 });
  });

  it('fixes offered on table-shaped grids clear their findings', () => {
    fc.assert(
      fc.property(tableShaped.map(recalculate), (workbook) => {
        const fixable = validateWorkbook(workbook).findings.filter((f) => f.fix && f.severity !== 'info');
        for (const f of fixable.slice(0, 6)) {
          const same = validateWorkbook(applyFix(workbook, f)).findings.filter((g) => g.rule === f.rule && g.sheet === f.sheet && g.cell === f.cell && g.severity !== 'info');
          expect(same.map((g) => g.message)).toEqual([]);
        }
      }),
      { numRuns: 40 },
    );
  });

  it('never throws on seed fixtures with arbitrary cells replaced', () => {
    fc.assert(fc.property(faultedFixture, checkSafe), { numRuns: 100 });
  });

  it('applying each offered fix and validating again clears that finding', () => {
    fc.assert(
      fc.property(calculatedFaultedFixture, (workbook) => {
        const fixable = validateWorkbook(workbook).findings.filter((f) => f.fix && f.severity !== 'info');
        for (const f of fixable.slice(0, 6)) {
          const after = validateWorkbook(applyFix(workbook, f)).findings;
          const same = after.filter((g) => g.rule === f.rule && g.sheet === f.sheet && g.cell === f.cell && g.severity !== 'info');
          expect(same.map((g) => g.message)).toEqual([]);
        }
      }),
      { numRuns: 40 },
    );
  });

  it('applying every offered fix (round by round, as the pane re-checks) leaves no fixable finding', () => {
    fc.assert(
      fc.property(calculatedFaultedFixture, (start) => {
        let workbook = start;
        for (let round = 0; round < 8; round++) {
          const fixes = new Map<string, Finding>();
          for (const f of validateWorkbook(workbook).findings) if (f.fix && f.severity !== 'info' && !fixes.has(`${f.sheet}!${f.cell}`)) fixes.set(`${f.sheet}!${f.cell}`, f);
          if (fixes.size === 0) return;
          workbook = recalculate([...fixes.values()].reduce((wb, f) => applyPlan(wb, f.fix!), workbook));
        }
        expect(validateWorkbook(workbook).findings.filter((f) => f.fix && f.severity !== 'info').map((f) => `${f.rule} ${f.cell}: ${f.message}`)).toEqual([]);
      }),
      { numRuns: 40 },
    );
  });
});
