/**
 * A column's role from its header text. Order matters: the most specific wording is
 * tried first ("Month 7 Variance" is a variance, not a period; "Total Income" is income,
 * not a row total).
 */
import type { ColumnRole } from '../model';
import { normaliseText } from '../domain/labels';
import { periodIn, yearIn } from '../domain/periods';

export interface HeaderRole {
  readonly role: ColumnRole;
  readonly period?: string;
  readonly year?: string;
}

interface RolePattern {
  readonly role: ColumnRole;
  readonly test: RegExp;
}

// Tried in order on the normalised header.
const PATTERNS: readonly RolePattern[] = [
  // A savings tracker's "Delivered to date" is its achieved bucket, not a year-to-date figure.
  { role: 'achieved', test: /^(savings? )?(delivered|achieved) to date$/ },
  // Year-to-date and profiled figures are not the full-year budget or forecast the checks use.
  { role: 'otherNumber', test: /\bytd\b|year to date|to date\b|profiled|\bphased\b/ },
  { role: 'varianceLabel', test: /over\s*-?\s*spend\s*\/\s*\(?\s*under|\(under\s*spend\)|over\s*\/\s*\(?under|favourable\s*\/\s*\(?adverse|adverse\s*\/\s*\(?favourable/ },
  { role: 'variancePercent', test: /\bvar(iance)?\.?\s*(\(%\)|%|percent)|%\s*var(iance)?\b|variance as a? ?%|% of (net )?budget/ },
  { role: 'movement', test: /\bmovement\b|\bchange (from|since)\b/ },
  { role: 'previousPeriod', test: /\b(previous|prior|last) (month|period|quarter|forecast|report)|\bprevious\b.*\b(forecast|variance|outturn)/ },
  { role: 'rag', test: /\brag\b|^status$|^rating$/ },
  { role: 'ongoingPressure', test: /(ongoing|recurrent|recurring|permanent) pressures?/ },
  { role: 'oneOffPressure', test: /one[- ]?off pressures?|non[- ]?recurrent pressures?|temporary pressures?/ },
  { role: 'oneOffMitigation', test: /one[- ]?off mitigations?|non[- ]?recurrent mitigations?/ },
  { role: 'ongoingMitigation', test: /(ongoing|recurrent|recurring) mitigations?/ },
  { role: 'overAchieved', test: /over[- ]?achieved|over[- ]?delivered/ },
  { role: 'achieved', test: /^achieved\b|\bachieved$|^delivered\b/ },
  // Before 'forecast': "Forecast to Deliver" in a savings tracker is the on-track bucket, not an outturn.
  { role: 'onTrack', test: /on[- ]track|forecast to (be )?(deliver|achieve)|expected to (deliver|be (delivered|achieved))/ },
  // Savings slipped to a later year are not delivered this year: with at risk, the rest of the target.
  { role: 'atRisk', test: /at[- ]risk|unachievable|not achievable|undeliverable|not deliverable|^un(achieved|delivered)$|^not (delivered|achieved)$|^(slipped|slippage|deferred)\b/ },
  { role: 'rating', test: /confidence|risk level|^risk$|likelihood|^impact$|deliverability/ },
  { role: 'comments', test: /comment|commentary|narrative|explanation|^notes?$|risk assessment|^remarks|^reason/ },
  { role: 'income', test: /\bincome\b|\breceipts?\b/ },
  { role: 'netBudget', test: /\bnet\b.*\b(budget|expenditure|spend|cost)|^net$/ },
  { role: 'expenditure', test: /expenditure|\bgross\b|spend budget|^spend$/ },
  // "Underspend/(Overspend)": favourable shown positive; the sign reader finds the direction.
  { role: 'variance', test: /variance|\bvar\b|over\s*\/\s*\(?under\s*spend|\(under\)\s*\/\s*over|under\s*-?\s*spend\s*\/\s*\(?\s*over|under\s*\/\s*\(?\s*over\s*spend|\(over\s*-?\s*spend\)/ },
  { role: 'forecast', test: /forecast|projection|projected|outturn|full[- ]year/ },
  { role: 'target', test: /\btarget\b|savings? (required|proposed|value|amount)/ },
  { role: 'rowTotal', test: /\btotal\b/ },
  { role: 'netBudget', test: /budget/ },
  { role: 'reference', test: /^(mtfp )?ref(erence)?\b|^ref\.|\bcode$|^no\.?$|^line( no\.?)?$|^id$|\bref$|^e-code$/ },
];

// Words that name the line label column; the strongest wins when several text columns compete.
const LABEL_WORDS: ReadonlyArray<readonly [RegExp, number]> = [
  [/\bservice\b|\barea\b|\bitem\b|^[il]tem$|\bplan\b|proposal|activity|transformation|\bactions?\b|mitigation proposed|local authority|cost cent(re|er)|budget (holder|line)|directorate|department|\bheading\b|\bscheme\b|\bproject\b/, 3],
  [/\bdescription\b|\bname\b/, 2],
  [/\bcategory\b|\btype\b/, 1],
];

/** How strongly a header names the label column (0 = not at all). */
export function labelScore(header: string): number {
  const h = normaliseText(header);
  for (const [re, score] of LABEL_WORDS) if (re.test(h)) return score;
  return 0;
}

const PERIOD_ONLY = /^(quarter|qtr|q|month|period|p)\s*\d{1,2}\b/;

/**
 * The role a header names, or undefined when the words say nothing (the data decides).
 * Period columns come back as 'currentPeriod'; the table decides which one is earlier.
 */
export function roleOfHeader(header: string): HeaderRole | undefined {
  const h = normaliseText(header);
  if (h === '') return undefined;
  const period = periodIn(header);
  const year = yearIn(h);
  for (const p of PATTERNS) {
    if (!p.test.test(h)) continue;
    if (p.role === 'movement' || p.role === 'variance' || p.role === 'forecast' || p.role === 'previousPeriod') {
      return period ? { role: p.role, period } : { role: p.role };
    }
    if (p.role === 'rowTotal' && year && !/\d\s*years?\b/.test(h)) break; // "Total 2024/25" is that year's column
    return year && p.role !== 'rowTotal' && p.role !== 'reference' ? { role: p.role, year } : { role: p.role };
  }
  if (year) return { role: 'year', year };
  if (PERIOD_ONLY.test(h) && period) return { role: 'currentPeriod', period };
  return undefined;
}

/** True when the header text is only a unit ("£", "£m", "£'000"): the column holds money. */
export function isUnitOnly(header: string): boolean {
  return /^\(?\s*[£$€]\s*(m|k|'?000s?|000's|thousands?|millions?)?\s*\)?$/.test(normaliseText(header));
}

/** Words that mark a header row (beyond role words): used to tell a header from a body row. */
export function looksLikeHeaderWord(text: string): boolean {
  const h = normaliseText(text);
  if (h === '' || h.length > 60) return false;
  if (roleOfHeader(h) !== undefined || labelScore(h) > 0 || isUnitOnly(h)) return true;
  return /[£$€]|\bunit\b|\byear\s*\d\b/.test(h);
}
