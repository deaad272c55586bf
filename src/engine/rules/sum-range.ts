/**
 * sum-range: a total's SUM must cover exactly its rows: no omitted line, no header,
 * no note, no other total (double counting), nothing from outside the table.
 * Fix: the SUM over the rows it should cover.
 */
import { columnLetters, toA1 } from '../address';
import type { Finding } from '../findings';
import type { TableRow } from '../model';
import type { RuleContext } from './context';
import { rowNoun, summedColumns } from './utils/figures';
import { type SumReference, parseSumFormula, referencedRows, sumFormulaFor } from '../domain/sum-formulas';
import { bridgeable } from './total-formula';
import type { Rule } from './types';

export const sumRangeRule: Rule = {
  meta: {
    id: 'sum-range',
    title: 'Total ranges',
    why: 'A SUM over the wrong rows is wrong now or will be when a line is added.',
    many: '{count} totals add the wrong range',
    severity: 'error',
    description: "A total's SUM covers exactly its section: no omitted line, header, note, other total or cell outside the table.",
    fixable: true,
    messages: {
      wrongRange: '{noun} {cell} is {formula}, which {problems}; it should be {expected}',
      omits: 'leaves out {rows}',
      header: 'takes in the header {rows}',
      note: 'takes in the note {rows}',
      heading: 'takes in the section heading {rows}',
      doubleCounts: 'counts {rows} twice (double counting)',
      otherSection: 'takes in {rows} from outside what it totals',
      itself: 'includes itself',
      outside: 'takes in {refs} outside the table',
      otherColumn: 'takes in {refs} from another column or sheet',
      and: ' and ',
      rowName: 'row {row} ({label})',
      rowNumber: 'row {row}',
      rowRun: 'rows {first}–{last} ({count} rows)',
      moreRows: 'and {count} more rows',
      fixTitle: 'Correct the SUM in {cell}',
      fixDescription: 'Replace {formula} with {expected}',
    },
  },
  check(context) {
    const out: Finding[] = [];
    const columns = summedColumns(context.table);
    let headers: ReadonlySet<number> | undefined;
    for (const total of context.table.rows) {
      // A total known only by its formulas covers what they name: there is no other range to hold them to.
      if (context.covered(total).length === 0 || total.coverBasis === 'formula') continue;
      let shared: Shared | undefined;
      for (const column of columns) {
        if (context.cell(total.row, column.col).formula === undefined) continue;
        headers ??= new Set(context.table.headerRows);
        shared ??= { covers: new Set(context.covered(total)), indirect: coveredThrough(context, total), headers };
        const finding = checkCell(context, total, column.col, shared);
        if (finding) out.push(finding);
      }
    }
    return out;
  },
};

/** What every column of one total shares: computed once per total row. */
interface Shared {
  readonly covers: ReadonlySet<number>;
  readonly indirect: ReadonlySet<number>;
  readonly headers: ReadonlySet<number>;
}

function checkCell(ctx: RuleContext, total: TableRow, col: number, shared: Shared): Finding | undefined {
  const meta = sumRangeRule.meta;
  const formula = ctx.cell(total.row, col).formula;
  if (formula === undefined) return undefined;
  if (isExactRange(ctx, formula, col, shared.covers)) return undefined;
  const refs = parseSumFormula(formula);
  if (!refs) return undefined;
  // A formula across its own row (a row-total cell such as =SUM(B4:C4)) is not a column SUM:
  // total-sum still checks its value against the rows it covers.
  if (refs.every((ref) => ref.sheet === undefined && ref.startRow === total.row && ref.endRow === total.row)) return undefined;
  const { rows, outside } = referencedRows(refs, col, ctx.table.sheet);
  const referenced = new Set(rows);
  const { covers, indirect, headers } = shared;

  const omitted = [...covers].filter((r) => !referenced.has(r));
  const header: number[] = [];
  const notes: number[] = [];
  const headings: number[] = [];
  const twice: number[] = [];
  const otherSection: number[] = [];
  const outsideRows: number[] = [];
  let self = false;
  for (const r of referenced) {
    if (covers.has(r)) continue;
    if (r === total.row) {
      self = true;
      continue;
    }
    if (headers.has(r)) {
      header.push(r);
      continue;
    }
    if (ctx.isBlank(r, col)) continue; // a blank cell adds nothing
    if (r < ctx.table.firstRow || r > ctx.table.lastRow) {
      outsideRows.push(r);
      continue;
    }
    const kind = ctx.rowAt(r)?.kind;
    if (kind === 'section') headings.push(r);
    else if (kind === 'note' || kind === 'blank') notes.push(r);
    else if (indirect.has(r) || kind === 'subtotal' || kind === 'total') twice.push(r);
    else otherSection.push(r);
  }

  const parts: string[] = [];
  const describe = (list: number[]): string => describeRows(ctx, list);
  if (omitted.length) parts.push(ctx.text(meta, 'omits', { rows: describe(omitted) }));
  if (header.length) parts.push(ctx.text(meta, 'header', { rows: describe(header) }));
  if (headings.length) parts.push(ctx.text(meta, 'heading', { rows: describe(headings) }));
  if (notes.length) parts.push(ctx.text(meta, 'note', { rows: describe(notes) }));
  if (twice.length) parts.push(ctx.text(meta, 'doubleCounts', { rows: describe(twice) }));
  if (otherSection.length) parts.push(ctx.text(meta, 'otherSection', { rows: describe(otherSection) }));
  if (self) parts.push(ctx.text(meta, 'itself'));
  if (outsideRows.length) parts.push(ctx.text(meta, 'outside', { refs: outsideRows.map((r) => toA1(r, col)).join(', ') }));
  if (outside.length) parts.push(ctx.text(meta, 'otherColumn', { refs: outside.map((ref) => refText(ref)).join(', ') }));
  if (parts.length === 0) return undefined;

  const expected = sumFormulaFor(col, ctx.covered(total), bridgeable(ctx, col));
  const cell = toA1(total.row, col);
  return ctx.report(meta, {
    messageId: 'wrongRange',
    data: { noun: rowNoun(total), formula, problems: parts.join(ctx.text(meta, 'and')), expected },
    row: total.row,
    col,
    expected,
    actual: formula,
    fix: {
      title: ctx.text(meta, 'fixTitle', { cell }),
      description: ctx.text(meta, 'fixDescription', { formula, expected }),
      edits: [{ kind: 'setFormulas', sheet: ctx.table.sheet, range: cell, formulas: [[expected]] }],
    },
  });
}

const SIMPLE_SUM = /^=\s*SUM\(\s*\$?([A-Za-z]{1,3})\$?(\d+)\s*:\s*\$?([A-Za-z]{1,3})\$?(\d+)\s*\)\s*$/;

/**
 * The common case, decided without the general parser: `=SUM(D5:D15)` in column D over
 * exactly the covered rows, plus rows that add nothing (blank cells on blank or section rows).
 */
function isExactRange(ctx: RuleContext, formula: string, col: number, covers: ReadonlySet<number>): boolean {
  const m = SIMPLE_SUM.exec(formula);
  if (!m) return false;
  const letter = columnLetters(col);
  if (m[1]!.toUpperCase() !== letter || m[3]!.toUpperCase() !== letter) return false;
  const first = Number(m[2]) - 1;
  const last = Number(m[4]) - 1;
  let inside = 0;
  for (let r = first; r <= last; r++) {
    if (covers.has(r)) inside++;
    else if (!ctx.isBlank(r, col) || ctx.table.headerRows.includes(r) || r < ctx.table.firstRow || r > ctx.table.lastRow) return false;
  }
  return inside === covers.size;
}

/** Rows added up by the totals this total covers (a grand total over sub totals already has their lines). */
function coveredThrough(ctx: RuleContext, total: TableRow): Set<number> {
  const out = new Set<number>();
  const visit = (rows: readonly number[], depth: number): void => {
    if (depth > 8) return;
    for (const r of rows) {
      const inner = ctx.rowAt(r);
      if (inner?.covers && inner.row !== total.row) {
        const innerRows = ctx.covered(inner);
        for (const c of innerRows) out.add(c);
        visit(innerRows, depth + 1);
      }
    }
  };
  visit(ctx.covered(total), 0);
  return out;
}

/** Rows one by one while they are few; past that, runs of consecutive rows, so a message stays readable. */
const NAMED_ROWS = 12;

function describeRows(ctx: RuleContext, list: readonly number[]): string {
  const sorted = [...list].sort((a, b) => a - b);
  if (sorted.length <= NAMED_ROWS) return sorted.map((r) => rowName(ctx, r)).join(', ');
  const runs: [number, number][] = [];
  for (const r of sorted) {
    const last = runs[runs.length - 1];
    if (last && r === last[1] + 1) last[1] = r;
    else runs.push([r, r]);
  }
  const meta = sumRangeRule.meta;
  const shown = runs.slice(0, NAMED_ROWS).map(([a, b]) =>
    a === b ? rowName(ctx, a) : ctx.text(meta, 'rowRun', { first: a + 1, last: b + 1, count: b - a + 1 }),
  );
  const rest = runs.slice(NAMED_ROWS).reduce((n, [a, b]) => n + b - a + 1, 0);
  if (rest > 0) shown.push(ctx.text(meta, 'moreRows', { count: rest }));
  return shown.join(', ');
}

function rowName(ctx: RuleContext, row: number): string {
  const label = ctx.rowAt(row)?.label;
  return label ? ctx.text(sumRangeRule.meta, 'rowName', { row: row + 1, label }) : ctx.text(sumRangeRule.meta, 'rowNumber', { row: row + 1 });
}

function refText(ref: SumReference): string {
  const a = `${columnLetters(ref.startCol)}${ref.startRow + 1}`;
  const b = `${columnLetters(ref.endCol)}${ref.endRow + 1}`;
  const address = a === b ? a : `${a}:${b}`;
  return ref.sheet !== undefined ? `${ref.sheet}!${address}` : address;
}
