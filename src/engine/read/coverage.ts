/**
 * Which rows each sub total and total covers, and so the final kind of every row.
 *
 * - A section header opens a group; "sub total" or "Total <section>" closes it and covers
 *   its lines, or its own sub totals when it has nested sections.
 * - A grand total covers what is left at the top level: the sub totals, plus any lines
 *   no sub total covers (all lines when there are none).
 * - A service total on the section's own row, above its lines, is recognised by a SUM of
 *   the rows below or by arithmetic (it equals the sum of the lines beneath it).
 * - "(total of lines 190 to 698)" covers the rows whose line number (a column of the
 *   sheet) falls in that range, or those sheet rows when no column numbers the lines.
 * - In a tracker, the amount "To be Mitigated" is not one of the actions: the actions'
 *   total leaves it out, and "Still to be Mitigated" adds the two.
 */
import { FIGURE_ROLES, type RowKind, type TableColumn, type TableRow } from '../model';
import { toleranceFor } from '../units';
import type { SheetScan } from './cells';
import { isAdditive, sameColumnRows } from '../domain/formula-references';
import { normaliseLabel, totalledName } from '../domain/labels';
import { type RowFacts, labelSaysTotal } from './rows';
import { decimalsAt, hasNumberAt, numberAt } from './values';

interface Item {
  readonly row: number;
  readonly summary: boolean;
  readonly opening: boolean;
  /** A grand total: a later grand total starts after it. */
  readonly grand?: boolean;
}

interface Group {
  readonly header: number | undefined;
  readonly key: string;
  readonly items: Item[];
}

interface Settled {
  kind: RowKind;
  section?: number;
  covers?: number[];
  coverBasis?: TableRow['coverBasis'];
}

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
 * Service totals sitting above their lines: head row → the lines it covers. A block of
 * zeros adds up whichever row heads it, so it counts as headed only when the table's
 * other blocks show that layout.
 */
function totalsAbove(scan: SheetScan, facts: readonly RowFacts[], columns: readonly TableColumn[]): Map<number, number[]> {
  const figureCols = columns.filter((c) => FIGURE_ROLES.has(c.role)).map((c) => c.col);
  // An unlabelled row of zeros is a spacer, not a line: it separates groups like a blank row.
  const inRun = (f: RowFacts): boolean =>
    f.hint === 'line' && (f.label !== '' || figureCols.some((c) => numberAt(scan, f.row, c) !== 0));
  const find = (allowZero: boolean): Map<number, number[]> => {
    const heads = new Map<number, number[]>();
    let i = 0;
    while (i < facts.length) {
      if (!inRun(facts[i]!)) {
        i++;
        continue;
      }
      let end = i;
      while (end + 1 < facts.length && inRun(facts[end + 1]!)) end++;
      // Only the first row of a run, or the row after a closed group, can head a group.
      let h = i;
      while (h < end) {
        const k = groupEnd(scan, facts, figureCols, h, end, allowZero);
        if (k === undefined) break;
        heads.set(facts[h]!.row, facts.slice(h + 1, k + 1).map((f) => f.row));
        h = k + 1;
      }
      i = end + 1;
    }
    return heads;
  };
  const heads = find(false);
  return heads.size >= 1 ? find(true) : heads;
}

/**
 * Index of the last line of the group headed by facts[h], or undefined when it heads none.
 * A head whose formula adds rows below owns every line down to the next such head (what it
 * should cover, even when its SUM stops short); a typed head owns the lines that add up to it,
 * including trailing lines of zero.
 */
function groupEnd(scan: SheetScan, facts: readonly RowFacts[], cols: readonly number[], h: number, end: number, allowZero: boolean): number | undefined {
  const head = facts[h]!;
  if (head.sumsRows === 'below') {
    let k = h;
    while (k + 1 <= end && facts[k + 1]!.sumsRows !== 'below') k++;
    return k > h ? k : undefined;
  }
  const compared = cols.filter((c) => hasNumberAt(scan, head.row, c));
  if (compared.length === 0 || (!allowZero && compared.every((c) => numberAt(scan, head.row, c) === 0))) return undefined;
  // One column of typed figures can add up by chance; then the row must also look like a heading.
  const next = facts[h + 1];
  const looksLikeHeading = head.bold || (next !== undefined && next.indent > head.indent);
  if (compared.length < 2 && !looksLikeHeading) return undefined;
  const sums = compared.map(() => 0);
  const targets = compared.map((c) => numberAt(scan, head.row, c)!);
  const tolerances = compared.map((c) => toleranceFor(decimalsAt(scan, head.row, c) ?? 6));
  let matched: number | undefined;
  for (let k = h + 1; k <= end; k++) {
    let allMatch = true;
    const spread = Math.max(1, (k - h) / 2); // rounding of each shown line adds up
    for (let j = 0; j < compared.length; j++) {
      const v = numberAt(scan, facts[k]!.row, compared[j]!);
      if (v === undefined) return matched; // TBC or text among the lines: not a clean total
      sums[j]! += v;
      if (Math.abs(targets[j]! - sums[j]!) > tolerances[j]! * spread) allMatch = false;
    }
    if (allMatch && k >= h + 2) matched = k;
    else if (matched !== undefined) break;
  }
  return matched;
}

/** A line's number: a whole number, or the first of several written as text ("870 & 885"). */
function lineNumberAt(scan: SheetScan, r: number, c: number): number | undefined {
  if (hasNumberAt(scan, r, c)) {
    const n = numberAt(scan, r, c);
    return n !== undefined && Number.isInteger(n) ? n : undefined;
  }
  const v = scan.sheet.rows[r]?.[c]?.value;
  const m = typeof v === 'string' ? /^\s*(\d+)\s*(?:&|,|and|\/)\s*\d+\s*$/.exec(v) : null;
  return m ? Number(m[1]) : undefined;
}

/** Rows numbered x..y in a column of the table (the row's own line number sits in it), else sheet rows x..y. */
function statedRangeRows(scan: SheetScan, facts: readonly RowFacts[], columns: readonly TableColumn[], at: RowFacts): number[] {
  const [x, y] = at.statedRange!;
  let best: number[] = [];
  for (const column of columns) {
    const own = numberAt(scan, at.row, column.col);
    if (!hasNumberAt(scan, at.row, column.col) || own === undefined || !Number.isInteger(own)) continue;
    const rows = facts
      .filter((f) => {
        if (f.row === at.row || f.hint === 'blank') return false;
        const n = lineNumberAt(scan, f.row, column.col);
        return n !== undefined && n >= x && n <= y;
      })
      .map((f) => f.row);
    if (rows.length > best.length) best = rows;
  }
  if (best.length > 0) return best;
  return facts.filter((f) => f.row !== at.row && f.hint !== 'blank' && f.row + 1 >= x && f.row + 1 <= y).map((f) => f.row);
}

function basisOf(covered: readonly Item[]): 'section' | 'subtotals' {
  return covered.some((c) => c.summary) ? 'subtotals' : 'section';
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
    // The rows each column's formula adds; the widest that takes in the whole layout reading wins.
    let widest: number[] | undefined;
    for (const column of figureCols) {
      const formula = scan.sheet.rows[f.row]?.[column.col]?.formula;
      if (formula === undefined || !isAdditive(formula)) continue;
      const named = [...new Set(sameColumnRows(formula, column.col, f.row))].filter((r) => r !== f.row).sort((a, b) => a - b);
      if (named.length <= covers.length || !covers.every((r) => named.includes(r))) continue;
      // Only figures are added: a heading, note or blank named by the formula is sum-range's to report.
      if (named.some((r) => !FIGURE_KINDS.has(settled.get(r)?.kind ?? 'blank'))) continue;
      const reached = named.map((r) => reach(r));
      if (named.some((r) => reached.some((set, j) => named[j] !== r && set.has(r)))) continue; // double counting
      if (!widest || named.length > widest.length) widest = named;
    }
    if (widest) settled.set(f.row, { ...s, covers: widest, coverBasis: 'widened' });
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

export function settleRows(scan: SheetScan, facts: readonly RowFacts[], columns: readonly TableColumn[]): TableRow[] {
  const heads = totalsAbove(scan, facts, columns);
  const first = facts.length > 0 ? facts[0]!.row : 0;
  const underHead = new ByRow<number>(first, facts.length);
  for (const [head, lines] of heads) for (const l of lines) underHead.set(l, head);

  const root: Group = { header: undefined, key: '', items: [] };
  const stack: Group[] = [root];
  const top = (): Group => stack[stack.length - 1]!;
  const closeTop = (): void => {
    const g = stack.pop()!;
    top().items.push(...g.items);
  };
  const closeAll = (): void => {
    while (stack.length > 1) closeTop();
  };
  const settled = new ByRow<Settled>(first, facts.length);
  const figureCols = columns.filter((c) => FIGURE_ROLES.has(c.role));
  const keyOf = new Map(facts.filter((f) => f.hint === 'total' || f.hint === 'subtotal').map((f) => [f.row, f.key]));
  const body = new Set(facts.filter((f) => f.hint !== 'blank').map((f) => f.row));
  let implicitlyClosed = 0; // sections ended by the next heading, not by a total of their own

  const grandTotal = (f: RowFacts, balance: boolean, afterGrand = true, mayStandAlone = false): Settled => {
    closeAll();
    const standing = mayStandAlone ? standsAlone(f) : false;
    if (standing) {
      root.items.push({ row: f.row, summary: false, opening: false });
      return { kind: 'line' };
    }
    let lastOpening = balance ? -1 : root.items.map((x) => x.opening).lastIndexOf(true);
    // A second grand total (total assets after total liabilities) starts after the first one,
    // unless nothing follows it (a net total of the totals above).
    const lastGrand = balance || !afterGrand ? -1 : root.items.map((x) => x.grand === true).lastIndexOf(true);
    if (lastGrand > lastOpening && lastGrand < root.items.length - 1) lastOpening = lastGrand;
    const covered = root.items.slice(lastOpening + 1);
    const kept = root.items.slice(0, lastOpening + 1);
    root.items.length = 0;
    root.items.push(...kept, { row: f.row, summary: true, opening: false, grand: true });
    return { kind: 'total', covers: covered.map((c) => c.row), coverBasis: basisOf(covered) };
  };

  /**
   * A typed "Total …" figure with nothing of its own to add: either nothing above it (and no
   * lines below, which would make it a total printed first), or only the "Total …" figure just
   * above it (HRA income, then HRA expenditure). Such a figure is a line, for a later total to add.
   */
  const standsAlone = (f: RowFacts): boolean => {
    if (f.sumsRows !== undefined) return false;
    const open = root.items.slice(Math.max(root.items.map((x) => x.opening || x.grand === true).lastIndexOf(true) + 1, 0));
    if (open.length === 0) {
      const i = facts.indexOf(f);
      const next = facts.slice(i + 1).find((x) => x.hint !== 'blank' && x.hint !== 'note');
      return next === undefined || next.hint !== 'line';
    }
    const [only] = open;
    return open.length === 1 && !only!.summary && labelSaysTotal(keyOf.get(only!.row) ?? '');
  };

  const closeGroup = (f: RowFacts, target: Group): Settled => {
    while (top() !== target) closeTop();
    stack.pop();
    top().items.push({ row: f.row, summary: true, opening: false });
    return {
      kind: 'subtotal',
      ...(target.header !== undefined ? { section: target.header } : {}),
      covers: target.items.map((c) => c.row),
      coverBasis: basisOf(target.items),
    };
  };

  const rootSubtotal = (f: RowFacts): Settled => {
    let start = root.items.length;
    while (start > 0 && !root.items[start - 1]!.summary && !root.items[start - 1]!.opening) start--;
    const covered = root.items.splice(start);
    root.items.push({ row: f.row, summary: true, opening: false });
    return { kind: 'subtotal', covers: covered.map((c) => c.row), coverBasis: 'section' };
  };

  // An Excel PivotTable's header row says "Row Labels": the rows above it are its filter and
  // caption area (and whatever sits over the pivot), never lines its Grand Total adds up.
  const pivotHeader = facts.findIndex((f) => f.key === 'row labels');
  for (const f of facts) {
    if (pivotHeader >= 0 && f.row <= facts[pivotHeader]!.row) {
      settled.set(f.row, { kind: f.hint === 'blank' ? 'blank' : 'note' });
      continue;
    }
    const section = top().header;
    const inSection = section !== undefined ? { section } : {};
    const head = underHead.get(f.row);
    if (head !== undefined) {
      settled.set(f.row, f.hint === 'blank' ? { kind: 'blank', section: head } : { kind: 'line', section: head });
      continue;
    }
    if (heads.has(f.row)) {
      top().items.push({ row: f.row, summary: true, opening: false });
      settled.set(f.row, { kind: 'subtotal', ...inSection, covers: heads.get(f.row)!, coverBasis: 'above' });
      continue;
    }
    switch (f.hint) {
      case 'blank':
      case 'note':
        settled.set(f.row, { kind: f.hint, ...inSection });
        break;
      case 'section': {
        const t = top();
        if (t !== root && t.items.some((x) => !x.summary)) {
          closeTop();
          implicitlyClosed++;
        }
        const parent = top().header;
        stack.push({ header: f.row, key: normaliseLabel(f.key), items: [] });
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
        top().items.push({ row: f.row, summary: false, opening: f.hint === 'opening' });
        settled.set(f.row, { kind: 'line', ...inSection });
        break;
      case 'balance':
        settled.set(f.row, grandTotal(f, true));
        break;
      case 'subtotal':
      case 'total': {
        if (f.statedRange) {
          grandTotal(f, false); // a stated range still closes what is open above it
          settled.set(f.row, { kind: f.hint, covers: statedRangeRows(scan, facts, columns, f), coverBasis: 'statedRange' });
          break;
        }
        const byFormula = rowsNamedByFormula(scan, f, figureCols, body);
        if (byFormula) {
          const t = top();
          // A SUM over part of an open section of lines is that section's (short) total: check it
          // against the section. Anything else adds exactly the rows it names, taken out of the layout.
          const sectionOfLines = t !== root && t.items.every((x) => !x.summary) && byFormula.rows.every((r) => t.items.some((x) => x.row === r));
          const wanted = new Set(byFormula.rows);
          const agrees = t.items.length === wanted.size && t.items.every((x) => wanted.has(x.row));
          // Its formula names everything at the top level, earlier grand totals included ("GF + HRA").
          if (agrees && t === root) {
            settled.set(f.row, grandTotal(f, false, false));
            break;
          }
          if (!agrees && !(byFormula.oneRange && sectionOfLines)) {
            for (const g of stack) for (let i = g.items.length - 1; i >= 0; i--) if (wanted.has(g.items[i]!.row)) g.items.splice(i, 1);
            t.items.push({ row: f.row, summary: true, opening: false });
            settled.set(f.row, { kind: 'total', ...inSection, covers: byFormula.rows, coverBasis: 'formula' });
            break;
          }
        }
        const name = totalledName(f.key);
        const named = name === '' ? undefined : [...stack].reverse().find((g) => g !== root && g.key === name);
        if (named) settled.set(f.row, closeGroup(f, named));
        else if (f.hint === 'subtotal') settled.set(f.row, top() !== root ? closeGroup(f, top()) : rootSubtotal(f));
        // A bare "Total" under an open section closes that section, unless the table's
        // sections go un-totalled (earlier ones ended at the next heading): then it is the grand total.
        // "Grand Total" adds up the whole table, never just the last section.
        else if (top() !== root && implicitlyClosed === 0 && !/^grand total/.test(f.key)) settled.set(f.row, closeGroup(f, top()));
        else settled.set(f.row, grandTotal(f, false, true, true));
        break;
      }
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
