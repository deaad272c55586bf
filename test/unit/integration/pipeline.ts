/**
 * Helpers for the end-to-end tests: apply an operation's plan as a host would (the pure
 * applyPlan, then a real calculation), and take a finding's fixes until none is left.
 */
import { applyPlan } from '../../../src/engine/apply';
import type { Finding } from '../../../src/engine/findings';
import type { Workbook } from '../../../src/engine/grid';
import type { OperationResult } from '../../../src/engine';
import type { EditPlan } from '../../../src/engine/plan';
import { validateWorkbook, type ValidateOptions } from '../../../src/engine/validate';
import { recalculate } from '../../../src/host/calc/recalculate';

/** Applies an operation's plan and recalculates; fails the test with the operation's own words when it was refused. */
export function applyOperation(workbook: Workbook, result: OperationResult): Workbook {
  expect(result.problems).toEqual([]);
  return recalculate(applyPlan(workbook, result.plan));
}

/** What a finding is, for comparing two runs: rule, place and severity (messages may quote figures that moved). */
export function findingKey(f: Finding): string {
  return `${f.severity} ${f.rule} ${f.sheet}!${f.cell}`;
}

function uniqueFixes(findings: readonly Finding[]): EditPlan[] {
  const seen = new Set<string>();
  const plans: EditPlan[] = [];
  for (const f of findings) {
    if (!f.fix) continue;
    const key = JSON.stringify(f.fix.edits);
    if (!seen.has(key)) plans.push(f.fix);
    seen.add(key);
  }
  return plans;
}

/** Takes every offered fix, validates again, and repeats (a fixed line may reveal its sub total) up to five times. */
export function applyEveryFix(workbook: Workbook, options: ValidateOptions = {}): { workbook: Workbook; findings: Finding[]; passes: number } {
  let current = workbook;
  let findings = validateWorkbook(current, options).findings;
  let passes = 0;
  while (passes < 5) {
    const plans = uniqueFixes(findings);
    if (plans.length === 0) break;
    for (const plan of plans) current = applyPlan(current, plan);
    current = recalculate(current);
    findings = validateWorkbook(current, options).findings;
    passes++;
  }
  return { workbook: current, findings, passes };
}

export function fixableErrors(findings: readonly Finding[]): string[] {
  return findings.filter((f) => f.severity === 'error' && f.fix).map(findingKey);
}
