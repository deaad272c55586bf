/**
 * A RuleTester in the manner of ESLint's: `valid` cases must produce no finding from the
 * rule; `invalid` cases list exactly the cells that must be reported (missing or extra
 * cells fail the test). Every offered fix is applied (applyPlan + recalculation) and the
 * workbook validated again: the fixed finding must be gone.
 */
import { applyPlan } from '../../src/engine/apply';
import type { Finding, Severity } from '../../src/engine/findings';
import type { Cell, CellValue, Sheet, Workbook } from '../../src/engine/grid';
import { parseA1 } from '../../src/engine/address';
import type { Rule } from '../../src/engine/rules';
import { type ValidateOptions, validateWorkbook } from '../../src/engine/validate';
import { recalculate } from '../../src/host/calc/recalculate';

export interface ExpectedFinding {
  /** A1 without `$`. */
  readonly cell: string;
  /** Defaults to the workbook's first sheet. */
  readonly sheet?: string;
  readonly severity?: Severity;
  /** The message, or a pattern it must match. */
  readonly message?: string | RegExp;
  readonly expected?: string | number | null;
}

export interface RuleTestCase {
  readonly name: string;
  readonly workbook: Workbook;
  readonly options?: Omit<ValidateOptions, 'rules'>;
}

export interface InvalidRuleTestCase extends RuleTestCase {
  readonly errors: readonly ExpectedFinding[];
}

/** The rule's findings on a workbook (the rule alone, through the one entry point). */
export function findingsOf(rule: Rule, workbook: Workbook, options: Omit<ValidateOptions, 'rules'> = {}): Finding[] {
  return validateWorkbook(workbook, { ...options, rules: [rule.meta.id] }).findings.filter((f) => f.rule === rule.meta.id);
}

function where(f: { sheet?: string; cell: string }, firstSheet: string): string {
  return `${f.sheet ?? firstSheet}!${f.cell}`;
}

/** Applies a fix as a host would, then lets a real calculation engine refresh formula values. */
export function applyFix(workbook: Workbook, finding: Finding): Workbook {
  if (!finding.fix) return workbook;
  return recalculate(applyPlan(workbook, finding.fix));
}

export function expectFixesClear(rule: Rule, workbook: Workbook, findings: readonly Finding[], options: Omit<ValidateOptions, 'rules'> = {}): void {
  for (const f of findings) {
    if (!f.fix) continue;
    const after = findingsOf(rule, applyFix(workbook, f), options);
    const still = after.filter((g) => g.sheet === f.sheet && g.cell === f.cell && g.severity !== 'info');
    expect({ fixed: `${f.sheet}!${f.cell}`, remaining: still.map((g) => g.message) }).toEqual({ fixed: `${f.sheet}!${f.cell}`, remaining: [] });
  }
}

export function ruleTester(rule: Rule, cases: { valid: readonly RuleTestCase[]; invalid: readonly InvalidRuleTestCase[] }): void {
  describe(`rule ${rule.meta.id}`, () => {
    describe('valid', () => {
      for (const c of cases.valid) {
        it(c.name, () => {
          const result = validateWorkbook(c.workbook, { ...c.options, rules: [rule.meta.id] });
          expect(result.tables.length).toBeGreaterThan(0);
          expect(result.findings.filter((f) => f.rule === rule.meta.id).map((f) => `${f.sheet}!${f.cell}: ${f.message}`)).toEqual([]);
        });
      }
    });
    describe('invalid', () => {
      for (const c of cases.invalid) {
        it(c.name, () => {
          const first = c.workbook.sheets[0]?.name ?? '';
          const findings = findingsOf(rule, c.workbook, c.options);
          const got = findings.map((f) => where(f, first)).sort();
          const want = c.errors.map((e) => where(e, first)).sort();
          // Exactly these cells: nothing missing, nothing extra.
          expect({ cells: got, messages: findings.map((f) => f.message) }).toEqual({ cells: want, messages: expect.any(Array) });
          for (const e of c.errors) {
            const f = findings.find((x) => where(x, first) === where(e, first))!;
            if (e.severity) expect(f.severity).toBe(e.severity);
            if (e.message instanceof RegExp) expect(f.message).toMatch(e.message);
            else if (e.message !== undefined) expect(f.message).toBe(e.message);
            if (e.expected !== undefined) expect(f.expected).toEqual(e.expected);
          }
          for (const f of findings) expect(f.message).not.toMatch(/\{\w+\}/);
          expectFixesClear(rule, c.workbook, findings, c.options);
        });
      }
    });
  });
}

// ---------------------------------------------------------------------------------------
// Small grids for rule tests, and faults to inject into any workbook.

/** Returns a copy of the workbook with one cell replaced (a fault, or a test's variation). */
export function withCell(workbook: Workbook, sheetName: string, a1: string, cell: Cell | CellValue): Workbook {
  const ref = parseA1(a1);
  if (!ref) throw new Error(`Bad cell ${a1}`);
  const next: Cell = cell !== null && typeof cell === 'object' && 'value' in cell ? cell : { value: cell };
  return {
    ...workbook,
    sheets: workbook.sheets.map((s): Sheet => {
      if (s.name !== sheetName) return s;
      const rows = s.rows.map((r) => (r ? [...r] : undefined));
      while (rows.length <= ref.row) rows.push(undefined);
      const row = rows[ref.row] ?? [];
      row[ref.col] = next;
      rows[ref.row] = row;
      return { ...s, rows };
    }),
  };
}

/** The cell at an address (empty cell when absent). */
export function cellOf(workbook: Workbook, sheetName: string, a1: string): Cell {
  const ref = parseA1(a1)!;
  return workbook.sheets.find((s) => s.name === sheetName)?.rows[ref.row]?.[ref.col] ?? { value: null };
}

/** Replaces a cell's value, keeping its format (and dropping any formula). */
export function withValue(workbook: Workbook, sheetName: string, a1: string, value: CellValue): Workbook {
  const old = cellOf(workbook, sheetName, a1);
  return withCell(workbook, sheetName, a1, old.format ? { value, format: old.format } : { value });
}

/** Replaces a cell's formula (value recomputed by the caller's recalculation, if any). */
export function withFormula(workbook: Workbook, sheetName: string, a1: string, formula: string): Workbook {
  const old = cellOf(workbook, sheetName, a1);
  return withCell(workbook, sheetName, a1, old.format ? { value: null, formula, format: old.format } : { value: null, formula });
}
