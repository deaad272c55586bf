/**
 * What the CLI needs from the engine, as an interface: the real wiring lives in
 * engine-wiring.ts; tests may pass their own.
 */
import type { Finding } from '../engine/findings';
import type { Workbook } from '../engine/grid';
import type { MonitoringTable } from '../engine/model';
import type { OperationResult } from '../engine/operations/shared';
import type { RagPolicy } from '../engine/policy';
import type { Calculator } from '../host/xlsx/results';
import type { OperationFlag } from './args';

/** The previous period: a sheet of the workbook being checked, or last month's file. */
export type PriorPeriod = { readonly sheet: string } | { readonly workbook: Workbook; readonly fileName: string };

export interface ValidateOptions {
  readonly policy: RagPolicy;
  /** Given with --prior; otherwise the engine detects it as the add-in does. */
  readonly prior?: PriorPeriod;
}

export interface ValidationResult {
  readonly tables: readonly MonitoringTable[];
  readonly findings: readonly Finding[];
}

export interface OperationInput {
  readonly workbook: Workbook;
  readonly tables: readonly MonitoringTable[];
  readonly findings: readonly Finding[];
  readonly policy: RagPolicy;
  readonly prior?: PriorPeriod;
  /** For --chart: one bar per line or per section, beside the table or on a Charts sheet. */
  readonly chart?: { readonly per: 'lines' | 'sections'; readonly placement: 'beside' | 'sheet' };
}

/** One `apply` operation (all but --fix, which the CLI builds from findings' own fixes). */
export type Operation = (input: OperationInput) => OperationResult;

export interface CliEngine {
  validate(workbook: Workbook, options: ValidateOptions): ValidationResult;
  /** Operations that have landed; a flag without one is reported as not available. */
  readonly operations: Partial<Record<Exclude<OperationFlag, 'fix'>, Operation>>;
  /** Calculates formula results for files written by `apply`; absent when no calculator is installed. */
  readonly calculate?: Calculator;
}
