/**
 * narrative-figures: figures quoted in words agree with the table. A comment, a headline
 * bullet or an explanation that says "External Placements is forecasting an overspend of
 * £14.701m" is checked against the variance of the line it names, in the table's unit and
 * allowing for the rounding the sentence uses (£4.3 million matches 4.31 in £m or 4,310 in
 * £000). Also reported: overspend said of an underspend, "an increase" of a variance that
 * fell, and a movement said to be from another period than the table's movement column.
 *
 * A figure is judged only when its words say plainly which measure it is and the sentence
 * (or the row, the heading above, or the headline position) ties it to one line, section or
 * total; the rest is left alone (see narrative/claims.ts and narrative/subjects.ts).
 */
import { toA1 } from '../address';
import type { Finding } from '../findings';
import type { Sheet } from '../grid';
import type { ColumnRole, MonitoringTable } from '../model';
import { type Claim, periodMonth, periodsIn, readSentence, sentencesOf, tokensOf, yearsIn } from '../narrative/claims';
import { agrees, findMoneyPhrases, inUnitOf, poundsOf } from '../narrative/money';
import { type LabelIndex, labelIndexOf, mentionsIn, namesWhole } from '../narrative/subjects';
import { type NarrativeCell, commentCells, explainsTable, explanationSheets, linkedCells, sheetNarrative, tablesOnSheet } from '../narrative/texts';
import { clean, columnOf, type RuleContext } from './context';
import { overspendOf } from './utils/figures';
import type { Rule } from './types';

export const narrativeFiguresRule: Rule = {
  meta: {
    id: 'narrative-figures',
    title: 'Figures quoted in words',
    why: 'A figure in the commentary that disagrees with the table is what committee members quote back.',
    many: '{count} figures quoted in words do not match the table',
    severity: 'error',
    description: 'Figures quoted in comments, headlines and explanations agree with the table, in amount, direction and period.',
    fixable: false,
    messages: {
      mismatch: '{cell} says the {measure} for {label} is {quoted} but {source} is {figure}{inUnit}',
      wrongDirection: '{cell} calls the variance for {label} an {said} of {quoted} but {source} is {figure}, an {actual}{inUnit}',
      wrongChange: '{cell} says the {kind} for {label} {said} by {quoted} since {period} but {source} is {figure}: it {actual}{inUnit}',
      wrongPeriod: '{cell} gives the movement for {label} since {said} but the movement in {source} is since {period}',
    },
  },
  check(ctx) {
    const unit = ctx.table.unit;
    if (!unit) return []; // without the table's unit a quoted £ figure cannot be compared
    const cells = narrativeCells(ctx);
    if (cells.length === 0) return [];
    const index = labelIndexOf(ctx.table);
    const out: Finding[] = [];
    // What the paragraphs are about, as the headings above them say; reset for each sheet and zone.
    let state: Subject = 'none';
    let headingSeen = false;
    let zone = '';
    for (const cell of cells) {
      if (cell.attached) {
        if (cell.start.kind === 'row') for (const f of judgeCell(ctx, index, cell, cell.start.row)) out.push(f);
        continue;
      }
      const here = `${cell.sheet}|${cell.start.kind}`;
      if (here !== zone) [zone, state, headingSeen] = [here, 'none', false];
      const heading = headingSubject(cell.text, index);
      if (heading === 'caption') continue;
      if (heading !== undefined) {
        // "Summary of Issues and Actions Taken", "Budget Report": a document's own headings
        // name no part of the table; before any heading that does, the headline still speaks of the whole.
        if (heading === 'none' && cell.start.kind === 'whole' && !headingSeen && DOCUMENT_HEADING_RE.test(cell.text)) continue;
        [state, headingSeen] = [heading, true];
        continue;
      }
      // Above the table, before any heading: the headline speaks of the whole table.
      const start = cell.start.kind === 'whole' && !headingSeen ? wholeOf(index) : state;
      for (const f of judgeCell(ctx, index, cell, start)) out.push(f);
    }
    return out;
  },
};

/** A row of the table, or nothing the words can be tied to. */
type Subject = number | 'none';

function wholeOf(index: LabelIndex): Subject {
  return index.grandTotal ?? 'none';
}

/** The narrative cells to read for this table, comments first, then its sheet, then explanation sheets. */
function narrativeCells(ctx: RuleContext): NarrativeCell[] {
  const out = [...commentCells(ctx.sheet, ctx.table), ...sheetNarrative(ctx.sheet, ctx.table)];
  // A sheet whose figures link to this table explains it; one that links nowhere, only when there is no other table it could mean.
  const sheets = explanationSheets(ctx.workbook).filter((e) => explainsTable(e, ctx.table));
  for (const e of sheets) {
    if (linkedCells(e).length > 0 || onlyMonitoringTable(ctx)) out.push(...explanationCells(e.sheet, e.list, ctx.table));
  }
  return out.filter((c) => /£\s*[-\u2212]?\s*\d/.test(c.text) || !c.attached);
}

/** Explanation sheets belong to the workbook's one monitoring table; with several, which one they mean is a guess. */
function onlyMonitoringTable(ctx: RuleContext): boolean {
  const monitoring = ctx.workbook.sheets.flatMap((s) => tablesOnSheet(s)).filter((t) => t.columns.some((c) => c.role === 'variance'));
  return monitoring.length === 1 && monitoring[0]!.sheet === ctx.table.sheet && monitoring[0]!.range === ctx.table.range;
}

function explanationCells(sheet: Sheet, list: { headerRow: number; lineCol: number; textCol: number } | undefined, table: MonitoringTable): NarrativeCell[] {
  const out: NarrativeCell[] = [];
  if (list) {
    const index = labelIndexOf(table);
    for (let r = list.headerRow + 1; r < sheet.rows.length; r++) {
      const line = sheet.rows[r]?.[list.lineCol]?.value;
      const text = sheet.rows[r]?.[list.textCol]?.value;
      if (typeof text !== 'string' || typeof line !== 'string') continue;
      const named = exactSubject(line, index);
      if (named === undefined) continue;
      out.push({ sheet: sheet.name, row: r, col: list.textCol, text, start: { kind: 'row', row: named }, attached: true });
    }
    return out;
  }
  sheet.rows.forEach((row, r) => row?.forEach((cell, c) => {
    const v = cell?.value;
    if (typeof v === 'string' && v.trim() !== '') out.push({ sheet: sheet.name, row: r, col: c, text: v, start: { kind: 'whole' }, attached: false });
  }));
  return out;
}

/** The row a label names exactly (the whole text is the label), if exactly one. */
function exactSubject(text: string, index: LabelIndex): number | undefined {
  const words = tokensOf(text).map((t) => t.word).filter((w) => /^[a-z0-9]/.test(w)).join(' ');
  const entry = index.entries.find((e) => e.words.join(' ') === words);
  return entry && !entry.ambiguous ? entry.row : undefined;
}

const DOCUMENT_HEADING_RE =
  /\b(summary|reason for|report|introduction|background|overview|key messages|issues|actions taken|recommendations?|purpose|headlines?|financial position|budget position)\b/i;

const CAPTION_RE = /^\s*(table|figure|chart|graph|appendix|annex)\s*[\dA-Z]+\b/i;

/**
 * A heading: a short line of text without a full stop. It sets what the paragraphs under
 * it are about: the line it names, or nothing. A caption ("Table 1: …") changes nothing.
 */
function headingSubject(text: string, index: LabelIndex): Subject | 'caption' | undefined {
  const t = text.trim();
  if (CAPTION_RE.test(t)) return 'caption';
  if (t.length > 90 || /[.!?;]$/.test(t) || t.split(/\s+/).length > 14 || /^[-–•*]\s/.test(t)) return undefined;
  const money = findMoneyPhrases(t);
  // "Placement Cost of Children in Care - £4.3 million": a heading with its figure.
  if (money.length > 0 && !(money.length === 1 && /[-–:]\s*\(?$/.test(t.slice(0, money[0]!.start)))) return undefined;
  const label = money.length > 0 ? t.slice(0, money[0]!.start).replace(/[-–:(\s]+$/, '') : t;
  const exact = exactSubject(label, index);
  if (exact !== undefined) return exact;
  const mentions = mentionsIn(label, index);
  if (mentions.length === 1 && !mentions[0]!.unclear) {
    // Only when the heading is the label with little else ("External Placements overspend").
    const rest = label.slice(0, mentions[0]!.start) + label.slice(mentions[0]!.end);
    if (rest.trim().split(/\s+/).filter(Boolean).length <= 2) return mentions[0]!.row;
  }
  if (namesWhole(label)) return wholeOf(index);
  return 'none';
}

/** Column of the table a measure is read from. */
const MEASURE_COLUMN: Readonly<Record<Claim['measure'], ColumnRole | undefined>> = {
  variance: 'variance',
  netBudget: 'netBudget',
  expenditure: 'expenditure',
  income: 'income',
  forecast: 'forecast',
  movement: 'movement',
  pressure: undefined,
  ongoingPressure: 'ongoingPressure',
  oneOffPressure: 'oneOffPressure',
  saving: 'target',
  mitigation: 'currentPeriod',
};

const MEASURE_NAME: Readonly<Record<Claim['measure'], string>> = {
  variance: 'variance',
  netBudget: 'net budget',
  expenditure: 'gross budget',
  income: 'income budget',
  forecast: 'forecast',
  movement: 'movement',
  pressure: 'pressure',
  ongoingPressure: 'ongoing pressure',
  oneOffPressure: 'one-off pressure',
  saving: 'saving',
  mitigation: 'mitigation',
};

interface Tied {
  readonly claim: Claim;
  readonly row: number;
}

function judgeCell(ctx: RuleContext, index: LabelIndex, cell: NarrativeCell, start: Subject): Finding[] {
  const tied: Tied[] = [];
  let carried = start;
  const tableYears = new Set(yearsIn([ctx.table.title ?? '', ctx.table.sheet, ...ctx.table.columns.map((c) => c.header)].join(' ')));
  const current = currentMonth(ctx.table);
  for (const sentence of sentencesOf(cell.text)) {
    const tokens = tokensOf(sentence.text);
    const mentions = mentionsIn(sentence.text, index, tokens).map((m) => ({ ...m, start: m.start + sentence.start, end: m.end + sentence.start }));
    const facts = readSentence(sentence);
    const otherTime =
      facts.otherYear ||
      facts.years.some((y) => !tableYears.has(y)) ||
      facts.periods.some((p) => current === undefined || periodMonth(p) !== current);
    const whole = namesWhole(sentence.text) && mentions.length === 0 ? wholeOf(index) : undefined;
    let spokenOf: Subject | undefined;
    for (const claim of otherTime ? [] : facts.claims) {
      const subject = subjectOf(claim, mentions, cell.text, whole ?? carried);
      if (subject !== 'none') tied.push({ claim, row: subject });
      spokenOf = subject;
    }
    // The next sentence ("This is an increase of …") speaks of what this one spoke of: the
    // subject of its figures, else the first thing it names.
    const first = mentions[0];
    if (spokenOf !== undefined) carried = spokenOf;
    else if (first) carried = first.unclear ? 'none' : first.row;
    else if (whole !== undefined) carried = whole;
  }
  return judgeTied(ctx, index, cell, tied);
}

/** The period the table's figures are at (its variance column's, "Month 7" → 7). */
function currentMonth(table: MonitoringTable): number | undefined {
  const period = columnOf(table, 'variance')?.period ?? periodsIn(table.title ?? '')[0];
  return period ? periodMonth(period) : undefined;
}

const AFTER_OTHER = /^\s*(?:in|within|on|for|across|at)\s+(?!quarter|month|period|q\d|p\d|20\d\d|the (?:year|quarter|month))([A-Za-z][\w&'’-]*)/i;

function subjectOf(claim: Claim, mentions: readonly { start: number; end: number; row: number; unclear: boolean }[], text: string, carried: Subject): Subject {
  const before = mentions.filter((m) => m.end <= claim.phrase.start);
  const nearest = before[before.length - 1];
  const afterText = text.slice(claim.phrase.end);
  const otherAfter = AFTER_OTHER.exec(afterText);
  if (otherAfter) {
    // "an overspend of £0.168m on CLA West": the figure's own subject follows it.
    const following = mentions.find((m) => m.start >= claim.phrase.end && m.start - claim.phrase.end <= otherAfter[0].length + 2);
    if (following) return following.unclear ? 'none' : following.row;
    // "… of £0.334m in SEND": something the table does not name.
    return 'none';
  }
  if (nearest) return nearest.unclear ? 'none' : nearest.row;
  return carried;
}

function judgeTied(ctx: RuleContext, index: LabelIndex, cell: NarrativeCell, tied: readonly Tied[]): Finding[] {
  // Two different figures for the same measure of the same line in one cell: they are not both about that cell.
  const groups = new Map<string, Tied[]>();
  for (const t of tied) {
    const key = `${t.row}|${t.claim.measure}`;
    const list = groups.get(key) ?? [];
    list.push(t);
    groups.set(key, list);
  }
  const out: Finding[] = [];
  for (const list of groups.values()) {
    const values = new Set(list.map((t) => Math.abs(t.claim.phrase.pounds)));
    if (values.size > 1) continue;
    const finding = judgeClaim(ctx, index, cell, list[0]!);
    if (finding) out.push(finding);
  }
  return out;
}

interface Source {
  readonly value: number;
  /** The table cell(s), as the message names them. */
  readonly ref: string;
  readonly row: number;
  readonly col: number;
}

function sourceOf(ctx: RuleContext, cell: NarrativeCell, row: number, measure: Claim['measure']): Source | undefined {
  const prefix = cell.sheet === ctx.table.sheet ? '' : `${quoteSheet(ctx.table.sheet)}!`;
  const read = (role: ColumnRole): Source | undefined => {
    const col = columnOf(ctx.table, role);
    if (!col) return undefined;
    const f = ctx.figure(row, col.col);
    if (f.kind !== 'number' && f.kind !== 'nil') return undefined;
    return { value: f.kind === 'number' ? f.value : 0, ref: `${prefix}${toA1(row, col.col)}`, row, col: col.col };
  };
  if (measure === 'pressure') {
    const a = read('ongoingPressure');
    const b = read('oneOffPressure');
    if (!a || !b) return undefined;
    return { value: a.value + b.value, ref: `${a.ref}+${toA1(row, b.col)}`, row, col: a.col };
  }
  const role = MEASURE_COLUMN[measure];
  return role ? read(role) : undefined;
}

function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

function judgeClaim(ctx: RuleContext, index: LabelIndex, cell: NarrativeCell, t: Tied): Finding | undefined {
  const meta = narrativeFiguresRule.meta;
  const { claim, row } = t;
  const unit = ctx.table.unit!;
  const source = sourceOf(ctx, cell, row, claim.measure);
  if (!source) return undefined;
  const label = index.names.get(row) ?? `row ${row + 1}`;
  const tolerance = ctx.tolerance(source.row, source.col);
  const tablePounds = poundsOf(Math.abs(source.value), unit);
  const quoted = Math.abs(claim.phrase.pounds);
  const figure = ctx.show(source.value, source.row, source.col);
  const base = { sheet: cell.sheet, row: cell.row, col: cell.col };
  const data = { label, quoted: claim.phrase.text.replace(/^\(|\)$/g, (m) => (claim.phrase.negative ? m : '')), source: source.ref, figure };

  if (claim.measure === 'movement') {
    const column = columnOf(ctx.table, 'movement');
    const said = claim.since;
    const saidMonth = said ? periodMonth(said) : undefined;
    const columnMonth = column?.period ? periodMonth(column.period) : undefined;
    if (said && saidMonth !== undefined && columnMonth !== undefined && saidMonth !== columnMonth) {
      return ctx.report(meta, { ...base, messageId: 'wrongPeriod', severity: 'warning', data: { ...data, said, period: column!.period! }, expected: column!.period!, actual: said });
    }
  }
  if (!agrees(quoted, claim.phrase.tolerance, tablePounds, poundsOf(tolerance, unit))) {
    const measure = claim.measure === 'movement' && claim.since ? `movement since ${claim.since}` : claim.measure === 'variance' ? claim.words.replace(/(ing|t)$/, '').replace(/spen$/, 'spend') : MEASURE_NAME[claim.measure];
    return ctx.report(meta, { ...base, messageId: 'mismatch', data: { ...data, measure }, expected: clean(source.value), actual: clean(signedLike(source.value, inUnitOf(quoted, unit))) });
  }
  if (claim.measure === 'variance' && claim.variance?.direction) {
    const over = overspendOf(ctx.table, source.value);
    if (Math.abs(over) <= tolerance) return undefined;
    const actualOver = over > 0;
    if ((claim.variance.direction === 'over') !== actualOver) {
      const income = claim.variance.family === 'income';
      const word = (o: boolean): string => (income ? (o ? 'underachievement' : 'overachievement') : o ? 'overspend' : 'underspend');
      return ctx.report(meta, { ...base, messageId: 'wrongDirection', data: { ...data, said: word(!actualOver), actual: word(actualOver) }, expected: word(actualOver), actual: word(!actualOver) });
    }
  }
  if (claim.measure === 'movement' && claim.change) return judgeChange(ctx, cell, t, source, data);
  return undefined;
}

/** A quoted magnitude given the sign of the table's figure, for `actual`. */
function signedLike(value: number, magnitude: number): number {
  return value < 0 ? -magnitude : magnitude;
}

function judgeChange(ctx: RuleContext, cell: NarrativeCell, t: Tied, source: Source, data: Record<string, string>): Finding | undefined {
  const meta = narrativeFiguresRule.meta;
  const variance = columnOf(ctx.table, 'variance');
  if (!variance) return undefined;
  const v = ctx.number(t.row, variance.col);
  if (v === undefined) return undefined;
  const overV = overspendOf(ctx.table, v);
  const overM = overspendOf(ctx.table, source.value);
  const tol = ctx.tolerance(t.row, variance.col);
  if (Math.abs(overM) <= ctx.tolerance(source.row, source.col)) return undefined;
  const change = t.claim.change!;
  let grew: boolean;
  let said: string;
  let actual: string;
  if (change === 'improvement' || change === 'deterioration') {
    const worse = overM > 0;
    if ((change === 'deterioration') === worse) return undefined;
    said = change === 'deterioration' ? 'worsened' : 'improved';
    actual = worse ? 'worsened' : 'improved';
  } else {
    if (Math.abs(overV) <= tol) return undefined;
    // The variance crossed from overspend to underspend (or back): "increase" is unclear.
    if (Math.sign(overM) !== Math.sign(overV) && Math.abs(overM) > Math.abs(overV)) return undefined;
    grew = Math.sign(overM) === Math.sign(overV);
    if ((change === 'increase') === grew) return undefined;
    said = change === 'increase' ? 'increased' : 'decreased';
    actual = grew ? 'increased' : 'decreased';
  }
  const kind = overV > 0 ? 'overspend' : overV < 0 ? 'underspend' : 'variance';
  return ctx.report(meta, {
    sheet: cell.sheet,
    row: cell.row,
    col: cell.col,
    messageId: 'wrongChange',
    data: { ...data, kind, said, actual, period: t.claim.since ?? '' },
    expected: actual,
    actual: said,
  });
}
