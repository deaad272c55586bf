/**
 * Seed 000 (Somerset Month 7, Table 1) as a workbook, and the table model the reader
 * gives it, built from the published figures in /work/shared/seeds. Sub totals and the
 * total are SUM formulas, as in a real workbook; `recalculate` fills their values.
 * (Used until every test can go through the shared grid fixtures and readTables.)
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { columnLetters } from '../../../src/engine/address';
import type { Cell, CellValue, Sheet, Workbook } from '../../../src/engine/grid';
import type { ColumnRole, MonitoringTable, TableRow } from '../../../src/engine/model';
import { parseNumberText } from '../../../src/engine/numbers';
import { recalculate } from '../../../src/host/calc/recalculate';

export const SEEDS = path.resolve(__dirname, '../../../../shared/seeds');
export const FORMAT_M = '#,##0.000;(#,##0.000);"-"';

export interface SeedLine {
  readonly label: string;
  /** Figures as published, by column B..K (index 0 = B); null for "-", text for words. */
  readonly cells: readonly (number | string | null)[];
}

/** Table 1 of seed 000 as published: header plus every row, tab-separated. */
export function seed000Rows(): { header: string[]; rows: SeedLine[] } {
  const text = readFileSync(path.join(SEEDS, '000_34eff9e3cb479fd7.txt'), 'utf8');
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l.startsWith('Service Area\t'));
  const header = lines[start]!.split('\t');
  const rows: SeedLine[] = [];
  for (const line of lines.slice(start + 1)) {
    if (!line.includes('\t')) break;
    const [label, ...rest] = line.split('\t');
    rows.push({
      label: label!.trim(),
      cells: rest.map((c) => {
        const t = c.trim();
        if (t === '' || t === '-') return null;
        const n = parseNumberText(t);
        return n === undefined ? t : n;
      }),
    });
  }
  return { header, rows };
}

const ROLES: ColumnRole[] = ['label', 'expenditure', 'income', 'netBudget', 'forecast', 'variance', 'varianceLabel', 'rag', 'ongoingPressure', 'oneOffPressure', 'movement'];
const TEXT_COLS = new Set([6, 7]);

/** Header on row 3 (index 2), body from row 4; "-" kept as text, as officers type it. */
export function seed000Sheet(name = 'Month 7', options: { movement?: boolean; subtotalsAsFormulas?: boolean } = {}): Sheet {
  const { header, rows } = seed000Rows();
  const withMovement = options.movement ?? true;
  const width = withMovement ? 11 : 10;
  const out: (Cell | undefined)[][] = [
    [{ value: '2024/25 Children, Families & Education Services as at the end of October 2024 (Month 7)', bold: true }],
    [],
    header.slice(0, width).map((h) => ({ value: h, bold: true })),
  ];
  let sectionStart = 0;
  const subtotalRows: number[] = [];
  for (const line of rows) {
    const r = out.length;
    const isSection = line.cells.every((c) => c === null);
    const isSub = /^sub total$/i.test(line.label);
    const isTotal = /total$/i.test(line.label) && !isSub;
    if (isSection) {
      out.push([{ value: line.label, bold: true }]);
      sectionStart = r + 1;
      continue;
    }
    const cells: Cell[] = [{ value: line.label, bold: isSub || isTotal }];
    for (let c = 1; c < width; c++) {
      const v = line.cells[c - 1] ?? null;
      const letter = columnLetters(c);
      if ((isSub || isTotal) && !TEXT_COLS.has(c) && options.subtotalsAsFormulas !== false) {
        const formula = isSub ? `=SUM(${letter}${sectionStart + 1}:${letter}${r})` : `=SUM(${subtotalRows.map((s) => `${letter}${s + 1}`).join(',')})`;
        cells.push({ value: v, formula, format: FORMAT_M });
      } else if (TEXT_COLS.has(c)) cells.push({ value: v });
      else cells.push({ value: v === null ? '-' : v, format: FORMAT_M });
    }
    if (isSub) subtotalRows.push(r);
    out.push(cells);
  }
  return { name, rows: out };
}

/**
 * "Month 6": the same table with each line's variance as it was last period
 * (Month 7 variance − published movement), so movements worked out against it must
 * reproduce the published Movement column.
 */
export function seed000PreviousSheet(name = 'Month 6'): Sheet {
  const current = seed000Sheet(name, { movement: false });
  const { rows } = seed000Rows();
  const byLabel = new Map(rows.map((r) => [r.label, r] as const));
  const out = current.rows.map((row) => {
    if (!row) return row;
    const label = row[0]?.value;
    const seed = typeof label === 'string' ? byLabel.get(label) : undefined;
    if (row === current.rows[2]) return row.map((c) => (c && typeof c.value === 'string' ? { ...c, value: c.value.replace('Month 7', 'Month 6') } : c));
    if (!seed || seed.cells.every((c) => c === null) || /total$/i.test(seed.label) || row[5]?.formula) return row;
    const variance = (seed.cells[4] as number | null) ?? 0;
    const movement = (seed.cells[9] as number | null) ?? 0;
    const previous = Math.round((variance - movement) * 1000) / 1000;
    const net = (seed.cells[2] as number | null) ?? 0;
    const copy = [...row];
    copy[4] = { value: Math.round((net + previous) * 1000) / 1000, format: FORMAT_M };
    copy[5] = { value: previous === 0 ? '-' : previous, format: FORMAT_M };
    return copy;
  });
  return { name, rows: out };
}

export function seed000Workbook(options: { previous?: boolean } = {}): Workbook {
  const sheets = options.previous === false ? [seed000Sheet()] : [seed000PreviousSheet(), seed000Sheet()];
  return recalculate({ sheets });
}

/** The table model of a seed-000-shaped sheet, as the reader describes it. */
export function tableOf(sheet: Sheet, roles: readonly ColumnRole[] = ROLES, headerRow = 2): MonitoringTable {
  const header = sheet.rows[headerRow] ?? [];
  const width = Math.min(roles.length, header.length);
  const columns = roles.slice(0, width).map((role, col) => {
    const text = String(header[col]?.value ?? '');
    const period = /(Month \d+|Quarter \d+)/.exec(text)?.[1];
    return { col, letter: columnLetters(col), header: text, role, overridden: false, ...(role === 'movement' && period ? { period } : {}), unit: 'millions' as const };
  });
  const rows: TableRow[] = [];
  let section: number | undefined;
  let sectionLines: number[] = [];
  const subtotals: number[] = [];
  let lastRow = headerRow;
  for (let r = headerRow + 1; r < sheet.rows.length; r++) {
    const cells = sheet.rows[r] ?? [];
    const label = String(cells[0]?.value ?? '').trim();
    if (!label) continue;
    lastRow = r;
    const figures = cells.slice(1).some((c) => c && c.value !== null);
    if (!figures) {
      section = r;
      sectionLines = [];
      rows.push({ row: r, kind: 'section', label, indent: 0 });
    } else if (/^sub total$/i.test(label)) {
      subtotals.push(r);
      rows.push({ row: r, kind: 'subtotal', label, indent: 0, covers: sectionLines, coverBasis: 'section', ...(section !== undefined ? { section } : {}) });
    } else if (/total$/i.test(label)) {
      rows.push({ row: r, kind: 'total', label, indent: 0, covers: [...subtotals], coverBasis: 'subtotals' });
    } else {
      sectionLines = [...sectionLines, r];
      rows.push({ row: r, kind: 'line', label, indent: 0, ...(section !== undefined ? { section } : {}) });
    }
  }
  const lastCol = width - 1;
  return {
    id: `${sheet.name}!A${headerRow + 1}:${columnLetters(lastCol)}${lastRow + 1}`,
    sheet: sheet.name,
    kind: 'monitoring',
    headerRows: [headerRow],
    firstRow: headerRow + 1,
    lastRow,
    firstCol: 0,
    lastCol,
    range: `A${headerRow + 1}:${columnLetters(lastCol)}${lastRow + 1}`,
    unit: 'millions',
    unitSource: 'header',
    columns,
    rows,
    signs: { income: 'negative', variance: 'overspendPositive' },
  };
}

/** Sets cells as an officer would type them: text, numbers, or formulas starting with "=". */
export function typeInto(workbook: Workbook, sheetName: string, entries: Record<string, CellValue | string>): Workbook {
  const sheets = workbook.sheets.map((s) => {
    if (s.name !== sheetName) return s;
    const rows = s.rows.map((r) => (r ? [...r] : []));
    for (const [a1, v] of Object.entries(entries)) {
      const m = /^([A-Z]+)(\d+)$/.exec(a1)!;
      let col = 0;
      for (const ch of m[1]!) col = col * 26 + ch.charCodeAt(0) - 64;
      const row = Number(m[2]) - 1;
      while (rows.length <= row) rows.push([]);
      const cells = rows[row]!;
      const old = cells[col - 1];
      cells[col - 1] = typeof v === 'string' && v.startsWith('=') ? { ...old, value: null, formula: v } : { ...(old?.format ? { format: old.format } : {}), value: v };
    }
    return { ...s, rows };
  });
  return { ...workbook, sheets };
}

export function valueAt(workbook: Workbook, sheet: string, a1: string): CellValue {
  const s = workbook.sheets.find((x) => x.name === sheet)!;
  const m = /^([A-Z]+)(\d+)$/.exec(a1)!;
  let col = 0;
  for (const ch of m[1]!) col = col * 26 + ch.charCodeAt(0) - 64;
  return s.rows[Number(m[2]) - 1]?.[col - 1]?.value ?? null;
}

export function formulaAt(workbook: Workbook, sheet: string, a1: string): string | undefined {
  const s = workbook.sheets.find((x) => x.name === sheet)!;
  const m = /^([A-Z]+)(\d+)$/.exec(a1)!;
  let col = 0;
  for (const ch of m[1]!) col = col * 26 + ch.charCodeAt(0) - 64;
  return s.rows[Number(m[2]) - 1]?.[col - 1]?.formula;
}

export interface SeedMitigationRow {
  readonly label: string;
  /** Quarter 2, Month 7, Movement, One-off, Ongoing: numbers, or text as published ("TBC", "-"). */
  readonly amounts: readonly (number | string)[];
  readonly comment: string;
}

/** Table 3 of seed 000 (mitigating actions), header lines dropped. */
export function seed000Mitigations(): SeedMitigationRow[] {
  const text = readFileSync(path.join(SEEDS, '000_34eff9e3cb479fd7.txt'), 'utf8');
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l.startsWith('In-Year Mitigation Proposed\t'));
  const out: SeedMitigationRow[] = [];
  for (const line of lines.slice(start + 1)) {
    if (line.startsWith('In-Year Mitigation Proposed\t') || line.trim() === '') continue;
    if (!line.includes('\t')) break;
    const [label, ...rest] = line.split('\t');
    out.push({
      label: label!.trim(),
      amounts: rest.slice(0, 5).map((c) => {
        const t = c.trim();
        const n = parseNumberText(t);
        return n === undefined ? t : n;
      }),
      comment: (rest[5] ?? '').trim(),
    });
  }
  return out;
}
