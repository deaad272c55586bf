/** The workbench grid's layout as Excel's: text spilling into empty cells, column widths, what stays in place. */
import { emptySheet, type SimCell } from '../../../src/host/simulated/state';
import { displayText } from '../../../src/workbench/display';
import { DEFAULT_COLUMN_PX, ROW_HEADER_WIDTH, ROW_HEIGHT, columnWidthsPx, frozenPanes, spanWidth, spillExtents, spills, stickyOffsets } from '../../../src/workbench/grid-layout';

const text = (value: string): SimCell => ({ value });
const num = (value: number): SimCell => ({ value });

describe('spillExtents', () => {
  it('lets text spill over empty cells up to the next filled one', () => {
    // A1 title over B..D, stopped by E; E's text spills to the last column shown.
    const row = [text('2024/25 Children, Families & Education Services'), undefined, {}, { value: '' }, text('Note'), undefined];
    expect([...spillExtents(row, 8)]).toEqual([[4, 7], [0, 3]]);
  });

  it('never spills numbers, booleans, errors or text with a filled neighbour', () => {
    const row = [num(12.5), undefined, { value: true }, undefined, { value: '#REF!', error: true }, undefined, text('Service Area'), text('Budget')];
    expect([...spillExtents(row, 8)]).toEqual([]);
    expect(spills(num(1))).toBe(false);
    expect(spills(text(''))).toBe(false);
  });

  it('treats a formula as filled even when its result is empty text', () => {
    const row = [text('Long label'), { formula: '=""', value: '' }, undefined];
    expect(spillExtents(row, 3).has(0)).toBe(false);
  });

  it('spills text that a formula returns, and stops at the columns shown', () => {
    const row = [undefined, { formula: '="Total "&A1', value: 'Total x' }];
    expect([...spillExtents(row, 4)]).toEqual([[1, 3]]);
    expect(spillExtents(undefined, 4).size).toBe(0);
    expect(spillExtents([text('x')], 1).size).toBe(0);
  });
});

describe('columnWidthsPx', () => {
  const measure = (s: string) => s.length * 7;

  it('keeps Excel’s default for short content and a spilling title, and widens for figures and labels that cannot spill', () => {
    const sheet = emptySheet('S');
    sheet.rows[0] = [text('A very long title that spills over the whole table')];
    sheet.rows[2] = [text('Educational Psychology'), num(1234567.891)];
    sheet.rows[2]![1]!.format = '#,##0.000';
    const widths = columnWidthsPx(sheet, 4, measure, displayText);
    expect(widths[0]).toBe('Educational Psychology'.length * 7 + 10);
    expect(widths[1]).toBe('1,234,567.891'.length * 7 + 10);
    expect(widths.slice(2)).toEqual([DEFAULT_COLUMN_PX, DEFAULT_COLUMN_PX]);
  });

  it('uses the width the sheet records, in points, over any fitting', () => {
    const sheet = emptySheet('S');
    sheet.rows[0] = [text('Label'), num(1)];
    sheet.columnWidths.set(0, 150);
    sheet.columnWidths.set(1, 0);
    expect(columnWidthsPx(sheet, 2, measure, displayText)).toEqual([200, 0]);
  });

  it('does not widen past a limit', () => {
    const sheet = emptySheet('S');
    sheet.rows[0] = [text('x'.repeat(200)), num(1)];
    expect(columnWidthsPx(sheet, 2, measure, displayText)[0]).toBeLessThanOrEqual(260);
  });
});

describe('frozen panes', () => {
  it('keeps column A in place when the sheet records no frozen panes, and honours those it records', () => {
    expect(frozenPanes({})).toEqual({ rows: 0, cols: 1 });
    expect(frozenPanes({ frozen: { rows: 3, cols: 0 } })).toEqual({ rows: 3, cols: 1 });
    expect(frozenPanes({ frozen: { rows: 4, cols: 2 } })).toEqual({ rows: 4, cols: 2 });
  });

  it('places each frozen column after the row numbers and the ones before it, each frozen row under the column letters', () => {
    expect(stickyOffsets([100, 50, 64], { rows: 2, cols: 2 })).toEqual({ left: [ROW_HEADER_WIDTH, ROW_HEADER_WIDTH + 100], top: [ROW_HEIGHT, 2 * ROW_HEIGHT] });
    expect(spanWidth([100, 50, 64], 1, 5)).toBe(114);
  });
});
