/**
 * The open sections while a table is read top to bottom. A section heading opens a
 * section; a sub total closes the innermost one (or the one its label names) and covers
 * what it holds; a grand total closes them all and covers what is left at the top level.
 * What a closed section held moves up to its parent, so a total over nested sections
 * covers their sub totals, not their lines twice.
 */
import type { RowKind, TableRow } from '../model';

/** A row's settled kind, section and coverage (the reader's working form of a TableRow). */
export interface Settled {
  kind: RowKind;
  section?: number;
  covers?: number[];
  coverBasis?: TableRow['coverBasis'];
}

/** A row a section holds, for a total to cover. */
export interface SectionItem {
  readonly row: number;
  /** A sub total or total (a total over these covers sub totals, not lines). */
  readonly summary: boolean;
  /** An opening balance: a later grand total starts after it. */
  readonly opening: boolean;
  /** A grand total: a later grand total starts after it. */
  readonly grand?: boolean;
}

export interface Section {
  /** The heading row; undefined for the table's top level. */
  readonly header: number | undefined;
  /** The heading in its comparable form (normaliseLabel), for totals that name it. */
  readonly key: string;
  readonly items: SectionItem[];
}

function basisOf(covered: readonly SectionItem[]): 'section' | 'subtotals' {
  return covered.some((c) => c.summary) ? 'subtotals' : 'section';
}

export class SectionStack {
  private readonly root: Section = { header: undefined, key: '', items: [] };
  private readonly open: Section[] = [this.root];
  /** Sections ended by the next heading rather than by a total of their own. */
  private implicitlyClosed = 0;

  /** The innermost open section. */
  get top(): Section {
    return this.open[this.open.length - 1]!;
  }

  /** True when no section is open (rows go to the table's top level). */
  get atTopLevel(): boolean {
    return this.top === this.root;
  }

  /** True when some section so far was ended by the next heading: the table's sections go un-totalled. */
  get sectionsGoUntotalled(): boolean {
    return this.implicitlyClosed > 0;
  }

  /** A section heading: an open section of lines ends here; returns the parent section's heading. */
  openSection(header: number, key: string): number | undefined {
    const t = this.top;
    if (t !== this.root && t.items.some((x) => !x.summary)) {
      this.closeTop();
      this.implicitlyClosed++;
    }
    const parent = this.top.header;
    this.open.push({ header, key, items: [] });
    return parent;
  }

  addLine(row: number, opening: boolean): void {
    this.top.items.push({ row, summary: false, opening });
  }

  addSummary(row: number): void {
    this.top.items.push({ row, summary: true, opening: false });
  }

  /** The innermost open section whose heading the key names. */
  named(key: string): Section | undefined {
    for (let i = this.open.length - 1; i > 0; i--) if (this.open[i]!.key === key) return this.open[i];
    return undefined;
  }

  /** Takes rows out of every open section (a total that adds exactly the rows its formula names). */
  take(rows: ReadonlySet<number>): void {
    for (const g of this.open) for (let i = g.items.length - 1; i >= 0; i--) if (rows.has(g.items[i]!.row)) g.items.splice(i, 1);
  }

  /** A sub total closing `target` (and any section inside it): it covers what the section holds. */
  closeSection(row: number, target: Section): Settled {
    while (this.top !== target) this.closeTop();
    this.open.pop();
    this.addSummary(row);
    return {
      kind: 'subtotal',
      ...(target.header !== undefined ? { section: target.header } : {}),
      covers: target.items.map((c) => c.row),
      coverBasis: basisOf(target.items),
    };
  }

  /** A sub total closing the innermost section, or at the top level the lines since the last total. */
  closeInnermost(row: number): Settled {
    if (this.top !== this.root) return this.closeSection(row, this.top);
    const items = this.root.items;
    let start = items.length;
    while (start > 0 && !items[start - 1]!.summary && !items[start - 1]!.opening) start--;
    const covered = items.splice(start);
    this.addSummary(row);
    return { kind: 'subtotal', covers: covered.map((c) => c.row), coverBasis: 'section' };
  }

  /** Closes every open section: what they held is now at the top level. */
  closeAll(): void {
    while (this.open.length > 1) this.closeTop();
  }

  /** The top level's rows since its last opening balance or grand total (call after closeAll). */
  sinceLastGrand(): readonly SectionItem[] {
    const items = this.root.items;
    return items.slice(Math.max(items.map((x) => x.opening || x.grand === true).lastIndexOf(true) + 1, 0));
  }

  /** A typed "Total …" figure that stands alone: a line at the top level, for a later total to add. */
  addStandingLine(row: number): void {
    this.closeAll();
    this.root.items.push({ row, summary: false, opening: false });
  }

  /**
   * A grand total: covers the top level since the last opening balance (never past one,
   * unless it is a balance itself), or since an earlier grand total when `afterGrand`.
   */
  grandTotal(row: number, balance: boolean, afterGrand: boolean): Settled {
    this.closeAll();
    const items = this.root.items;
    let lastOpening = balance ? -1 : items.map((x) => x.opening).lastIndexOf(true);
    // A second grand total (total assets after total liabilities) starts after the first one,
    // unless nothing follows it (a net total of the totals above).
    const lastGrand = balance || !afterGrand ? -1 : items.map((x) => x.grand === true).lastIndexOf(true);
    if (lastGrand > lastOpening && lastGrand < items.length - 1) lastOpening = lastGrand;
    const covered = items.slice(lastOpening + 1);
    const kept = items.slice(0, lastOpening + 1);
    items.length = 0;
    items.push(...kept, { row, summary: true, opening: false, grand: true });
    return { kind: 'total', covers: covered.map((c) => c.row), coverBasis: basisOf(covered) };
  }

  private closeTop(): void {
    const g = this.open.pop()!;
    this.top.items.push(...g.items);
  }
}
