/**
 * Labels and headers in their comparable forms, and matching line labels between periods.
 *
 * Two normal forms, for two questions: `normaliseText` keeps a header's words and
 * punctuation (lower case, one kind of quote and dash, single spaces) for the reader's word
 * patterns; `normaliseLabel` keeps only letters and digits ("&" read as "and") for asking
 * whether two labels name the same thing (a line last month, the section a total closes).
 *
 * Matching line labels between two periods. Labels are normalised (case, "&" and "and",
 * punctuation, spacing) and compared as sets of words, so that small renames such as
 * "SEND" added to a line, or a one-letter typo fixed, still match. Anything unclear is
 * left unmatched and reported as added or removed: a wrong match would be a wrong figure.
 */

export interface LabelItem {
  readonly label: string;
  /** The section the line sits in, used to tell apart lines with the same label. */
  readonly group?: string;
}

export interface LabelMatch {
  /** Index into the current items. */
  readonly current: number;
  /** Index into the previous items. */
  readonly previous: number;
  readonly how: 'exact' | 'similar';
  /** 1 for exact matches; the word-set similarity for similar ones. */
  readonly score: number;
}

export interface LabelMatching {
  readonly matches: readonly LabelMatch[];
  /** Current items with no counterpart: new lines. */
  readonly added: readonly number[];
  /** Previous items with no counterpart: removed lines. */
  readonly removed: readonly number[];
}

/** Lower case, curly quotes and backticks as `'`, non-breaking spaces and runs of space as one space. */
const NEEDS_CLEANING = /[\u2018\u2019`\u2013\u2014\u00a0\t\n\r]|\s\s/;

export function normaliseText(text: string): string {
  if (!NEEDS_CLEANING.test(text)) return text.trim().toLowerCase();
  return text
    .replace(/[\u2018\u2019`]/g, "'")
    .replace(/[\u2013\u2014]/g, '-')
    .replace(/[\s\u00a0]+/g, ' ')
    .trim()
    .toLowerCase();
}

/** Below this word-set similarity two labels are different lines. */
export const DEFAULT_SIMILARITY_THRESHOLD = 0.6;

const STOP_WORDS = new Set(['and', 'the', 'of', 'for', 'to', 'in', 'a']);

export function normaliseLabel(label: string): string {
  return label
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[\u2018\u2019'`]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** "Total Older People" / "Older People Total" / "Sub-total: Older People" → "older people". */
export function totalledName(totalLabel: string): string {
  return normaliseLabel(
    totalLabel
      .toLowerCase()
      .replace(/^(sub[- ]?)?totals?\b[\s:-]*(for\s+|of\s+)?/, '')
      .replace(/[\s:-]*\b(sub[- ]?)?totals?$/, ''),
  );
}

/** True when a total's label names the section heading it closes ("Total Older People" under "Older People"). */
export function namesSection(totalLabel: string, sectionLabel: string): boolean {
  const section = normaliseLabel(sectionLabel);
  return section !== '' && totalledName(totalLabel) === section;
}

export function labelWords(label: string): string[] {
  return normaliseLabel(label)
    .split(' ')
    .filter((w) => w !== '' && !STOP_WORDS.has(w));
}

/** Word-set similarity (shared words / all words), counting near-identical long words as shared. */
export function labelSimilarity(a: string, b: string): number {
  const left = [...new Set(labelWords(a))];
  const right = [...new Set(labelWords(b))];
  if (left.length === 0 || right.length === 0) return normaliseLabel(a) === normaliseLabel(b) ? 1 : 0;
  const unused = [...right];
  let shared = 0;
  for (const word of left) {
    const at = unused.findIndex((other) => wordsAlike(word, other));
    if (at >= 0) {
      shared++;
      unused.splice(at, 1);
    }
  }
  return shared / (left.length + right.length - shared);
}

function wordsAlike(a: string, b: string): boolean {
  if (a === b) return true;
  // A one-letter slip in a long word is a typo; in a short word ("east"/"west") it is another line.
  return a.length >= 5 && b.length >= 5 && editDistanceAtMostOne(a, b);
}

function editDistanceAtMostOne(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  let j = 0;
  let edits = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      i++;
      j++;
      continue;
    }
    if (++edits > 1) return false;
    if (a.length > b.length) i++;
    else if (b.length > a.length) j++;
    else {
      i++;
      j++;
    }
  }
  return edits + (a.length - i) + (b.length - j) <= 1;
}

export function matchLabels(
  current: readonly LabelItem[],
  previous: readonly LabelItem[],
  threshold = DEFAULT_SIMILARITY_THRESHOLD,
): LabelMatching {
  const matches: LabelMatch[] = [];
  const freeCurrent = new Set(current.map((_, i) => i));
  const freePrevious = new Set(previous.map((_, i) => i));
  const take = (c: number, p: number, how: LabelMatch['how'], score: number): void => {
    matches.push({ current: c, previous: p, how, score });
    freeCurrent.delete(c);
    freePrevious.delete(p);
  };

  // 1. Same label in the same section, then the same label anywhere.
  const keyed = (items: readonly LabelItem[], i: number, withGroup: boolean): string =>
    `${normaliseLabel(items[i]!.label)}|${withGroup ? normaliseLabel(items[i]!.group ?? '') : ''}`;
  for (const withGroup of [true, false]) {
    const byKey = new Map<string, number[]>();
    for (const p of freePrevious) {
      const key = keyed(previous, p, withGroup);
      byKey.set(key, [...(byKey.get(key) ?? []), p]);
    }
    const currentByKey = new Map<string, number[]>();
    for (const c of freeCurrent) {
      const key = keyed(current, c, withGroup);
      currentByKey.set(key, [...(currentByKey.get(key) ?? []), c]);
    }
    for (const [key, cs] of currentByKey) {
      const ps = byKey.get(key) ?? [];
      // A label repeated on either side is ambiguous: leave it rather than pair by position.
      const [c] = cs;
      const [p] = ps;
      if (cs.length === 1 && ps.length === 1 && c !== undefined && p !== undefined) take(c, p, 'exact', 1);
    }
  }

  // 2. Similar labels: best pairs first, and only where the best is unambiguous.
  const candidates: { c: number; p: number; score: number }[] = [];
  for (const c of freeCurrent) {
    for (const p of freePrevious) {
      const score = labelSimilarity(current[c]!.label, previous[p]!.label);
      if (score >= threshold) candidates.push({ c, p, score });
    }
  }
  candidates.sort((x, y) => y.score - x.score || x.c - y.c || x.p - y.p);
  for (const cand of candidates) {
    if (!freeCurrent.has(cand.c) || !freePrevious.has(cand.p)) continue;
    const rival = candidates.some(
      (o) => o !== cand && o.score === cand.score && ((o.c === cand.c && freePrevious.has(o.p)) || (o.p === cand.p && freeCurrent.has(o.c))),
    );
    if (rival) continue;
    take(cand.c, cand.p, 'similar', cand.score);
  }

  matches.sort((x, y) => x.current - y.current);
  return { matches, added: [...freeCurrent].sort((a, b) => a - b), removed: [...freePrevious].sort((a, b) => a - b) };
}
