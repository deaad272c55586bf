/** Findings: what a rule reports. Values, never exceptions. */
import type { EditPlan } from './plan';

export type Severity = 'error' | 'warning' | 'info';

/**
 * How the reading an arithmetic finding rests on was confirmed, independently of the figure
 * judged: the cell's own formula names that coverage; the same coverage adds up in the row's
 * other figure columns (so the fault is local to this cell); the label states the range or
 * names the section (or it is the one total under all the lines); or the other totals of the same kind add up under the same reading.
 */
export type ConfirmationKind = 'formula' | 'otherColumns' | 'statedRange' | 'sectionName' | 'onlyTotal' | 'siblings';

export interface Confirmation {
  readonly kind: ConfirmationKind;
  /** The cells that bear it out (other columns' totals, sibling totals), A1 runs. */
  readonly cells?: string;
}

export interface Evidence {
  /** What the finding's cell is read as adding up, A1 runs ("B5:B15", "D7, D16:D17"). */
  readonly covers: string;
  /** Empty when nothing confirmed the reading: then the finding is not an error. */
  readonly confirmedBy: readonly Confirmation[];
  /** The same in plain words: "B16 should add B5:B15, as C16:K16 do". */
  readonly summary: string;
}

/** The root finding that explains this one: fixing the root clears it. */
export interface CauseRef {
  readonly rule: string;
  readonly sheet: string;
  readonly cell: string;
}

/**
 * A finding's two figures as the table shows them, the same text its message uses
 * ("1,234.5", "(0.9)", "Red", "=SUM(D5:D15)"); '' where there is none (a blank cell).
 * Hosts show these rather than formatting `expected` and `actual` again.
 */
export interface ShownFigures {
  readonly expected: string;
  readonly actual: string;
}

export interface Finding {
  readonly rule: string;
  /** Which of the rule's message templates the message was made from (its meta.messages key). */
  readonly messageId?: string;
  readonly severity: Severity;
  readonly sheet: string;
  /** A1 without `$`. */
  readonly cell: string;
  /** Plain English, with both figures in the table's unit. */
  readonly message: string;
  readonly expected: string | number | null;
  readonly actual: string | number | null;
  /** The figures as the table shows them (set on every rule's finding). */
  readonly shown?: ShownFigures;
  readonly fix?: EditPlan;
  /** For arithmetic findings: the reading the finding rests on, and what confirmed it. */
  readonly evidence?: Evidence;
  /** Set on a consequence of another finding's fault; summary counts leave it out. */
  readonly causedBy?: CauseRef;
}

export interface FindingSummary {
  readonly errors: number;
  readonly warnings: number;
  readonly infos: number;
  /** Findings explained by another (listed under their root, not counted above). */
  readonly consequences: number;
}

export function summarise(findings: readonly Finding[]): FindingSummary {
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  let consequences = 0;
  for (const f of findings) {
    if (f.causedBy) consequences++;
    else if (f.severity === 'error') errors++;
    else if (f.severity === 'warning') warnings++;
    else infos++;
  }
  return { errors, warnings, infos, consequences };
}
