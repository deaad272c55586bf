/**
 * Reading figures in words: which measure each quoted figure names ("an overspend of
 * £14.701m", "net budget £142.827m", "a decrease of £0.375m from Quarter 2"), and which
 * line, section or total the sentence is about. The grammar is deliberately narrow: a
 * figure is a claim only where its words say plainly what it is; anything hedged, qualified
 * ("net overspend", "additional underspends"), plural, about another year or about
 * something the table does not name is left alone.
 */
import { DIRECTION_WORDS } from '../domain/variance-words';
import { type MoneyPhrase, findMoneyPhrases } from './money';

export type Measure =
  | 'variance'
  | 'netBudget'
  | 'expenditure'
  | 'income'
  | 'forecast'
  | 'movement'
  | 'pressure'
  | 'ongoingPressure'
  | 'oneOffPressure'
  | 'saving'
  | 'mitigation';

/** For a variance: which way the words say it goes, and whether they are income words. */
export interface VarianceWords {
  readonly direction: 'over' | 'under' | undefined;
  readonly family: 'spend' | 'income' | undefined;
}

export type Change = 'increase' | 'decrease' | 'improvement' | 'deterioration';

export interface Claim {
  readonly phrase: MoneyPhrase;
  readonly measure: Measure;
  /** The measure as written ("overspend", "net budget"), for messages. */
  readonly words: string;
  readonly variance?: VarianceWords;
  readonly change?: Change;
  /** The period a movement is measured from ("Quarter 2"), as written. */
  readonly since?: string;
  /** Where the claim's figure sits in the sentence (character offset in the cell text). */
  readonly at: number;
}

export interface Sentence {
  readonly text: string;
  /** Offset of the sentence in the cell text. */
  readonly start: number;
}

/** A sentence split: full stops, semicolons, bullets and line breaks (never a decimal point). */
export function sentencesOf(text: string): Sentence[] {
  const out: Sentence[] = [];
  const re = /[^\n•;]+?(?:[.!?](?=\s|$)|;|\n|•|$)/g;
  for (let m = re.exec(text); m !== null && m[0] !== ''; m = re.exec(text)) {
    const raw = m[0];
    const lead = raw.length - raw.trimStart().length;
    const body = raw.trim().replace(/^[-–•*]\s+/, '');
    if (body !== '') out.push({ text: body, start: m.index + lead + (raw.trim().length - body.length) });
    if (re.lastIndex >= text.length) break;
  }
  return out;
}

export interface Token {
  /** Lower case, apostrophes removed, "&" as "and", hyphens joined ("over-spend" → "overspend"). */
  readonly word: string;
  readonly start: number;
  readonly end: number;
}

/** Words and the punctuation that ends a clause, with their offsets. */
export function tokensOf(text: string): Token[] {
  const out: Token[] = [];
  const re = /[A-Za-z0-9]+(?:[-'’][A-Za-z0-9]+)*(?:\/\d{2,4})?|&|[,;:()]|[-–—]/g;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    let word = m[0].toLowerCase().replace(/['’]/g, '');
    if (word === '&') word = 'and';
    else if (/^[a-z]+-[a-z]+$/.test(word) && !/^(one-off|non-recurrent)$/.test(word)) word = word.replace('-', '');
    out.push({ word, start: m.index, end: m.index + m[0].length });
  }
  return out;
}

const SPEND_WORDS: Readonly<Record<string, VarianceWords>> = {
  ...DIRECTION_WORDS,
  variance: { direction: undefined, family: undefined },
};

const CHANGE_WORDS: Readonly<Record<string, Change>> = {
  increase: 'increase', increased: 'increase', rise: 'increase', risen: 'increase', rose: 'increase', grown: 'increase', grew: 'increase',
  decrease: 'decrease', decreased: 'decrease', reduction: 'decrease', reduced: 'decrease', fall: 'decrease', fallen: 'decrease', fell: 'decrease',
  improvement: 'improvement', improved: 'improvement',
  deterioration: 'deterioration', deteriorated: 'deterioration', worsened: 'deterioration', worsening: 'deterioration',
  movement: 'increase', change: 'increase', // direction not stated: see `stated` below
};
const UNSTATED_CHANGE = new Set(['movement', 'change']);

const OTHER_MEASURES: Readonly<Record<string, Measure>> = {
  budget: 'netBudget',
  forecast: 'forecast',
  outturn: 'forecast',
  projection: 'forecast',
  pressure: 'pressure',
  saving: 'saving',
  savings: 'saving',
  mitigation: 'mitigation',
  mitigations: 'mitigation',
};

/** Words that mean the figure is part of, or other than, the measure the table shows. */
const QUALIFIERS = new Set([
  'net', 'gross', 'additional', 'further', 'remaining', 'residual', 'combined', 'cumulative', 'potential', 'underlying', 'extra',
  'unmitigated', 'mitigated', 'original', 'estimated', 'anticipated', 'possible', 'likely', 'total', 'overall', 'recurrent', 'nonrecurrent',
  'previous', 'prior', 'last', 'annual', 'capital', 'average', 'part', 'partial', 'initial', 'new',
]);

/** Words that may stand between a measure and its figure ("an overspend of", "variance for the first quarter is"). */
const GAP = new Set([
  'of', 'is', 'was', 'are', 'at', 'by', 'now', 'currently', 'stands', 'standing', 'totals', 'totalling', 'totaling', 'to', 'be', 'been',
  'has', 'have', 'for', 'the', 'a', 'an', 'this', 'its', 'it', 'in', 'on', 'as', 'reported', 'expected', 'first', 'second', 'third', 'fourth',
  'quarter', 'month', 'period', 'end', 'year', 'full', ':', '-', '–', '—', 'amounting', 'amounts', 'equal', 'forecasting', 'projecting',
  'showing', 'shows', 'value', 'figure', 'position',
]);
const MAX_GAP = 8;

/** Nouns after a label that make it several lines ("the fieldwork east and west budgets"). */
const PLURAL_NOUNS = new Set(['budgets', 'services', 'lines', 'areas', 'teams', 'budget lines', 'headings']);

const PERIOD_RE = /\b(quarter|qtr|q|month|period|p)\s*(\d{1,2})\b/gi;
const SINCE_RE = /\b(?:from|since|compared (?:to|with)|on|against)\s+(?:the\s+)?((?:quarter|qtr|q|month|period|p)\s*\d{1,2}|last month|the last month|previous month|the previous month|last report|the last report|previous report|the previous report|last quarter|the previous quarter)\b/i;

/** Months from the start of the financial year a period ends at: Quarter 2 → 6, Month 7 → 7, P3 → 3. */
export function periodMonth(period: string): number | undefined {
  const m = /^\s*(quarter|qtr|q|month|period|p)\s*(\d{1,2})\s*$/i.exec(period);
  if (!m) return undefined;
  const n = Number(m[2]);
  return /^q/i.test(m[1]!) ? n * 3 : n;
}

/** Period names in a text ("Quarter 2", "Month 7", "P6"). */
export function periodsIn(text: string): string[] {
  PERIOD_RE.lastIndex = 0;
  return [...text.matchAll(PERIOD_RE)].map((m) => `${m[1]} ${m[2]}`);
}

const YEAR_RE = /\b(20\d{2})\s*[/-]\s*(\d{2}|20\d{2})\b/g;

/** Financial years written in a text, as "2024/25". */
export function yearsIn(text: string): string[] {
  YEAR_RE.lastIndex = 0;
  return [...text.matchAll(YEAR_RE)].map((m) => `${m[1]}/${m[2]!.slice(-2)}`);
}

/** Words that say a sentence is about another year than the table's. */
const OTHER_YEAR_RE = /\b(last|previous|prior|next|following|future) (financial )?years?\b|\byear[- ]on[- ]year\b|\bper annum\b/i;

export interface SentenceFacts {
  readonly claims: readonly Claim[];
  /** The sentence names a financial year (as "2024/25"). */
  readonly years: readonly string[];
  /** It speaks of another year ("last year"). */
  readonly otherYear: boolean;
  /** Periods named other than as a movement's starting point ("at Quarter 1"). */
  readonly periods: readonly string[];
}

/** The claims a sentence makes, and what might make them about another year or period. */
export function readSentence(sentence: Sentence): SentenceFacts {
  const text = sentence.text;
  const phrases = findMoneyPhrases(text);
  const tokens = tokensOf(text);
  const since = SINCE_RE.exec(text);
  const sinceText = since ? since[1]!.replace(/^the\s+/i, '') : undefined;
  const claims: Claim[] = [];
  for (const phrase of phrases) {
    if (phrase.approximate || phrase.range || phrase.rate) continue;
    const claim = claimFor(tokens, phrase, sinceText);
    if (claim) claims.push({ ...claim, phrase: { ...phrase, start: phrase.start + sentence.start, end: phrase.end + sentence.start }, at: phrase.start + sentence.start });
  }
  const periodsSaid = sinceText ? periodsIn(text.replace(since![0], '')) : periodsIn(text);
  return { claims, years: yearsIn(text), otherYear: OTHER_YEAR_RE.test(text), periods: periodsSaid };
}

function claimFor(tokens: readonly Token[], phrase: MoneyPhrase, since: string | undefined): Omit<Claim, 'at'> | undefined {
  const before = tokens.filter((t) => t.end <= phrase.start);
  const after = tokens.filter((t) => t.start >= phrase.end);
  // "£3.3 million of growth": the figure is a quantity of something else.
  if (after[0]?.word === 'of') return undefined;
  // "a £0.5m overspend": the measure follows the figure.
  const next = after[0]?.word;
  if (next !== undefined && (SPEND_WORDS[next] || next === 'pressure' || next === 'saving' || next === 'savings')) {
    if (next === 'variance' || SPEND_WORDS[next]) return varianceClaim(phrase, next, before.slice(-1));
    return otherClaim(phrase, next, before.slice(-1));
  }
  // Otherwise walk back from the figure over the words that may stand between.
  let gaps = 0;
  for (let i = before.length - 1; i >= 0; i--) {
    const w = before[i]!.word;
    if (SPEND_WORDS[w]) return varianceClaim(phrase, w, before.slice(Math.max(0, i - 2), i));
    if (CHANGE_WORDS[w]) {
      // A movement needs its starting point in the sentence ("from Quarter 2"), and a stated direction.
      if (since === undefined || UNSTATED_CHANGE.has(w)) return undefined;
      if (QUALIFIERS.has(before[i - 1]?.word ?? '')) return undefined;
      return { phrase, measure: 'movement', words: w, change: CHANGE_WORDS[w]!, since };
    }
    if (OTHER_MEASURES[w]) return otherClaim(phrase, w, before.slice(Math.max(0, i - 2), i));
    if (/^\d{4}\/\d{2,4}$/.test(w) || /^\d{1,2}$/.test(w) || /^(january|february|march|april|may|june|july|august|september|october|november|december)$/.test(w)) {
      gaps++;
    } else if (GAP.has(w)) gaps++;
    else return undefined;
    if (gaps > MAX_GAP) return undefined;
  }
  return undefined;
}

function varianceClaim(phrase: MoneyPhrase, word: string, qualifiers: readonly Token[]): Omit<Claim, 'at'> | undefined {
  const q = qualifiers.map((t) => t.word);
  if (q.some((w) => QUALIFIERS.has(w))) return undefined;
  let v = SPEND_WORDS[word]!;
  if (word === 'variance') {
    const last = q[q.length - 1];
    if (last === 'adverse' || last === 'unfavourable') v = { direction: 'over', family: undefined };
    else if (last === 'favourable') v = { direction: 'under', family: undefined };
  }
  return { phrase, measure: 'variance', words: word, variance: v };
}

function otherClaim(phrase: MoneyPhrase, word: string, qualifiers: readonly Token[]): Omit<Claim, 'at'> | undefined {
  const q = qualifiers.map((t) => t.word);
  const last = q[q.length - 1];
  const base = OTHER_MEASURES[word]!;
  if (base === 'netBudget') {
    if (last === 'net' || last === 'current' || last === 'latest' || last === 'revised') return { phrase, measure: 'netBudget', words: `${last} budget` };
    if (last === 'gross' || last === 'expenditure') return { phrase, measure: 'expenditure', words: `${last} budget` };
    if (last === 'income') return { phrase, measure: 'income', words: 'income budget' };
    if (q.some((w) => QUALIFIERS.has(w) || w === 'pressure' || w === 'pressures' || w === 'savings' || w === 'saving')) return undefined;
    return { phrase, measure: 'netBudget', words: 'budget' };
  }
  if (base === 'pressure') {
    if (last === 'ongoing' || last === 'recurrent' || last === 'recurring') return { phrase, measure: 'ongoingPressure', words: `${last} pressure` };
    if (last === 'oneoff' || last === 'one-off' || last === 'nonrecurrent' || last === 'non-recurrent') return { phrase, measure: 'oneOffPressure', words: 'one-off pressure' };
    if (q.some((w) => QUALIFIERS.has(w))) return undefined;
    return { phrase, measure: 'pressure', words: 'pressure' };
  }
  if (q.some((w) => QUALIFIERS.has(w))) return undefined;
  return { phrase, measure: base, words: word };
}

export { PLURAL_NOUNS };
