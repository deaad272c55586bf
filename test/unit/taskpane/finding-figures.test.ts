/** Expected / Found on the Validate tab: figures as the finding's cell shows them. */
import type { Finding } from '../../../src/engine/findings';
import { sheetFromValues, type Workbook } from '../../../src/engine/grid';
import { findingCellFormats, findingFigures, findingFigureText } from '../../../src/taskpane/finding-figures';

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
  it('shows the figures the engine shows in the message, as they are', () => {
    const f = { ...finding('B3', 115.076, 115, 'Sub total B3 is 115.000 but its lines add up to 115.076 (£m)'), shown: { expected: '115.076', actual: '115.000' } };
    // The cell's format would show a zero as "-"; the shown figures are the message's own.
    expect(findingFigures(f, { 'Month 7!B3': MILLIONS })).toEqual({ expected: '115.076', found: '115.000' });
    const zero = { ...finding('B3', 0.5, 0, 'Total B3 is 0.000 but its lines add up to 0.500 (£m)'), shown: { expected: '0.500', actual: '0.000' } };
    expect(findingFigures(zero, { 'Month 7!B3': MILLIONS })).toEqual({ expected: '0.500', found: '0.000' });
  });

  it('a blank shown figure reads (blank)', () => {
    const f = { ...finding('C5', 'Amber', null, 'C5 has no RAG status; Amber by the policy'), shown: { expected: 'Amber', actual: '' } };
    expect(findingFigures(f, {})).toEqual({ expected: 'Amber', found: '(blank)' });
  });

  it('a finding saved without shown figures is shown in its cell format', () => {
    const formats = findingCellFormats([finding('B3', 0, 0, '')], workbook());
    expect(findingFigures(finding('B3', 115.076, 115, ''), formats)).toEqual({ expected: '115.076', found: '115.000' });
    expect(findingFigures(finding('B3', 98.43, 98.506, ''), formats)).toEqual({ expected: '98.430', found: '98.506' });
  });

  it('without shown figures or a format: text as it is, numbers grouped, a blank as (blank)', () => {
    const f = finding('B3', '=SUM(B5:B15)', 'Red', 'B3 should add up B5:B15 (1,234.500).');
    expect(findingFigures(f, { 'Month 7!B3': MILLIONS })).toEqual({ expected: '=SUM(B5:B15)', found: 'Red' });
    expect(findingFigures(finding('B3', 2.5, null, ''), { 'Month 7!B3': MILLIONS })).toEqual({ expected: '2.500', found: '(blank)' });
    expect(findingFigures(finding('E9', -9568900, 98.506, ''), {})).toEqual({ expected: '(9,568,900)', found: '98.506' });
  });
});

describe('findingFigureText', () => {
  it('puts negatives in brackets even when the format would show a minus', () => {
    expect(findingFigureText(-1.5, '0.000')).toBe('(1.500)');
    expect(findingFigureText(-1234.5, MILLIONS)).toBe('(1,234.500)');
    expect(findingFigureText(-0.0001, '0.000')).toBe('0.000');
  });

  it('follows percent formats', () => {
    expect(findingFigureText(0.052, '0.0%')).toBe('5.2%');
    expect(findingFigureText(-0.052, '0.0%')).toBe('(5.2%)');
  });
});
