/**
 * The generated workbook the reader and validate benchmarks time: 20 sheets × 5,000 rows ×
 * 12 columns (1.2 million cells), each sheet one directorate's revenue monitoring table in
 * £m as a council would send it: title, header, sections of service lines (expenditure,
 * income, net budget =B+C, forecast, variance =E−D, the Overspend/Underspend word, RAG,
 * ongoing and one-off pressure, movement, comments), each section closed by a sub total of
 * SUM formulas, and a directorate total adding the sub totals.
 *
 * The figures are clean: every identity holds, every word agrees with its variance and
 * every RAG with the council's default policy (DEFAULT_RAG_POLICY, applied here to the
 * figures as an officer applying the policy would). Then a few faults are injected, each of
 * a kind an officer makes, at cells recorded in `faults`, so that validating the workbook
 * should report exactly those, and the time measured is the time on a realistic workbook
 * rather than on one with an error on every other row.
 *
 * Not part of `npm run bench`'s suite list (bench/run.ts runs bench/suites only).
 */
import { toA1 } from '../src/engine/address';
import type { Cell, Sheet, Workbook } from '../src/engine/grid';
import { DEFAULT_RAG_POLICY, type RagLevel } from '../src/engine/policy';

export const SHEETS = 20;
export const ROWS = 5000;
export const COLS = 12;
const FMT = '#,##0.000;(#,##0.000);"-"';
/** The table is in £m; the policy's money thresholds are in pounds. */
const UNIT = 1_000_000;
const HEADERS = [
  'Service Area', 'Expenditure Budget £m', 'Income Budget £m', 'Net Budget £m', 'Forecast Outturn £m', 'Variance £m',
  'Overspend / (Underspend)', 'RAG', 'Ongoing Pressure £m', 'One-off Pressures £m', 'Movement From Month 6 £m', 'Comments',
];
/** Columns (0-based) by what they hold. */
const C = { label: 0, exp: 1, inc: 2, net: 3, forecast: 4, variance: 5, word: 6, rag: 7, ongoing: 8, oneOff: 9, movement: 10, comments: 11 } as const;
/** The figure columns a sub total and the directorate total add up. */
const SUMMED = [C.exp, C.inc, C.net, C.forecast, C.variance, C.ongoing, C.oneOff, C.movement];

/** A fault put into the generated workbook, and the rule expected to report it. */
export interface InjectedFault {
  readonly sheet: string;
  /** The cell the fault was typed into. */
  readonly cell: string;
  /** The cells of the identity it breaks (the fault's own cell first): a report at any of them finds it. */
  readonly cells: readonly string[];
  readonly rule: string;
  readonly what: string;
}

export interface GeneratedWorkbook {
  readonly workbook: Workbook;
  readonly faults: readonly InjectedFault[];
}

/**
 * Where the faults go: on which sheet (0-based), in which section (1-based) and on which
 * of its lines (1-based). Spread over the workbook; each kind once.
 */
const FAULT_SITES = {
  /** A line's RAG typed as Green though it is overspending (or Red though it is not). */
  wrongRag: { sheet: 2, section: 3, line: 2 },
  /** A line's Overspend/Underspend word the wrong way round. */
  wrongWord: { sheet: 5, section: 10, line: 4 },
  /** A line's one-off pressure typed in though ongoing pressure already covers the overspend. */
  pressureSplit: { sheet: 8, section: 20, line: 1 },
  /** A sub total's SUM in the movement column that stops one line short. */
  shortSum: { sheet: 11, section: 7 },
  /** A line's variance typed over its formula, no longer forecast less budget. */
  typedVariance: { sheet: 14, section: 5, line: 3 },
  /** The directorate total's ongoing pressure formula leaves out the first sub total. */
  totalMissesSection: { sheet: 17 },
} as const;

/** A deterministic pseudo-random stream, so every run builds the same workbook. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const round3 = (x: number): number => Math.round(x * 1000) / 1000;
const letter = (col: number): string => String.fromCharCode(65 + col);

/** The status the default policy gives an overspend (in £m) against a net budget (in £m). */
export function ragFor(variance: number, budget: number, level: RagLevel): 'Red' | 'Amber' | 'Green' {
  if (variance <= 0) return 'Green';
  const red = DEFAULT_RAG_POLICY.red[level];
  const byMoney = variance * UNIT >= red.money;
  const byPercent = budget > 0 && variance / budget >= red.percent;
  if (red.combine === 'lower' ? byMoney || byPercent : byMoney && byPercent) return 'Red';
  return budget > 0 && variance / budget < DEFAULT_RAG_POLICY.amberFromPercent ? 'Green' : 'Amber';
}

/**
 * A variance for a line of this net budget, well inside one of the policy's bands (so
 * rounding the forecast to £1,000 cannot move it across a threshold): an underspend, an
 * Amber overspend or a Red one.
 */
function varianceFor(net: number, next: () => number): number {
  const red = DEFAULT_RAG_POLICY.red.line;
  const redFrom = Math.min(red.money / UNIT, red.percent * net);
  const band = next();
  if (band < 0.45) return -(0.005 + next() * 0.6);
  if (band < 0.8 && redFrom * 0.9 > 0.01) return 0.005 + next() * (redFrom * 0.9 - 0.01);
  return redFrom * 1.1 + 0.005 + next() * 0.5;
}

function figure(value: number, formula?: string): Cell {
  return formula === undefined ? { value, format: FMT } : { value, formula, format: FMT };
}

function generatedSheet(index: number, faults: InjectedFault[]): Sheet {
  const name = `Directorate ${index + 1}`;
  const next = random(index + 1);
  const rows: Cell[][] = [];
  const at = (row: number, col: number): string => toA1(row - 1, col); // row is the Excel row
  const fault = (row: number, cols: readonly number[], rule: string, what: string): void =>
    void faults.push({ sheet: name, cell: at(row, cols[0]!), cells: cols.map((c) => at(row, c)), rule, what });
  rows.push([{ value: `${name} revenue monitoring 2025/26 (Month 7)` }]);
  rows.push([]);
  rows.push(HEADERS.map((h) => ({ value: h })));
  const subtotalRows: number[] = [];
  const sectionSums: number[][] = [];
  let section = 0;
  // Sections fill the sheet to exactly ROWS rows: the last one takes whatever room is left
  // before its sub total and the directorate total.
  while (rows.length < ROWS - 1) {
    section++;
    rows.push([{ value: `Service ${index + 1}.${section}`, bold: true }]);
    const first = rows.length + 1; // Excel row of the first line
    const room = ROWS - 2 - rows.length;
    let lines = Math.min(5 + Math.floor(next() * 20), room);
    if (room - lines < 3) lines = room; // no room for another section (heading, a line, sub total)
    const sums = new Array<number>(COLS).fill(0);
    for (let i = 0; i < lines; i++) {
      const r = rows.length + 1;
      const site = (s: { sheet: number; section: number; line?: number }): boolean => s.sheet === index && s.section === section && s.line === i + 1;
      const exp = round3(0.5 + next() * 19.5);
      const inc = -round3(next() * 0.8 * exp);
      const net = exp + inc;
      const forecast = round3(net + varianceFor(net, next));
      let variance = forecast - net;
      let varianceCell = figure(variance, `=E${r}-D${r}`);
      if (site(FAULT_SITES.typedVariance)) {
        // Typed over the formula: 50k more than forecast less budget, the same way round.
        variance = round3(variance + 0.05);
        varianceCell = figure(variance);
        fault(r, [C.variance, C.forecast, C.net], 'variance', 'variance typed over its formula, 0.050 more than forecast less budget');
      }
      const rag = ragFor(forecast - net, net, 'line');
      const over = Math.max(variance, 0);
      const ongoing = over > 0 ? round3(over * (0.4 + next() * 0.6)) : 0;
      let oneOff = over - ongoing;
      if (site(FAULT_SITES.pressureSplit)) {
        oneOff += 0.075;
        fault(r, [C.oneOff, C.ongoing, C.variance], 'pressure-split', 'one-off pressure 0.075 more than the overspend leaves after ongoing pressure');
      }
      let word = variance > 0 ? 'Overspend' : 'Underspend';
      if (site(FAULT_SITES.wrongWord)) {
        word = variance > 0 ? 'Underspend' : 'Overspend';
        fault(r, [C.word], 'variance-label', `"${word}" beside a variance the other way`);
      }
      let ragWord: string = rag;
      if (site(FAULT_SITES.wrongRag)) {
        ragWord = rag === 'Green' ? 'Red' : 'Green';
        fault(r, [C.rag], 'rag-policy', `${ragWord} where the policy gives ${rag}`);
      }
      const movement = Math.round((next() - 0.5) * 100) / 1000;
      const row: Cell[] = [
        { value: `  Line ${section}.${i + 1}` },
        figure(exp),
        figure(inc),
        figure(net, `=B${r}+C${r}`),
        figure(forecast),
        varianceCell,
        { value: word },
        { value: ragWord },
        figure(ongoing),
        figure(oneOff),
        figure(movement),
        { value: next() < 0.2 ? 'Placement costs above plan' : null },
      ];
      for (const c of SUMMED) sums[c]! += row[c]!.value as number;
      rows.push(row);
    }
    const last = rows.length;
    const r = rows.length + 1;
    const shortSum = FAULT_SITES.shortSum.sheet === index && FAULT_SITES.shortSum.section === section;
    if (shortSum) sums[C.movement]! -= rows[last - 1]![C.movement]!.value as number; // what the short SUM adds up
    const sub = summaryRow('sub total', sums, 'section', (c) => `=SUM(${letter(c)}${first}:${letter(c)}${shortSum && c === C.movement ? last - 1 : last})`);
    if (shortSum) {
      fault(r, [C.movement], 'sum-range', `SUM stops at row ${last - 1}, one line short of the section`);
    }
    rows.push(sub);
    subtotalRows.push(r);
    sectionSums.push(SUMMED.map((c) => sub[c]!.value as number));
  }
  const totals = new Array<number>(COLS).fill(0);
  const missesSection = FAULT_SITES.totalMissesSection.sheet === index;
  SUMMED.forEach((c, k) => sectionSums.forEach((s, i) => {
    if (!(missesSection && c === C.ongoing && i === 0)) totals[c]! += s[k]!;
  }));
  const totalRow = rows.length + 1;
  const total = summaryRow(`${name} Total`, totals, 'table', (c) => {
    const refs = subtotalRows.filter((_, i) => !(missesSection && c === C.ongoing && i === 0));
    return `=SUM(${refs.map((x) => `${letter(c)}${x}`).join(',')})`;
  });
  if (missesSection) fault(totalRow, [C.ongoing], 'sum-range', `the total leaves out the first sub total (row ${subtotalRows[0]})`);
  rows.push(total);
  return { name, rows };
}

/**
 * A sub total or total row: SUM formulas (with their values) and the words for its
 * variance, judged at the table's precision (£1,000), where a section can come out exactly
 * on budget.
 */
function summaryRow(label: string, sums: readonly number[], level: RagLevel, formula: (col: number) => string): Cell[] {
  const row: Cell[] = [{ value: label }];
  const variance = round3(sums[C.variance]!);
  for (let c = 1; c < COLS - 1; c++) {
    if (c === C.word) row.push({ value: variance > 0 ? 'Overspend' : variance < 0 ? 'Underspend' : 'On budget' });
    else if (c === C.rag) row.push({ value: ragFor(round3(sums[C.forecast]! - sums[C.net]!), sums[C.net]!, level) });
    else row.push(figure(sums[c]!, formula(c)));
  }
  return row;
}

/** The workbook and the faults injected into it. Figures carry their values, as Excel would have them. */
export function generatedWorkbook(): GeneratedWorkbook {
  const faults: InjectedFault[] = [];
  const sheets = Array.from({ length: SHEETS }, (_, i) => generatedSheet(i, faults));
  return { workbook: { sheets }, faults };
}
