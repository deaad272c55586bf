/**
 * A RuleTester as strict as ESLint's. `valid` cases must produce no finding from the rule;
 * `invalid` cases list exactly the cells that must be reported (missing or extra cells
 * fail), each with the template it comes from (`messageId`) and, whenever the finding offers
 * a fix, the fix's edits (`output`; `null` to state that it offers none). The tester throws
 * on a messageId the rule does not declare, and holds the rule's `meta.fixable` to what its
 * cases show: a fix from a rule that is not fixable fails, and so does a fixable rule none of
 * whose cases is fixed. Every offered fix is applied (applyPlan, then a real calculation
 * engine) and the WHOLE rule set run on the fixed grid: the fixed finding must be gone, and
 * no rule may find anything new at the cells the fix wrote.
 */
import { applyPlan } from '../../src/engine/apply';
import type { Finding, Severity, ShownFigures } from '../../src/engine/findings';
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
  /** The rule's template the message comes from (a key of its meta.messages). */
  readonly messageId: string;
  readonly severity?: Severity;
  /** The message, or a pattern it must match. */
  readonly message?: string | RegExp;
  readonly expected?: string | number | null;
  /** The figures shown beside the message, exactly. */
  readonly shown?: ShownFigures;
  /** The edits the offered fix makes, exactly; null when the finding offers no fix. Required when it does. */
  readonly output?: EditPlan['edits'] | null;
}

export interface RuleTestCase {
  readonly name: string;
  readonly workbook: Workbook;
  readonly options?: Omit<ValidateOptions, 'rules'>;
}

export interface InvalidRuleTestCase extends RuleTestCase {
  readonly errors: readonly ExpectedFinding[];
}

/** A test case that names a template its rule does not have: the test is wrong, not the rule (as ESLint throws). */
export class UnknownExpectedMessageIdError extends Error {
  override readonly name = 'UnknownExpectedMessageIdError';
  constructor(ruleId: string, messageId: string, caseName: string) {
    super(`Invalid case "${caseName}" of ${ruleId} expects messageId "${messageId}", which the rule does not declare in meta.messages`);
  }
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

/** The sheet cells a plan writes, as `Sheet!A1`. */
function writtenCells(plan: EditPlan): Set<string> {
  return new Set(plan.edits.flatMap((e) => ('range' in e && 'sheet' in e ? cellsOf(e.range).map((c) => `${e.sheet}!${c}`) : [])));
}

/** Every finding of every rule at the given cells, as `rule messageId Sheet!A1`. */
function findingsAt(workbook: Workbook, cells: ReadonlySet<string>, options: Omit<ValidateOptions, 'rules'>): string[] {
  return validateWorkbook(workbook, options)
    .findings.filter((g) => cells.has(`${g.sheet}!${g.cell}`))
    .map((g) => `${g.rule} ${g.messageId ?? '?'} ${g.sheet}!${g.cell}`);
}

/**
 * Every fix an officer is offered clears its finding; and, with the whole rule set run again
 * on the fixed grid, no rule finds anything at the cells the fix wrote that it did not find
 * there before (a fix must not trade one finding for another).
 */
export function expectFixesClear(rule: Rule, workbook: Workbook, findings: readonly Finding[], options: Omit<ValidateOptions, 'rules'> = {}): void {
  // The fixes an officer is offered: those of root findings when every rule runs (a
  // consequence offers none; fixing its root is the action).
  const offered = validateWorkbook(workbook, options).findings.filter((g) => g.rule === rule.meta.id && g.fix && !g.causedBy);
  for (const f of findings) {
    if (!f.fix || !offered.some((g) => g.sheet === f.sheet && g.cell === f.cell)) continue;
    const fixed = applyFix(workbook, f);
    const at = `${f.sheet}!${f.cell}`;
    const still = findingsOf(rule, fixed, options).filter((g) => g.sheet === f.sheet && g.cell === f.cell && g.severity !== 'info');
    expect({ fixed: at, remaining: still.map((g) => g.message) }).toEqual({ fixed: at, remaining: [] });
    const written = writtenCells(f.fix);
    const before = new Set(findingsAt(workbook, written, options));
    expect({ fixed: at, newFindings: findingsAt(fixed, written, options).filter((x) => !before.has(x)) }).toEqual({ fixed: at, newFindings: [] });
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
  const { meta } = rule;
  // Checked when the cases are declared, as ESLint does: a case naming a template the rule
  // lacks would otherwise pass or fail for the wrong reason.
  for (const c of cases.invalid) {
    for (const e of c.errors) if (!(e.messageId in meta.messages)) throw new UnknownExpectedMessageIdError(meta.id, e.messageId, c.name);
  }
  describe(`rule ${meta.id}`, () => {
    describe('valid', () => {
      for (const c of cases.valid) {
        it(c.name, () => {
          const result = validateWorkbook(c.workbook, { ...c.options, rules: [meta.id] });
          expect(result.tables.length).toBeGreaterThan(0);
          expect(result.findings.filter((f) => f.rule === meta.id).map((f) => `${f.sheet}!${f.cell}: ${f.message}`)).toEqual([]);
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
          for (const f of findings) {
            // Every finding names a template the rule declares, fills it in, and shows its figures.
            expect({ cell: f.cell, messageId: f.messageId !== undefined && f.messageId in meta.messages }).toEqual({ cell: f.cell, messageId: true });
            expect(f.message).not.toMatch(/\{\w+\}/);
            expect({ cell: f.cell, shown: f.shown !== undefined }).toEqual({ cell: f.cell, shown: true });
            // A fix from a rule whose metadata does not say it is fixable (ESLint: "Fixable rules must set the meta.fixable property").
            if (f.fix) expect({ rule: meta.id, fixable: meta.fixable }).toEqual({ rule: meta.id, fixable: true });
          }
          for (const e of c.errors) {
            const f = findings.find((x) => where(x, first) === where(e, first))!;
            expect({ cell: e.cell, messageId: f.messageId }).toEqual({ cell: e.cell, messageId: e.messageId });
            // The fix's edits are part of the expectation whenever a fix is offered.
            if (f.fix && e.output === undefined) throw new Error(`Invalid case "${c.name}": ${where(e, first)} offers a fix, so the case must state its output`);
            if (e.output !== undefined) expect({ cell: e.cell, output: f.fix?.edits ?? null }).toEqual({ cell: e.cell, output: e.output });
            if (e.severity) expect(f.severity).toBe(e.severity);
            if (e.message instanceof RegExp) expect(f.message).toMatch(e.message);
            else if (e.message !== undefined) expect(f.message).toBe(e.message);
            if (e.expected !== undefined) expect(f.expected).toEqual(e.expected);
            if (e.shown !== undefined) expect({ cell: e.cell, shown: f.shown }).toEqual({ cell: e.cell, shown: e.shown });
          }
          expectFixesClear(rule, c.workbook, findings, c.options);
        });
      }
    });
    it(`meta.fixable (${String(meta.fixable)}) matches whether its cases offer fixes`, () => {
      // A rule that says it is fixable shows a fix in at least one case; one that is not offers none.
      const fixes = cases.invalid.some((c) => findingsOf(rule, c.workbook, c.options).some((f) => f.fix));
      expect({ rule: meta.id, fixable: meta.fixable }).toEqual({ rule: meta.id, fixable: fixes });
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
