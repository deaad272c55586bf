/**
 * One fault, one error (EVIDENCE.md §3). Findings form a graph: a cell's figure feeds the
 * totals that cover it and the identities on its row. When a finding is explained by
 * another's fault, it hangs under that root (`causedBy`) instead of counting on its own:
 * - at one cell, the most severe finding is the root (a SUM that leaves a line out, then
 *   the total it gets wrong, then "typed, not a formula");
 * - a figure on the root's row, or on a total that covers the root's row, that is off by
 *   the same amount (a typed-over sub total makes its net budget and the grand total off
 *   by what it is off);
 * - a RAG or over/underspend word judged on a row whose figures are the root's fault;
 * - a figure whose formula is calculated from the root's cell, directly or through other
 *   formulas (an average over the lines moves by a share of the fault, not all of it).
 * Nothing is dropped: a consequence is listed under its root, and fixing the root shows
 * whether anything of its own remains. A consequence offers no fix of its own.
 */
import { columnLetters as columnLettersOf, parseA1 } from './address';
import type { CauseRef, Finding } from './findings';
import type { Sheet, Workbook } from './grid';
import type { MonitoringTable } from './model';
import { type ReferencedRange, sameSheetRanges } from './domain/formula-references';

/** At one cell, which rule names the fault itself rather than what follows from it. */
const ROOT_ORDER = ['error-value', 'unreadable-figure', 'number-as-text', 'sum-range', 'total-sum', 'carry-forward', 'net-budget', 'variance', 'pressure-split', 'movement', 'total-formula'];

/** Rules whose verdict is a word judged on the row's figures. */
const JUDGED_ON_FIGURES = new Set(['rag-policy', 'variance-label']);

interface Placed {
  readonly finding: Finding;
  readonly index: number;
  readonly row: number;
  readonly diff: number | undefined;
  /** Rows whose figures this row adds up, directly or through its sub totals. */
  readonly reach: ReadonlySet<number>;
}

const EMPTY: ReadonlySet<number> = new Set();

export function attachConsequences(findings: readonly Finding[], tables: readonly MonitoringTable[], workbook?: Workbook): Finding[] {
  const reach = new CoverageReach(tables);
  const feeds = new FormulaFeeds(workbook);
  // A finding whose own figures are formulas (a SUM that leaves a line out) is off by what
  // the other findings at its cell say it is off by.
  const diffAtCell = new Map<string, number>();
  for (const f of findings) {
    const d = differenceOf(f);
    if (d !== undefined && !diffAtCell.has(`${f.sheet}!${f.cell}`)) diffAtCell.set(`${f.sheet}!${f.cell}`, d);
  }
  const placed: Placed[] = [];
  findings.forEach((finding, index) => {
    if (finding.severity === 'info') return;
    const ref = parseA1(finding.cell);
    if (!ref) return;
    const diff = differenceOf(finding) ?? diffAtCell.get(`${finding.sheet}!${finding.cell}`);
    placed.push({ finding, index, row: ref.row, diff, reach: reach.of(finding.sheet, ref.row) });
  });
  // Roots first: inner rows (fewest covered) before the totals over them, then by rule order.
  placed.sort((a, b) => a.reach.size - b.reach.size || rank(a.finding) - rank(b.finding) || a.index - b.index);
  const causes = new Map<number, CauseRef>();
  const roots = new RootIndex();
  for (const p of placed) {
    const root = roots.candidates(p).find((r) => explains(r, p, feeds));
    if (root) causes.set(p.index, { rule: root.finding.rule, sheet: root.finding.sheet, cell: root.finding.cell });
    else if (p.finding.severity === 'error') roots.add(p);
  }
  if (causes.size === 0) return [...findings];
  return findings.map((f, i) => {
    const cause = causes.get(i);
    if (!cause) return f;
    // Fixing the root is the action: a consequence's own fix would carry the fault further
    // (a grand total made to add a wrong sub total).
    const { fix: _fix, ...rest } = f;
    return { ...rest, causedBy: cause };
  });
}

/**
 * How far the finding's figure is from what it should be. A number stored as text counts as
 * nothing in Excel's SUM, so the totals over it are short by the whole number.
 */
function differenceOf(f: Finding): number | undefined {
  if (typeof f.expected !== 'number') return undefined;
  if (typeof f.actual === 'number') return f.actual - f.expected;
  return f.rule === 'number-as-text' ? -f.expected : undefined;
}

function rank(f: Finding): number {
  const i = ROOT_ORDER.indexOf(f.rule);
  return i < 0 ? ROOT_ORDER.length : i;
}

function explains(root: Placed, p: Placed, feeds: FormulaFeeds | undefined): boolean {
  const a = root.finding;
  const b = p.finding;
  if (a.sheet !== b.sheet) return false;
  if (a.cell === b.cell) return true;
  const sameRow = root.row === p.row;
  if (JUDGED_ON_FIGURES.has(b.rule)) return sameRow;
  if (root.diff === undefined || p.diff === undefined || root.diff === 0) return false;
  const related = sameRow || p.reach.has(root.row) || (root.reach.size > 0 && [...root.reach].every((r) => p.reach.has(r)));
  if (related && Math.abs(Math.abs(p.diff) - Math.abs(root.diff)) <= 1e-6 * Math.max(1, Math.abs(root.diff))) return true;
  return feeds !== undefined && feeds.calculatedFrom(b.sheet, b.cell, a.cell);
}

/**
 * The roots found so far, indexed so that a finding is set only against the roots that can
 * explain it (its cell, its row, the rows it covers, the roots covering those): a workbook
 * with thousands of findings must not compare every pair.
 */
class RootIndex {
  private readonly order = new Map<Placed, number>();
  private readonly byCell = new Map<string, Placed[]>();
  private readonly byRow = new Map<string, Placed[]>();
  private readonly byCovered = new Map<string, Placed[]>();
  private readonly bySheet = new Map<string, Placed[]>();

  add(root: Placed): void {
    const sheet = root.finding.sheet;
    this.order.set(root, this.order.size);
    push(this.byCell, `${sheet}!${root.finding.cell}`, root);
    push(this.byRow, `${sheet}#${root.row}`, root);
    for (const r of root.reach) push(this.byCovered, `${sheet}#${r}`, root);
    push(this.bySheet, sheet, root);
  }

  /** The roots that may explain the finding, in the order they were found. */
  candidates(p: Placed): Placed[] {
    const sheet = p.finding.sheet;
    const found = new Set<Placed>([...(this.byCell.get(`${sheet}!${p.finding.cell}`) ?? []), ...(this.byRow.get(`${sheet}#${p.row}`) ?? [])]);
    for (const r of p.reach) {
      for (const root of this.byRow.get(`${sheet}#${r}`) ?? []) found.add(root);
      for (const root of this.byCovered.get(`${sheet}#${r}`) ?? []) found.add(root);
    }
    // Formulas calculated from a root are followed only where a sheet has few roots.
    const onSheet = this.bySheet.get(sheet) ?? [];
    if (onSheet.length <= FOLLOWED_ROOTS) for (const root of onSheet) found.add(root);
    return [...found].sort((a, b) => this.order.get(a)! - this.order.get(b)!);
  }
}

const FOLLOWED_ROOTS = 64;

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Which cells' formulas read a given cell, directly or through other formulas (bounded). */
class FormulaFeeds {
  private readonly formulas = new Map<string, { row: number; col: number; ranges: ReferencedRange[] }[]>();
  private readonly reached = new Map<string, Set<string>>();

  constructor(private readonly workbook: Workbook | undefined) {}

  calculatedFrom(sheet: string, cell: string, source: string): boolean {
    return this.dependents(sheet, source).has(cell);
  }

  private dependents(sheetName: string, source: string): Set<string> {
    const key = `${sheetName}!${source}`;
    let out = this.reached.get(key);
    if (out) return out;
    out = new Set();
    this.reached.set(key, out);
    const cells = this.formulaCells(sheetName);
    const start = parseA1(source);
    if (!start || cells.length === 0) return out;
    let frontier = [start];
    // A few levels cover line → sub total → total → a figure worked out from it.
    for (let depth = 0; depth < MAX_DEPTH && frontier.length > 0; depth++) {
      const next: { row: number; col: number }[] = [];
      for (const c of cells) {
        const a1 = `${columnLettersOf(c.col)}${c.row + 1}`;
        if (out.has(a1)) continue;
        if (c.ranges.some((r) => frontier.some((f) => f.row >= r.startRow && f.row <= r.endRow && f.col >= r.startCol && f.col <= r.endCol))) {
          out.add(a1);
          next.push(c);
        }
      }
      frontier = next;
    }
    return out;
  }

  private formulaCells(sheetName: string): { row: number; col: number; ranges: ReferencedRange[] }[] {
    let cells = this.formulas.get(sheetName);
    if (cells) return cells;
    cells = [];
    const sheet: Sheet | undefined = this.workbook?.sheets.find((s) => s.name === sheetName);
    let count = 0;
    sheet?.rows.forEach((row, r) => row?.forEach((cell, c) => {
      if (cell?.formula === undefined || ++count > MAX_FORMULAS) return;
      cells!.push({ row: r, col: c, ranges: sameSheetRanges(cell.formula) });
    }));
    // A sheet of more formulas than this is not followed: its findings stand on their own.
    if (count > MAX_FORMULAS) cells = [];
    this.formulas.set(sheetName, cells);
    return cells;
  }
}

const MAX_DEPTH = 4;
const MAX_FORMULAS = 20_000;

/**
 * Each total row → every row it adds up, through its sub totals; worked out only for the
 * rows that have findings (a grand total over 5,000 lines need not be expanded otherwise).
 */
class CoverageReach {
  private readonly direct = new Map<string, Map<number, readonly number[]>>();
  private readonly memo = new Map<string, Map<number, ReadonlySet<number>>>();

  constructor(tables: readonly MonitoringTable[]) {
    for (const table of tables) {
      let rows = this.direct.get(table.sheet);
      if (!rows) this.direct.set(table.sheet, (rows = new Map()));
      for (const r of table.rows) if (r.covers && r.covers.length > 0) rows.set(r.row, r.covers);
    }
  }

  of(sheet: string, row: number): ReadonlySet<number> {
    const direct = this.direct.get(sheet);
    if (!direct?.has(row)) return EMPTY;
    let memo = this.memo.get(sheet);
    if (!memo) this.memo.set(sheet, (memo = new Map()));
    const known = memo.get(row);
    if (known) return known;
    const out = new Set<number>();
    const stack = [row];
    while (stack.length > 0) {
      for (const c of direct.get(stack.pop()!) ?? []) {
        if (c === row || out.has(c)) continue;
        out.add(c);
        stack.push(c);
      }
    }
    memo.set(row, out);
    return out;
  }
}
