/**
 * Small grids, each isolating one structure the reader must recognise: bare "Total" rows
 * per section with a grand total, names that differ only by "&"/"and", a lone total,
 * a sub total with no section, stated ranges of sheet rows, a total printed first, a SUM
 * that stops short, headerless figures.
 */
import { type CellValue, sheetFromValues } from '../../../src/engine/grid';
import type { MonitoringTable } from '../../../src/engine/model';
import { readTables } from '../../../src/engine/read';

const read = (rows: CellValue[][]): MonitoringTable => {
  const tables = readTables({ sheets: [sheetFromValues('S', rows)] });
  expect(tables).toHaveLength(1);
  return tables[0]!;
};
/** "5:line 6:total{3,4}" — every body row in Excel numbering, for a compact exact comparison. */
const shape = (t: MonitoringTable): string =>
  t.rows.map((r) => `${r.row + 1}:${r.kind}${r.covers ? `{${r.covers.map((x) => x + 1).join(',')}}${r.coverBasis}` : ''}`).join(' ');

describe('row structures', () => {
  it('each section closed by a bare "Total", then a grand total of the section totals', () => {
    const t = read([
      ['Service', 'Budget £000', 'Forecast £000'],
      ['Schools', null, null],
      ['Primary', 10, 11],
      ['Secondary', 20, 19],
      ['Total', 30, 30],
      ['Roads', null, null],
      ['Lighting', 5, 6],
      ['Repairs', 7, 7],
      ['Total', 12, 13],
      ['Grand Total', 42, 43],
    ]);
    expect(shape(t)).toBe('2:section 3:line 4:line 5:subtotal{3,4}section 6:section 7:line 8:line 9:subtotal{7,8}section 10:total{5,9}subtotals');
  });

  it('matches "Total Children and Families" to the section "Children & Families"', () => {
    const t = read([
      ['Service Area', 'Net Budget £m', 'Forecast £m'],
      ['Children & Families', null, null],
      ['Fostering', 1, 1.1],
      ['Placements', 2, 2.5],
      ['Total Children and Families', 3, 3.6],
      ['Education', null, null],
      ['Transport', 4, 3.9],
      ['Education Total', 4, 3.9],
      ['Directorate Total', 7, 7.5],
    ]);
    expect(shape(t)).toBe('2:section 3:line 4:line 5:subtotal{3,4}section 6:section 7:line 8:subtotal{7}section 9:total{5,8}subtotals');
  });

  it('a single section under a lone "Total" is the table total', () => {
    const t = read([
      ['Item', 'Budget £000'],
      ['Staffing', null],
      ['Salaries', 100],
      ['Agency', 20],
      ['Total', 120],
    ]);
    expect(shape(t)).toBe('2:section 3:line 4:line 5:total{3,4}section');
  });

  it('a "sub total" with no section heading covers the lines since the last summary row', () => {
    const t = read([
      ['Line', 'Budget £000'],
      ['A', 1],
      ['B', 2],
      ['Sub-total', 3],
      ['C', 4],
      ['Subtotal', 4],
      ['Net total', 7],
    ]);
    expect(shape(t)).toBe('2:line 3:line 4:subtotal{2,3}section 5:line 6:subtotal{5}section 7:total{4,6}subtotals');
  });

  it('"total of lines x to y" with no line-number column means those sheet rows', () => {
    const t = read([
      ['Item', 'Amount £000'],
      ['Rent', 5],
      ['Rates', 6],
      ['Fees', 7],
      ['Premises (total of lines 2 to 3)', 11],
      ['All (total of rows 2 to 4)', 18],
    ]);
    expect(shape(t)).toBe('2:line 3:line 4:line 5:total{2,3}statedRange 6:total{2,3,4}statedRange');
  });

  it('a total printed first covers the lines beneath it', () => {
    const t = read([
      ['Council', '2023-24', '2024-25'],
      ['Total', 30, 33],
      ['North', 10, 11],
      ['South', 20, 22],
    ]);
    expect(shape(t)).toBe('2:total{3,4}above 3:line 4:line');
  });

  it('a service total above its lines whose SUM stops short still covers the whole block', () => {
    const rows = [
      ['Service', 'Gross £000'],
      ['Education', { value: 30, formula: '=SUM(B3:B4)' }],
      ['Primary', 10],
      ['Secondary', 20],
      ['Special', 5],
      ['Roads', { value: 9, formula: '=SUM(B7:B8)' }],
      ['Lighting', 4],
      ['Repairs', 5],
      ['Total', { value: 39, formula: '=B2+B6' }],
    ] as const;
    const t = readTables({ sheets: [sheetFromValues('S', rows as unknown as CellValue[][])] })[0]!;
    expect(shape(t)).toBe('2:subtotal{3,4,5}above 3:line 4:line 5:line 6:subtotal{7,8}above 7:line 8:line 9:total{2,6}subtotals');
    expect(t.rows[0]!.formulaCovers?.map((r) => r + 1)).toEqual([3, 4]); // as written: Special is left out
  });

  it('figures with no header still make a table', () => {
    const tables = readTables({ sheets: [sheetFromValues('S', [[null], ['Rent', 5, 6], ['Rates', 6, 7], ['Total', 11, 13]])] });
    expect(tables.map((t) => [t.range, t.headerRows.length, t.kind])).toEqual([['A2:C4', 0, 'generic']]);
    expect(shape(tables[0]!)).toBe('2:line 3:line 4:total{2,3}section');
  });

  it('calls a table monitoring only when it sets a budget against a forecast or variance', () => {
    const kindOf = (header: string[]): string => read([header, ['Schools', 10, 11, 1], ['Roads', 5, 4, -1]]).kind;
    expect(kindOf(['Service', 'Net Budget £m', 'Forecast £m', 'Variance £m'])).toBe('monitoring');
    expect(kindOf(['Service', 'Variance £m', 'Movement £m', 'RAG'])).toBe('generic');
    expect(kindOf(['Service', '2024/25', '2025/26', '2026/27'])).toBe('multiYear');
    expect(kindOf(['Action', 'Quarter 2 £m', 'Month 7 £m', 'Movement £m'])).toBe('mitigationTracker');
    expect(kindOf(['Saving', 'Target £', 'Achieved', 'At Risk'])).toBe('savingsTracker');
  });

  it('keeps footnotes and long narrative rows as notes, not sections', () => {
    const t = read([
      ['Service', 'Budget', 'Forecast'],
      ['Schools', 10, 11],
      ['This line includes the cost of the new academy conversions agreed by Cabinet in March, phased over two years.', null, null],
      ['Roads', 5, 4],
      ['Total', 15, 15],
      [],
      ['Note: figures exclude schools delegated budgets', null, null],
    ]);
    expect(shape(t)).toBe('2:line 3:note 4:line 5:total{2,4}section 6:blank 7:note');
  });

  it('takes the unit from the number format when no header or title states it', () => {
    const cell = (value: number) => ({ value, format: '#,##0.0,,"m"' });
    const tables = readTables({
      sheets: [sheetFromValues('S', [['Service', 'Budget', 'Forecast'], ['Schools', cell(1e7), cell(1.1e7)], ['Roads', cell(5e6), cell(4e6)]])],
    });
    expect([tables[0]!.unit, tables[0]!.unitSource]).toEqual(['millions', 'format']);
  });

  it('carries a group heading over the columns beneath it, and reads "Over / (Under) Spend" figures as the variance', () => {
    const t = read([
      ['', 'Budget', null, null, 'Forecast', null],
      ['Service', 'Gross', 'Income', 'Net', 'Outturn', 'Over / (Under) Spend £000'],
      ['Schools', 12, -2, 10, 11, 1],
      ['Roads', 6, -1, 5, 4, -1],
    ]);
    expect(t.columns.map((c) => `${c.letter}:${c.header}:${c.role}`)).toEqual([
      'A:Service:label', 'B:Budget Gross:expenditure', 'C:Budget Income:income', 'D:Budget Net:netBudget',
      'E:Forecast Outturn:forecast', 'F:Forecast Over / (Under) Spend £000:variance',
    ]);
    expect([t.kind, t.headerRows, t.signs]).toEqual(['monitoring', [0, 1], { income: 'negative', variance: 'overspendPositive' }]);
  });

  it('reads a period column in a monitoring table as an earlier period', () => {
    const t = read([
      ['Service', 'Net Budget £m', 'Quarter 2 £m', 'Forecast £m', 'Variance £m', 'Movement since Quarter 2 £m'],
      ['Schools', 10, 10.5, 11, 1, 0.5],
      ['Roads', 5, 4.2, 4, -1, -0.2],
    ]);
    expect(t.columns.map((c) => `${c.letter}:${c.role}:${c.period ?? ''}`)).toEqual([
      'A:label:', 'B:netBudget:', 'C:previousPeriod:Quarter 2', 'D:forecast:', 'E:variance:', 'F:movement:Quarter 2',
    ]);
  });

  it('splits tables set side by side with an empty column between, but not a table with a spacer column', () => {
    const sideBySide = readTables({
      sheets: [sheetFromValues('S', [
        ['Revenue (£000)', null, null, null, 'Capital (£000)'],
        ['Service', 'Budget', 'Forecast', null, 'Scheme', 'Budget', 'Forecast'],
        ['Schools', 10, 11, null, 'New school', 500, 450],
        ['Roads', 5, 4, null, 'Bridge', 200, 260],
        ['Total', 15, 15, null, 'Total', 700, 710],
      ])],
    });
    expect(sideBySide.map((t) => [t.range, t.title, shape(t)])).toEqual([
      ['A2:C5', 'Revenue (£000)', '3:line 4:line 5:total{3,4}section'],
      ['E2:G5', 'Capital (£000)', '3:line 4:line 5:total{3,4}section'],
    ]);
    const spacer = read([
      ['Service', null, 'Budget £000', 'Forecast £000', null, 'Comments'],
      ['Schools', null, 10, 11, null, 'Pupil numbers up'],
      ['Roads', null, 5, 4, null, null],
    ]);
    expect([spacer.range, spacer.columns.map((c) => c.role)]).toEqual(['A1:F3', ['label', 'otherText', 'netBudget', 'forecast', 'otherText', 'comments']]);
  });

  it('reads a tracker action with a comment but no amounts yet as a line, not a heading', () => {
    const t = read([
      ['In-Year Mitigation Proposed', 'Quarter 2 £m', 'Month 7 £m', 'Movement £m', 'Comments'],
      ['To be Mitigated', 1, 1.2, 0.2, null],
      ['Review high-cost placements', null, null, null, 'Amounts by Month 8'],
      ['Recruit foster carers', 'TBC', -0.1, -0.1, null],
      ['Total Mitigations Identified', 0, -0.1, -0.1, null],
      ['Still to be Mitigated', 1, 1.1, 0.1, null],
    ]);
    expect(shape(t)).toBe('2:line 3:line 4:line 5:total{3,4}section 6:total{2,5}subtotals');
  });

  it('does not take a column of names headed "Budget Holder" for a budget', () => {
    const t = read([
      ['Cost Centre', 'Budget Holder', 'Budget £000', 'Forecast £000'],
      ['Fostering', 'J Smith', 100, 110],
      ['Adoption', 'A Jones', 50, 45],
    ]);
    expect(t.columns.map((c) => c.role)).toEqual(['label', 'otherText', 'netBudget', 'forecast']);
  });

  it('keeps year-to-date and earlier-period columns apart from this period\'s budget, forecast and variance', () => {
    const t = read([
      ['Service', 'YTD Budget £000', 'YTD Actual £000', 'Annual Budget £000', 'Previous Forecast £000', 'Forecast £000',
        'Month 6 Variance £000', 'Month 7 Variance £000'],
      ['Schools', 50, 52, 100, 104, 105, 4, 5],
      ['Roads', 25, 20, 50, 49, 48, -1, -2],
    ]);
    expect(t.columns.map((c) => `${c.role}${c.period ? `:${c.period}` : ''}`)).toEqual([
      'label', 'otherNumber', 'otherNumber', 'netBudget', 'previousPeriod', 'forecast', 'previousPeriod:Month 6', 'variance:Month 7',
    ]);
    expect(t.kind).toBe('monitoring');
  });

  it('reads a caption printed under the table as a note', () => {
    const t = read([
      ['Item', "£'000"],
      ['Base Budget', 100],
      ['Savings', -10],
      ['Proposed Base Budget', { value: 90, formula: '=SUM(B2:B3)' } as unknown as CellValue],
      ['Table 3: 2024-25 proposed budget', null],
    ]);
    expect(shape(t)).toBe('2:line 3:line 4:total{2,3}section 5:note');
  });

  it('in a single column of typed figures, a row adding up the lines below is a total only if it looks like a heading', () => {
    const plain = read([['Item', 'Amount £m'], ['Schools', 1.0], ['Roads', 0.6], ['Parks', 0.4]]);
    expect(shape(plain)).toBe('2:line 3:line 4:line');
    const headed = read([['Item', 'Amount £m'], [{ value: 'Services', bold: true } as unknown as CellValue, 1.0], ['  Roads', 0.6], ['  Parks', 0.4]]);
    expect(shape(headed)).toBe('2:subtotal{3,4}above 3:line 4:line');
  });
});
