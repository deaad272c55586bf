/**
 * A RuleTester in the manner of ESLint's: `valid` cases must produce no finding from the
 * rule; `invalid` cases list exactly the cells that must be reported (missing or extra
 * cells fail the test). Every offered fix is applied (applyPlan + recalculation) and the
 * workbook validated again: the fixed finding must be gone.
 */
import { applyPlan } from '../../src/engine/apply';
import type { Finding, Severity } from '../../src/engine/findings';
import type { EditPlan } from '../../src/engine/plan';
import type { Cell, CellValue, Sheet, Workbook } from '../../src/engine/grid';
import { parseA1, toA1 } from '../../src/engine/address';
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
  /** The rule's template the message comes from (a key of its meta.messages). */
  readonly messageId?: string;
  readonly expected?: string | number | null;
  /** The edits the offered fix makes, exactly. */
  readonly output?: EditPlan['edits'];
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

/**
 * Every offered fix, applied, clears its finding; and, with the whole rule set run again, no
 * rule finds a new error at the cells the fix wrote (a fix must not trade one error for another).
 */
export function expectFixesClear(rule: Rule, workbook: Workbook, findings: readonly Finding[], options: Omit<ValidateOptions, 'rules'> = {}): void {
  const errorsAt = (wb: Workbook, sheet: string, cells: ReadonlySet<string>): string[] =>
    validateWorkbook(wb, options).findings.filter((g) => g.sheet === sheet && cells.has(g.cell) && g.severity === 'error').map((g) => `${g.rule} ${g.cell}`);
  // The fixes an officer is offered: those of root findings when every rule runs (a
  // consequence offers none; fixing its root is the action).
  const offered = validateWorkbook(workbook, options).findings.filter((g) => g.rule === rule.meta.id && g.fix && !g.causedBy);
  for (const f of findings) {
    if (!f.fix || !offered.some((g) => g.sheet === f.sheet && g.cell === f.cell)) continue;
    const fixed = applyFix(workbook, f);
    const after = findingsOf(rule, fixed, options);
    const still = after.filter((g) => g.sheet === f.sheet && g.cell === f.cell && g.severity !== 'info');
    expect({ fixed: `${f.sheet}!${f.cell}`, remaining: still.map((g) => g.message) }).toEqual({ fixed: `${f.sheet}!${f.cell}`, remaining: [] });
    const written = new Set(f.fix.edits.flatMap((e) => ('range' in e && e.sheet === f.sheet ? cellsOf(e.range) : [])));
    const before = new Set(errorsAt(workbook, f.sheet, written));
    expect({ fixed: `${f.sheet}!${f.cell}`, newErrors: errorsAt(fixed, f.sheet, written).filter((x) => !before.has(x)) }).toEqual({ fixed: `${f.sheet}!${f.cell}`, newErrors: [] });
  }
}

/** The cells of an A1 range ("B5:B7" → B5, B6, B7). */
function cellsOf(range: string): string[] {
  const [a, b] = range.split(':');
  const start = parseA1(a!);
  const end = parseA1(b ?? a!);
  if (!start || !end) return [];
  const out: string[] = [];
  for (let r = start.row; r <= end.row; r++) for (let c = start.col; c <= end.col; c++) out.push(toA1(r, c));
  return out;
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
          // As ESLint's RuleTester: every finding names a template the rule declares, and a
          // rule offers fixes only when its metadata says it is fixable.
          for (const f of findings) {
            expect({ cell: f.cell, messageId: f.messageId !== undefined && f.messageId in rule.meta.messages }).toEqual({ cell: f.cell, messageId: true });
            if (f.fix) expect({ rule: rule.meta.id, fixable: rule.meta.fixable }).toEqual({ rule: rule.meta.id, fixable: true });
          }
          for (const e of c.errors) {
            const f = findings.find((x) => where(x, first) === where(e, first))!;
            if (e.messageId !== undefined) expect(f.messageId).toBe(e.messageId);
            if (e.output !== undefined) expect(f.fix?.edits).toEqual(e.output);
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
