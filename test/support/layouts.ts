/**
 * Clean monitoring tables in many layouts, built as Excel would hold them (formulas with
 * their results), for property tests: section totals below their lines or above them on the
 * section's row, income stored negative or positive, an optional code column, a variance %
 * column, a check column beside the table, a row of averages labelled "Total", and a grand
 * total. `faults` lists single faults to inject, each with the cell it lands on.
 */
import { columnLetters } from '../../src/engine/address';
import type { Cell, Sheet, Workbook } from '../../src/engine/grid';
import { recalculate } from '../../src/host/calc/recalculate';

export interface LayoutSpec {
  /** Lines per section (each 2–6), one section per entry. */
  readonly sections: readonly (readonly { readonly expenditure: number; readonly income: number; readonly variance: number }[])[];
  readonly totalsAbove: boolean;
  readonly incomePositive: boolean;
  readonly codeColumn: boolean;
  readonly percentColumn: boolean;
  readonly checkColumn: boolean;
  readonly averageRow: boolean;
  /** An original budget beside the latest one; the variance is against the latest. */
  readonly originalBudget: boolean;
  /** Variance = budget − forecast, underspend positive ("Underspend / (Overspend)"). */
  readonly underspendPositive: boolean;
  /** A column of note numbers (1, 2, 3 …) left of the figures. */
  readonly noteColumn: boolean;
  /**
   * The directorate total excludes two further lines ("Total excluding COVID-19", then
   * the COVID-19 lines, then "Total" = that total plus the two lines).
   */
  readonly furtherLines: boolean;
}

export interface Layout {
  readonly workbook: Workbook;
  /** Rows (1-based) of the section totals and the grand total, and the columns by role. */
  readonly sectionTotals: readonly number[];
  readonly sectionLines: readonly (readonly number[])[];
  readonly grandTotal: number;
  readonly col: { readonly expenditure: string; readonly income: string; readonly net: string; readonly forecast: string; readonly variance: string };
}

const SECTION_NAMES = ['Children & Families', 'Education', 'Adult Services', 'Public Health', 'Corporate'];
const LINE_NAMES = ['Placements', 'Fostering', 'Leaving Care', 'Schools', 'Transport', 'Home Care', 'Residential', 'Staffing', 'Premises', 'Grants'];

type Row = (Cell | undefined)[];

export function buildLayout(spec: LayoutSpec): Layout {
  const varianceHeader = spec.underspendPositive ? 'Underspend / (Overspend) £000' : 'Variance £000';
  const headers = [
    'Service Area', ...(spec.codeColumn ? ['Cost Centre'] : []), ...(spec.noteColumn ? ['Note'] : []),
    ...(spec.originalBudget ? ['Original Budget £000'] : []),
    'Expenditure Budget £000', 'Income Budget £000', spec.originalBudget ? 'Latest Net Budget £000' : 'Net Budget £000', 'Forecast Outturn £000', varianceHeader,
    ...(spec.percentColumn ? ['Variance %'] : []),
  ];
  const c = (name: string): number => headers.indexOf(name);
  const L = (name: string): string => columnLetters(c(name));
  const netHeader = spec.originalBudget ? 'Latest Net Budget £000' : 'Net Budget £000';
  const col = { expenditure: L('Expenditure Budget £000'), income: L('Income Budget £000'), net: L(netHeader), forecast: L('Forecast Outturn £000'), variance: L(varianceHeader) };
  const money = ['Expenditure Budget £000', 'Income Budget £000', netHeader, 'Forecast Outturn £000', varianceHeader, ...(spec.originalBudget ? ['Original Budget £000'] : [])];
  let note = 1;
  const checkCol = headers.length + 1; // one empty column, then the check
  const rows: Row[] = [[{ value: 'Revenue Budget Monitoring 2024/25' }], headers.map((h) => ({ value: h }))];
  if (spec.checkColumn) rows[1]![checkCol] = { value: 'Check' };
  const sectionTotals: number[] = [];
  const sectionLines: number[][] = [];
  const sign = spec.incomePositive ? '-' : '+';
  let code = 4100;
  const lineRow = (label: string, r: number, line: { expenditure: number; income: number; variance: number }): Row => {
    const income = spec.incomePositive ? Math.abs(line.income) : -Math.abs(line.income);
    const row: Row = [{ value: `  ${label}`, indent: 1 }];
    if (spec.codeColumn) row[c('Cost Centre')] = { value: `CC${code++}` };
    if (spec.noteColumn && line.variance !== 0) row[c('Note')] = { value: note++ };
    row[c('Expenditure Budget £000')] = { value: line.expenditure };
    row[c('Income Budget £000')] = { value: income };
    row[c(netHeader)] = { value: null, formula: `=${col.expenditure}${r}${sign}${col.income}${r}` };
    const net = spec.incomePositive ? line.expenditure - income : line.expenditure + income;
    // The original budget differs from the latest by a virement on some lines.
    if (spec.originalBudget) row[c('Original Budget £000')] = { value: net + (line.variance % 3 === 0 ? 0 : 40) };
    row[c('Forecast Outturn £000')] = { value: net + line.variance };
    row[c(varianceHeader)] = { value: null, formula: spec.underspendPositive ? `=${col.net}${r}-${col.forecast}${r}` : `=${col.forecast}${r}-${col.net}${r}` };
    if (spec.percentColumn) row[c('Variance %')] = { value: null, formula: `=IF(${col.net}${r}=0,0,${col.variance}${r}/ABS(${col.net}${r}))`, format: '0.0%' };
    if (spec.checkColumn) row[checkCol] = { value: null, formula: checkFormula(r) };
    return row;
  };
  const checkFormula = (r: number): string => (spec.underspendPositive ? `=${col.net}${r}-${col.forecast}${r}-${col.variance}${r}` : `=${col.forecast}${r}-${col.net}${r}-${col.variance}${r}`);
  const totalRow = (label: string, r: number, summed: (letter: string) => string): Row => {
    const row: Row = [{ value: label, bold: true }];
    for (const name of money) row[c(name)] = { value: null, formula: summed(L(name)), bold: true };
    if (spec.percentColumn) row[c('Variance %')] = { value: null, formula: `=IF(${col.net}${r}=0,0,${col.variance}${r}/ABS(${col.net}${r}))`, format: '0.0%' };
    if (spec.checkColumn) row[checkCol] = { value: null, formula: checkFormula(r) };
    return row;
  };
  spec.sections.forEach((lines, s) => {
    const name = SECTION_NAMES[s % SECTION_NAMES.length]!;
    if (spec.totalsAbove) {
      const head = rows.length + 1;
      const first = head + 1;
      const last = head + lines.length;
      rows.push(totalRow(name, head, (l) => `=SUM(${l}${first}:${l}${last})`));
      const these: number[] = [];
      lines.forEach((line, i) => {
        these.push(rows.length + 1);
        rows.push(lineRow(LINE_NAMES[(s * 3 + i) % LINE_NAMES.length]!, rows.length + 1, line));
      });
      sectionTotals.push(head);
      sectionLines.push(these);
    } else {
      rows.push([{ value: name, bold: true }]);
      const first = rows.length + 1;
      const these: number[] = [];
      lines.forEach((line, i) => {
        these.push(rows.length + 1);
        rows.push(lineRow(LINE_NAMES[(s * 3 + i) % LINE_NAMES.length]!, rows.length + 1, line));
      });
      const r = rows.length + 1;
      rows.push(totalRow(`Total ${name}`, r, (l) => `=SUM(${l}${first}:${l}${r - 1})`));
      sectionTotals.push(r);
      sectionLines.push(these);
    }
  });
  let grand = rows.length + 1;
  rows.push(totalRow(spec.furtherLines ? 'Total excluding COVID-19' : 'Total Directorate', grand, (l) => `=${sectionTotals.map((t) => `${l}${t}`).join('+')}`));
  if (spec.furtherLines) {
    const before = grand;
    const covid = [rows.length + 1, rows.length + 2];
    rows.push(lineRow('COVID-19 costs', covid[0]!, { expenditure: 400, income: 0, variance: 25 }));
    rows.push(lineRow('COVID-19 grant', covid[1]!, { expenditure: 0, income: 400, variance: -10 }));
    grand = rows.length + 1;
    rows.push(totalRow('Total Directorate', grand, (l) => `=${l}${before}+${l}${covid[0]}+${l}${covid[1]}`));
  }
  if (spec.averageRow) {
    const r = rows.length + 1;
    const all = sectionLines.flat();
    // An average per service, labelled as a total: not money added up.
    const row: Row = [{ value: 'Total average per service' }];
    for (const name of money) {
      row[c(name)] = { value: null, formula: `=AVERAGE(${all.map((x) => `${L(name)}${x}`).join(',')})` };
    }
    rows.push(row);
    void r;
  }
  const sheet: Sheet = { name: 'Month 7', rows };
  return { workbook: recalculate({ sheets: [sheet] }), sectionTotals, sectionLines, grandTotal: grand, col };
}

/** The workbook with one cell replaced (and everything recalculated, as Excel would). */
export function withCellChanged(workbook: Workbook, a1: string, cell: Cell): Workbook {
  const m = /^([A-Z]+)(\d+)$/.exec(a1)!;
  const r = Number(m[2]) - 1;
  let c = 0;
  for (const ch of m[1]!) c = c * 26 + ch.charCodeAt(0) - 64;
  c -= 1;
  const sheets = workbook.sheets.map((s, i) => {
    if (i !== 0) return s;
    const rows = s.rows.map((row) => (row ? [...row] : row));
    const row = (rows[r] ?? []) as (Cell | undefined)[];
    row[c] = cell;
    rows[r] = row;
    return { ...s, rows };
  });
  return recalculate({ sheets });
}
