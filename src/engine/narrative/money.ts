/**
 * Money as officers write it in sentences: "£14.701m", "£4.3 million", "(£0.9m)", "£900k",
 * "£2,400", "£1.2bn", "-£0.375m". Each phrase keeps what it says (the value in pounds, its
 * sign) and how exactly it says it (half a unit of its last written digit, in pounds), so
 * that "£4.3 million" can be matched against 4.31 in a £m table or 4,310 in a £000 one.
 *
 * Only figures written with a pound sign are read: "4.3 million" alone may count people.
 * A "£000" or "£'000" unit marker is not a figure.
 */

export type MoneyScale = 'pounds' | 'thousands' | 'millions' | 'billions';

export interface MoneyPhrase {
  /** The phrase as written, e.g. "(£0.9m)". */
  readonly text: string;
  /** Where it starts and ends in the text (end exclusive). */
  readonly start: number;
  readonly end: number;
  /** The value in pounds, negative when written in parentheses or with a minus. */
  readonly pounds: number;
  readonly negative: boolean;
  /** The unit word written after the number ("m", "million", "k", "bn"), pounds when none. */
  readonly scale: MoneyScale;
  /** Decimals written ("14.701" → 3). */
  readonly decimals: number;
  /** Half a unit of the last written digit, in pounds: the rounding the sentence allows. */
  readonly tolerance: number;
  /** Hedged: "around £2m", "over £1m", "c. £400k", "up to £50,000". Not a claim to check. */
  readonly approximate: boolean;
  /** One end of a range ("£900 to £2,400", "between £1m and £2m"). */
  readonly range: boolean;
  /** A rate ("£900 per term", "£50 a week", "£1m each"). */
  readonly rate: boolean;
}

const SCALE_POUNDS: Readonly<Record<MoneyScale, number>> = { pounds: 1, thousands: 1e3, millions: 1e6, billions: 1e9 };

// (1) opening parenthesis, (2) leading minus, (3) minus after £, (4) integer digits,
// (5) decimals, (6) unit word, (7) closing parenthesis.
const MONEY_RE =
  /(\(\s*)?(?:(?<![A-Za-z0-9])([-\u2212]))?£\s*([-\u2212]\s*)?(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?:\s*(bn|billions?|mn|m|millions?|k|thousands?)(?![a-z0-9]))?(\s*\))?/gi;

const HEDGE_BEFORE =
  /(?:\b(?:around|about|approximately|approx\.?|circa|c\.|some|nearly|almost|over|under|roughly|up to|in excess of|more than|less than|at least|at most|just over|just under|upwards of|below|above|exceeding|up to around)\s*)$/i;
const RANGE_BETWEEN = /\bbetween\s*$/i;
const RANGE_AFTER = /^\s*(?:to|-|\u2013|\u2014|and)\s*\(?\s*£\s*\d/i;
const RATE_AFTER = /^\s*(?:per|a|an|each)\s+(?:term|week|month|year|annum|day|hour|night|child|person|pupil|place|placement|head|unit|bed|case|household|property|client)\b|^\s*(?:each|p\.?a\.?|pa|pw|pcm)\b|^\s*\/\s*(?:week|month|year|day|hour)/i;

function scaleOf(word: string | undefined): MoneyScale {
  const w = (word ?? '').toLowerCase();
  if (w === '') return 'pounds';
  if (w.startsWith('b')) return 'billions';
  if (w === 'k' || w.startsWith('thousand')) return 'thousands';
  return 'millions';
}

/** Every money phrase in the text, in order. */
export function findMoneyPhrases(text: string): MoneyPhrase[] {
  const out: MoneyPhrase[] = [];
  MONEY_RE.lastIndex = 0;
  for (let m = MONEY_RE.exec(text); m !== null; m = MONEY_RE.exec(text)) {
    const [whole, open, minusBefore, minusAfter, integer, fraction, unitWord, close] = m;
    const scale = scaleOf(unitWord);
    // "£000", "£000s": a unit marker, not a figure.
    if (scale === 'pounds' && !fraction && /^0+$/.test(integer!.replace(/,/g, ''))) continue;
    const digits = integer!.replace(/,/g, '');
    const decimals = fraction ? fraction.length - 1 : 0;
    let magnitude = Number(digits + (fraction ?? ''));
    if (!Number.isFinite(magnitude)) continue;
    magnitude *= SCALE_POUNDS[scale];
    const parenthesised = Boolean(open) && Boolean(close);
    const minus = Boolean(minusBefore) !== Boolean(minusAfter);
    const negative = parenthesised !== minus;
    // A lone "(" or ")" belongs to the sentence, not the figure.
    let start = m.index;
    let end = m.index + whole.length;
    if (open && !close) start += open.length;
    if (close && !open) end -= close.length;
    let step: number;
    if (decimals > 0) step = 10 ** -decimals * SCALE_POUNDS[scale];
    else if (scale === 'pounds') {
      // "£900,000" is usually a figure rounded to the thousand; "£2,400" to the hundred.
      const trailing = /0*$/.exec(digits)![0].length;
      step = 10 ** Math.min(trailing, 3);
    } else step = SCALE_POUNDS[scale];
    const before = text.slice(Math.max(0, start - 30), start);
    const after = text.slice(end, end + 40);
    out.push({
      text: text.slice(start, end),
      start,
      end,
      pounds: negative ? -magnitude : magnitude,
      negative,
      scale,
      decimals,
      tolerance: step / 2,
      approximate: HEDGE_BEFORE.test(before),
      range: RANGE_BETWEEN.test(before) || RANGE_AFTER.test(after),
      rate: RATE_AFTER.test(after),
    });
  }
  // The second end of a range: "£900 to £2,400" marks both.
  for (let i = 1; i < out.length; i++) {
    const prev = out[i - 1]!;
    const cur = out[i]!;
    if (prev.range && !cur.range && /^\s*(?:to|-|\u2013|\u2014|and)\s*\(?\s*$/i.test(text.slice(prev.end, cur.start))) out[i] = { ...cur, range: true };
  }
  return out;
}

/** A phrase's value in a table's unit (£m: pounds / 1,000,000). */
export function inUnitOf(pounds: number, unit: 'millions' | 'thousands' | 'pounds'): number {
  return unit === 'millions' ? pounds / 1e6 : unit === 'thousands' ? pounds / 1e3 : pounds;
}

/** Pounds from a figure in a table's unit. */
export function poundsOf(value: number, unit: 'millions' | 'thousands' | 'pounds'): number {
  return unit === 'millions' ? value * 1e6 : unit === 'thousands' ? value * 1e3 : value;
}

/**
 * True when a quoted figure and a table's figure agree, allowing for the rounding of both:
 * the sentence's last written digit and the table's last shown one (tolerances in pounds).
 */
export function agrees(quotedPounds: number, quotedTolerance: number, tablePounds: number, tableTolerance: number): boolean {
  return Math.abs(quotedPounds - tablePounds) <= quotedTolerance + tableTolerance + 1e-6 * Math.max(1, Math.abs(tablePounds));
}
