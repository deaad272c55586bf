/** Findings: what a rule reports. Values, never exceptions. */
import type { EditPlan } from './plan';

export type Severity = 'error' | 'warning' | 'info';

export interface Finding {
  readonly rule: string;
  readonly severity: Severity;
  readonly sheet: string;
  /** A1 without `$`. */
  readonly cell: string;
  /** Plain English, with both figures in the table's unit. */
  readonly message: string;
  readonly expected: string | number | null;
  readonly actual: string | number | null;
  readonly fix?: EditPlan;
}

export interface FindingSummary {
  readonly errors: number;
  readonly warnings: number;
  readonly infos: number;
}

export function summarise(findings: readonly Finding[]): FindingSummary {
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const f of findings) {
    if (f.severity === 'error') errors++;
    else if (f.severity === 'warning') warnings++;
    else infos++;
  }
  return { errors, warnings, infos };
}
