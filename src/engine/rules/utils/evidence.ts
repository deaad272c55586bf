/**
 * Evidence for arithmetic findings: a total that does not add up is an error only when what
 * it covers is confirmed by something other than its own figure (EVIDENCE.md §2). The checks
 * of one table are gathered first; each disagreement then looks for confirmation in its own
 * formula, its label, the other columns of its row, or the other totals of its column.
 */
import { toA1 } from '../../address';
import type { Confirmation, Evidence } from '../../findings';
import type { Comparison } from './compare';

/** One comparison of a stated figure with what its cells add up to. */
export interface SumCheck {
  readonly row: number;
  readonly col: number;
  readonly verdict: Comparison;
  /**
   * Some of the added cells are not zero. A total of zeros over lines of zeros agrees under
   * any reading, so it confirms nothing.
   */
  readonly substantive: boolean;
  /** A grouping key: only checks of the same kind vouch for each other (sub totals, totals). */
  readonly level: string;
}

/** Indexes a table's checks by row and by column. */
export class SumChecks<T extends SumCheck> {
  private readonly byRow = new Map<number, T[]>();
  private readonly byCol = new Map<number, T[]>();

  add(check: T): void {
    push(this.byRow, check.row, check);
    push(this.byCol, check.col, check);
  }

  /** The other columns of the check's row that add up the same coverage: the fault is local to this cell. */
  otherColumns(check: T): Confirmation | undefined {
    return majorityAgreeing(check, this.byRow.get(check.row), 'otherColumns');
  }

  /** The other totals of the same level in the check's column that add up under the same reading. */
  siblings(check: T): Confirmation | undefined {
    return majorityAgreeing(check, this.byCol.get(check.col)?.filter((c) => c.level === check.level), 'siblings');
  }
}

function push<T>(map: Map<number, T[]>, key: number, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * At least one of the others agrees, and no fewer agree than disagree. A fault in one column
 * may carry into a column worked out from it (a variance from the forecast), so a tie with
 * one agreeing column still confirms; a reading most columns refute does not.
 */
function majorityAgreeing(check: SumCheck, peers: readonly SumCheck[] | undefined, kind: 'otherColumns' | 'siblings'): Confirmation | undefined {
  if (!peers) return undefined;
  const agreeing: SumCheck[] = [];
  let disagreeing = 0;
  for (const p of peers) {
    if (p === check || !p.substantive) continue;
    if (p.verdict === 'mismatch') disagreeing++;
    else agreeing.push(p);
  }
  if (agreeing.length === 0 || agreeing.length < disagreeing) return undefined;
  return { kind, cells: cellRuns(agreeing.map((p) => ({ row: p.row, col: p.col }))) };
}

/** Cells as A1 runs: down a column ("B5:B9, B12"), or along a row when they share one ("C16:K16"). */
export function cellRuns(cells: readonly { row: number; col: number }[]): string {
  if (cells.length === 0) return '';
  const alongRow = cells.every((c) => c.row === cells[0]!.row);
  // Runs of consecutive positions along the chosen direction, in sheet order.
  const sorted = [...cells].sort(alongRow ? (a, b) => a.col - b.col : (a, b) => a.col - b.col || a.row - b.row);
  const runs: string[] = [];
  let first = sorted[0]!;
  let last = first;
  const close = (): void => void runs.push(first === last ? toA1(first.row, first.col) : `${toA1(first.row, first.col)}:${toA1(last.row, last.col)}`);
  for (const c of sorted.slice(1)) {
    const next = alongRow ? c.col === last.col + 1 : c.col === last.col && c.row === last.row + 1;
    if (!next) {
      close();
      first = c;
    }
    last = c;
  }
  close();
  // A long list of agreeing cells says no more than its first few and a count.
  return runs.length <= MAX_RUNS ? runs.join(', ') : `${runs.slice(0, MAX_RUNS).join(', ')} and ${runs.length - MAX_RUNS} more`;
}

const MAX_RUNS = 4;

const CONFIRMATION_WORDS: Record<Confirmation['kind'], (cells: string) => string> = {
  formula: () => 'as its own formula says',
  otherColumns: (cells) => `as ${cells} ${cells.includes(':') || cells.includes(',') ? 'do' : 'does'}`,
  statedRange: () => 'as its label states',
  sectionName: () => 'the section its label names',
  onlyTotal: () => 'as the one total at the foot of the table',
  siblings: (cells) => `as the other totals of its kind (${cells}) do`,
};

/** The evidence record, with its plain-words summary ("B16 should add B5:B15, as C16:K16 do"). */
export function evidenceOf(cell: string, covers: string, confirmedBy: readonly Confirmation[]): Evidence {
  const because = confirmedBy.map((c) => CONFIRMATION_WORDS[c.kind](c.cells ?? '')).join('; ');
  const summary = confirmedBy.length > 0
    ? `${cell} should add ${covers}, ${because}`
    : `could not tell what ${cell} covers: nothing but its own figure says it adds ${covers}`;
  return { covers, confirmedBy, summary };
}
