/**
 * Real public spreadsheets (../shared/realdata, never copied into the repo): every file is
 * read without throwing and its tables are found; the Scottish LFR service totals that
 * sit above their lines and the MHCLG RS "total of lines" rows are recognised with the
 * rows they cover.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { CellValue, Workbook } from '../../../src/engine/grid';
import type { MonitoringTable } from '../../../src/engine/model';
import { readTables } from '../../../src/engine/read';
import { WorkbookReadError } from '../../../src/host/xlsx/errors';
import { readWorkbookFile } from '../../../src/host/xlsx/read-file';
import { rows } from './expect-table';

const REALDATA = path.resolve(__dirname, '../../../../shared/realdata');
const file = (name: string): string => path.join(REALDATA, name);

/** A minimal CSV reader for the one CSV file: quoted fields without embedded commas. */
function csvWorkbook(name: string): Workbook {
  const lines = readFileSync(file(name), 'utf8').split(/\r?\n/).filter((l) => l !== '');
  const grid = lines.map((line) =>
    line.split(',').map((field) => {
      const text = field.replace(/^"|"$/g, '');
      const value: CellValue = text === '' ? null : Number.isFinite(Number(text)) ? Number(text) : text;
      return { value };
    }),
  );
  return { sheets: [{ name: path.basename(name, '.csv'), rows: grid }] };
}

const excelRows = (t: MonitoringTable, kind: string): number[] => t.rows.filter((r) => r.kind === kind).map((r) => r.row + 1);
const row = (t: MonitoringTable, excelRow: number) => t.rows.find((r) => r.row === excelRow - 1)!;
const covers = (t: MonitoringTable, excelRow: number): [number[] | undefined, string | undefined] => {
  const r = row(t, excelRow);
  return [r.covers?.map((x) => x + 1), r.coverBasis];
};

describe('every file in realdata', () => {
  const names = readdirSync(REALDATA).filter((n) => /\.(xlsx|csv)$/.test(n));

  it('is there to test', () => {
    expect(names.length).toBeGreaterThanOrEqual(6);
  });

  it.each(names)('%s is read without throwing and its tables are found (or the file is refused with a clear message)', async (name) => {
    if (name.endsWith('.csv')) {
      expect(readTables(csvWorkbook(name)).length).toBeGreaterThan(0);
      return;
    }
    let workbook: Workbook;
    try {
      workbook = await readWorkbookFile(file(name));
    } catch (err) {
      // exceljs cannot open this one (its drawings); the host says so in plain English.
      expect(name).toBe('excelint_FinalBudget.xlsx');
      expect(err).toBeInstanceOf(WorkbookReadError);
      expect((err as Error).message).toContain(name);
      return;
    }
    const tables = readTables(workbook);
    expect(tables.length).toBeGreaterThan(0);
    // Every sheet holding numbers yields at least one table.
    const sheetsWithNumbers = workbook.sheets
      .filter((s) => s.rows.some((r) => r?.some((c) => typeof c?.value === 'number')))
      .map((s) => s.name);
    expect(sheetsWithNumbers.filter((s) => !tables.some((t) => t.sheet === s))).toEqual([]);
  });
});

describe('Scottish LFR Annex A: service totals above their lines', () => {
  let tables: MonitoringTable[];
  beforeAll(async () => {
    tables = readTables(await readWorkbookFile(file('scotgov_LFR_annexA_service_analysis_2017-18.xlsx')));
  });

  const SERVICES: ReadonlyArray<readonly [number, number, number, string]> = [
    [4, 5, 10, 'Education'],
    [12, 13, 21, 'Cultural and related services'],
    [23, 24, 32, 'Social work'],
    [34, 35, 46, 'Roads and transport'],
    [48, 49, 56, 'Environmental services'],
    [58, 59, 63, 'Planning and Development Services'],
    [65, 66, 82, 'Central Services'],
    [84, 85, 92, 'Non-HRA Housing'],
  ];

  it('finds one table per council sheet, with gross, income and net columns in £ thousands', () => {
    expect(tables).toHaveLength(51);
    for (const t of tables) {
      expect([t.sheet, t.kind, t.headerRows.map((r) => r + 1), t.unit]).toEqual([t.sheet, 'monitoring', [2, 3], 'thousands']);
      expect(t.columns.map((c) => `${c.letter}:${c.role}`)).toEqual(['A:label', 'B:expenditure', 'C:income', 'D:netBudget']);
    }
  });

  it('on the Scotland sheet (typed totals), each service row covers the lines below it', () => {
    const t = tables.find((x) => x.sheet === 'Scotland')!;
    for (const [head, first, last, label] of SERVICES) {
      expect([head, row(t, head).label, row(t, head).kind, ...covers(t, head)]).toEqual([head, label, 'subtotal', rows(first, last), 'above']);
      for (const r of rows(first, last)) expect([r, row(t, r).kind, (row(t, r).section ?? -1) + 1]).toEqual([r, 'line', head]);
    }
    expect(covers(t, 96)).toEqual([[4, 12, 23, 34, 48, 58, 65, 84, 94], 'subtotals']);
    expect(row(t, 96).label).toBe('General Fund Total');
    expect(row(t, 94).kind).toBe('line'); // Trading Services: a service with no lines
    expect(covers(t, 100)).toEqual([[96, 98], 'subtotals']);
  });

  it('on every council sheet the same eight service totals are found above their lines', () => {
    for (const t of tables) {
      const above = t.rows.filter((r) => r.coverBasis === 'above').map((r) => r.row + 1);
      expect([t.sheet, above]).toEqual([t.sheet, SERVICES.map((s) => s[0])]);
      // TACTRAN has an unlabelled row of zeros at row 22, between two services: a spacer that
      // adds nothing and names nothing, read as blank like row 22 of every other council.
      if (t.sheet === 'TACTRAN') expect(row(t, 22).kind).toBe('blank');
      expect([t.sheet, ...covers(t, 96)]).toEqual([t.sheet, [4, 12, 23, 34, 48, 58, 65, 84, 94], 'subtotals']);
    }
  });

  it('where the totals are SUM formulas, records the rows they add as written', () => {
    const t = tables.find((x) => x.sheet === 'Aberdeen City')!;
    expect(row(t, 4).formulaCovers?.map((r) => r + 1)).toEqual(rows(5, 10));
  });
});

describe('MHCLG RS 2017-18: totals that state their range of lines', () => {
  let tables: MonitoringTable[];
  beforeAll(async () => {
    tables = readTables(await readWorkbookFile(file('mhclg_RS_revenue_outturn_summary_2017-18.xlsx')));
  });

  it('reads the line numbers in column C and covers the rows numbered in the stated range', () => {
    const t = tables.find((x) => x.sheet === 'LA drop-down' && x.firstRow <= 29 && x.lastRow >= 87)!;
    expect(t.columns.find((c) => c.letter === 'C')?.role).toBe('reference');
    expect(t.columns.find((c) => c.letter === 'D')?.role).toBe('label');
    expect(row(t, 30).label).toBe('TOTAL SERVICE EXPENDITURE (total of lines 190 to 698)');
    expect([row(t, 30).kind, ...covers(t, 30)]).toEqual(['total', rows(17, 29), 'statedRange']);
    // Lines 699 to 748: the total above (699) and the lines numbered 711 to 748.
    expect(covers(t, 51)).toEqual([[30, ...rows(32, 36), ...rows(39, 43), ...rows(45, 50)], 'statedRange']);
    expect([row(t, 62).kind, ...covers(t, 62)]).toEqual(['subtotal', [51, ...rows(53, 61)], 'statedRange']);
    expect(covers(t, 72)).toEqual([[62, ...rows(63, 71)], 'statedRange']);
    expect(covers(t, 76)).toEqual([[72, 74, 75], 'statedRange']);
    expect(excelRows(t, 'section')).toEqual(expect.arrayContaining([16, 38]));
  });

  it('finds the capital items table and its stated total', () => {
    const t = tables.find((x) => x.sheet === 'LA drop-down' && x.firstRow <= 105 && x.lastRow >= 110)!;
    expect(covers(t, 111)).toEqual([rows(106, 110), 'statedRange']);
  });
});

describe('StatsWales parking expenditure (CSV): the total comes first', () => {
  it('reads the year columns, the council names as labels, and the first row as the total of the rest', () => {
    const [t] = readTables(csvWorkbook('statswales_parking_expenditure_2005-2019.csv'));
    expect(t!.kind).toBe('multiYear');
    expect(t!.columns.map((c) => c.role)).toEqual(['otherText', 'label', ...Array(14).fill('year')]);
    expect(t!.columns.map((c) => c.year).slice(2)).toEqual([
      '2005-06', '2006-07', '2007-08', '2008-09', '2009-10', '2010-11', '2011-12', '2012-13', '2013-14', '2014-15', '2015-16', '2016-17',
      '2017-18', '2018-19',
    ]);
    expect([row(t!, 2).kind, row(t!, 2).label, ...covers(t!, 2)]).toEqual(['total', 'Total Unitary Authorities', rows(3, 24), 'above']);
    expect(excelRows(t!, 'line')).toEqual(rows(3, 24));
  });
});
