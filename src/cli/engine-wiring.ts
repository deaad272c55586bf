/** The real engine behind the CLI: validation, the operations that have landed, and a calculator. */
import { cliMessages } from '../engine/messages/cli';
import { mergePlans } from '../engine/plan';
import { planRagFormatting } from '../engine/operations/rag-formatting';
import { refused, type OperationResult } from '../engine/operations/shared';
import { validateWorkbook } from '../engine/validate';
import type { Calculator } from '../host/xlsx/results';
import type { CliEngine, Operation, OperationInput, PriorPeriod, ValidateOptions } from './engine-port';

function validate(workbook: OperationInput['workbook'], options: ValidateOptions): ReturnType<CliEngine['validate']> {
  return validateWorkbook(workbook, { policy: options.policy, ...(options.prior ? { previous: previousOption(options.prior) } : {}) });
}

function previousOption(prior: PriorPeriod): { workbook?: OperationInput['workbook']; sheet?: string } {
  return 'sheet' in prior ? { sheet: prior.sheet } : { workbook: prior.workbook };
}

/** Runs a per-table operation on every table; tables it cannot handle are skipped unless none can be. */
function everyTable(title: string, plan: (input: OperationInput, table: OperationInput['tables'][number]) => OperationResult): Operation {
  return (input) => {
    const results = input.tables.map((t) => plan(input, t));
    const usable = results.filter((r) => r.problems.length === 0);
    if (usable.length === 0) return refused(title, results.flatMap((r) => r.problems));
    return { plan: mergePlans(usable.length === 1 ? usable[0]!.plan.title : title, usable.map((r) => r.plan)), notes: usable.flatMap((r) => r.notes), problems: [] };
  };
}

/**
 * HyperFormula (GPL, a devDependency) is loaded only when installed; without it formulas
 * are written for Excel to calculate on open. A synchronous require keeps this working
 * under tsx's CommonJS hook and in the esbuild bundle alike.
 */
function loadCalculator(): Calculator | undefined {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- optional dependency, loaded on demand
    return (require('../host/calc/recalculate') as typeof import('../host/calc/recalculate')).recalculate;
  } catch {
    return undefined;
  }
}

export function realEngine(): CliEngine {
  const calculate = loadCalculator();
  return {
    validate,
    operations: {
      rag: everyTable(cliMessages.operationTitles.rag, (input, table) => planRagFormatting(table, input.policy, { workbook: input.workbook })),
    },
    ...(calculate ? { calculate } : {}),
  };
}
