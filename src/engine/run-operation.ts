/**
 * runOperation: every operation by name, with one rule for a workbook of many tables, so
 * that the pane and the CLI behave alike. RAG and movement run over every table they apply
 * to (or the one table asked for); a table one cannot handle is skipped with a note saying
 * why, and the operation is refused only when no table can be handled. The trackers and
 * the report make one sheet each; explanations and the chart follow this period's table.
 */
import { UnknownOperationError, UnknownTableError } from './errors';
import { summarise, type Finding } from './findings';
import type { Workbook } from './grid';
import { operationRunMessages as msg } from './messages/operation-runs';
import { columnByRole, type ColumnOverride, type MonitoringTable } from './model';
import { planChart, type ChartCategories, type ChartPlacement } from './operations/chart';
import { currentMonitoringTable, planMitigationTracker } from './operations/mitigation-tracker';
import { planVarianceExplanations } from './operations/variance-explanations';
import { planMovement } from './operations/movement';
import { planRagFormatting } from './operations/rag-formatting';
import { planSavingsTracker } from './operations/savings-tracker';
import { refused, type OperationResult } from './operations/shared';
import { planValidationReport } from './operations/validation-report';
import { mergePlans } from './plan';
import { DEFAULT_RAG_POLICY, type RagPolicy } from './policy';
import type { PreviousPeriod } from './previous-period';
import { validateWorkbook } from './validate';

export const OPERATION_NAMES = ['rag', 'movement', 'mitigationTracker', 'savingsTracker', 'explanations', 'chart', 'report'] as const;
export type OperationName = (typeof OPERATION_NAMES)[number];

export interface OperationRequest {
  readonly workbook: Workbook;
  /** The workbook's tables, as read or validated. */
  readonly tables: readonly MonitoringTable[];
  /** The findings the report lists; the workbook is validated for them when not given. */
  readonly findings?: readonly Finding[];
  readonly policy?: RagPolicy;
  /** Column roles the officer set by hand (used when the report has to validate). */
  readonly overrides?: readonly ColumnOverride[];
  /** Movement: last period's figures; the earlier sheet each table's headers name when not given. */
  readonly previous?: PreviousPeriod;
  /**
   * One table to act on (its id): RAG and movement on that table only; the trackers are
   * built from it. When not given, RAG and movement run over every table they apply to
   * and the trackers follow the current period's table.
   */
  readonly tableId?: string;
  /** Mitigation tracker: mitigate this section's sub total rather than the table total. */
  readonly section?: string;
  /** Report: when it was run; now when not given. */
  readonly runAt?: Date | string;
  /** Chart: one bar per line or per section, beside the table or on a "Charts" sheet (default lines, beside). */
  readonly chart?: { readonly per?: ChartCategories; readonly placement?: ChartPlacement };
}

/** An operation run on one table at a time, and the tables it applies to when none is named. */
interface PerTable {
  readonly titleMany: string;
  readonly noTable: string;
  appliesTo(tables: readonly MonitoringTable[]): MonitoringTable[];
  plan(table: MonitoringTable, request: OperationRequest): OperationResult;
}

const monitoring = (tables: readonly MonitoringTable[]) => tables.filter((t) => t.kind === 'monitoring');

const PER_TABLE: Readonly<Record<'rag' | 'movement', PerTable>> = {
  rag: {
    titleMany: msg.ragTitleMany,
    noTable: msg.ragNoTable,
    // The RAG column where the workbook has one (last period's sheet often has none);
    // the variances of every monitoring table where none has.
    appliesTo: (tables) => {
      const withWords = monitoring(tables).filter((t) => columnByRole(t, 'rag'));
      return withWords.length > 0 ? withWords : monitoring(tables);
    },
    // Colours, and RAG words written or corrected from the policy.
    plan: (table, r) => planRagFormatting(table, r.policy ?? DEFAULT_RAG_POLICY, { workbook: r.workbook, writeWords: true }),
  },
  movement: {
    titleMany: msg.movementTitleMany,
    noTable: msg.movementNoTable,
    appliesTo: (tables) => monitoring(tables).filter((t) => columnByRole(t, 'variance')),
    plan: (table, r) => planMovement(table, r.workbook, r.previous),
  },
};

export function runOperation(name: OperationName, request: OperationRequest): OperationResult {
  const table = request.tableId === undefined ? undefined : tableById(request.tables, request.tableId);
  switch (name) {
    case 'rag':
    case 'movement':
      return overTables(PER_TABLE[name], table ? [table] : PER_TABLE[name].appliesTo(request.tables), request);
    case 'mitigationTracker':
      return planMitigationTracker(request.workbook, request.tables, { ...(table ? { tableId: table.id } : {}), ...(request.section ? { section: request.section } : {}) });
    case 'savingsTracker':
      return planSavingsTracker(request.workbook, request.tables, { ...(table ? { tableId: table.id } : {}), policy: request.policy ?? DEFAULT_RAG_POLICY });
    case 'explanations':
      return planVarianceExplanations(request.workbook, request.tables, { ...(table ? { tableId: table.id } : {}), policy: request.policy ?? DEFAULT_RAG_POLICY });
    case 'chart': {
      // The table asked for, else this period's (as the trackers follow).
      const charted = table ?? currentMonitoringTable(request.workbook, request.tables);
      if (!charted) return refused(msg.chartTitle, [msg.chartNoTable]);
      return planChart(request.workbook, charted, { ...request.chart, policy: request.policy ?? DEFAULT_RAG_POLICY });
    }
    case 'report': {
      const findings = request.findings ?? validateWorkbook(request.workbook, { ...(request.policy ? { policy: request.policy } : {}), ...(request.overrides ? { overrides: request.overrides } : {}) }).findings;
      return planValidationReport(findings, summarise(findings), request.runAt ?? new Date(), { workbook: request.workbook });
    }
    default:
      throw new UnknownOperationError(String(name));
  }
}

function tableById(tables: readonly MonitoringTable[], id: string): MonitoringTable {
  const table = tables.find((t) => t.id === id);
  if (!table) throw new UnknownTableError(id);
  return table;
}

/** One plan over the tables: those that cannot be handled are skipped with a note, unless none can. */
function overTables(operation: PerTable, tables: readonly MonitoringTable[], request: OperationRequest): OperationResult {
  if (tables.length === 0) return refused(operation.titleMany, [operation.noTable]);
  const results = tables.map((table) => ({ table, result: operation.plan(table, request) }));
  const usable = results.filter(({ result }) => result.problems.length === 0 && result.plan.edits.length > 0);
  if (usable.length === 0) {
    const only = results.length === 1 ? results[0]!.result : undefined;
    return only ?? refused(operation.titleMany, [...new Set(results.flatMap(({ result }) => result.problems))]);
  }
  if (results.length === 1) return usable[0]!.result;
  const skipped = results.filter((r) => !usable.includes(r) && r.result.problems.length > 0);
  return {
    plan: usable.length === 1 ? usable[0]!.result.plan : mergePlans(operation.titleMany, usable.map(({ result }) => result.plan)),
    notes: [...usable.flatMap(({ result }) => result.notes), ...skipped.flatMap(({ table, result }) => result.problems.map((p) => msg.tableSkipped(table.sheet, table.range, p)))],
    problems: [],
    overwrites: usable.flatMap(({ result }) => result.overwrites ?? []),
  };
}
