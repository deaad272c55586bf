/**
 * The table's columns: header text (header rows joined), the role its words name or,
 * failing that, what its cells hold; the line label column; the caller's overrides;
 * and the few roles that depend on the table around them (period columns, a savings
 * tracker's target).
 */
import { columnIndex, columnLetters } from '../address';
import { type ColumnOverride, type ColumnRole, FIGURE_ROLES, type TableColumn, type TableKind } from '../model';
import { unitInText } from '../units';
import { CellKind, type SheetScan } from './cells';
import type { TableRegion } from './regions';
import { type HeaderRole, labelScore, roleOfHeader } from './roles';
import { textOf } from './text';

/** Local copy: reading a constant through a module binding costs a call per cell under CommonJS. */
const KIND = { ...CellKind };

interface ColumnProfile {
  readonly col: number;
  readonly header: string;
  readonly named?: HeaderRole;
  readonly figures: number;
  readonly texts: number;
  readonly textLength: number;
  /** Words, and no number (nils at most): never a figure column. */
  readonly wordsOnly: boolean;
  /** Texts that are codes or identifiers ("W06000019", "fingrn-amt", "ba_code"): keys, not line labels. */
  readonly identifiers: number;
  /** Whole numbers rising down the column: line numbers, not money. */
  readonly lineNumbers: boolean;
  /** Whole numbers going up by exactly one a row (4, 5, 6 …): a counter, never money. */
  readonly counter: boolean;
}

/**
 * Each column's header: its header cells top to bottom joined with spaces. A group heading
 * written once over several columns ("Budget" over Gross / Income / Net, as a merged cell
 * reads) carries right over the blank cells of its row, as far as the row below has
 * headings and the next group starts.
 */
function headerTexts(scan: SheetScan, region: TableRegion): string[] {
  const n = region.lastCol - region.firstCol + 1;
  const parts: string[][] = Array.from({ length: n }, () => []);
  const rows = region.headerRows;
  rows.forEach((r, h) => {
    const below = rows[h + 1];
    let carried = '';
    for (let i = 0; i < n; i++) {
      const col = region.firstCol + i;
      const own = textOf(scan.sheet.rows[r]?.[col]?.value);
      const under = below === undefined ? '' : textOf(scan.sheet.rows[below]?.[col]?.value);
      if (own !== '') {
        parts[i]!.push(own);
        carried = below !== undefined && under !== '' ? own : '';
      } else if (carried !== '' && under !== '') {
        parts[i]!.push(carried);
      } else {
        carried = '';
      }
    }
  });
  return parts.map((p) => p.join(' '));
}

/** Every column's profile in one row-major pass over the body (rows are arrays; walking them in order is cheap). */
function profileColumns(scan: SheetScan, region: TableRegion): ColumnProfile[] {
  const n = region.lastCol - region.firstCol + 1;
  const figures = new Float64Array(n);
  const texts = new Float64Array(n);
  const textLength = new Float64Array(n);
  const identifiers = new Float64Array(n);
  const words = new Float64Array(n);
  const numbers = new Float64Array(n);
  const integers = new Float64Array(n);
  const rising = new Float64Array(n);
  const steps = new Float64Array(n);
  const previous = new Float64Array(n).fill(Number.NEGATIVE_INFINITY);
  const { kinds, width } = scan;
  const lastCol = Math.min(region.lastCol, width - 1);
  for (let r = region.firstRow; r <= region.lastRow; r++) {
    const row = scan.sheet.rows[r];
    if (!row || scan.stats[r] === undefined) continue;
    const base = r * width;
    for (let c = region.firstCol; c <= lastCol; c++) {
      const k = kinds[base + c];
      if (k === KIND.Empty) continue;
      const i = c - region.firstCol;
      if (k === KIND.Text || k === KIND.Boolean || k === KIND.Date || (k === KIND.DigitText && isLabelText(row[c]?.value))) {
        // Words with a number in them ("Section 106 payments") and codes ("W06000019", "E3831") label, whatever their digits.
        texts[i]! += 1;
        words[i]! += 1;
        const v = row[c]?.value;
        if (typeof v === 'string') {
          textLength[i]! += v.length;
          if (isIdentifier(v)) identifiers[i]! += 1;
        }
      } else if (k === KIND.DigitText || k === KIND.Unknown) {
        // Damaged figures in a figure column, codes ("24S207") in a text column, "?" or TBC in
        // either: decided by the majority.
        texts[i]! += 0.5;
        figures[i]! += 0.5;
      } else {
        figures[i]! += 1;
        if (k === KIND.Number || k === KIND.NumericText) numbers[i]! += 1;
        const v = row[c]?.value;
        if (typeof v === 'number' && v > 0 && Number.isInteger(v)) {
          integers[i]! += 1;
          if (v > previous[i]!) rising[i]! += 1;
          if (v === previous[i]! + 1) steps[i]! += 1;
          previous[i] = v;
        }
      }
    }
  }
  const headers = headerTexts(scan, region);
  const profiles: ColumnProfile[] = [];
  for (let i = 0; i < n; i++) {
    const col = region.firstCol + i;
    const header = headers[i]!;
    // "Budget Holder" over names is not a budget: a money role over a column of plain text is no role.
    const heard = roleOfHeader(header);
    // Nils and words with no number among them ("-" down a column, a council's name on a few rows) are no figures either.
    const wordsOnly = texts[i]! > 0 && (figures[i] === 0 || (numbers[i] === 0 && words[i]! > 0));
    const named = heard && FIGURE_ROLES.has(heard.role) && wordsOnly ? undefined : heard;
    const lineNumbers = integers[i]! >= 3 && integers[i]! >= 0.8 * figures[i]! && rising[i]! >= 0.9 * integers[i]!;
    // Three whole numbers each one more than the last are already no sum of money.
    const counter = lineNumbers && steps[i]! >= 2 && steps[i]! >= 0.9 * (integers[i]! - 1);
    profiles.push({ col, header, ...(named ? { named } : {}), figures: figures[i]!, texts: texts[i]!, textLength: textLength[i]!, identifiers: identifiers[i]!, wordsOnly, lineNumbers, counter });
  }
  return profiles;
}

/** A code: one word of letters then digits ("W06000019", "E3831", "K04000001", "ba_code_2"), no spaces. */
function isCode(text: string): boolean {
  return text.length <= 24 && /^\s*[A-Za-z][A-Za-z_]*\d[A-Za-z0-9_\-./]*\s*$/.test(text);
}

/** Text with digits that labels rather than damages: a code or key ("2003_share"), or two words or more ("Section 106 payments"), not "Box 7". */
function isLabelText(value: unknown): boolean {
  return typeof value === 'string' && (isIdentifier(value) || /[A-Za-z]{3,}\W+(?:\d+\W+)*[A-Za-z]{3,}/.test(value));
}

/** One word of letters and digits joined by _, - or . ("fingrn-amt", "ba_code", "E07000223"): a key for a lookup. */
function isIdentifier(text: string): boolean {
  return isCode(text) || /^\s*[A-Za-z0-9]+(?:[_\-.][A-Za-z0-9]+)+\s*$/.test(text);
}

function isTextColumn(p: ColumnProfile): boolean {
  return p.texts > 0 && (p.texts >= p.figures || p.wordsOnly);
}

/** The line label column: the text column whose header names labels best, else the one labelling most rows. */
function chooseLabelColumn(profiles: readonly ColumnProfile[]): number | undefined {
  let best: ColumnProfile | undefined;
  let bestScore = -1;
  for (const p of profiles) {
    if (p.named || !isTextColumn(p)) continue;
    // Header words first, then the column labelling the most rows, then the longer text.
    // Codes and lookup keys ("fingrn-amt") label a row less well than words do.
    const score = labelScore(p.header) * 1e9 + (p.texts - p.identifiers / 2) * 100 + Math.min(p.textLength / Math.max(p.texts, 1), 99);
    if (score > bestScore) {
      best = p;
      bestScore = score;
    }
  }
  return best?.col;
}

function guessedRole(p: ColumnProfile, labelCol: number | undefined): ColumnRole {
  if (p.col === labelCol) return 'label';
  // "Over / (Under) Spend £m" heads the variance figures in some councils, the words in others.
  if (p.named?.role === 'varianceLabel' && !isTextColumn(p) && p.figures > 0) return 'variance';
  if (p.named) return p.named.role;
  if (isTextColumn(p)) return 'otherText';
  // Line numbers sit left of the labels (RS "190 Education services"); money sits right of them.
  if (p.lineNumbers && labelCol !== undefined && p.col < labelCol) return 'reference';
  if (p.counter && p.header === '') return 'reference';
  return p.figures > 0 ? 'otherNumber' : 'otherText';
}

export function buildColumns(scan: SheetScan, region: TableRegion, overrides: readonly ColumnOverride[]): TableColumn[] {
  const profiles = profileColumns(scan, region);
  // Overrides for this sheet naming a real column; a malformed letter is ignored, not fatal.
  const mine = overrides.filter((o) => o.sheet === scan.sheet.name && safeColumnIndex(o.column) >= 0);
  const overriddenLabel = mine.find((o) => o.role === 'label');
  let labelCol = chooseLabelColumn(profiles);
  if (overriddenLabel) labelCol = safeColumnIndex(overriddenLabel.column);
  return profiles.map((p) => {
    const override = mine.find((o) => safeColumnIndex(o.column) === p.col);
    let role = guessedRole(p, labelCol);
    if (role === 'label' && overriddenLabel && p.col !== labelCol) role = 'otherText';
    const unit = unitInText(p.header);
    const column: TableColumn = {
      col: p.col,
      letter: columnLetters(p.col),
      header: p.header,
      role: override ? override.role : role,
      overridden: override !== undefined,
      ...(p.named?.period ? { period: p.named.period } : {}),
      ...(p.named?.year ? { year: p.named.year } : {}),
      ...(unit ? { unit } : {}),
    };
    return column;
  });
}

function safeColumnIndex(letters: string): number {
  if (!/^\s*[A-Za-z]{1,3}\s*$/.test(letters)) return -1;
  return columnIndex(letters.trim());
}

/** Months from the start of the year a period ends at: Quarter 2 → 6, Month 7 → 7, Period 3 → 3. */
function periodOrder(period: string): number {
  const [word, n] = period.split(' ');
  return word === 'Quarter' ? Number(n) * 3 : Number(n);
}

const SAVINGS_STATUS: ReadonlySet<ColumnRole> = new Set(['overAchieved', 'achieved', 'onTrack', 'atRisk']);

/**
 * Roles that depend on the whole table: which period column is the current one; a savings tracker's first money column before its status columns is
 * the target ("£", "24/25 £").
 */
export function settleContextualRoles(columns: readonly TableColumn[], kind: TableKind): TableColumn[] {
  const out = [...columns];
  // In a tracker the latest period is this one (the rightmost of equals: history columns kept to the
  // right of Comments name older periods); in any other table this period's figures are the forecast
  // and variance, so a column headed by a period ("Quarter 2 £m") is an earlier one.
  const periods = out.filter((c) => c.role === 'currentPeriod' && !c.overridden);
  const order = (c: TableColumn): number => (c.period ? periodOrder(c.period) : Number.NaN);
  const latest = periods.reduce<TableColumn | undefined>((a, b) => (a === undefined || !(order(b) < order(a)) ? b : a), undefined);
  const earlier = kind === 'mitigationTracker' ? periods.filter((c) => c !== latest) : periods;
  for (const c of earlier) out[out.indexOf(c)] = { ...c, role: 'previousPeriod' };
  // Two variance (or forecast) columns naming periods, "Month 6 Variance" and "Month 7 Variance":
  // the latest is this period's, the others earlier periods'.
  for (const role of ['variance', 'forecast'] as const) {
    const dated = out.filter((c) => c.role === role && c.period !== undefined && !c.overridden);
    if (dated.length < 2) continue;
    const latest = dated.reduce((a, b) => (periodOrder(b.period!) > periodOrder(a.period!) ? b : a));
    for (const c of dated) if (c !== latest) out[out.indexOf(c)] = { ...c, role: 'previousPeriod' };
  }
  // In a mitigation tracker "Status" is where each action stands (Proposed, Agreed, Delivered),
  // not a RAG rating: the RAG check and RAG colours leave it alone.
  if (kind === 'mitigationTracker') {
    for (const c of out) if (c.role === 'rag' && !c.overridden && /^status$/i.test(c.header.trim())) out[out.indexOf(c)] = { ...c, role: 'otherText' };
  }
  if (kind === 'savingsTracker' && !out.some((c) => c.role === 'target')) {
    const firstStatus = out.findIndex((c) => SAVINGS_STATUS.has(c.role));
    for (let i = firstStatus - 1; i >= 0; i--) {
      const c = out[i]!;
      if (c.role === 'label' || c.role === 'reference' || c.role === 'otherText') break;
      if (!c.overridden && (c.role === 'year' || c.role === 'otherNumber' || c.role === 'netBudget')) {
        out[i] = { ...c, role: 'target' };
        break;
      }
    }
  }
  return out;
}
