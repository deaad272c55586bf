/**
 * The adapter reads values, formulas and number formats (not valueTypes): errors are known
 * by their text, a formula giving "" is text, a cell with nothing in it is not read.
 */
import type { Workbook } from '../../src/engine/grid';
import { officeClientHost } from './helpers';

const workbook = (): Workbook => ({
  sheets: [{
    name: 'Budget',
    rows: [
      [{ value: 'Line' }, { value: 'Budget' }, { value: 'Share' }, { value: 'Note' }],
      [{ value: 'Fostering' }, { value: 0 }, { value: null, formula: '=1/B2' }, { value: null, formula: '=IF(B2=0,"","x")' }],
      [{ value: 'Adoption' }, { value: { error: '#N/A' } }, { value: null }, { value: 'ok' }],
    ],
  }],
});

test('errors by their text, a formula giving "" as text, empty cells left out', async () => {
  const { host } = officeClientHost(workbook());
  const rows = (await host.readWorkbook()).workbook.sheets[0]!.rows;
  expect(rows[1]![2]).toEqual({ value: { error: '#DIV/0!' }, formula: '=1/B2' });
  expect(rows[1]![3]).toEqual({ value: '', formula: '=IF(B2=0,"","x")' });
  expect(rows[2]![1]).toEqual({ value: { error: '#N/A' } });
  expect(rows[2]![2]).toBeUndefined();
  expect(rows[2]![3]).toEqual({ value: 'ok' });
});
