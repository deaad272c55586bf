/**
 * Layouts the reader was not built on (test/fixtures/grids/unseen.ts): exact reading, no
 * finding on the clean version, and one injected fault reported at exactly its cells.
 */
import { validateWorkbook } from '../../../src/engine/validate';
import { unseenDirectorateTotalsFirst, unseenPlaceTwoRowHeader, unseenRevenueCapitalStacked } from '../../fixtures/grids';

/** Rows as `excelRow:kind{covered rows}basis`, the way a reviewer reads the layout. */
import { found, roles, shapeWithBasis as shape, withCells } from './fault-injection';

describe('Place P8: two-row header, £000 in the second row, income in its own section', () => {
  const clean = unseenPlaceTwoRowHeader();

  it('is read as one monitoring table in £000 with its columns named by both header rows', () => {
    const tables = validateWorkbook(clean).tables;
    expect(tables.map((t) => [t.range, t.kind, t.unit, t.headerRows.map((r) => r + 1)])).toEqual([['A3:I19', 'monitoring', 'thousands', [3, 4]]]);
    expect(roles(tables[0]!)).toBe('A:label B:netBudget C:otherNumber D:otherNumber E:forecast F:variance G:variancePercent H:rag I:comments');
    // Net Expenditure (=B11-B17) subtracts: a calculated line, not a total of anything.
    expect(shape(tables[0]!)).toBe(
      '5:section 6:line 7:line 8:line 9:line 10:line 11:subtotal{6,7,8,9,10}section 12:blank 13:section 14:line 15:line 16:line 17:subtotal{14,15,16}section 18:blank 19:line',
    );
  });

  it('gives no error and no warning when clean', () => {
    expect(found(clean)).toEqual([]);
  });

  it('a Total Income SUM that stops a line short is reported at each of its cells, and nothing else', () => {
    const faulted = withCells(clean, Object.fromEntries('BCDE'.split('').map((l) => [`${l}17`, { formula: `=SUM(${l}14:${l}15)` }])));
    expect(found(faulted)).toEqual(['B17', 'C17', 'D17', 'E17'].flatMap((c) => [`${c} sum-range error`, `${c} total-sum error`]).sort());
  });

  it('a wrong RAG is reported at that RAG cell only', () => {
    expect(found(withCells(clean, { H9: { value: 'Red' } }))).toEqual(['H9 rag-policy error']);
  });
});

describe('Directorate summary: grand total at the top, service totals above their lines', () => {
  const clean = unseenDirectorateTotalsFirst();

  it('reads the top total as covering the service totals, and each service total its lines below', () => {
    const [t, ...rest] = validateWorkbook(clean).tables;
    expect(rest).toEqual([]);
    expect([t!.range, t!.unit, t!.unitSource]).toEqual(['A2:F15', 'millions', 'title']);
    expect(roles(t!)).toBe('A:label B:netBudget C:forecast D:variance E:varianceLabel F:rag');
    expect(shape(t!)).toBe(
      '3:total{4,9,13}subtotals 4:subtotal{5,6,7,8}above 5:line 6:line 7:line 8:line 9:subtotal{10,11,12}above 10:line 11:line 12:line 13:subtotal{14,15}above 14:line 15:line',
    );
  });

  it('gives no error and no warning when clean', () => {
    expect(found(clean)).toEqual([]);
  });

  it('a top total that leaves out a service is reported in each of its columns', () => {
    // The formulas themselves are the evidence (sum-range). Row 3 disagrees with its services in
    // every column, so its arithmetic alone confirms no reading: the differences are notes,
    // D3 (=C3-B3) among them, since the variance it now shows is not the services' added up.
    const faulted = withCells(clean, { B3: { formula: '=B4+B9' }, C3: { formula: '=C4+C9' } });
    expect(found(faulted)).toEqual(['B3 sum-range error', 'C3 sum-range error']);
    const notes = validateWorkbook(faulted).findings.filter((f) => f.rule === 'total-sum' && f.severity === 'info').map((f) => f.cell);
    expect(notes).toEqual(['B3', 'C3', 'D3']);
  });

  it('a wrong Overspend / Underspend word is reported at that word', () => {
    expect(found(withCells(clean, { E7: { value: 'Overspend' } }))).toEqual(['E7 variance-label error']);
  });
});

describe('Revenue and capital stacked, units only in the titles', () => {
  const clean = unseenRevenueCapitalStacked();

  it('finds the two tables, each in £000 from its own title, with blank rows kept inside sections', () => {
    const tables = validateWorkbook(clean).tables;
    expect(tables.map((t) => [t.range, t.kind, t.unit, t.unitSource])).toEqual([
      ['A2:D16', 'monitoring', 'thousands', 'title'],
      ['A20:D25', 'monitoring', 'thousands', 'title'],
    ]);
    expect(shape(tables[0]!)).toBe(
      '3:section 4:line 5:line 6:blank 7:line 8:subtotal{4,5,7}section 9:blank 10:section 11:line 12:blank 13:line 14:line 15:subtotal{11,13,14}section 16:total{8,15}subtotals',
    );
    expect(shape(tables[1]!)).toBe('21:line 22:line 23:line 24:line 25:total{21,22,23,24}section');
  });

  it('when clean, only warns that the capital Total is typed rather than a formula (the spec asks for formulas)', () => {
    expect(found(clean)).toEqual(['B25 total-formula warning', 'C25 total-formula warning', 'D25 total-formula warning']);
  });

  it('a changed forecast under a typed total is reported at that figure, and at the total it no longer adds up to', () => {
    const faulted = withCells(clean, { C22: { value: 2510 } });
    expect(found(faulted)).toEqual(['B25 total-formula warning', 'C22 variance error', 'C25 total-formula warning', 'C25 total-sum error', 'D25 total-formula warning']);
  });

  it('a revenue section total that double counts the section above is reported at its cells', () => {
    const faulted = withCells(clean, { B15: { formula: '=SUM(B8:B14)' } });
    // D15 (=C15-B15) now shows a variance its lines do not add up to; the grand total B16
    // still adds exactly the two section totals, so it is not reported.
    const typedCapitalTotal = ['B25 total-formula warning', 'C25 total-formula warning', 'D25 total-formula warning'];
    expect(found(faulted)).toEqual(['B15 sum-range error', 'B15 total-sum error', 'D15 total-sum error', ...typedCapitalTotal].sort());
  });
});
