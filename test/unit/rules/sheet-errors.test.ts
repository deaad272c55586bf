/**
 * Error values are reported on every sheet, whether or not a table is read there, once per
 * cell; a formula hiding a broken reference behind IFERROR is a warning.
 */
import type { Cell, CellValue, Workbook } from '../../../src/engine/grid';
import { sheetFromValues } from '../../../src/engine/grid';
import { validateWorkbook } from '../../../src/engine/validate';

const err = (error: string, formula?: string): Cell => (formula ? { value: { error }, formula } : { value: { error } });
const book = (...sheets: Array<[string, ReadonlyArray<ReadonlyArray<CellValue | Cell>>]>): Workbook => ({ sheets: sheets.map(([name, rows]) => sheetFromValues(name, rows)) });

function found(workbook: Workbook, rules?: string[]): string[] {
  return validateWorkbook(workbook, rules ? { rules } : {})
    .findings.filter((f) => f.rule === 'error-value')
    .map((f) => `${f.severity} ${f.sheet}!${f.cell}`);
}

// A sheet where no table is recognised: a caption and a few calculated cells.
const loose = (): Workbook =>
  book([
    'Avg',
    [
      ['Averages by tier'],
      [null, 'Share cut', 'Share rise'],
      ['Bolton', err('#VALUE!', '=SUMIFS(Share!$D4:$BW4,Flat!$C4:$CE4,">0")'), err('#REF!', '=SUMIFS(Share!#REF!,Flat!C4,">0")')],
    ],
  ]);

// A small table: labels, budgets and forecasts, one cell of it an error.
const table = (cell: Cell): Workbook =>
  book([
    'Budget',
    [
      ['Service', 'Budget £000', 'Forecast £000'],
      ['Adults', 100, 110],
      ['Children', 200, cell],
      ['Housing', 300, 290],
      ['Total', { value: 600, formula: '=SUM(B2:B4)' }, { value: 400, formula: '=SUM(C2:C4)' }],
    ],
  ]);

describe('error values outside any table (sheet pass of error-value)', () => {
  it('reports errors on a sheet where no table is recognised', () => {
    const wb = loose();
    expect(validateWorkbook(wb).tables.filter((t) => t.sheet === 'Avg')).toEqual([]);
    expect(found(wb)).toEqual(['error Avg!B3', 'error Avg!C3']);
  });

  it('says what the error is and which formula shows it', () => {
    const f = validateWorkbook(loose()).findings.find((x) => x.cell === 'C3')!;
    expect(f.message).toBe('C3 shows the error #REF! from its formula =SUMIFS(Share!#REF!,Flat!C4,">0"): the formula refers to a cell that was deleted');
    expect(f.actual).toBe('#REF!');
  });

  it('reports an error inside a table once', () => {
    expect(found(table(err('#DIV/0!', '=B3/0')))).toEqual(['error Budget!C3']);
  });

  it('runs with error-value and not without it', () => {
    expect(found(loose(), ['error-value'])).toEqual(['error Avg!B3', 'error Avg!C3']);
    expect(found(loose(), ['total-sum'])).toEqual([]);
  });

  it('reports error text typed into a cell, and #NULL!', () => {
    const wb = book(['Notes', [['See below'], ['#N/A'], [err('#NULL!', '=A1 A2')]]]);
    expect(found(wb)).toEqual(['error Notes!A2', 'error Notes!A3']);
  });
});

describe('a broken reference hidden by IFERROR', () => {
  it('is a warning at the formula whose text holds #REF! while its value is not an error', () => {
    const wb = book([
      'Flat',
      [
        ['Bills by band'],
        ['Bolton', { value: 'N/A', formula: '=IFERROR(Stock!#REF!*Bills!D7,"N/A")' }, { value: 12, formula: '=IFERROR(Stock!E4*Bills!E7,"N/A")' }],
        ['Bury', { value: 0, formula: '=#REF!+1-#REF!' }],
      ],
    ]);
    const findings = validateWorkbook(wb).findings.filter((f) => f.rule === 'error-value');
    expect(findings.map((f) => `${f.severity} ${f.sheet}!${f.cell}`)).toEqual(['warning Flat!B2', 'warning Flat!B3']);
    expect(findings[0]!.message).toBe('B2 hides a broken reference: its formula =IFERROR(Stock!#REF!*Bills!D7,"N/A") refers to a cell that was deleted, and IFERROR shows "N/A" instead of the error');
    expect(findings[1]!.message).toBe('B3 hides a broken reference: its formula =#REF!+1-#REF! refers to a cell that was deleted, yet shows 0');
  });

  it('is not reported twice when the value is the error itself', () => {
    const wb = book(['Flat', [['x'], [err('#REF!', '=#REF!+1')]]]);
    expect(found(wb)).toEqual(['error Flat!A2']);
  });
});

describe('many cells with the same broken formula', () => {
  it('each is reported, and the message says how many cells share the copied formula', () => {
    const rows: Array<Array<CellValue | Cell>> = [['Code', 'Authority', 'Band D']];
    for (let r = 2; r <= 6; r++) rows.push([`E0${r}`, `Council ${r}`, err('#N/A', `=INDEX(Lookup!$F$2:$F$375,MATCH(A${r},Lookup!$A$2:$A$375,0))`)]);
    const findings = validateWorkbook(book(['Data', rows])).findings.filter((f) => f.rule === 'error-value');
    expect(findings.map((f) => f.cell)).toEqual(['C2', 'C3', 'C4', 'C5', 'C6']);
    expect(findings[0]!.message).toMatch(/: a lookup found nothing; the same formula, copied, shows #N\/A in 5 cells \(C2:C6\)$/);
  });
});

describe('copies of a formula hiding a broken reference', () => {
  it('each is a warning that counts the copies', () => {
    const rows: Array<Array<CellValue | Cell>> = [['Bills by band']];
    for (let r = 2; r <= 4; r++) rows.push([`Council ${r}`, { value: '0', formula: `=IFERROR(Stock!#REF!*Bills!B${r},"0")` }]);
    const findings = validateWorkbook(book(['Flat', rows])).findings.filter((f) => f.rule === 'error-value');
    expect(findings.map((f) => `${f.severity} ${f.cell}`)).toEqual(['warning B2', 'warning B3', 'warning B4']);
    expect(findings[2]!.message).toMatch(/IFERROR shows "0" instead of the error; the same formula is copied to 3 cells \(B2:B4\)$/);
  });
});
