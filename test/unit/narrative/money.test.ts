import { agrees, findMoneyPhrases, inUnitOf, poundsOf } from '../../../src/engine/narrative/money';

const one = (text: string) => {
  const found = findMoneyPhrases(text);
  expect(found).toHaveLength(1);
  return found[0]!;
};

describe('money phrases', () => {
  it.each([
    ['an overspend of £14.701m', 14_701_000, '£14.701m', 500],
    ['£0.234m from Quarter 2', 234_000, '£0.234m', 500],
    ['net budget £142.827m', 142_827_000, '£142.827m', 500],
    ['an overspend of £4.3 million.', 4_300_000, '£4.3 million', 50_000],
    ['a saving of £900k', 900_000, '£900k', 500],
    ['£1.2bn of spending', 1_200_000_000, '£1.2bn', 50_000_000],
    ['£2,400 in fines', 2_400, '£2,400', 50],
    ['costs of £900,000', 900_000, '£900,000', 500],
    ['£5.0 million', 5_000_000, '£5.0 million', 50_000],
    ['£12 thousand', 12_000, '£12 thousand', 500],
    ['£3.50 each week', 3.5, '£3.50', 0.005],
  ])('%s', (text, pounds, written, tolerance) => {
    const p = one(text);
    expect(p.pounds).toBeCloseTo(pounds, 6);
    expect(p.text).toBe(written);
    expect(p.tolerance).toBeCloseTo(tolerance, 9);
    expect(p.negative).toBe(false);
  });

  it('reads parentheses and minus signs as negative, a spaced dash as punctuation', () => {
    expect(one('a variance of (£0.9m) this month').pounds).toBe(-900_000);
    expect(one('(£0.9m)').text).toBe('(£0.9m)');
    expect(one('movement -£0.375m').pounds).toBe(-375_000);
    expect(one('movement £-0.375m').pounds).toBe(-375_000);
    expect(one('Staffing Budgets - £5.0 million').pounds).toBe(5_000_000);
    expect(one('the overspend (£0.9m is one-off)').negative).toBe(false);
  });

  it('does not read unit markers, bare numbers or words as money', () => {
    expect(findMoneyPhrases('Budget (£000)')).toEqual([]);
    expect(findMoneyPhrases("Variance £'000 and £m")).toEqual([]);
    expect(findMoneyPhrases('4.3 million people in 12 months, 21% of staff')).toEqual([]);
    expect(findMoneyPhrases('£5 more than last year').map((p) => p.pounds)).toEqual([5]);
    expect(findMoneyPhrases('£12mn').map((p) => p.pounds)).toEqual([12_000_000]);
  });

  it('marks hedged figures, ranges and rates', () => {
    expect(one('around £2m').approximate).toBe(true);
    expect(one('over £1m').approximate).toBe(true);
    expect(one('up to £50,000').approximate).toBe(true);
    expect(one('an overspend of £2m').approximate).toBe(false);
    const range = findMoneyPhrases('a remedy payment of between £900 to £2,400 per term');
    expect(range.map((p) => [p.range, p.rate])).toEqual([[true, false], [true, true]]);
    expect(findMoneyPhrases('£1m to £2m').every((p) => p.range)).toBe(true);
    expect(one('£50 a week').rate).toBe(true);
    expect(one('£900 per child').rate).toBe(true);
  });

  it('finds several phrases in order with their offsets', () => {
    const text = 'an overspend of £14.701m offset by the £2.854m fund';
    const found = findMoneyPhrases(text);
    expect(found.map((p) => text.slice(p.start, p.end))).toEqual(['£14.701m', '£2.854m']);
  });

  it('converts between pounds and a table unit, and compares with both roundings', () => {
    expect(inUnitOf(4_300_000, 'thousands')).toBe(4_300);
    expect(poundsOf(14.701, 'millions')).toBeCloseTo(14_701_000, 3);
    // £4.3 million matches 4.31 (£m, 3 decimals) and 4,310 (£000) …
    expect(agrees(4_300_000, 50_000, poundsOf(4.31, 'millions'), 500)).toBe(true);
    expect(agrees(4_300_000, 50_000, poundsOf(4_310, 'thousands'), 500)).toBe(true);
    // … but not 4.36.
    expect(agrees(4_300_000, 50_000, poundsOf(4.36, 'millions'), 500)).toBe(false);
    expect(agrees(14_801_000, 500, 14_701_000, 500)).toBe(false);
    expect(agrees(8_400_000, 50_000, 8_380_000, 500)).toBe(true);
  });
});
