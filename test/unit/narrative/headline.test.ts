import { moneyWords, moneyWordsFormula, tableHeadline } from '../../../src/engine/narrative/headline';
import type { Workbook } from '../../../src/engine/grid';
import { readTables } from '../../../src/engine/read';
import { validateWorkbook } from '../../../src/engine/validate';
import { recalculate } from '../../../src/host/calc/recalculate';
import { GRID_FIXTURES } from '../../fixtures/grids';
import { seed000Workbook, typeInto, valueAt } from '../operations/seed-workbooks';

function headline(wb: Workbook, sheet: string, previous?: string): string | undefined {
  const table = readTables(wb).find((t) => t.sheet === sheet)!;
  return tableHeadline(table, wb.sheets.find((s) => s.name === sheet)!, previous);
}

describe('tableHeadline', () => {
  it('seed 000 in the seed\'s own words', () => {
    const wb = seed000Workbook();
    expect(headline(wb, 'Month 7', 'Quarter 2')).toBe('2024/25 net budget £142.827m, forecasting an overspend of £8.380m, a decrease of £0.375m from Quarter 2');
    // By default the change is from the period the movement column names.
    expect(headline(wb, 'Month 7')).toBe('2024/25 net budget £142.827m, forecasting an overspend of £8.380m, a decrease of £0.375m from Month 6');
    // Month 6 has no movement column: no change is claimed.
    expect(headline(wb, 'Month 6')).toBe('2024/25 net budget £142.827m, forecasting an overspend of £8.755m');
  });

  it('in £000, with underspends positive, and without a year', () => {
    expect(headline(recalculate(GRID_FIXTURES['layout-adults-nested']!()), 'Adults P6')).toBe('2025/26 net budget £75.800m, forecasting an overspend of £1.910m');
    expect(headline(recalculate(GRID_FIXTURES['unseen-period-sheets']!()), 'P6')).toBe('2025/26 net budget £10.410m, forecasting an overspend of £90k, an increase of £25k from Period 5');
    expect(headline(recalculate(GRID_FIXTURES['unseen-underspend-positive']!()), 'Resources Q2')).toBe('Net budget £13.330m, forecasting an overspend of £208,000');
  });

  it('none without a total row', () => {
    expect(headline(recalculate(GRID_FIXTURES['unseen-place-two-row-header']!()), 'Place P8')).toBeUndefined();
  });

  it('follows the figures: a total variance cut to an underspend', () => {
    const wb = recalculate(typeInto(seed000Workbook(), 'Month 7', { E7: 45 }));
    expect(headline(wb, 'Month 7')).toBe('2024/25 net budget £142.827m, forecasting an underspend of £7.237m, an increase of £0.375m from Month 6');
  });

  it('written above the table as the seed does, narrative-figures finds nothing wrong with it', () => {
    const wb = seed000Workbook();
    const text = `- ${headline(wb, 'Month 7', 'Quarter 2')!.replace('Quarter 2', 'Month 6')}.`;
    const withBullet = typeInto(wb, 'Month 7', { A2: text });
    expect(validateWorkbook(withBullet).findings.filter((f) => f.rule === 'narrative-figures')).toEqual([]);
    const wrong = typeInto(wb, 'Month 7', { A2: text.replace('£8.380m', '£8.830m') });
    expect(validateWorkbook(wrong).findings.filter((f) => f.rule === 'narrative-figures').map((f) => f.cell)).toEqual(['A2']);
  });
});

describe('money in words, now and as a live formula, agree', () => {
  const cases: [number, 'millions' | 'thousands' | 'pounds', string][] = [
    [14.701, 'millions', '£14.701m'], [-0.0575, 'millions', '£0.058m'], [0, 'millions', '£0.000m'],
    [1234.5, 'thousands', '£1.235m'], [827, 'thousands', '£827k'], [-999.6, 'thousands', '£1.000m'], [25, 'thousands', '£25k'],
    [168432.4, 'pounds', '£168,432'], [9_568_900, 'pounds', '£9.569m'], [1007, 'pounds', '£1,007'], [12, 'pounds', '£12'],
  ];
  it.each(cases)('%p in %s → %s', (value, unit, words) => {
    expect(moneyWords(value, unit)).toBe(words);
    const wb = recalculate({ sheets: [{ name: 'S', rows: [[{ value }, { value: null, formula: `=${moneyWordsFormula('A1', unit)}` }]] }] });
    expect(valueAt(wb, 'S', 'B1')).toBe(words);
  });
});
