/**
 * Monitoring layouts from test/fixtures/grids/unseen-monitoring.ts: read exactly, clean
 * versions give no error or warning, and each injected fault is reported at exactly its cell.
 */
import { parseNumberText } from '../../../src/engine/numbers';
import { validateWorkbook } from '../../../src/engine/validate';
import { unseenFiguresAsText, unseenMonthByMonth, unseenPeriodSheets, unseenThreeLevels, unseenUnderspendPositive } from '../../fixtures/grids';
import { found, foundOn, roles, shape, withCells } from './fault-injection';

describe('Month-by-month profile: Apr … Mar, then Full Year Forecast, Annual Budget, Variance', () => {
  const clean = unseenMonthByMonth();

  it('reads the months as figures of their own and the last three columns as forecast, budget, variance', () => {
    const [t, ...rest] = validateWorkbook(clean).tables;
    expect(rest).toEqual([]);
    expect([t!.range, t!.unit]).toEqual(['A3:P9', 'thousands']);
    expect(roles(t!)).toBe(`A:label ${'BCDEFGHIJKLM'.split('').map((l) => `${l}:otherNumber`).join(' ')} N:forecast O:netBudget P:variance`);
    expect(shape(t!)).toBe('4:line 5:line 6:line 7:line 8:line 9:total{4,5,6,7,8}');
  });

  it('gives no error and no warning when clean', () => {
    expect(found(clean)).toEqual([]);
  });

  it('a Total SUM that stops a service short is reported at that total, and at the variance it throws out', () => {
    // P9 (=N9-O9) is right in itself but no longer the services' variances added up.
    expect(found(withCells(clean, { N9: { formula: '=SUM(N4:N7)' } }))).toEqual(['N9 sum-range error', 'N9 total-sum error', 'P9 total-sum error']);
  });

  it('a variance typed over its formula is reported at that cell (and at the total it no longer adds up to)', () => {
    expect(found(withCells(clean, { P6: { value: 50 } }))).toEqual(['P6 variance error', 'P9 total-sum error']);
  });
});

describe('Underspend/(Overspend) shown positive when favourable, Var %, RAG as R/A/G', () => {
  const clean = unseenUnderspendPositive();

  it('reads "Underspend/(Overspend)" as the variance and "Var %" as its percentage', () => {
    const [t, ...rest] = validateWorkbook(clean).tables;
    expect(rest).toEqual([]);
    expect([t!.range, t!.unit]).toEqual(['A2:F9', 'pounds']);
    expect(roles(t!)).toBe('A:label B:netBudget C:forecast D:variance E:variancePercent F:rag');
  });

  it('gives no error and no warning when clean', () => {
    expect(found(clean)).toEqual([]);
  });

  it('a wrong RAG letter is reported at that letter, in the same single-letter style', () => {
    const [f, ...rest] = validateWorkbook(withCells(clean, { F4: { value: 'G' } })).findings.filter((x) => x.severity !== 'info');
    expect(rest).toEqual([]);
    expect([f!.cell, f!.rule, f!.expected]).toEqual(['F4', 'rag-policy', 'A']);
  });

  it('an underspend marked R is reported as G', () => {
    expect(found(withCells(clean, { F3: { value: 'R' } }))).toEqual(['F3 rag-policy error']);
  });

  it('a variance typed with the wrong sign is reported at that cell, not also at its RAG (which is right for the figures)', () => {
    expect(found(withCells(clean, { D5: { value: 185_000 } }))).toEqual(['D5 variance error', 'D9 total-sum error']);
  });

  it('a Total SUM that stops a line short is reported at the total, not also at its RAG (right for the true figures)', () => {
    expect(found(withCells(clean, { C9: { formula: '=SUM(C3:C7)' } }))).toEqual(['C9 sum-range error', 'C9 total-sum error', 'D9 total-sum error']);
  });

  it('a wrong RAG on a total that adds up is still reported', () => {
    expect(found(withCells(clean, { F9: { value: 'G' } }))).toEqual(['F9 rag-policy error']);
  });

  it('a changed forecast that its variance formula follows is reported at the RAG it now contradicts', () => {
    // D4 and E4 recalculate; the overspend is now 80,000 (6.1%), Red under the policy.
    expect(found(withCells(clean, { C4: { value: 1_400_000 } }))).toEqual(['F4 rag-policy error']);
  });

  it('a wrong Var % is reported at that cell only', () => {
    expect(found(withCells(clean, { E6: { value: 0.5 } }))).toEqual(['E6 variance error']);
  });
});

describe('Three levels: services, division totals, a directorate total', () => {
  const clean = unseenThreeLevels();

  it('reads division totals over their services and the directorate total over the divisions', () => {
    const [t, ...rest] = validateWorkbook(clean).tables;
    expect(rest).toEqual([]);
    expect(shape(t!)).toBe('3:section 4:line 5:line 6:line 7:subtotal{4,5,6} 8:section 9:line 10:line 11:subtotal{9,10} 12:total{7,11}');
  });

  it('gives no error and no warning when clean', () => {
    expect(found(clean)).toEqual([]);
  });

  it('a directorate total that double counts services and divisions is reported at its cells', () => {
    expect(found(withCells(clean, { B12: { formula: '=SUM(B4:B11)' } }))).toEqual(['B12 sum-range error', 'B12 total-sum error', 'D12 total-sum error']);
  });

  it('a division total that stops a service short is reported at that division total', () => {
    expect(found(withCells(clean, { C7: { formula: '=SUM(C4:C5)' } }))).toEqual(['C7 sum-range error', 'C7 total-sum error', 'D7 total-sum error']);
  });

  it('a division total typed over its SUM with a changed figure is reported there, with the typed-total warning', () => {
    expect(found(withCells(clean, { B11: { value: 5900 } }))).toEqual(['B11 total-formula warning', 'B11 total-sum error', 'D11 total-sum error']);
  });
});

describe('"P5" and "P6" sheets, the movement header naming the earlier period', () => {
  it.each(['Change since P5', 'Movement from Period 5'])('"%s": reads the movement column and gives no finding at all when clean', (header) => {
    const result = validateWorkbook(unseenPeriodSheets(header));
    expect(result.tables.map((t) => `${t.sheet} ${t.range} ${roles(t)}`)).toEqual([
      'P5 A2:D7 A:label B:netBudget C:forecast D:variance',
      'P6 A2:E7 A:label B:netBudget C:forecast D:variance E:movement',
    ]);
    // No info either: every P6 line was matched to its P5 line on the sheet the header names.
    expect(result.findings.map((f) => `${f.sheet}!${f.cell} ${f.rule}`)).toEqual([]);
  });

  it.each(['Change since P5', 'Movement from Period 5'])('"%s": a wrong movement is reported at that cell against the P5 sheet', (header) => {
    const faulted = withCells(unseenPeriodSheets(header), { E5: { value: 99 } }, 'P6');
    const movement = validateWorkbook(faulted).findings.filter((f) => f.rule === 'movement' && f.severity === 'error');
    expect(movement.map((f) => [`${f.sheet}!${f.cell}`, f.expected])).toEqual([['P6!E5', -15]]);
    expect(movement[0]!.message).toContain('on P5');
    // E7 (=SUM) adds up its lines, wrong one included: nothing else is reported.
    expect(foundOn(faulted)).toEqual(['P6!E5 movement error']);
  });

  it('a movement total typed over its SUM with a wrong figure is reported there, not as a movement error', () => {
    expect(foundOn(withCells(unseenPeriodSheets(), { E7: { value: 200 } }, 'P6'))).toEqual(['P6!E7 total-formula warning', 'P6!E7 total-sum error']);
  });

  it('a changed P5 forecast makes each movement that depended on it wrong, and only those', () => {
    // P5's own variance follows its forecast (=C-B), so P5 is consistent; P6's typed movement for Events is not.
    const faulted = withCells(unseenPeriodSheets(), { C6: { value: 710 } }, 'P5');
    expect(foundOn(faulted)).toEqual(['P6!E6 movement error']);
  });
});

describe('Figures typed as text: "£-1,234", "n/a"', () => {
  const clean = unseenFiguresAsText();
  const asText = ['B3', 'C3', 'D3', 'B4', 'C4', 'D4', 'C5', 'D5', 'B6', 'C6', 'D6', 'B7', 'C7', 'D7', 'B8', 'C8', 'D8'];

  it('reads "£-1,234" as minus 1,234, so the table is not broken at it and its total is checked', () => {
    const [t, ...rest] = validateWorkbook(clean).tables;
    expect(rest).toEqual([]);
    expect([t!.range, t!.unit, roles(t!)]).toEqual(['A2:D8', 'pounds', 'A:label B:netBudget C:forecast D:variance']);
    expect(shape(t!)).toBe('3:line 4:line 5:line 6:line 7:line 8:total{3,4,5,6,7}');
  });

  it('when clean, reports only that each figure is stored as text (Excel would skip it), with the number it shows', () => {
    const findings = validateWorkbook(clean).findings.filter((f) => f.severity !== 'info');
    expect(findings.map((f) => `${f.cell} ${f.rule}`).sort()).toEqual(asText.map((c) => `${c} number-as-text`).sort());
    expect(findings.find((f) => f.cell === 'B6')!.expected).toBe(-1234);
  });

  it('a wrong variance among text figures is reported at that cell, and at the total it no longer adds up to', () => {
    const extra = found(withCells(clean, { D4: { value: '£61,000' } })).filter((f) => !f.endsWith('number-as-text error'));
    expect(extra).toEqual(['D4 variance error', 'D8 total-sum error']);
  });

  it('a wrong typed total is reported at that total, and at its variance that no longer matches', () => {
    const extra = found(withCells(clean, { C8: { value: '£6,000,000' } })).filter((f) => !f.endsWith('number-as-text error'));
    expect(extra).toEqual(['C8 total-sum error', 'D8 variance error']);
  });
});

describe('number text with the minus after the currency sign, or a typographic minus', () => {
  it.each([
    ['£-1,234', -1234],
    ['£ -1,234.50', -1234.5],
    ['\u22121,234', -1234],
    ['£\u22121,234', -1234],
    ['-£1,234', -1234],
    ['(£-1,234)', 1234],
    ['£+1,234', 1234],
  ])('%s is %d', (text, value) => {
    expect(parseNumberText(text)).toBe(value);
  });

  it.each(['£--1,234', '£-', '£-n/a', '1,23-4'])('%s is not a number', (text) => {
    expect(parseNumberText(text)).toBeUndefined();
  });
});
