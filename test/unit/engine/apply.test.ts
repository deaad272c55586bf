import { applyPlan } from '../../../src/engine/apply';
import { cellAt, sheetFromValues, type Workbook } from '../../../src/engine/grid';

const base = (): Workbook => ({
  sheets: [sheetFromValues('Month 7', [['Service Area', 'Budget £m'], ['Fieldwork East', 4.978], ['sub total', { value: 4.978, formula: '=SUM(B2:B2)' }]])],
});

describe('applyPlan', () => {
  test('sets values and drops the formula of a cell it overwrites', () => {
    const before = base();
    const after = applyPlan(before, { title: 't', edits: [{ kind: 'setValues', sheet: 'Month 7', range: 'B2:B3', values: [[5], [5]] }] });
    expect(cellAt(after.sheets[0]!, 1, 1)).toEqual({ value: 5 });
    expect(cellAt(after.sheets[0]!, 2, 1)).toEqual({ value: 5 });
    // The input is untouched.
    expect(cellAt(before.sheets[0]!, 2, 1).formula).toBe('=SUM(B2:B2)');
  });

  test('stores formulas, keeps plain entries as values, and sets formats', () => {
    const after = applyPlan(base(), {
      title: 't',
      edits: [
        { kind: 'setFormulas', sheet: 'Month 7', range: 'C2:D2', formulas: [['=B2*2', 'n/a']] },
        { kind: 'setNumberFormat', sheet: 'Month 7', range: 'C2', format: '0.000' },
      ],
    });
    expect(cellAt(after.sheets[0]!, 1, 2)).toEqual({ value: null, formula: '=B2*2', format: '0.000' });
    expect(cellAt(after.sheets[0]!, 1, 3)).toEqual({ value: 'n/a' });
  });

  test('adds a sheet after the named one, once', () => {
    const plan = { title: 't', edits: [{ kind: 'addSheet', sheet: 'Tracker', after: 'Month 7' } as const, { kind: 'addSheet', sheet: 'Tracker' } as const] };
    const after = applyPlan({ sheets: [...base().sheets, { name: 'Notes', rows: [] }] }, plan);
    expect(after.sheets.map((s) => s.name)).toEqual(['Month 7', 'Tracker', 'Notes']);
  });

  test('a missing sheet is an error, not a silent no-op', () => {
    expect(() => applyPlan(base(), { title: 't', edits: [{ kind: 'setValues', sheet: 'Nope', range: 'A1', values: [[1]] }] })).toThrow('Sheet "Nope" does not exist');
  });
});
