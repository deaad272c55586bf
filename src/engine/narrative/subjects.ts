/**
 * What a sentence is about: the lines, sections and totals of a table by their labels, and
 * where a sentence names them. A label is matched as whole words ("External Placements",
 * "the fostering and permanence budget"); a section by its heading's words stands for its
 * sub total; generic labels ("sub total", "Other", "Income") are never matched. Two lines
 * named together ("fieldwork east and west budgets") are a compound: the figure is theirs
 * together, which is not one cell of the table, so it is left alone.
 */
import type { MonitoringTable, TableRow } from '../model';
import { type Token, tokensOf } from './claims';

export interface LabelEntry {
  readonly words: readonly string[];
  /** The figure row the label stands for (a section's sub total for a section heading). */
  readonly row: number;
  /** Two rows share these words: a mention of them is ambiguous. */
  readonly ambiguous: boolean;
}

export interface LabelIndex {
  readonly entries: readonly LabelEntry[];
  /** The one total over the whole table, when there is exactly one. */
  readonly grandTotal: number | undefined;
  /** How each figure row is named in messages ("External Placements", a sub total by its section). */
  readonly names: ReadonlyMap<number, string>;
}

const GENERIC = new Set([
  'total', 'totals', 'sub total', 'subtotal', 'grand total', 'net', 'gross', 'other', 'others', 'income', 'expenditure', 'budget',
  'misc', 'miscellaneous', 'general', 'none', 'net total', 'net expenditure', 'gross expenditure', 'total income', 'total expenditure',
  'to be mitigated', 'still to be mitigated', 'services', 'service', 'central', 'corporate', 'management', 'staffing', 'staff', 'grants',
]);

/** Label words as sentences are read (same tokeniser), without a leading or trailing "total". */
function labelWords(label: string): string[] {
  const words = tokensOf(label).map((t) => t.word).filter((w) => /^[a-z0-9]/.test(w));
  while (words.length > 0 && /^(sub|total|totals|subtotal)$/.test(words[words.length - 1]!)) words.pop();
  while (words.length > 0 && /^(total|totals)$/.test(words[0]!)) words.shift();
  return words;
}

export function labelIndexOf(table: MonitoringTable): LabelIndex {
  const byKey = new Map<string, { words: string[]; rows: Set<number> }>();
  const names = new Map<number, string>();
  const add = (label: string, row: number): void => {
    const words = labelWords(label);
    const key = words.join(' ');
    if (key.length < 3 || GENERIC.has(key) || /^\d+$/.test(key)) return;
    const entry = byKey.get(key) ?? { words, rows: new Set<number>() };
    entry.rows.add(row);
    byKey.set(key, entry);
  };
  const figureRows = table.rows.filter((r) => r.kind === 'line' || r.kind === 'subtotal' || r.kind === 'total');
  const byRow = new Map(table.rows.map((r) => [r.row, r] as const));
  for (const r of figureRows) {
    names.set(r.row, nameOf(r, byRow));
    add(r.label, r.row);
  }
  for (const s of table.rows.filter((r) => r.kind === 'section')) {
    const closing = figureRows.find((r) => (r.kind === 'subtotal' || r.kind === 'total') && r.section === s.row);
    if (closing) add(s.label, closing.row);
  }
  const entries = [...byKey.values()]
    .map((e) => ({ words: e.words, row: [...e.rows][0]!, ambiguous: e.rows.size > 1 }))
    .sort((a, b) => b.words.length - a.words.length);
  const covered = new Set(figureRows.flatMap((r) => r.covers ?? []));
  const tops = figureRows.filter((r) => r.kind === 'total' && !covered.has(r.row));
  return { entries, grandTotal: tops.length === 1 ? tops[0]!.row : undefined, names };
}

function nameOf(row: TableRow, byRow: ReadonlyMap<number, TableRow>): string {
  if (row.kind === 'subtotal' && row.section !== undefined && labelWords(row.label).length === 0) {
    const section = byRow.get(row.section);
    if (section?.label) return section.label;
  }
  if (row.kind === 'total' && labelWords(row.label).length === 0) return 'the total';
  return row.label || `row ${row.row + 1}`;
}

export interface Mention {
  /** Character offsets of the named words in the text. */
  readonly start: number;
  readonly end: number;
  readonly row: number;
  /** Named with another ("X and Y"), or the label is shared by two rows: not one cell. */
  readonly unclear: boolean;
}

const JOINERS = new Set(['and', 'or', 'plus', 'both', 'nor']);
const PLURAL_AFTER = new Set(['budgets', 'services', 'lines', 'areas', 'teams', 'headings', 'combined', 'together']);

/** Where the text names the table's lines, longest labels first, left to right, never overlapping. */
export function mentionsIn(text: string, index: LabelIndex, tokens: readonly Token[] = tokensOf(text)): Mention[] {
  const words = tokens.map((t, i) => ({ ...t, i })).filter((t) => /^[a-z0-9]/.test(t.word));
  const out: Mention[] = [];
  let w = 0;
  while (w < words.length) {
    let hit: { entry: LabelEntry; length: number } | undefined;
    for (const entry of index.entries) {
      const n = entry.words.length;
      if (w + n > words.length) continue;
      let ok = true;
      for (let k = 0; k < n && ok; k++) {
        ok = words[w + k]!.word === entry.words[k];
        // Consecutive words, or a comma between ("Partnership, Audit & Quality"); never across a bracket or a full stop.
        if (ok && k > 0) for (let j = words[w + k - 1]!.i + 1; j < words[w + k]!.i && ok; j++) ok = tokens[j]!.word === ',';
      }
      if (ok) {
        hit = { entry, length: n };
        break;
      }
    }
    if (!hit) {
      w++;
      continue;
    }
    const first = words[w]!;
    const last = words[w + hit.length - 1]!;
    const before = tokens[first.i - 1]?.word;
    const after = tokens[last.i + 1]?.word;
    const unclear = hit.entry.ambiguous || JOINERS.has(before ?? '') || JOINERS.has(after ?? '') || PLURAL_AFTER.has(after ?? '');
    out.push({ start: first.start, end: last.end, row: hit.entry.row, unclear });
    w += hit.length;
  }
  return out;
}

/** Words that say a sentence is about the whole table (the directorate's position). */
export function namesWhole(text: string): boolean {
  return /\b(directorate|department|portfolio)(?!s)\b/i.test(text);
}
