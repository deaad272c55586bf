/** Overrides, and grids no one planned for: the reader never throws and its model stays consistent (random grids: robustness.property.test.ts). */
import type { Cell, Sheet, Workbook } from '../../../src/engine/grid';
import { readTables } from '../../../src/engine/read';
import { GRID_FIXTURES, seed000Table1Values, seed004Table6 } from '../../fixtures/grids';
import { expectConsistent } from './consistency';

describe('column overrides', () => {
  it('replace the guessed role of the named column on the named sheet only', () => {
    const overrides = [
      { sheet: 'Month 7', column: 'K', role: 'otherNumber' as const },
      { sheet: 'Month 6', column: 'B', role: 'income' as const },
    ];
    const [table] = readTables(seed000Table1Values(), { overrides });
    const k = table!.columns.find((c) => c.letter === 'K')!;
    const b = table!.columns.find((c) => c.letter === 'B')!;
    expect([k.role, k.overridden]).toEqual(['otherNumber', true]);
    expect([b.role, b.overridden]).toEqual(['expenditure', false]);
  });

  it('can move the label column, and row labels follow it', () => {
    const [table] = readTables(seed004Table6(), { overrides: [{ sheet: 'Table 6', column: 'd', role: 'label' }] });
    expect(table!.columns.map((c) => `${c.letter}:${c.role}:${c.overridden}`)).toEqual([
      'A:otherText:false', 'B:reference:false', 'C:otherText:false', 'D:label:true', 'E:otherNumber:false',
    ]);
    expect(table!.rows[0]!.label).toBe('Current activity to step down higher cost placements and reunite some families');
  });

  it('ignore a column letter that is not one', () => {
    const [table] = readTables(seed004Table6(), { overrides: [{ sheet: 'Table 6', column: '7!', role: 'label' }] });
    expect(table!.columns.find((c) => c.role === 'label')?.letter).toBe('C');
  });
});

describe('grids no one planned for', () => {
  const sheet = (name: string, rows: Sheet['rows']): Workbook => ({ sheets: [{ name, rows }] });

  it('reads nothing from an empty workbook, an empty sheet or a sheet of blanks', () => {
    expect(readTables({ sheets: [] })).toEqual([]);
    expect(readTables(sheet('Empty', []))).toEqual([]);
    expect(readTables(sheet('Blanks', [undefined, [], [{ value: null }, { value: '  ' }]]))).toEqual([]);
  });

  it('survives ragged rows, holes, errors, booleans, NaN and Infinity, and still finds the table', () => {
    const rows: Sheet['rows'] = [
      [{ value: 'Service' }, { value: 'Budget £000' }, { value: 'Forecast £000' }, { value: 'Variance £000' }],
      [{ value: 'Schools' }, { value: 100 }, { value: { error: '#REF!' } }, { value: Number.NaN }],
      undefined,
      [{ value: 'Roads' }, { value: Number.POSITIVE_INFINITY }, { value: true }],
      [{ value: 'Parks' }, undefined, { value: 12 }, { value: '#DIV/0!' }, { value: 'stray' }, { value: 5 }],
      [{ value: 'Total' }, { value: 100, formula: '=SUM(B2:B5' }, { value: 12, formula: '=SUM(C2:C5)' }, { value: 0 }],
    ];
    const tables = readTables(sheet('Odd', rows));
    expect(tables).toHaveLength(1);
    const t = tables[0]!;
    expectConsistent(t);
    expect(t.columns.slice(0, 4).map((c) => c.role)).toEqual(['label', 'netBudget', 'forecast', 'variance']);
    expect(t.rows.map((r) => r.kind)).toEqual(['line', 'blank', 'line', 'line', 'total']);
    expect(t.rows[4]!.covers!.map((r) => r + 1)).toEqual([2, 4, 5]);
  });

  it('skips a sheet whose rows are not arrays rather than failing the workbook', () => {
    const broken = { name: 'Broken', rows: [42, 'x'] } as unknown as Sheet;
    const tables = readTables({ sheets: [broken, ...seed000Table1Values().sheets] });
    expect(tables.map((t) => t.sheet)).toEqual(['Month 7']);
  });

  it('keeps every fixture consistent', () => {
    for (const build of Object.values(GRID_FIXTURES)) for (const t of readTables(build())) expectConsistent(t);
  });
});

describe('sparse and far-flung cells', () => {
  it('reads a table near the top of a sheet whose last row is a million rows down', () => {
    const rows: (Cell[] | undefined)[] = [];
    rows[0] = [{ value: 'Service' }, { value: 'Budget £000' }, { value: 'Forecast £000' }];
    rows[1] = [{ value: 'Schools' }, { value: 10 }, { value: 11 }];
    rows[2] = [{ value: 'Roads' }, { value: 5 }, { value: 4 }];
    rows[3] = [{ value: 'Total' }, { value: 15 }, { value: 15 }];
    rows[1_048_575] = [{ value: 'stray note' }];
    const tables = readTables({ sheets: [{ name: 'Sparse', rows }] });
    expect(tables.map((t) => [t.range, t.kind])).toEqual([['A1:C4', 'monitoring']]);
    expect(tables[0]!.rows.map((r) => r.kind)).toEqual(['line', 'line', 'total']);
  });
});
