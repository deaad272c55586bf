/**
 * `budget-monitor apply`: the add-in's edits, written to a new file. The input is only
 * read; the output appears whole (written beside it, then renamed) or not at all. The plans
 * are worked through on an exceljs model (to re-check between them), but the file written
 * is the input's own package with only the plans' edits patched in (package/patch.ts, as
 * the workbench's Download): nothing exceljs does not model is lost.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type ExcelJS from 'exceljs';
import { type EditPlan, isErrorValue, type OperationName, summarise, type ValidateOptions, type Workbook } from '../engine';
import { cliMessages } from './messages';
import { applyPlanToExcelJs, type WrittenFormula } from '../host/xlsx/apply-plan';
import { PlanApplyError } from '../host/xlsx/errors';
import { excelJsToNonEmptyWorkbook, excelJsToWorkbook } from '../host/xlsx/read-buffer';
import { loadExcelJsFileWithBytes } from '../host/xlsx/read-file';
import { nodePackageCodec } from '../host/xlsx/fast/node-codec';
import { patchPackage, sameCellValue, type PackageChange } from '../host/xlsx/package/patch';
import { planChanges } from '../host/xlsx/package/plan-changes';
import { fillFormulaResults } from '../host/xlsx/results';
import { OPERATION_FLAGS, UsageError, type ApplyCommand, type OperationFlag } from './args';
import { EXIT_ERRORS, EXIT_OK, type CliIo } from './io';
import { loadPolicyFile } from './policy-file';
import { resolvePrior } from './prior';
import type { CliTools } from './tools';

/** A failure after the arguments were accepted; like a usage error, one line and exit 2. */
export class CommandFailed extends Error {
  override readonly name = 'CommandFailed';
}

/** Fixes can uncover further fixes (a corrected line, then its sub total); a few passes settle them. */
const MAX_FIX_PASSES = 5;

async function exists(p: string): Promise<boolean> {
  return fs.stat(p).then(
    () => true,
    () => false,
  );
}

/** The engine's operation behind each flag (all but --fix, which applies the findings' own fixes). */
const OPERATION_OF_FLAG: Readonly<Record<Exclude<OperationFlag, 'fix'>, OperationName>> = {
  rag: 'rag',
  movement: 'movement',
  tracker: 'mitigationTracker',
  'savings-tracker': 'savingsTracker',
  explanations: 'explanations',
  chart: 'chart',
  report: 'report',
};

class Session {
  workbook: Workbook;
  private readonly written: WrittenFormula[] = [];
  readonly plans: EditPlan[] = [];
  readonly opened: Workbook;

  constructor(
    readonly wb: ExcelJS.Workbook,
    workbook: Workbook,
    private readonly calculate: CliTools['calculate'],
  ) {
    this.workbook = workbook;
    this.opened = workbook;
  }

  /**
   * What to patch into the input: each plan's edits, then every formula's result that
   * differs from the one saved in the file (as the next check saw it).
   */
  changes(): PackageChange[] {
    const out = this.plans.flatMap((plan, i) => planChanges(plan, i + 1));
    for (const sheet of this.workbook.sheets) {
      const before = this.opened.sheets.find((s) => s.name === sheet.name);
      sheet.rows.forEach((row, r) =>
        row?.forEach((cell, c) => {
          if (cell?.formula === undefined) return;
          const old = before?.rows[r]?.[c];
          if (old?.formula === cell.formula && sameCellValue(old.value, cell.value)) return;
          if (old?.formula === cell.formula && isErrorValue(cell.value) && !isErrorValue(old.value)) return;
          out.push({ kind: 'result', sheet: sheet.name, row: r, col: c, value: cell.value });
        }),
      );
    }
    return out;
  }

  apply(plan: EditPlan): void {
    if (plan.edits.length === 0) return;
    this.plans.push(plan);
    try {
      this.written.push(...applyPlanToExcelJs(this.wb, plan).formulas);
    } catch (err) {
      if (err instanceof PlanApplyError) throw new CommandFailed(cliMessages.cannotApply(err.message));
      throw err;
    }
    // The next check must see the figures the new formulas produce, as Excel would.
    if (this.calculate) fillFormulaResults(this.wb, this.written, this.calculate);
    this.workbook = excelJsToWorkbook(this.wb);
  }
}

export async function runApply(cmd: ApplyCommand, io: CliIo, { engine, calculate }: CliTools): Promise<number> {
  const input = path.resolve(cmd.file);
  const out = path.resolve(cmd.out);
  if (input === out) throw new UsageError(cliMessages.usage.outIsInput(cmd.file));
  if (!cmd.force && (await exists(out))) throw new UsageError(cliMessages.usage.outExists(cmd.out));

  const policy = await loadPolicyFile(cmd.policy);
  const { wb, bytes } = await loadExcelJsFileWithBytes(cmd.file);
  const session = new Session(wb, excelJsToNonEmptyWorkbook(wb, cmd.file), calculate);
  const prior = await resolvePrior(cmd.prior, session.workbook, cmd.file);
  const options: ValidateOptions = prior ? { policy, previous: prior } : { policy };
  const said: string[] = [];

  if (cmd.operations.includes('fix')) {
    let applied = 0;
    let previous = '';
    for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
      const plans = engine.fixesOf(engine.validate(session.workbook, options).findings);
      const key = JSON.stringify(plans.map((p) => p.edits));
      if (plans.length === 0 || key === previous) break;
      previous = key;
      for (const plan of plans) session.apply(plan);
      applied += plans.length;
    }
    said.push(cliMessages.applied.fixes(applied));
  }

  for (const op of OPERATION_FLAGS) {
    if (op === 'fix' || !cmd.operations.includes(op)) continue;
    const { tables, findings } = engine.validate(session.workbook, options);
    const outcome = engine.runOperation(OPERATION_OF_FLAG[op], { workbook: session.workbook, tables, findings, ...options, ...(cmd.chart ? { chart: cmd.chart } : {}) });
    if (outcome.problems.length > 0) throw new CommandFailed(cliMessages.operationRefused(`--${op}`, outcome.problems.join(' ')));
    session.apply(outcome.plan);
    said.push(cliMessages.applied.operation(outcome.plan.title), ...outcome.notes.map((n) => cliMessages.applied.note(n)));
  }
  if (!calculate) said.push(cliMessages.noCalculator);

  const remaining = summarise(engine.validate(session.workbook, options).findings);
  let patched: Uint8Array;
  try {
    patched = await patchPackage(bytes, session.changes(), nodePackageCodec);
  } catch (err) {
    if (err instanceof PlanApplyError) throw new CommandFailed(cliMessages.cannotApply(err.message));
    throw err;
  }
  await writeAtomically(patched, out, cmd.out, cmd.force);
  said.push(cliMessages.applied.remaining(remaining.errors, remaining.warnings, remaining.infos), cliMessages.applied.wrote(cmd.out));
  io.stdout(`${said.join('\n')}\n`);
  return remaining.errors > 0 ? EXIT_ERRORS : EXIT_OK;
}

async function writeAtomically(data: Uint8Array, out: string, shown: string, force: boolean): Promise<void> {
  const temp = path.join(path.dirname(out), `.${path.basename(out)}.${process.pid}.partial`);
  try {
    await fs.writeFile(temp, data, { flag: 'wx' });
    if (!force && (await exists(out))) throw new UsageError(cliMessages.usage.outExists(shown));
    await fs.rename(temp, out);
  } catch (err) {
    await fs.rm(temp, { force: true });
    if (err instanceof UsageError) throw err;
    const reason = (err as NodeJS.ErrnoException).code ?? (err instanceof Error ? err.message.split('\n')[0]! : String(err));
    throw new CommandFailed(cliMessages.cannotWrite(shown, reason));
  }
}
