/**
 * Row totals the header names but the layout does not place: a column headed "Total …" (or
 * read as a row total) whose parts are not the block just left of it ("Total prudential borrowing (including
 * PFI)" = prudential borrowing + PFI, two columns apart; a grand total = the earlier
 * "Total …" columns). Its parts are found by the table's own figures: the block left of
 * it, the earlier "Total …" columns, or any two columns, whichever it equals on the most
 * rows. Where it equals them on nearly every row, a row where it does not is reported, as a
 * warning: the parts were inferred, not stated by a formula or a header.
 */
import { toA1 } from '../address';
import type { Finding } from '../findings';
import { FIGURE_ROLES, type TableColumn } from '../model';
import { normaliseText } from '../domain/labels';
import { compareFigures } from './utils/compare';
import { type RuleContext, clean } from './context';
import type { RuleMeta } from './types';
import { cellRuns, evidenceOf } from './utils/evidence';

const TOTAL_HEADER = /^\W*total\b/;
/** Rows on which a combination must hold before a row where it does not is worth a word. */
const MIN_ROWS = 5;
const SHARE = 0.9;
/** Columns to the left searched in pairs (a wide return has dozens). */
const MAX_PAIR_COLUMNS = 40;

export function inferredRowTotals(ctx: RuleContext, meta: RuleMeta): Finding[] {
  const figureColumns = ctx.table.columns.filter((c) => FIGURE_ROLES.has(c.role) && c.role !== 'year');
  const own = ownHeaders(figureColumns);
  const out: Finding[] = [];
  for (const total of figureColumns) {
    if (total.role !== 'rowTotal' && !own.get(total)!) continue;
    const left = figureColumns.filter((c) => c.col < total.col);
    if (left.length < 2) continue;
    const options = candidates(left, own);
    const best = bestParts(ctx, total, options);
    // A row-total column that adds the block beside it is checked as such (checkRowTotals).
    if (!best || (total.role === 'rowTotal' && sameColumns(best.parts, options[0]))) continue;
    for (const row of best.missed) {
      const stated = ctx.number(row, total.col)!;
      const sum = sumOf(ctx, row, best.parts)!;
      const covers = cellRuns(best.parts.map((p) => ({ row, col: p.col })));
      const cell = toA1(row, total.col);
      const siblings = `${best.hits} other rows`;
      const evidence = evidenceOf(cell, covers, [{ kind: 'siblings', cells: siblings }]);
      out.push({
        ...ctx.report(meta, {
          messageId: 'rowTotalInferred',
          data: { actual: ctx.show(stated, row, total.col), expected: ctx.show(sum, row, total.col), covers, hits: String(best.hits), rows: String(best.hits + best.missed.length) },
          row,
          col: total.col,
          severity: 'warning',
          expected: clean(sum),
          actual: clean(stated),
        }),
        evidence,
      });
    }
  }
  return out;
}

/**
 * Whether each column's own header (without the band heading that spans them all, "Resources
 * used to finance capital …") starts "Total".
 */
function ownHeaders(columns: readonly TableColumn[]): Map<TableColumn, boolean> {
  const words = columns.map((c) => normaliseText(c.header).split(' '));
  let shared = 0;
  if (columns.length >= 3) {
    while (words.every((w) => w.length > shared + 1 && w[shared] === words[0]![shared])) shared++;
  }
  return new Map(columns.map((c, i) => [c, TOTAL_HEADER.test(words[i]!.slice(shared).join(' '))] as const));
}

/** The block of figure columns just left of it; the earlier "Total …" columns; every pair. */
function candidates(left: readonly TableColumn[], own: ReadonlyMap<TableColumn, boolean>): TableColumn[][] {
  const out: TableColumn[][] = [];
  const block: TableColumn[] = [];
  for (let i = left.length - 1; i >= 0; i--) {
    const c = left[i]!;
    if (block.length > 0 && block[0]!.col - c.col > 1) break; // a gap ends the block
    if (own.get(c)) break;
    block.unshift(c);
  }
  if (block.length >= 2) out.push(block);
  const totals = left.filter((c) => own.get(c));
  if (totals.length >= 2) out.push(totals);
  const near = left.slice(-MAX_PAIR_COLUMNS);
  for (let i = 0; i < near.length; i++) for (let j = i + 1; j < near.length; j++) out.push([near[i]!, near[j]!]);
  return out;
}

interface Best {
  readonly parts: readonly TableColumn[];
  readonly hits: number;
  readonly missed: readonly number[];
}

/** The candidate the column equals on the most rows, if on nearly all and unambiguously. */
function bestParts(ctx: RuleContext, total: TableColumn, options: readonly TableColumn[][]): Best | undefined {
  const rows = ctx.figureRows.map((r) => r.row).filter((r) => ctx.number(r, total.col) !== undefined);
  let best: Best | undefined;
  let tied = false;
  for (const parts of options) {
    let hits = 0;
    const missed: number[] = [];
    for (const r of rows) {
      const stated = ctx.number(r, total.col)!;
      const sum = sumOf(ctx, r, parts);
      if (sum === undefined || (stated === 0 && sum === 0)) continue; // nothing of substance to say
      if (compareFigures(stated, sum, ctx.tolerance(r, total.col) * (parts.length + 1)) === 'mismatch') missed.push(r);
      else hits++;
    }
    if (hits < MIN_ROWS || hits < SHARE * (hits + missed.length)) continue;
    if (!best || hits > best.hits) {
      best = { parts, hits, missed };
      tied = false;
    } else if (hits === best.hits) tied = true;
  }
  return best && !tied && best.missed.length > 0 ? best : undefined;
}

function sameColumns(a: readonly TableColumn[], b: readonly TableColumn[] | undefined): boolean {
  return b !== undefined && a.length === b.length && a.every((c, i) => c.col === b[i]!.col);
}

function sumOf(ctx: RuleContext, row: number, parts: readonly TableColumn[]): number | undefined {
  let sum = 0;
  for (const p of parts) {
    const n = ctx.number(row, p.col);
    if (n === undefined) return undefined;
    sum += n;
  }
  return sum;
}
