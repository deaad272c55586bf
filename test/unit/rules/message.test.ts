/** fillTemplate: rule message templates, compiled once and filled per finding. */
import { fillTemplate } from '../../../src/engine/rules/utils/message';

describe('fillTemplate', () => {
  it('fills every occurrence of each placeholder', () => {
    expect(fillTemplate('{cell} says {actual}; {cell} should say {expected}', { cell: 'G12', actual: 'Red', expected: 'Amber' }))
      .toBe('G12 says Red; G12 should say Amber');
  });

  it('leaves unknown placeholders visible and other braces alone', () => {
    expect(fillTemplate('{cell} is {missing} {} { x }', { cell: 'B4' })).toBe('B4 is {missing} {} { x }');
  });

  it('writes values literally: no re-filling of braces, no replacement patterns', () => {
    expect(fillTemplate('{a} and {b}', { a: '{b}', b: '$& $1' })).toBe('{b} and $& $1');
  });

  it('writes numbers, including zero', () => {
    expect(fillTemplate('row {row} of {n}', { row: 0, n: 12 })).toBe('row 0 of 12');
  });

  it('gives the same text when the same template is filled again with other data', () => {
    const template = 'Total {cell} is {actual}{inUnit}';
    expect(fillTemplate(template, { cell: 'D20', actual: '1.000', inUnit: ' (£m)' })).toBe('Total D20 is 1.000 (£m)');
    expect(fillTemplate(template, { cell: 'E20', actual: '(0.057)', inUnit: '' })).toBe('Total E20 is (0.057)');
    expect(fillTemplate('', {})).toBe('');
  });
});
