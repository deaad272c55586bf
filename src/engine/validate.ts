/**
 * validateWorkbook (`validate` in the facade, src/engine/index.ts): what the pane, the
 * workbench, the CLI and the benchmarks call to check a workbook. Reads every table, runs every rule over each, and returns the tables
 * with the findings sorted by sheet, row and column. It never throws: a failure inside
 * a rule or the reader becomes a finding naming the sheet.
 */
import { columnLetters, parseA1 } from './address';
import { attachConsequences } from './consequences';
import type { Finding } from './findings';
import type { Sheet, Workbook } from './grid';
import { validationMessages as msg } from './messages/validation';
import type { ColumnOverride, MonitoringTable } from './model';
import { normaliseLabel } from './domain/labels';
import { detectPreviousSheet } from './domain/periods';
import { DEFAULT_RAG_POLICY, type RagPolicy } from './policy';
import { previousWorkbook, type PreviousPeriod } from './previous-period';
import { readTables } from './read';
import { type PreviousSheetTables, RuleContext } from './rules/context';
import { RULES } from './rules';
import { reportSheetErrors } from './rules/sheet-errors';
import type { Rule } from './rules/types';

export interface ValidateOptions {
  readonly policy?: RagPolicy;
  readonly overrides?: readonly ColumnOverride[];
  /** The previous period; each table's own headers name it when not given. */
  readonly previous?: PreviousPeriod;
  /** Rule ids to run; all when absent. */
  readonly rules?: readonly string[];
}

export interface ValidationResult {
  readonly tables: MonitoringTable[];
  readonly findings: Finding[];
}

export function validateWorkbook(workbook: Workbook, options: ValidateOptions = {}): ValidationResult {
  const policy = options.policy ?? DEFAULT_RAG_POLICY;
  const rules = selectRules(options.rules);
  const findings: Finding[] = [];
  const reader = new TableCache(options.overrides, findings);
  const tables: MonitoringTable[] = [];
  for (const sheet of workbook.sheets) tables.push(...reader.tablesOf(workbook, sheet, true));
  const previousFor = previousFinder(workbook, options, reader);
  const sheetsByName = new Map<string, Sheet>();
  for (const s of workbook.sheets) if (!sheetsByName.has(s.name)) sheetsByName.set(s.name, s); // the first, as find() gave
  for (const table of tables) {
    const sheet = sheetsByName.get(table.sheet);
    if (!sheet) continue;
    const context = new RuleContext({ workbook, sheet, table, policy, previousFor });
    // A loop rather than push(...): a rule may report more findings than a call's argument limit.
    for (const rule of rules) for (const f of runRule(rule, context)) findings.push(f);
  }
  reportSheetErrors(workbook, rules, findings); // error values outside tables, copied broken formulas, hidden #REF!
  return { tables, findings: sortFindings(workbook, attachConsequences(dedupe(findings), tables, workbook)) };
}

/** Runs one rule on one table; an exception becomes a finding rather than escaping. */
export function runRule(rule: Rule, context: RuleContext): Finding[] {
  try {
    return rule.check(context);
  } catch (err) {
    const { table } = context;
    return [{
      rule: rule.meta.id,
      severity: 'warning',
      sheet: table.sheet,
      cell: `${columnLetters(table.firstCol)}${(table.headerRows[0] ?? table.firstRow) + 1}`,
      message: msg.ruleFailed(rule.meta.id, `${table.sheet}!${table.range}`, reasonOf(err)),
      expected: null,
      actual: null,
    }];
  }
}

function selectRules(ids: readonly string[] | undefined): readonly Rule[] {
  if (!ids) return RULES;
  const wanted = new Set(ids);
  return RULES.filter((r) => wanted.has(r.meta.id));
}

/** Reads each sheet once, on its own, so that one unreadable sheet does not hide the others. */
class TableCache {
  private readonly cache = new Map<Workbook, Map<string, MonitoringTable[]>>();

  constructor(
    private readonly overrides: readonly ColumnOverride[] | undefined,
    private readonly findings: Finding[],
  ) {}

  tablesOf(workbook: Workbook, sheet: Sheet, reportFailure = false): MonitoringTable[] {
    let byName = this.cache.get(workbook);
    if (!byName) {
      byName = new Map();
      this.cache.set(workbook, byName);
    }
    const known = byName.get(sheet.name);
    if (known) return known;
    let tables: MonitoringTable[] = [];
    try {
      tables = readTables({ sheets: [sheet] }, this.overrides ? { overrides: this.overrides } : {});
    } catch (err) {
      if (reportFailure) {
        this.findings.push({ rule: 'read', severity: 'warning', sheet: sheet.name, cell: 'A1', message: msg.sheetUnreadable(sheet.name, reasonOf(err)), expected: null, actual: null });
      }
    }
    byName.set(sheet.name, tables);
    return tables;
  }
}

/**
 * The previous period for a table: the caller's choice, else the sheet its movement header
 * names ("Movement From Month 6" → sheet "Month 6"). Never the table's own sheet.
 */
function previousFinder(workbook: Workbook, options: ValidateOptions, reader: TableCache): (table: MonitoringTable, period: string | undefined) => PreviousSheetTables | undefined {
  return (table, period) => {
    const other = previousWorkbook(options.previous);
    const source = other ?? workbook;
    const byName = (name: string | undefined): Sheet | undefined => {
      if (!name) return undefined;
      const wanted = normaliseLabel(name);
      return source.sheets.find((s) => normaliseLabel(s.name) === wanted && (other !== undefined || s.name !== table.sheet));
    };
    let sheet: Sheet | undefined;
    if (options.previous?.sheet) sheet = byName(options.previous.sheet);
    else if (other) sheet = byName(period) ?? byName(table.sheet) ?? other.sheets.find((s) => reader.tablesOf(other, s).some((t) => t.columns.some((c) => c.role === 'variance')));
    else sheet = byName(detectPreviousSheet(table, workbook));
    if (!sheet || (!other && sheet.name === table.sheet)) return undefined;
    return { workbook: source, sheet: sheet.name, tables: reader.tablesOf(source, sheet), sameWorkbook: other === undefined };
  };
}

/** One finding per rule and cell; the same figure reported by two rules is kept once (the first rule's). */
function dedupe(findings: readonly Finding[]): Finding[] {
  const seen = new Set<string>();
  const out: Finding[] = [];
  for (const f of findings) {
    const key = `${f.sheet}\u0000${f.cell}\u0000${f.severity}\u0000${String(f.expected)}\u0000${String(f.actual)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(f);
  }
  return out;
}

function sortFindings(workbook: Workbook, findings: Finding[]): Finding[] {
  const order = new Map(workbook.sheets.map((s, i) => [s.name, i] as const));
  const keyed = findings.map((f, i) => {
    const ref = parseA1(f.cell);
    return { f, i, sheet: order.get(f.sheet) ?? Number.MAX_SAFE_INTEGER, row: ref?.row ?? 0, col: ref?.col ?? 0 };
  });
  keyed.sort((a, b) => a.sheet - b.sheet || a.row - b.row || a.col - b.col || a.i - b.i);
  return keyed.map((k) => k.f);
}

function reasonOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
