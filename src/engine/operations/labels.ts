/**
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
