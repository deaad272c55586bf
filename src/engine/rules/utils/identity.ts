/**
 * Shared shape of the row identities (net budget, variance, pressure split, savings
 * buckets): compute what a cell should be from the others on its row, compare within
 * tolerance, and report at the root cell.
 */
import { toA1 } from '../../address';
import type { Finding } from '../../findings';
import type { ColumnRole, TableRow } from '../../model';
import { type RuleContext, clean } from '../context';
import { compareFigures } from './compare';
import { rootCell } from './root-cell';
import type { RuleMeta } from '../meta';

export interface IdentityCheck {
  readonly row: TableRow;
  /** The cell whose value the identity derives. */
  readonly derivedCol: number;
  /** The cells it is derived from (candidates for the root of a fault). */
  readonly operandCols: readonly number[];
  readonly expected: number;
  readonly actual: number;
  readonly messageId: string;
  readonly roundingMessageId: string;
  /** Figures named in the message, as [value, column] on the row: formatted only when a finding is made. */
  readonly figures?: Readonly<Record<string, readonly [number, number]>>;
  readonly data?: Readonly<Record<string, string | number>>;
}

/** Compares and reports; returns undefined when the identity holds. */
export function reportIdentity(ctx: RuleContext, meta: RuleMeta, check: IdentityCheck): Finding | undefined {
  const { row, derivedCol } = check;
  const verdict = compareFigures(check.actual, check.expected, ctx.tolerance(row.row, derivedCol));
  if (verdict === 'match') return undefined;
  const col = verdict === 'mismatch' ? rootCell(ctx, row.row, check.operandCols, derivedCol) : derivedCol;
  const extra: Record<string, string | number> = { ...check.data };
  for (const [name, [value, c]] of Object.entries(check.figures ?? {})) extra[name] = ctx.show(value, row.row, c);
  return ctx.report(meta, {
    // When the root is an operand, say so: the derived cell is then consistent with the rest of its column.
    messageId: verdict === 'rounding' ? check.roundingMessageId : col !== derivedCol ? 'root' : check.messageId,
    data: {
      label: row.label || `row ${row.row + 1}`,
      derived: toA1(row.row, derivedCol),
      actual: ctx.show(check.actual, row.row, derivedCol),
      expected: ctx.show(check.expected, row.row, derivedCol),
      ...extra,
      detail: ctx.text(meta, check.messageId, {
        label: row.label || `row ${row.row + 1}`,
        derived: toA1(row.row, derivedCol),
        actual: ctx.show(check.actual, row.row, derivedCol),
        expected: ctx.show(check.expected, row.row, derivedCol),
        ...extra,
      }),
    },
    row: row.row,
    col,
    ...(verdict === 'rounding' ? { severity: 'info' as const } : {}),
    expected: clean(check.expected),
    actual: clean(check.actual),
  });
}

/**
 * True when each of the roles is held by exactly one column: a monitoring table has one
 * net budget and one forecast. A wide data table whose headers happen to say "income"
 * or "net" many times over has no such roles to check rows against.
 */
export function rolesSettled(ctx: RuleContext, roles: readonly ColumnRole[]): boolean {
  return roles.every((role) => ctx.table.columns.filter((c) => c.role === role).length === 1);
}

/**
 * True unless most of the table's rows break the identity: then the guess of which column
 * is which is wrong (a data table read as a budget), and reporting each row would only
 * repeat that one mistake. Rows the identity cannot be worked out on are not counted.
 */
export function identityMostlyHolds(ctx: RuleContext, rows: readonly TableRow[], holds: (row: TableRow) => boolean | undefined): boolean {
  let compared = 0;
  let broken = 0;
  for (const row of rows) {
    const verdict = holds(row);
    if (verdict === undefined) continue;
    compared++;
    if (!verdict) broken++;
  }
  return compared < 4 || broken * 2 <= compared;
}
