/**
 * The add-in's record of what it changed, kept in `workbook.settings` so that it survives
 * saving and reopening. Each applied plan keeps the prior state of everything it touched
 * (for an exact revert) and a hash of each row it wrote (to tell its own output from the
 * officer's: a cell is "own output" while its row still hashes to what the add-in wrote).
 */
import type { ChartSpec, ConditionalStyle } from '../../engine';

export const LEDGER_KEY = 'budgetMonitor.appliedPlans';
export const SETTINGS_KEY = 'budgetMonitor.settings';
/** How many plans stay revertible per workbook. */
export const LEDGER_LENGTH = 10;
/**
 * Older plans are dropped when the ledger grows past this many bytes (UTF-8 JSON). Office
 * keeps about 2 MB of settings per document and a setting fails above about 1 MB.
 */
export const LEDGER_BYTE_BUDGET = 800_000;
/** One plan's record (its prior state) may take this much; a larger plan is applied without Undo or not at all. */
export const RECORD_BYTE_LIMIT = 600_000;

const encoder = new TextEncoder();
/** A record's size as stored in the settings (UTF-8 JSON). */
export function recordBytes(value: unknown): number {
  return encoder.encode(JSON.stringify(value)).length;
}

export type Scalar = string | number | boolean;
/** A grid stored compactly: one value for every cell, or the full rows. */
export type Packed<T> = { readonly all: T; readonly rows: number; readonly cols: number } | { readonly grid: T[][] };

export type PriorKind = 'content' | 'numberFormat' | 'fill' | 'bold';

export interface RangeRecord {
  readonly sheet: string;
  readonly range: string;
  readonly kind: PriorKind;
  readonly prior: Packed<Scalar>;
  /** For content: one hash per row of what the add-in wrote. */
  readonly written?: readonly string[];
}

export interface TaggedFormat {
  readonly sheet: string;
  readonly range: string;
  readonly tag: string;
  /** The full formula with its leading `=`, tag included. */
  readonly formula: string;
  readonly style: ConditionalStyle;
  readonly stopIfTrue: boolean;
  /** Priority when it was removed, to put it back in the same place. */
  readonly priority?: number;
}

export interface ValidationRecord {
  readonly sheet: string;
  readonly range: string;
  readonly prior: {
    readonly source: string;
    readonly inCellDropDown: boolean;
    /** What Excel said when a value was not on the list; absent in records made before it was kept. */
    readonly errorAlert?: Excel.DataValidationErrorAlert;
  } | null;
}

export interface AppliedPlan {
  readonly id: string;
  readonly title: string;
  readonly appliedAt: string;
  readonly addedSheets: readonly string[];
  readonly ranges: readonly RangeRecord[];
  readonly columnWidths: readonly { readonly sheet: string; readonly column: string; readonly prior: number }[];
  readonly addedFormats: readonly TaggedFormat[];
  readonly removedFormats: readonly TaggedFormat[];
  readonly validations: readonly ValidationRecord[];
  /** Charts the plan added (removed on revert), absent in records of plans without charts. */
  readonly addedCharts?: readonly ChartRecord[];
  /** The add-in's earlier charts the plan replaced (added back on revert). */
  readonly removedCharts?: readonly ChartRecord[];
}

/** One of the add-in's charts: its sheet and full description, so revert can add it back. */
export interface ChartRecord {
  readonly sheet: string;
  readonly chart: ChartSpec;
}

export function pack<T extends Scalar>(grid: readonly (readonly T[])[]): Packed<T> {
  const first = grid[0]?.[0];
  if (first !== undefined && grid.every((row) => row.every((v) => v === first))) {
    return { all: first, rows: grid.length, cols: grid[0]!.length };
  }
  return { grid: grid.map((row) => [...row]) };
}

export function unpack<T>(packed: Packed<T>): T[][] {
  if ('grid' in packed) return packed.grid;
  return Array.from({ length: packed.rows }, () => Array.from({ length: packed.cols }, () => packed.all));
}

/** Rows [from, to) of a packed grid. */
export function unpackRows<T>(packed: Packed<T>, from: number, to: number): T[][] {
  if ('grid' in packed) return packed.grid.slice(from, to);
  return Array.from({ length: Math.max(0, Math.min(to, packed.rows) - from) }, () => Array.from({ length: packed.cols }, () => packed.all));
}

/**
 * Hash of one row as Excel's `formulas` shows it after the add-in wrote it. Text is
 * compared case-insensitively because Excel rewrites formulas (`=sum(a1)` → `=SUM(A1)`),
 * and numbers by their text because Excel turns numeric text into numbers.
 */
export function rowHash(row: readonly unknown[]): string {
  let h = 0x811c9dc5;
  for (const value of row) {
    const text = value === null || value === undefined ? '' : String(value).toUpperCase();
    for (let i = 0; i < text.length; i++) {
      h ^= text.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    h ^= 0x1f;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36);
}

export function parseLedger(value: unknown): AppliedPlan[] {
  if (!Array.isArray(value)) return [];
  return value.filter((p): p is AppliedPlan => typeof p === 'object' && p !== null && typeof (p as AppliedPlan).id === 'string');
}

/** Newest first, at most LEDGER_LENGTH plans and about LEDGER_BYTE_BUDGET bytes. */
export function trimLedger(plans: readonly AppliedPlan[]): AppliedPlan[] {
  const kept: AppliedPlan[] = [];
  let bytes = 0;
  for (const plan of plans.slice(0, LEDGER_LENGTH)) {
    const size = recordBytes(plan);
    if (kept.length > 0 && bytes + size > LEDGER_BYTE_BUDGET) break;
    kept.push(plan);
    bytes += size;
  }
  return kept;
}
