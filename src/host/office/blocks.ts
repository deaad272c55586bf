/**
 * Reading in row blocks: Excel on the web refuses a request or response over 5 MB and a
 * read of more than 5,000,000 cells. Blocks are sized from the bytes per cell seen so far
 * (a first guess before that), packed into syncs of about BLOCK_BYTES, and a sync that
 * still hits a payload limit is retried with blocks half the size.
 */
import { type RangeRef, rangeToA1 } from '../../engine';
import { officeMessages } from './messages';
import { HostError } from '../host';
import { isPayloadError } from './errors';

/** Payload per sync: well under the 5 MB limit, leaving room for the request envelope. */
export const BLOCK_BYTES = 4 * 1024 * 1024;
export const CELLS_PER_READ_LIMIT = 5_000_000;

/** One rectangle to read, on one sheet. */
export interface BlockRead<T> {
  readonly sheet: string;
  readonly ref: RangeRef;
  /** Guess of response bytes per cell before anything was measured. */
  readonly bytesPerCell: number;
  /** Queues the loads for rows [ref.start.row + from, + to) and returns a reader used after sync. */
  queue(address: string, from: number, to: number): () => T;
}

export interface BlockResult<T> {
  readonly read: BlockRead<T>;
  /** Relative first row of the part. */
  readonly from: number;
  readonly data: T;
}

/** Rough JSON size of loaded data, to size the next blocks. */
export function measure(data: unknown): number {
  return JSON.stringify(data)?.length ?? 0;
}

/**
 * Reads every rectangle in as few syncs as the payload allows. `beforeFirstSync` queues
 * small loads that ride on the first successful sync (sheets, settings, protection).
 */
export async function readInBlocks<T>(
  context: { sync(): Promise<void> },
  reads: readonly BlockRead<T>[],
  beforeFirstSync?: () => void,
): Promise<BlockResult<T>[]> {
  const results: BlockResult<T>[] = [];
  const cursors = reads.map((read) => ({ read, next: 0, rows: read.ref.end.row - read.ref.start.row + 1, cols: read.ref.end.col - read.ref.start.col + 1 }));
  let scale = 1;
  let extrasPending = beforeFirstSync !== undefined;
  while (extrasPending || cursors.some((c) => c.next < c.rows)) {
    let budget = BLOCK_BYTES;
    const batch: { read: BlockRead<T>; from: number; take: () => T; cursor: (typeof cursors)[number] }[] = [];
    for (const cursor of cursors) {
      while (cursor.next < cursor.rows && budget > 0) {
        const perRow = cursor.cols * cursor.read.bytesPerCell * scale;
        const byBytes = Math.max(1, Math.floor(budget / perRow));
        const byCells = Math.max(1, Math.floor(CELLS_PER_READ_LIMIT / cursor.cols));
        const rows = Math.min(byBytes, byCells, cursor.rows - cursor.next);
        const from = cursor.next;
        const ref = cursor.read.ref;
        const address = rangeToA1({ start: { row: ref.start.row + from, col: ref.start.col }, end: { row: ref.start.row + from + rows - 1, col: ref.end.col } });
        batch.push({ read: cursor.read, from, take: cursor.read.queue(address, from, from + rows), cursor });
        cursor.next += rows;
        budget -= rows * perRow;
      }
      if (budget <= 0) break;
    }
    if (extrasPending) beforeFirstSync?.();
    try {
      // One sync per block is the point: each stays under Excel on the web's payload and cell limits.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
    } catch (error) {
      if (!isPayloadError(error)) throw error;
      const single = batch.length === 1 && batch[0]!.cursor.next - batch[0]!.from <= 1;
      if (batch.length === 0 || single) throw new HostError('payloadTooLarge', officeMessages.payloadTooLarge());
      for (const part of batch) part.cursor.next = Math.min(part.cursor.next, part.from);
      scale *= 2;
      continue;
    }
    extrasPending = false;
    let bytes = 0;
    let cells = 0;
    for (const part of batch) {
      const data = part.take();
      results.push({ read: part.read, from: part.from, data });
      bytes += measure(data);
      cells += (part.cursor.next - part.from) * part.cursor.cols;
    }
    // Size the next blocks from what this sync actually carried, with a margin.
    if (cells > 0) scale = Math.max(0.05, (1.05 * bytes) / cells / averageGuess(batch.map((b) => b.read)));
  }
  return results;
}

function averageGuess(reads: readonly BlockRead<unknown>[]): number {
  return reads.reduce((sum, r) => sum + r.bytesPerCell, 0) / Math.max(1, reads.length);
}
