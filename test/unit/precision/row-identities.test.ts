/**
 * Row arithmetic is checked only where the table's own figures show the columns were
 * read right: one faulted line is reported at its cell; a table whose rows mostly break
 * the identity was misread, and says nothing rather than one error per row.
 */
import type { CellValue, Workbook } from '../../../src/engine/grid';
import { validateWorkbook } from '../../../src/engine/validate';

const grid = (rows: CellValue[][]): Workbook => ({ sheets: [{ name: 'Budget', rows: rows.map((r) => r.map((value) => ({ value }))) }] });
const header: CellValue[] = ['Service', 'Expenditure £000', 'Income £000', 'Net Budget £000'];
const netBudgetCells = (wb: Workbook): string[] => validateWorkbook(wb).findings.filter((f) => f.rule === 'net-budget').map((f) => f.cell);

describe('net-budget precision', () => {
  it('reports exactly the one line whose net budget is wrong', () => {
    const wb = grid([
      header,
      ['Libraries', 500, -100, 400],
      ['Parks', 300, -50, 250],
      ['Leisure', 800, -300, 510], // 500 expected
      ['Museums', 200, -20, 180],
      ['Archives', 90, -10, 80],
    ]);
    expect(netBudgetCells(wb)).toEqual(['D4']);
  });

  it('says nothing when most rows break the identity (the columns were not what their headers suggested)', () => {
    const wb = grid([
      header,
      ['Libraries', 500, 100, 37],
      ['Parks', 300, 50, 12],
      ['Leisure', 800, 300, 500],
      ['Museums', 200, 20, 4],
      ['Archives', 90, 10, 1],
    ]);
    expect(netBudgetCells(wb)).toEqual([]);
  });
});

describe('sum-range messages stay readable', () => {
  it('names a long run of left-out rows as one range with its count', () => {
    const lines: CellValue[][] = Array.from({ length: 40 }, (_, i) => [`Council ${i + 1}`, 10 + i]);
    const wb: Workbook = {
      sheets: [{
        name: 'Budget',
        rows: [
          [{ value: 'Council' }, { value: 'Net Budget £000' }],
          ...lines.map((r) => r.map((value) => ({ value }))),
          [{ value: 'Total' }, { value: 10, formula: '=SUM(B2:B2)' }],
        ],
      }],
    };
    const f = validateWorkbook(wb).findings.find((x) => x.rule === 'sum-range')!;
    expect([f.cell, f.message]).toEqual(['B42', 'Total B42 is =SUM(B2:B2), which leaves out rows 3–41 (39 rows); it should be =SUM(B2:B41)']);
  });
});

describe('total-sum precision', () => {
  const cell = (value: CellValue, formula?: string) => (formula ? { value, formula } : { value });

  it('leaves alone a check beside a total (=B5-SUM(B2:B4) in a Check column) and still finds a total that is wrong', () => {
    const wb: Workbook = {
      sheets: [{
        name: 'Budget',
        rows: [
          [cell('Service'), cell('Net Budget £000'), cell('Check')],
          [cell('Libraries'), cell(400)],
          [cell('Parks'), cell(250)],
          [cell('Leisure'), cell(500)],
          [cell('Total'), cell(1160, '=SUM(B2:B4)+10'), cell(10, '=B5-SUM(B2:B4)')],
        ],
      }],
    };
    const found = validateWorkbook(wb).findings.filter((f) => f.rule === 'total-sum').map((f) => f.cell);
    expect(found).toEqual(['B5']);
  });

  it('reads words that say "total" with no figures on their row (a caption over a column) as a note, not a total', () => {
    const wb = grid([
      ['Service', 'Net Budget £000'],
      [null, 'Net total cost'],
      ['Libraries', 400],
      ['Parks', 250],
      ['Total', 650],
    ]);
    const { tables, findings } = validateWorkbook(wb);
    expect(tables[0]!.rows.map((r) => `${r.row + 1}:${r.kind}`)).toEqual(['2:note', '3:line', '4:line', '5:total']);
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
  });
});

describe('typed "Total …" figures with nothing of their own to add', () => {
  it('are lines, and the total after them adds them; a wrong one is reported there', () => {
    const rows: CellValue[][] = [
      ['Item', 'Amount £000'],
      ['Total revenue foregone - pensioners', 1476],
      ['Total revenue foregone - working age', 1760],
      ['Total revenue foregone', 3236],
    ];
    const { tables, findings } = validateWorkbook(grid(rows));
    expect(tables[0]!.rows.map((r) => `${r.row + 1}:${r.kind}${r.covers ? `{${r.covers.map((x) => x + 1).join(',')}}` : ''}`)).toEqual(['2:line', '3:line', '4:total{2,3}']);
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
    const wrong = validateWorkbook(grid([...rows.slice(0, 3), ['Total revenue foregone', 3336]])).findings.filter((f) => f.severity === 'error');
    expect(wrong.map((f) => `${f.cell} ${f.rule}`)).toEqual(['B4 total-sum']);
  });
});
