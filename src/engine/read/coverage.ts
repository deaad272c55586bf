/**
 * Which rows each sub total and total covers, and so the final kind of every row.
 *
 * - A section header opens a group; "sub total" or "Total <section>" closes it and covers
 *   its lines, or its own sub totals when it has nested sections (section-stack.ts).
 * - A grand total covers what is left at the top level: the sub totals, plus any lines
 *   no sub total covers (all lines when there are none).
 * - A service total on the section's own row, above its lines, is recognised by a SUM of
 *   the rows below or by arithmetic (totals-above.ts).
 * - "(total of lines 190 to 698)" covers the rows numbered in that range (stated-ranges.ts).
 * - In a tracker, the amount "To be Mitigated" is not one of the actions: the actions'
 *   total leaves it out, and "Still to be Mitigated" adds the two.
 */
import { FIGURE_ROLES, type RowKind, type TableColumn, type TableRow } from '../model';
import type { SheetScan } from './cells';
import { isAdditive, sameColumnRows } from '../domain/formula-references';
import { normaliseLabel, totalledName } from '../domain/labels';
import { type Settled, SectionStack } from './section-stack';
import { statedRangeRows } from './stated-ranges';
import { totalsAbove } from './totals-above';
import { type RowFacts, labelSaysTotal } from './rows';
import { numberAt } from './values';

/** Per-row values over a table's body: an array from its first row (a Map costs more at 100,000 rows). */
class ByRow<T> {
  private readonly items: (T | undefined)[];
  constructor(
    private readonly first: number,
    size: number,
  ) {
    this.items = new Array<T | undefined>(size);
  }
  get(row: number): T | undefined {
    return this.items[row - this.first];
  }
  set(row: number, value: T): void {
    this.items[row - this.first] = value;
  }
}

/**
 * A total with nothing above it to add, followed by lines (a national or group total
 * printed first, then its members): it covers the lines beneath it.
 */
function totalsFirst(facts: readonly RowFacts[], settled: ByRow<Settled>): void {
  facts.forEach((f, i) => {
    const s = settled.get(f.row);
    if (!s || s.kind !== 'total' || (s.covers && s.covers.length > 0) || f.statedRange) return;
    const lines: number[] = [];
    // Service totals that head their own lines (a directorate total printed above its services).
    const heads = new Set<number>();
    for (let j = i + 1; j < facts.length; j++) {
      const below = settled.get(facts[j]!.row);
      if (!below || below.kind === 'blank' || below.kind === 'note') continue;
      if (below.kind === 'line' && below.section !== undefined && heads.has(below.section)) continue;
      if (below.kind === 'subtotal' && below.coverBasis === 'above') heads.add(facts[j]!.row);
      else if (below.kind !== 'line') break;
      lines.push(facts[j]!.row);
    }
    if (lines.length === 0) return;
    settled.set(f.row, { ...s, covers: lines, coverBasis: heads.size > 0 ? 'subtotals' : 'above' });
    for (const l of lines) if (!heads.has(l)) settled.set(l, { ...settled.get(l)!, section: f.row });
  });
}

/**
 * A total whose own formula adds everything the layout says it covers, and more: an earlier
 * total and the lines after it ("Total excluding COVID-19", two COVID-19 lines, then "Total"
 * = the three). When nothing it adds is also added through another of its rows (no double
 * counting), the formula states the coverage and the layout reading was too narrow. A
 * formula that adds less than the layout is the other case: a SUM that leaves a line out;
 * and a total that closes a headed section is held to that section.
 */
const FIGURE_KINDS: ReadonlySet<RowKind> = new Set<RowKind>(['line', 'subtotal', 'total']);

function widerFormulas(scan: SheetScan, facts: readonly RowFacts[], settled: ByRow<Settled>, figureCols: readonly TableColumn[]): void {
  const reach = (row: number, seen = new Set<number>()): Set<number> => {
    for (const c of settled.get(row)?.covers ?? []) {
      if (seen.has(c)) continue;
      seen.add(c);
      reach(c, seen);
    }
    return seen;
  };
  for (const f of facts) {
    const s = settled.get(f.row);
    if (!s || !s.covers || s.covers.length === 0 || !f.formulaRows || s.coverBasis === 'statedRange') continue;
    // A total that closes a headed section covers that section: adding more is the fault.
    if ((s.kind !== 'total' && s.kind !== 'subtotal') || s.section !== undefined) continue;
    const covers = s.covers;
    // The rows each column's formula adds; the widest that takes in the whole layout reading wins,
    // unless more columns' formulas add exactly the layout reading: then the wide one is the fault.
    let widest: number[] | undefined;
    let widerVotes = 0;
    let layoutVotes = 0;
    for (const column of figureCols) {
      const formula = scan.sheet.rows[f.row]?.[column.col]?.formula;
      if (formula === undefined || !isAdditive(formula)) continue;
      const named = [...new Set(sameColumnRows(formula, column.col, f.row))].filter((r) => r !== f.row).sort((a, b) => a - b);
      if (named.length === covers.length && covers.every((r) => named.includes(r))) layoutVotes++;
      if (named.length <= covers.length || !covers.every((r) => named.includes(r))) continue;
      // Only figures are added: a heading, note or blank named by the formula is sum-range's to report.
      if (named.some((r) => !FIGURE_KINDS.has(settled.get(r)?.kind ?? 'blank'))) continue;
      const reached = named.map((r) => reach(r));
      if (named.some((r) => reached.some((set, j) => named[j] !== r && set.has(r)))) continue; // double counting
      widerVotes++;
      if (!widest || named.length > widest.length) widest = named;
    }
    if (widest && widerVotes > layoutVotes) settled.set(f.row, { ...s, covers: widest, coverBasis: 'widened' });
  }
}

/** A table whose only summary row says "Total" and closes its one section: that row is the table's total. */
function loneTotal(facts: readonly RowFacts[], settled: ByRow<Settled>): void {
  const summaries = facts.filter((f) => {
    const k = settled.get(f.row)?.kind;
    return k === 'subtotal' || k === 'total';
  });
  if (summaries.length !== 1 || summaries[0]!.hint !== 'total') return;
  const s = settled.get(summaries[0]!.row)!;
  if (s.kind === 'subtotal' && s.coverBasis !== 'above') settled.set(summaries[0]!.row, { ...s, kind: 'total' });
}

/**
 * The rows a total adds up when only its formulas say it is a total ("Operating Surplus"
 * =B38+B37, no "total" in its label): the rows named by its additive formulas in any
 * column (one column may add a line the others hold as nil). Undefined for other rows.
 */
function rowsNamedByFormula(scan: SheetScan, f: RowFacts, figureCols: readonly TableColumn[], body: ReadonlySet<number>): { rows: number[]; oneRange: boolean } | undefined {
  if (f.hint !== 'total' || !f.formulaRows || f.sumsRows !== 'above' || f.statedRange || labelSaysTotal(f.key)) return undefined;
  const named = new Set<number>();
  let oneRange = true;
  for (const column of figureCols) {
    const formula = scan.sheet.rows[f.row]?.[column.col]?.formula;
    if (formula === undefined || !isAdditive(formula)) continue;
    if (!SINGLE_RANGE_SUM.test(formula)) oneRange = false;
    for (const r of sameColumnRows(formula, column.col, f.row)) if (body.has(r)) named.add(r);
  }
  return named.size >= 2 ? { rows: [...named].sort((a, b) => a - b), oneRange } : undefined;
}

const SINGLE_RANGE_SUM = /^=?\s*SUM\(\s*\$?[A-Za-z]{1,3}\$?\d+\s*:\s*\$?[A-Za-z]{1,3}\$?\d+\s*\)\s*$/i;

/** What a sub total or total covers: its stated range, its formula, the section it names, or the one it closes. */
function settleTotal(
  scan: SheetScan,
  facts: readonly RowFacts[],
  columns: readonly TableColumn[],
  figureCols: readonly TableColumn[],
  body: ReadonlySet<number>,
  sections: SectionStack,
  f: RowFacts,
  standsAlone: (f: RowFacts) => boolean,
): Settled {
  if (f.statedRange) {
    sections.grandTotal(f.row, false, true); // a stated range still closes what is open above it
    return { kind: f.hint as 'subtotal' | 'total', covers: statedRangeRows(scan, facts, columns, f), coverBasis: 'statedRange' };
  }
  const section = sections.top.header;
  const inSection = section !== undefined ? { section } : {};
  const byFormula = rowsNamedByFormula(scan, f, figureCols, body);
  if (byFormula) {
    const items = sections.top.items;
    // A SUM over part of an open section of lines is that section's (short) total: check it
    // against the section. Anything else adds exactly the rows it names, taken out of the layout.
    const sectionOfLines = !sections.atTopLevel && items.every((x) => !x.summary) && byFormula.rows.every((r) => items.some((x) => x.row === r));
    const wanted = new Set(byFormula.rows);
    const agrees = items.length === wanted.size && items.every((x) => wanted.has(x.row));
    // Its formula names everything at the top level, earlier grand totals included ("GF + HRA").
    if (agrees && sections.atTopLevel) return sections.grandTotal(f.row, false, false);
    if (!agrees && !(byFormula.oneRange && sectionOfLines)) {
      sections.take(wanted);
      sections.addSummary(f.row);
      return { kind: 'total', ...inSection, covers: byFormula.rows, coverBasis: 'formula' };
    }
  }
  const name = totalledName(f.key);
  const named = name === '' ? undefined : sections.named(name);
  if (named) return sections.closeSection(f.row, named);
  if (f.hint === 'subtotal') return sections.closeInnermost(f.row);
  // A bare "Total" under an open section closes that section, unless the table's
  // sections go un-totalled (earlier ones ended at the next heading): then it is the grand total.
  // "Grand Total" adds up the whole table, never just the last section.
  if (!sections.atTopLevel && !sections.sectionsGoUntotalled && !/^grand total/.test(f.key)) return sections.closeInnermost(f.row);
  if (standsAlone(f)) {
    sections.addStandingLine(f.row);
    return { kind: 'line' };
  }
  return sections.grandTotal(f.row, false, true);
}

export function settleRows(scan: SheetScan, facts: readonly RowFacts[], columns: readonly TableColumn[]): TableRow[] {
  const heads = totalsAbove(scan, facts, columns);
  const first = facts.length > 0 ? facts[0]!.row : 0;
  const underHead = new ByRow<number>(first, facts.length);
  for (const [head, lines] of heads) for (const l of lines) underHead.set(l, head);

  const sections = new SectionStack();
  const settled = new ByRow<Settled>(first, facts.length);
  const figureCols = columns.filter((c) => FIGURE_ROLES.has(c.role));
  const keyOf = new Map(facts.filter((f) => f.hint === 'total' || f.hint === 'subtotal').map((f) => [f.row, f.key]));
  const body = new Set(facts.filter((f) => f.hint !== 'blank').map((f) => f.row));

  /**
   * A typed "Total …" figure with nothing of its own to add: either nothing above it (and no
   * lines below, which would make it a total printed first), or only the "Total …" figure just
   * above it (HRA income, then HRA expenditure). Such a figure is a line, for a later total to add.
   */
  const standsAlone = (f: RowFacts): boolean => {
    if (f.sumsRows !== undefined) return false;
    sections.closeAll();
    const open = sections.sinceLastGrand();
    if (open.length === 0) {
      const i = facts.indexOf(f);
      const next = facts.slice(i + 1).find((x) => x.hint !== 'blank' && x.hint !== 'note');
      return next === undefined || next.hint !== 'line';
    }
    const [only] = open;
    return open.length === 1 && !only!.summary && labelSaysTotal(keyOf.get(only!.row) ?? '');
  };

  // An Excel PivotTable's header row says "Row Labels": the rows above it are its filter and
  // caption area (and whatever sits over the pivot), never lines its Grand Total adds up.
  const pivotHeader = facts.findIndex((f) => f.key === 'row labels');
  for (const f of facts) {
    if (pivotHeader >= 0 && f.row <= facts[pivotHeader]!.row) {
      settled.set(f.row, { kind: f.hint === 'blank' ? 'blank' : 'note' });
      continue;
    }
    const section = sections.top.header;
    const inSection = section !== undefined ? { section } : {};
    const head = underHead.get(f.row);
    if (head !== undefined) {
      settled.set(f.row, f.hint === 'blank' ? { kind: 'blank', section: head } : { kind: 'line', section: head });
      continue;
    }
    if (heads.has(f.row)) {
      sections.addSummary(f.row);
      settled.set(f.row, { kind: 'subtotal', ...inSection, covers: heads.get(f.row)!, coverBasis: 'above' });
      continue;
    }
    switch (f.hint) {
      case 'blank':
      case 'note':
        settled.set(f.row, { kind: f.hint, ...inSection });
        break;
      case 'section': {
        const parent = sections.openSection(f.row, normaliseLabel(f.key));
        settled.set(f.row, { kind: 'section', ...(parent !== undefined ? { section: parent } : {}) });
        break;
      }
      case 'line':
      case 'opening':
        // An unlabelled row of zeros adds nothing and names nothing: a spacer, like a blank row.
        if (f.label === '' && figureCols.every((c) => numberAt(scan, f.row, c.col) === 0)) {
          settled.set(f.row, { kind: 'blank', ...inSection });
          break;
        }
        sections.addLine(f.row, f.hint === 'opening');
        settled.set(f.row, { kind: 'line', ...inSection });
        break;
      case 'balance':
        settled.set(f.row, sections.grandTotal(f.row, true, true));
        break;
      case 'subtotal':
      case 'total':
        settled.set(f.row, settleTotal(scan, facts, columns, figureCols, body, sections, f, standsAlone));
        break;
    }
  }

  totalsFirst(facts, settled);
  loneTotal(facts, settled);
  widerFormulas(scan, facts, settled, figureCols);

  return facts.map((f) => {
    const s = settled.get(f.row) ?? { kind: 'line' as const };
    // Optional fields assigned rather than spread in: one row per sheet row, and spreading
    // object literals costs several times more (same fields, same order).
    const row: { -readonly [K in keyof TableRow]: TableRow[K] } = { row: f.row, kind: s.kind, label: f.label, indent: f.indent };
    if (s.covers) {
      row.covers = s.covers;
      row.coverBasis = s.coverBasis!;
    }
    if (s.section !== undefined) row.section = s.section;
    if (f.formulaRows && (s.kind === 'subtotal' || s.kind === 'total')) row.formulaCovers = f.formulaRows;
    return row;
  });
}
