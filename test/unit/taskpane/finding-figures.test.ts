/** Expected / Found on the Validate tab: figures as the finding's cell shows them. */
import type { Finding } from '../../../src/engine/findings';
import { sheetFromValues, type Workbook } from '../../../src/engine/grid';
import { findingCellFormats, findingFigures, findingFigureText, messageDecimals } from '../../../src/taskpane/finding-figures';

const MILLIONS = '#,##0.000;(#,##0.000);"-"';

function finding(cell: string, expected: Finding['expected'], actual: Finding['actual'], message: string): Finding {
  return { rule: 'total-sum', severity: 'error', sheet: 'Month 7', cell, message, expected, actual };
}

function workbook(): Workbook {
  const sheet = sheetFromValues('Month 7', [
    ['Line', 'Budget', 'Variance', 'RAG'],
    ['Fostering', { value: 98.506, format: MILLIONS }, { value: 0.052, format: '0.0%' }, 'Red'],
    ['sub total', { value: 115, formula: '=SUM(B2:B2)', format: MILLIONS }, { value: 3, format: 'General' }, null],
  ]);
  return { sheets: [sheet] };
}

describe('findingCellFormats', () => {
  it('keeps the number format of each finding cell that has one, keyed by sheet and cell', () => {
    const findings = [
      finding('B3', 115.076, 115, ''),
      finding('B2', 98.43, 98.506, ''),
      finding('C2', 0.05, 0.052, ''),
      finding('C3', 4, 3, ''), // General: no format of its own
      finding('D2', 'Amber', 'Red', ''), // no format at all
      { ...finding('B2', 1, 2, ''), sheet: 'Month 8' }, // a sheet the workbook does not have
    ];
    expect(findingCellFormats(findings, workbook())).toEqual({ 'Month 7!B3': MILLIONS, 'Month 7!B2': MILLIONS, 'Month 7!C2': '0.0%' });
  });
});

describe('findingFigures', () => {
  it('shows both figures in the cell format: the decimals the table shows', () => {
    const formats = findingCellFormats([finding('B3', 0, 0, '')], workbook());
    expect(findingFigures(finding('B3', 115.076, 115, 'Sub total shows 115.000; its lines add up to 115.076.'), formats)).toEqual({ expected: '115.076', found: '115.000' });
    expect(findingFigures(finding('B3', 98.43, 98.506, ''), formats)).toEqual({ expected: '98.430', found: '98.506' });
  });

  it('a cell with no format takes the decimals of the figures in the message', () => {
    const f = finding('E9', 12.5, -3.25, 'Variance in E9 is (3.250) but Budget less Forecast is 12.500.');
    expect(findingFigures(f, {})).toEqual({ expected: '12.500', found: '(3.250)' });
  });

  it('shows text values as they are and a blank as (blank)', () => {
    const f = finding('B3', '=SUM(B5:B15)', 'Red', 'B3 should add up B5:B15 (1,234.500).');
    expect(findingFigures(f, { 'Month 7!B3': MILLIONS })).toEqual({ expected: '=SUM(B5:B15)', found: 'Red' });
    expect(findingFigures(finding('B3', 2.5, null, ''), { 'Month 7!B3': MILLIONS })).toEqual({ expected: '2.500', found: '(blank)' });
  });
});

describe('findingFigureText', () => {
  it('puts negatives in brackets even when the format would show a minus', () => {
    expect(findingFigureText(-1.5, '0.000', '')).toBe('(1.500)');
    expect(findingFigureText(-1234.5, MILLIONS, '')).toBe('(1,234.500)');
    expect(findingFigureText(-0.0001, '0.000', '')).toBe('0.000');
  });

  it('follows percent formats and a zero dash', () => {
    expect(findingFigureText(0.052, '0.0%', '')).toBe('5.2%');
    expect(findingFigureText(-0.052, '0.0%', '')).toBe('(5.2%)');
    expect(findingFigureText(0, MILLIONS, '')).toBe('-');
  });

  it('a text-only format or General falls back to the message decimals', () => {
    expect(findingFigureText(7, '@', 'Expected 7.00')).toBe('7.00');
    expect(findingFigureText(7, 'General', 'Expected 7.00')).toBe('7.00');
  });

  it('with no format and no decimal figure in the message, shows the figure as it is, grouped', () => {
    expect(findingFigureText(98.506, undefined, 'B16 is typed over; B5:B15 is in 2024/25')).toBe('98.506');
    expect(findingFigureText(-9568900, undefined, '')).toBe('(9,568,900)');
  });
});

describe('messageDecimals', () => {
  it('reads the most decimals among figures, ignoring cell addresses, years and words', () => {
    expect(messageDecimals('Sub total in B16 is 1,234.50 but should be (12.5) for 2024/25')).toBe(2);
    expect(messageDecimals('Sheet v1.2 row 12, B5:B15')).toBeUndefined();
    expect(messageDecimals('')).toBeUndefined();
  });
});
