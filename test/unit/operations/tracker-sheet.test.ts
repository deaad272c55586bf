import { planSheetWrite, SheetDraft } from '../../../src/engine/operations/tracker-sheet';
import { sheetFromValues } from '../../../src/engine/grid';

describe('planSheetWrite', () => {
  const draft = new SheetDraft();
  draft.setRow(0, 0, ['Title', null]);
  draft.setRow(1, 0, ['Item', 5, '=B2*2']);

  it('writes a new sheet as one block after the given sheet', () => {
    expect(planSheetWrite('Tracker', undefined, draft, () => false, 'Month 7')).toEqual({
      edits: [
        { kind: 'addSheet', sheet: 'Tracker', after: 'Month 7' },
        { kind: 'setFormulas', sheet: 'Tracker', range: 'A1:C2', formulas: [['Title', null, null], ['Item', 5, '=B2*2']] },
      ],
      overwrites: [],
    });
  });

  it('writes only the cells that change, and lists the owned cells with content it replaces as ranges', () => {
    const old = sheetFromValues('Tracker', [
      ['Old title', 'x', 'y'],
      ['Item', 4, { value: 8, formula: '=B2*2' }],
      ['stale', null, null],
    ]);
    const owned = (r: number, c: number) => !(r === 0 && c === 2);
    expect(planSheetWrite('Tracker', old, draft, owned)).toEqual({
      edits: [
        { kind: 'setFormulas', sheet: 'Tracker', range: 'A1:B1', formulas: [['Title', null]] },
        { kind: 'setFormulas', sheet: 'Tracker', range: 'B2', formulas: [[5]] },
        { kind: 'setFormulas', sheet: 'Tracker', range: 'A3', formulas: [[null]] },
      ],
      overwrites: [{ sheet: 'Tracker', range: 'A1:B1' }, { sheet: 'Tracker', range: 'B2' }, { sheet: 'Tracker', range: 'A3' }],
    });
  });

  it('refuses, naming the cell, when the layout needs a cell holding something it did not write', () => {
    const old = sheetFromValues('Tracker', [['Title'], ['my note']]);
    expect(planSheetWrite('Tracker', old, draft, (r) => r === 0)).toEqual({ conflict: 'A2' });
  });
});
