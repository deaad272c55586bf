/** The real engine behind the CLI: validation, the operations that have landed, and a calculator. */
import { summarise } from '../engine/findings';
import type { Workbook } from '../engine/grid';
import { cliMessages } from '../engine/messages/cli';
import type { MonitoringTable } from '../engine/model';
import { planChart } from '../engine/operations/chart';
import { planMitigationTracker } from '../engine/operations/mitigation-tracker';
import { planMovement } from '../engine/operations/movement';
import { planRagFormatting } from '../engine/operations/rag-formatting';
import { planSavingsTracker } from '../engine/operations/savings-tracker';
import { planValidationReport } from '../engine/operations/validation-report';
import { planVarianceExplanations } from '../engine/operations/variance-explanations';
import { refused, type OperationResult } from '../engine/operations/shared';
import { mergePlans } from '../engine/plan';
import { validateWorkbook } from '../engine/validate';
import type { Calculator } from '../host/xlsx/results';
import type { CliEngine, Operation, OperationInput, PriorPeriod, ValidateOptions } from './engine-port';

function validate(workbook: Workbook, options: ValidateOptions): ReturnType<CliEngine['validate']> {
  return validateWorkbook(workbook, { policy: options.policy, ...(options.prior ? { previous: previousOption(options.prior) } : {}) });
}

function previousOption(prior: PriorPeriod): { workbook?: Workbook; sheet?: string } {
  return 'sheet' in prior ? { sheet: prior.sheet } : { workbook: prior.workbook };
}

/** Runs a per-table operation on every table; tables it cannot handle are skipped unless none can be. */
function everyTable(title: string, plan: (input: OperationInput, table: MonitoringTable) => OperationResult): Operation {
  return (input) => {
    const results = input.tables.map((t) => plan(input, t));
    const usable = results.filter((r) => r.problems.length === 0 && r.plan.edits.length > 0);
    if (usable.length === 0) return refused(title, [...new Set(results.flatMap((r) => r.problems))]);
    return { plan: mergePlans(usable.length === 1 ? usable[0]!.plan.title : title, usable.map((r) => r.plan)), notes: usable.flatMap((r) => r.notes), problems: [] };
  };
}

/**
 * The table the tracker follows when the officer cannot point at one: this period's, i.e.
 * one with a movement column, else the right-most sheet's (tabs run Month 6, Month 7).
 */
function currentTable(tables: readonly MonitoringTable[]): MonitoringTable | undefined {
  const withVariance = tables.filter((t) => t.columns.some((c) => c.role === 'variance'));
  return withVariance.find((t) => t.columns.some((c) => c.role === 'movement')) ?? withVariance[withVariance.length - 1];
}

/**
 * HyperFormula (GPL, a devDependency) calculates the results of formulas `apply` writes.
 * It is loaded on first use, so `check` never pays for it, and only when installed;
 * without it formulas are written for Excel to calculate on open. Synchronous require
 * keeps this working under tsx's CommonJS hook and in the esbuild bundle alike.
 */
function lazyCalculator(): Calculator | undefined {
  try {
    require.resolve('hyperformula');
  } catch {
    return undefined;
  }
  let recalculate: Calculator | undefined;
  return (workbook) => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- optional dependency, loaded on demand
    recalculate ??= (require('../host/calc/recalculate') as typeof import('../host/calc/recalculate')).recalculate;
    return recalculate(workbook);
  };
}

export function realEngine(): CliEngine {
  const calculate = lazyCalculator();
  return {
    validate,
    operations: {
      // The same edits as the task pane: colours, and RAG words written or corrected from the policy.
      rag: everyTable(cliMessages.operationTitles.rag, (input, table) => planRagFormatting(table, input.policy, { workbook: input.workbook, writeWords: true })),
      // Each table against --prior, or the earlier sheet its own headers name (as the add-in detects it).
      movement: everyTable(cliMessages.operationTitles.movement, (input, table) => planMovement(table, input.workbook, input.prior)),
      tracker: (input) => {
        const table = currentTable(input.tables);
        return planMitigationTracker(input.workbook, input.tables, table ? { tableId: table.id } : {});
      },
      'savings-tracker': (input) => planSavingsTracker(input.workbook, input.tables, { policy: input.policy }),
      // The lines the policy says need an explanation, drafted on the "Variance explanations" sheet.
      explanations: (input) => {
        const table = currentTable(input.tables);
        return planVarianceExplanations(input.workbook, input.tables, { policy: input.policy, ...(table ? { tableId: table.id } : {}) });
      },
      // The table of this period (as for the tracker), charted as in the task pane.
      chart: (input) => {
        const table = currentTable(input.tables);
        if (!table) return refused(cliMessages.operationTitles.chart, [cliMessages.noChartTable]);
        return planChart(input.workbook, table, { per: input.chart?.per ?? 'lines', placement: input.chart?.placement ?? 'beside', policy: input.policy });
      },
      report: (input) => planValidationReport(input.findings, summarise(input.findings), new Date(), { workbook: input.workbook }),
    },
    ...(calculate ? { calculate } : {}),
  };
}
