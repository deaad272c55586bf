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
  /** Which variances need an explanation (variance-explained); DEFAULT_EXPLANATIONS when absent. */
  readonly explanations?: ExplanationPolicy;
}

/**
 * Which lines' variances need a written explanation: every line whose RAG is Red, and every
 * line whose variance (over or under) is at least `money` pounds, whatever the table's unit.
 * `money: null` leaves the amount out; `red: false` leaves Red out; both off turns the check off.
 */
export interface ExplanationPolicy {
  readonly red: boolean;
  readonly money: number | null;
}

export const DEFAULT_EXPLANATIONS: ExplanationPolicy = { red: true, money: 100_000 };

/** The policy's explanation setting, or the default. */
export function explanationPolicyOf(policy: RagPolicy): ExplanationPolicy {
  return policy.explanations ?? DEFAULT_EXPLANATIONS;
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
  explanations: DEFAULT_EXPLANATIONS,
};
