/** The core parsing modules the reader stands on: A1 addresses, finance numbers, units. */
import {
  columnIndex, columnLetters, parseA1, parseRange, quoteSheetName, rangeToA1, sheetQualified, splitQualified, toA1, unquoteSheetName,
} from '../../../src/engine/address';
import { decimalsOfFormat, figureOfValue, formatFigure, numericValue, parseNumberText, roundTo } from '../../../src/engine/numbers';
import { shownDecimals, toleranceFor, unitInFormat, unitInText } from '../../../src/engine/units';

describe('addresses', () => {
  it('converts column numbers and letters both ways, across the Z/AA and ZZ/AAA boundaries', () => {
    const pairs: Array<[number, string]> = [[0, 'A'], [25, 'Z'], [26, 'AA'], [51, 'AZ'], [701, 'ZZ'], [702, 'AAA'], [16383, 'XFD']];
    for (const [n, letters] of pairs) {
      expect(columnLetters(n)).toBe(letters);
      expect(columnIndex(letters)).toBe(n);
      expect(columnIndex(letters.toLowerCase())).toBe(n);
    }
  });

  it('refuses what is not a column', () => {
    expect(() => columnIndex('A1')).toThrow(RangeError);
    expect(() => columnIndex('')).toThrow(RangeError);
  });

  it('parses and writes cell addresses, with or without $', () => {
    expect(parseA1('B16')).toEqual({ row: 15, col: 1 });
    expect(parseA1('$K$37')).toEqual({ row: 36, col: 10 });
    expect(parseA1(' c5 ')).toEqual({ row: 4, col: 2 });
    expect(toA1(36, 10)).toBe('K37');
    for (const bad of ['B', '16', 'B16:C17', 'ABCD1', 'A0', 'B-1', '']) expect([bad, parseA1(bad)]).toEqual([bad, undefined]);
  });

  it('parses ranges and normalises their corners', () => {
    expect(parseRange('B5:B15')).toEqual({ start: { row: 4, col: 1 }, end: { row: 14, col: 1 } });
    expect(parseRange('D9:B2')).toEqual({ start: { row: 1, col: 1 }, end: { row: 8, col: 3 } });
    expect(parseRange('C3')).toEqual({ start: { row: 2, col: 2 }, end: { row: 2, col: 2 } });
    expect(parseRange('A1:B2:C3')).toBeUndefined();
    expect(rangeToA1({ start: { row: 2, col: 0 }, end: { row: 36, col: 10 } })).toBe('A3:K37');
    expect(rangeToA1({ start: { row: 2, col: 0 }, end: { row: 2, col: 0 } })).toBe('A3');
  });

  it('quotes sheet names only when Excel needs it, and reverses the quoting', () => {
    expect(quoteSheetName('Month7')).toBe('Month7');
    expect(quoteSheetName('Month 6')).toBe("'Month 6'");
    expect(quoteSheetName("Bob's budget")).toBe("'Bob''s budget'");
    expect(quoteSheetName('A1')).toBe("'A1'"); // would read as a cell
    expect(quoteSheetName('R1C1')).toBe("'R1C1'");
    expect(quoteSheetName('2024-25')).toBe("'2024-25'");
    expect(unquoteSheetName("'Bob''s budget'")).toBe("Bob's budget");
    expect(sheetQualified('Month 6', 'F12')).toBe("'Month 6'!F12");
    expect(splitQualified("'Month 6'!B5:B9")).toEqual({ sheet: 'Month 6', address: 'B5:B9' });
    expect(splitQualified("'It''s!odd'!A1")).toEqual({ sheet: "It's!odd", address: 'A1' });
    expect(splitQualified('B5')).toEqual({ address: 'B5' });
  });
});

describe('finance numbers', () => {
  it('reads figures as officers write them', () => {
    const cases: Array<[string, number]> = [
      ['(1.223)', -1.223], ['£1,234', 1234], ['1,234.5', 1234.5], ['12%', 0.12], ['-0.057', -0.057], ['(£0.1m)', -0.1],
      ['5-', -5], ['+3', 3], ['.5', 0.5], ['9,568,900', 9568900], [' 14.701 ', 14.701], ['\u00a0(0.500)', -0.5],
    ];
    for (const [text, value] of cases) expect([text, parseNumberText(text)]).toEqual([text, value]);
  });

  it('refuses text that is not one figure', () => {
    for (const text of ['', 'TBC', '`(19)', ', ,', '222 113 300', '(1.2', '1.2)', '1,23', '24/25', 'Q4 24 / 25']) {
      expect([text, parseNumberText(text)]).toEqual([text, undefined]);
    }
  });

  it('classifies cell values: numbers, numbers stored as text, nil, unknown, blank, errors, text', () => {
    expect(figureOfValue(1.5)).toEqual({ kind: 'number', value: 1.5, storedAsText: false });
    expect(figureOfValue('(0.378)')).toEqual({ kind: 'number', value: -0.378, storedAsText: true });
    expect(figureOfValue('-')).toEqual({ kind: 'nil' });
    expect(figureOfValue('TBC')).toEqual({ kind: 'unknown', text: 'TBC' });
    expect(figureOfValue('n/a')).toEqual({ kind: 'unknown', text: 'n/a' });
    expect(figureOfValue(null)).toEqual({ kind: 'blank' });
    expect(figureOfValue('   ')).toEqual({ kind: 'blank' });
    expect(figureOfValue({ error: '#REF!' })).toEqual({ kind: 'error', error: '#REF!' });
    expect(figureOfValue('#DIV/0!')).toEqual({ kind: 'error', error: '#DIV/0!' });
    expect(figureOfValue('#N/A')).toEqual({ kind: 'error', error: '#N/A' });
    expect(figureOfValue(Number.NaN)).toEqual({ kind: 'error', error: '#NUM!' });
    expect(figureOfValue('`(19)')).toEqual({ kind: 'text', text: '`(19)' });
    expect(figureOfValue(true)).toEqual({ kind: 'text', text: 'true' });
    expect(numericValue(figureOfValue('-'))).toBe(0);
    expect(numericValue(figureOfValue('TBC'))).toBeUndefined();
  });

  it('knows how many decimals a number format shows', () => {
    const cases: Array<[string | undefined, number | undefined]> = [
      ['#,##0.000;(#,##0.000);"-"', 3], ['#,##0;(#,##0);"-"', 0], ['#,##0_);(#,##0)', 0], ['0.0%', 1], ['#,##0.0,,"m"', 1],
      ['[$£-809]#,##0.00', 2], ['General', undefined], [undefined, undefined], ['@', undefined], ['"£"#,##0.00', 2],
    ];
    for (const [format, decimals] of cases) expect([format, decimalsOfFormat(format)]).toEqual([format, decimals]);
  });

  it('rounds halves away from zero, as Excel does, without binary drift', () => {
    expect(roundTo(0.1 + 0.2, 3)).toBe(0.3);
    expect(roundTo(1.0005, 3)).toBe(1.001);
    expect(roundTo(-1.0005, 3)).toBe(-1.001);
    expect(roundTo(2.5, 0)).toBe(3);
    expect(roundTo(-2.5, 0)).toBe(-3);
    expect(roundTo(8.3805, 3)).toBe(8.381);
    expect(Object.is(roundTo(-0.0001, 3), 0)).toBe(true);
  });

  it('formats figures as the table shows them', () => {
    expect(formatFigure(-0.057, 3)).toBe('(0.057)');
    expect(formatFigure(9568900, 0)).toBe('9,568,900');
    expect(formatFigure(-0.0004, 3)).toBe('0.000');
    expect(formatFigure(-1.0005, 3)).toBe('(1.001)');
  });
});

describe('units', () => {
  it('finds the unit stated in headers and titles', () => {
    const cases: Array<[string, string | undefined]> = [
      ['Current Net Budget £m', 'millions'], ['Amoun t £M 24 / 25', 'millions'], ['£ millions', 'millions'],
      ["£'000", 'thousands'], ['£000', 'thousands'], ['2024/25 £000', 'thousands'], ['(£ thousand)', 'thousands'], ['£k', 'thousands'],
      ['£ 000', 'thousands'], ['Year 1 2024/25 £’000', 'thousands'], ['£', 'pounds'], ['24/25 £', 'pounds'],
      ['Service Area', undefined], ['Saving of £1.3M per year', undefined], ['2024/25', undefined],
    ];
    for (const [text, unit] of cases) expect([text, unitInText(text)]).toEqual([text, unit]);
  });

  it('finds a unit implied by a number format', () => {
    expect(unitInFormat('#,##0.0,,"m"')).toBe('millions');
    expect(unitInFormat('#,##0,"k"')).toBe('thousands');
    expect(unitInFormat('£#,##0')).toBe('pounds');
    expect(unitInFormat('#,##0.000;(#,##0.000);"-"')).toBeUndefined();
    expect(unitInFormat('#,##0')).toBeUndefined();
    expect(unitInFormat(undefined)).toBeUndefined();
  });

  it('uses half a unit of the last shown digit as the tolerance', () => {
    expect(shownDecimals('#,##0.000', 'thousands')).toBe(3);
    expect(shownDecimals(undefined, 'millions')).toBe(3);
    expect(shownDecimals(undefined, 'thousands')).toBe(0);
    expect(shownDecimals(undefined, undefined)).toBe(2);
    expect(toleranceFor(3)).toBeCloseTo(0.0005, 8);
    expect(toleranceFor(0)).toBeCloseTo(0.5, 8);
  });
});
