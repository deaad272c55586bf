/**
 * Writes in blocks: each queued write knows its request size; they are sent in syncs of
 * about 4 MB, and a sync refused for its size is resent in halves.
 */
import { type RangeRef, rangeToA1 } from '../../engine';
import { BLOCK_BYTES, measure } from './blocks';
import { isPayloadError } from './errors';
import { type AppliedPlan, LEDGER_KEY, trimLedger } from './ledger';
import type { Context, Target } from './targets';

/** One queued write and its request size; content writes can be split into row halves. */
export interface WriteOp {
  readonly bytes: number;
  queue(): void;
  split?(): [WriteOp, WriteOp];
}

export function gridWrite(context: Context, t: Target, property: 'values' | 'formulas' | 'numberFormat', grid: readonly (readonly unknown[])[], firstRow = 0): WriteOp[] {
  const rowBytes = grid.length > 0 ? measure(grid) / grid.length : 0;
  const rowsPerOp = Math.max(1, Math.floor(BLOCK_BYTES / Math.max(1, rowBytes)));
  const ops: WriteOp[] = [];
  for (let from = 0; from < grid.length; from += rowsPerOp) {
    ops.push(gridOp(context, t, property, grid.slice(from, from + rowsPerOp), firstRow + from, rowBytes));
  }
  return ops;
}

export function gridOp(context: Context, t: Target, property: 'values' | 'formulas' | 'numberFormat', rows: readonly (readonly unknown[])[], firstRow: number, rowBytes: number): WriteOp {
  const ref: RangeRef = { start: { row: t.ref.start.row + firstRow, col: t.ref.start.col }, end: { row: t.ref.start.row + firstRow + rows.length - 1, col: t.ref.end.col } };
  return {
    bytes: rows.length * rowBytes + 100,
    queue: () => {
      const range = context.workbook.worksheets.getItem(t.sheet).getRange(rangeToA1(ref));
      range[property] = rows as unknown[][];
    },
    split:
      rows.length > 1
        ? () => {
            const half = Math.ceil(rows.length / 2);
            return [gridOp(context, t, property, rows.slice(0, half), firstRow, rowBytes), gridOp(context, t, property, rows.slice(half), firstRow + half, rowBytes)];
          }
        : undefined,
  };
}

export function simpleOp(queue: () => void, bytes = 200): WriteOp {
  return { bytes, queue };
}

/** Sends the ops in syncs of about BLOCK_BYTES; a sync refused for its size is resent in halves. */
export async function sendWrites(context: Context, ops: readonly WriteOp[], last?: WriteOp): Promise<void> {
  const pending = [...ops];
  if (last) pending.push(last);
  let limit = BLOCK_BYTES;
  while (pending.length > 0) {
    const batch: WriteOp[] = [];
    let bytes = 0;
    while (pending.length > 0 && (batch.length === 0 || bytes + pending[0]!.bytes <= limit)) {
      // The ledger goes alone with the final batch, so it records nothing that was not written.
      if (pending[0] === last && batch.length > 0 && pending.length > 1) break;
      const op = pending.shift()!;
      batch.push(op);
      bytes += op.bytes;
    }
    for (const op of batch) op.queue();
    try {
      // One sync per batch of about BLOCK_BYTES is the point: Excel on the web refuses larger requests.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
    } catch (error) {
      // Office rejects an oversized request whole, so nothing of it was applied: resend smaller.
      if (!isPayloadError(error)) throw error;
      limit = Math.max(1, Math.floor(bytes / 2));
      if (batch.length > 1) {
        pending.unshift(...batch);
        continue;
      }
      const parts = batch[0]!.split?.();
      if (!parts) throw error;
      pending.unshift(...parts);
    }
  }
}

export function ledgerOp(context: Context, plans: readonly AppliedPlan[]): WriteOp {
  const trimmed = trimLedger(plans);
  return simpleOp(() => {
    context.workbook.settings.add(LEDGER_KEY, trimmed);
  }, measure(trimmed) + 100);
}
