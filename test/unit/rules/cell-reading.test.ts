/**
 * Which cells are figures: header, code and label cells are never judged as damaged figures
 * or numbers stored as text; real figures stored as text and damaged cells still are.
 */
import type { Cell, CellValue, Workbook } from '../../../src/engine/grid';
import { sheetFromValues } from '../../../src/engine/grid';
import { validateWorkbook } from '../../../src/engine/validate';

type Grid = ReadonlyArray<ReadonlyArray<CellValue | Cell>>;
const book = (name: string, rows: Grid): Workbook => ({ sheets: [sheetFromValues(name, rows)] });
const CELL_RULES = ['unreadable-figure', 'number-as-text', 'error-value', 'missing-figure'];

function cellFindings(workbook: Workbook): string[] {
  return validateWorkbook(workbook, { rules: CELL_RULES }).findings.map((f) => `${f.rule} ${f.cell}`);
}

const councils = ['Adur', 'Allerdale', 'Alnwick', 'Amber Valley', 'Arun', 'Ashfield'];

describe('header rows are not figures', () => {
  it('reads "1996 to 1997" year headings as a header row', () => {
    const rows: Array<Array<CellValue | Cell>> = [['Code ', 'ONS Code', 'Authority', 'Class', '1996 to 1997', '1997 to 1998', '1998 to 1999']];
    councils.forEach((name, i) => rows.push([`E${3831 + i}`, `E0700022${i}`, name, 'SD', 137.41 + i, 137.8 + i, 147.77 + i]));
    const wb = book('Band D', rows);
    expect(cellFindings(wb)).toEqual([]);
    const [table] = validateWorkbook(wb).tables;
    expect(table!.headerRows).toEqual([0]);
    expect(table!.columns.filter((c) => c.role === 'year').map((c) => c.letter)).toEqual(['E', 'F', 'G']);
  });

  it('takes the text rows above the first figures of a headerless table for its headings ("a"/"A" band rows)', () => {
    const rows: Grid = [
      [],
      [null, null, 1991, 'a', 'a', 'b', 'b'],
      [null, null, 2022, 'A', 'B', 'A', 'B'],
      ...councils.map((name, i) => [`W0600000${i + 1}`, `${name} / Cymraeg`, name, 47 + i, 106 + i, 0, 60 + i]),
    ];
    const wb = book('Count', rows);
    expect(cellFindings(wb)).toEqual([]);
    const [table] = validateWorkbook(wb).tables;
    expect(table!.firstRow).toBe(3);
  });

  it('takes a row of identifiers over the figures ("percent", "ba_code", "1993_04_01_band_a") for headings', () => {
    const rows: Grid = [
      ['lad11cd', 'ctband1991', 'percent', 'percent_cumulative', '1993_04_01_band_a'],
      ...councils.map((_, i) => [`W0600000${i + 1}`, 'abcdef'.charAt(i), 0.1 + i / 100, 0.2 + i / 50, 100 + i]),
    ];
    expect(cellFindings(book('Cumulative', rows))).toEqual([]);
  });

  it('takes thresholds written as text above the figures ("75k", "117k") for headings, not numbers stored as text', () => {
    const rows: Grid = [
      [null, null, null, 'Share, 2022 Bands'],
      [null, null, null, '75k', '117k', '170k'],
      [null, null, null, 'A', 'B', 'C'],
      ...councils.map((name, i) => [`W0600000${i + 1}`, name, name, 0.04 + i / 100, 0.15 + i / 100, 0.22 + i / 100]),
    ];
    expect(cellFindings(book('Shares', rows))).toEqual([]);
  });

  it('still reports a first line whose figures are all stored as text, in a column of figures stored as text', () => {
    const rows: Grid = [
      ['Service', 'Expenditure £', 'Income £'],
      ['Administration', '(3,000)', '(145,000)'],
      ['Parks', '(67)', '(60,000)'],
      ['Events', '2,500', '(20,000)'],
    ];
    expect(cellFindings(book('converted', rows))).toEqual([
      'number-as-text B2', 'number-as-text C2', 'number-as-text B3', 'number-as-text C3', 'number-as-text B4', 'number-as-text C4',
    ]);
  });

  it('still reports a number stored as text among typed numbers below the first figures', () => {
    const rows: Grid = [
      ['Service', 'Budget £000', 'Forecast £000'],
      ['Adults', 100, 110],
      ['Children', '200', 190],
      ['Housing', 300, 290],
    ];
    expect(cellFindings(book('Budget', rows))).toEqual(['number-as-text B3']);
  });
});

describe('code columns are not figure columns', () => {
  it('a column of area codes under a "Total …" heading holds no figures', () => {
    const rows: Grid = [
      ['Total Unitary Authorities', null, 'Total CT for billing authority area', 'Community council CT'],
      ['Total Unitary Authorities', null, 1433.4, 40.1],
      ...councils.map((name, i) => [`W060000${19 - i}`, name, 1768.27 + i, 26.59 + i]),
    ];
    expect(cellFindings(book('Wales', rows)).filter((f) => f.endsWith(' A2') || / A\d+$/.test(f))).toEqual([]);
  });
});

describe('SQL NULL in a data extract is an empty cell', () => {
  it('is neither an unreadable figure nor a figure', () => {
    const rows: Grid = [
      ['ecode', 'Authority', 'Band D £', 'Parish precepts £', 'Adjustment £'],
      ...councils.map((name, i) => [`E${3831 + i}`, name, 1500 + i, i % 2 === 0 ? 'NULL' : 20 + i, 'NULL']),
      ['E3999', 'Zeta', 1600, 30, 5],
    ];
    expect(cellFindings(book('CTR1 SQL', rows))).toEqual([]);
  });
});

describe('rows of words across the figure columns are captions, not damaged figures', () => {
  it('a caption row inside a table ("2017 £ Note", "2016 Note")', () => {
    const rows: Grid = [
      ['Item', 'Amount £', 'Prior £'],
      ['Precept', 1354007, 1309126],
      ['Grants', 60473, 58000],
      ['Balance sheet', '2017\n£   Note', '2016   Note'],
      ['Cash', 105354, 100120],
      ['Debtors', 18394, 17000],
    ];
    expect(cellFindings(book('converted data', rows))).toEqual([]);
  });

  it('a row of names across the figure columns of a data table', () => {
    const rows: Grid = [
      ['ecode', 'Authority', 'Band D £', 'Taxbase', 'Yield £'],
      ...councils.map((name, i) => [`E${3831 + i}`, name, 1500 + i, 20000 + i, 3e7 + i]),
      [null, 'Apply to the increase in average Band D amount across the area', 'Daventry', 'Northampton', 'South Northamptonshire'],
    ];
    expect(cellFindings(book('Data', rows))).toEqual([]);
  });

  it('a word on a line that has figures is still reported', () => {
    const rows: Grid = [
      ['Service', 'Budget £000', 'Forecast £000'],
      ['Adults', 100, 110],
      ['Children', 200, 'see note'],
      ['Housing', 300, 290],
    ];
    expect(cellFindings(book('Budget', rows))).toEqual(['unreadable-figure C3']);
  });

  it('several figures in one cell, and a figure with a note letter, are still reported', () => {
    const rows: Grid = [
      ['Item', 'Amount £', 'Prior £'],
      ['Precept', 1354007, 1309126],
      ['Grants', '60,473      D\n 1,354,007', 58000],
      ['Cash', '18,394     F', 100120],
    ];
    expect(cellFindings(book('converted data', rows))).toEqual(['unreadable-figure B3', 'unreadable-figure B4']);
  });
});

describe('more headings and notes that are not figures', () => {
  it('a year heading over a column of lookup indexes, below a blank row ("2021-21", "2022-23")', () => {
    const rows: Grid = [
      ['Line', null, '2021-22', '2022-23'],
      [],
      [null, null, '2021-21', '2022-23'],
      ['Line 1', null, 5, 6],
      ['Line 1a', null, 13, 14],
      ['Line 2', null, 21, 22],
    ];
    expect(cellFindings(book('Precepting', rows))).toEqual([]);
  });

  it('a legend row ("A (6%)") under the band letters', () => {
    const rows: Grid = [
      ['Write a LA name here!', null, 'a', 'b', 'c'],
      ['flintshire', null, 'A (6%)', 'B (15%)', 'C (29%)'],
      [null, 1991, 0.0157, 0.0117, 0.0092],
      ['Share of Receipts, 2003 Values', '2003_receipt_share', 5252038.7, 13161499.0, 20000000],
      ['Share of Households, 2003 Values', '2003_share', 0.063, 0.135, 0.294],
      [null, 2022, 0.006, 0.006, 0.007],
      ['Share of Receipts, 2022 Values', '2022_receipt_share', 1273946.5, 8958681.1, 15000000],
    ];
    expect(cellFindings(book('Chart', rows))).toEqual([]);
  });

  it('a sentence written in a figure column is a note', () => {
    const rows: Grid = [
      ['Band', 'Value £', 'Growth'],
      ['A', 'Existing Values in 1991 Bands (From Stata, see 2023-06-28 notes)', null],
      ['A', 40000, 0.1],
      ['B', 52000, 0.2],
      ['C', 68000, 0.3],
    ];
    expect(cellFindings(book('Revaluing', rows))).toEqual([]);
  });

  it('a heading row beside a side calculation ("Tot TB" and its SUM)', () => {
    const rows: Grid = [
      ['LA Code', 'Authority', 'ctrtaxbaseadj_ba_cy', 'avebanddtot_ba', 'Area CT yield', 'Tot TB', { value: 52122.6, formula: '=SUM(C3:C6)' }],
      ['E3831', 'Adur', 21232.8, 2057.34, 43683088.75],
      ['E0931', 'Allerdale', 30889.8, 2033.03, 62799890.09],
      ['E1031', 'Amber Valley', 30000, 2000, 60000000],
    ];
    const shifted: Grid = [[null, null, 1, 2, 3], ...rows];
    expect(cellFindings(book('Calcs', shifted))).toEqual([]);
  });
});

describe('single heading cells and columns of words', () => {
  it('a year heading with a unit or "Note" alone in a figure column ("2017 £ Note")', () => {
    const rows: Grid = [
      ['Item', 'Amount £'],
      ['Precept', 1354007],
      ['Grants', 60473],
      [null, '2017\n£   Note'],
      ['Cash', 105354],
      ['Debtors', 18394],
    ];
    expect(cellFindings(book('converted data', rows))).toEqual([]);
  });

  it('field names of a data extract in a figure column ("ctrtaxbaseadj_ba_cy")', () => {
    const rows: Grid = [
      ['Code', 'Authority', 'Taxbase', 'Band D'],
      ['E3831', 'Adur', 21232.8, 2057.34],
      ['E0931', 'Allerdale', 30889.8, 2033.03],
      [null, 'Totals', 'ctrtaxbaseadj_ba_cy', 5],
      ['E1031', 'Amber Valley', 30000, 2000],
    ];
    expect(cellFindings(book('Calcs', rows))).toEqual([]);
  });

  it('a column of nils with a council name on a few rows is no figure column', () => {
    const rows: Array<Array<CellValue | Cell>> = [['Code', 'Authority', 'Band D £', 'Predecessor', 'Taxbase']];
    councils.forEach((name, i) => rows.push([`E${3831 + i}`, name, 1500 + i, i === 2 ? 'Daventry' : '-', 20000 + i]));
    expect(cellFindings(book('Data', rows))).toEqual([]);
  });
});
