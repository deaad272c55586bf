/**
 * Clean tables in many layouts give no error and no warning; one injected fault gives
 * exactly one error, at the faulted cell, with every other finding it causes attached to it
 * (EVIDENCE.md §4).
 */
import fc from 'fast-check';
import { validateWorkbook } from '../../../src/engine/validate';
import type { Finding } from '../../../src/engine/findings';
import { type LayoutSpec, buildLayout, withCellChanged } from '../../support/layouts';

const line = fc.record({
  expenditure: fc.integer({ min: 50, max: 20_000 }),
  income: fc.integer({ min: 0, max: 40 }).map((p) => p * 10),
  variance: fc.integer({ min: -300, max: 300 }),
});

const spec: fc.Arbitrary<LayoutSpec> = fc.record({
  sections: fc.array(fc.array(line, { minLength: 2, maxLength: 6 }), { minLength: 2, maxLength: 4 }),
  totalsAbove: fc.boolean(),
  incomePositive: fc.boolean(),
  codeColumn: fc.boolean(),
  percentColumn: fc.boolean(),
  checkColumn: fc.boolean(),
  averageRow: fc.boolean(),
  originalBudget: fc.boolean(),
  underspendPositive: fc.boolean(),
  noteColumn: fc.boolean(),
  furtherLines: fc.boolean(),
});

const roots = (findings: readonly Finding[], severity: Finding['severity']): string[] =>
  findings.filter((f) => f.severity === severity && !f.causedBy).map((f) => `${f.rule} ${f.cell}`);

describe('layouts', () => {
  it('a clean table in any of the layouts gives no error and no warning', () => {
    fc.assert(
      fc.property(spec, (s) => {
        const { findings } = validateWorkbook(buildLayout(s).workbook);
        expect({ errors: roots(findings, 'error'), warnings: roots(findings, 'warning') }).toEqual({ errors: [], warnings: [] });
      }),
      { numRuns: 60 },
    );
  });

  it('a section total typed over with a wrong figure is one error at that cell; the rest hangs under it', () => {
    fc.assert(
      fc.property(spec, fc.nat(), fc.constantFrom('expenditure', 'income', 'forecast') as fc.Arbitrary<'expenditure' | 'income' | 'forecast'>, fc.integer({ min: 50, max: 900 }), (s, pick, role, by) => {
        const layout = buildLayout(s);
        const row = layout.sectionTotals[pick % layout.sectionTotals.length]!;
        const cell = `${layout.col[role]}${row}`;
        const was = layout.workbook.sheets[0]!.rows[row - 1]![columnOf(cell)]!.value as number;
        const { findings } = validateWorkbook(withCellChanged(layout.workbook, cell, { value: was + by }));
        expect(roots(findings, 'error')).toEqual([`total-sum ${cell}`]);
        expect(roots(findings, 'warning')).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });

  it('a SUM that stops a line short is one error at that cell', () => {
    fc.assert(
      fc.property(spec.filter((s) => !s.totalsAbove), fc.nat(), fc.constantFrom('expenditure', 'forecast') as fc.Arbitrary<'expenditure' | 'forecast'>, (s, pick, role) => {
        const layout = buildLayout(s);
        const i = pick % layout.sectionTotals.length;
        const row = layout.sectionTotals[i]!;
        const lines = layout.sectionLines[i]!;
        const letter = layout.col[role];
        const cell = `${letter}${row}`;
        const { findings } = validateWorkbook(withCellChanged(layout.workbook, cell, { value: null, formula: `=SUM(${letter}${lines[0]}:${letter}${lines[lines.length - 2]})` }));
        // Unless the line left out is nil, the SUM is both short (sum-range) and wrong (its consequence).
        expect(roots(findings, 'error')).toEqual([`sum-range ${cell}`]);
        expect(roots(findings, 'warning')).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });

  it('a line figure typed over its formula is one error at that cell', () => {
    fc.assert(
      fc.property(spec, fc.nat(), fc.integer({ min: 50, max: 900 }), (s, pick, by) => {
        const layout = buildLayout(s);
        const all = layout.sectionLines.flat();
        const row = all[pick % all.length]!;
        const cell = `${layout.col.net}${row}`;
        const was = layout.workbook.sheets[0]!.rows[row - 1]![columnOf(cell)]!.value as number;
        const { findings } = validateWorkbook(withCellChanged(layout.workbook, cell, { value: was + by }));
        expect(roots(findings, 'error')).toEqual([`net-budget ${cell}`]);
        expect(roots(findings, 'warning')).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });
});

function columnOf(a1: string): number {
  const letters = /^[A-Z]+/.exec(a1)![0];
  let c = 0;
  for (const ch of letters) c = c * 26 + ch.charCodeAt(0) - 64;
  return c - 1;
}
