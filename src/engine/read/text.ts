/** Text helpers shared by the reader: one normal form for headers and labels. */

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

/** The text of a cell value when it is a non-empty string, else ''. */
export function textOf(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}

// "2024/25", "24/25", "2024-25", "2024/2025", "24 / 25", "26/ 27", "1996 to 1997": two consecutive years.
const YEAR_RE = /(?:^|[^\d])((?:19|20)?(\d{2})\s*(?:[/-]|\sto\s)\s*(?:(?:19|20)(\d{2})|(\d{2})))(?![\d])/;

/** The financial year named in the text, as written without spaces ("2024/25"), if any. */
export function yearIn(text: string): string | undefined {
  const m = YEAR_RE.exec(text);
  if (!m) return undefined;
  const first = Number(m[2]);
  const second = Number(m[3] ?? m[4]);
  if ((first + 1) % 100 !== second) return undefined;
  return m[1]!.replace(/\s+to\s+/, '-').replace(/\s+/g, '');
}

const PERIOD_RE = /\b(quarter|qtr|q|month|period|p)\s*(\d{1,2})\b/i;

/** The reporting period named in the text ("Month 6", "Quarter 2", "Period 3"), if any. */
export function periodIn(text: string): string | undefined {
  const m = PERIOD_RE.exec(text);
  if (!m) return undefined;
  const word = m[1]!.toLowerCase();
  const name = word === 'q' || word === 'qtr' || word === 'quarter' ? 'Quarter' : word === 'month' ? 'Month' : 'Period';
  return `${name} ${Number(m[2])}`;
}

/** Indent level of a label: the cell's explicit indent, else two leading spaces a level. */
export function indentOf(raw: string, explicit: number | undefined): number {
  if (explicit !== undefined && explicit > 0) return explicit;
  let n = 0;
  while (n < raw.length && (raw.charCodeAt(n) === 32 || raw.charCodeAt(n) === 160)) n++;
  return n === raw.length ? 0 : Math.ceil(n / 2);
}
