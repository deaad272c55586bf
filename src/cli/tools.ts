/**
 * What the CLI works with: the engine (its facade, src/engine) and, for `apply`, a
 * calculator for the results of the formulas it writes. Tests pass their own, e.g. an
 * engine whose validate records the options it was given.
 */
import { engine, type Engine } from '../engine';
import type { Calculator } from '../host/xlsx/results';

export interface CliTools {
  readonly engine: Engine;
  /** Calculates formula results for files written by `apply`; absent when no calculator is installed. */
  readonly calculate?: Calculator;
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

export function realTools(): CliTools {
  const calculate = lazyCalculator();
  return { engine, ...(calculate ? { calculate } : {}) };
}
