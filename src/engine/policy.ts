/**
 * The council's RAG policy: data, passed in by the caller and saved in the workbook.
 * The default is the published key that fits every line of seed 000 (DOMAIN.md §1).
 */

export type RagLevel = 'line' | 'section' | 'table';
export type RagStatus = 'Red' | 'Amber' | 'Green';

export interface RagThreshold {
  /** Overspend at or above this many pounds (in £, whatever the table's unit) … */
  readonly money: number;
  /** … or at or above this fraction of the budget (0.05 = 5%). */
  readonly percent: number;
  /** Red when either is reached ("whichever is lower") or only when both are. */
  readonly combine: 'lower' | 'higher';
}

export interface RagPolicy {
  /** Budget the percentage is taken of. */
  readonly basis: 'net' | 'gross';
  readonly red: Readonly<Record<RagLevel, RagThreshold>>;
  /**
   * Amber starts at this overspend (a fraction of the budget); 0 means any overspend
   * below Red is Amber. A council using "Amber 2–5%" sets 0.02.
   */
  readonly amberFromPercent: number;
  /** Words accepted for each status (case-insensitive). The first is the one written. */
  readonly words: Readonly<Record<RagStatus, readonly string[]>>;
}

export const DEFAULT_RAG_POLICY: RagPolicy = {
  basis: 'net',
  red: {
    line: { money: 100_000, percent: 0.05, combine: 'lower' },
    section: { money: 250_000, percent: 0.05, combine: 'lower' },
    table: { money: 1_000_000, percent: 0.005, combine: 'lower' },
  },
  amberFromPercent: 0,
  words: { Red: ['Red', 'R'], Amber: ['Amber', 'A'], Green: ['Green', 'G'] },
};
