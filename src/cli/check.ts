/** `budget-monitor check`: read, validate, report. Never writes anything. */
import { summarise } from '../engine';
import { readWorkbookFile } from '../host/xlsx/read-file';
import type { CheckCommand } from './args';
import { EXIT_ERRORS, EXIT_OK, type CliIo } from './io';
import { loadPolicyFile } from './policy-file';
import { resolvePrior } from './prior';
import { jsonReport, textReport } from './report';
import type { CliTools } from './tools';

export async function runCheck(cmd: CheckCommand, io: CliIo, { engine }: CliTools): Promise<number> {
  const policy = await loadPolicyFile(cmd.policy);
  const workbook = await readWorkbookFile(cmd.file);
  const prior = await resolvePrior(cmd.prior, workbook, cmd.file);
  const result = engine.validate(workbook, prior ? { policy, previous: prior } : { policy });
  if (cmd.format === 'json') io.stdout(`${JSON.stringify(jsonReport(cmd.file, result), null, 2)}\n`);
  else io.stdout(textReport(cmd.file, result));
  return summarise(result.findings).errors > 0 ? EXIT_ERRORS : EXIT_OK;
}
