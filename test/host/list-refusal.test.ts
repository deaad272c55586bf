/** The workbench refuses what a drop-down list does not hold, as Excel's Stop alert does. */
import { SimulatedExcel } from '../../src/host/simulated/excel';
import { createOfficeHost } from '../../src/host/office';

async function withLists() {
  const excel = SimulatedExcel.fromWorkbook({ sheets: [{ name: 'Tracker', rows: [[{ value: 'Status' }], [], [], [{ value: 'Lines' }], [{ value: 'Fostering' }], [{ value: "Children's homes" }]] }] });
  await createOfficeHost(excel).applyPlan({
    title: 'Lists',
    edits: [
      { kind: 'setDataValidation', sheet: 'Tracker', range: 'B2:B3', list: ['Proposed', 'Agreed', 'Delivered'] },
      { kind: 'setDataValidation', sheet: 'Tracker', range: 'C2:C3', list: { source: "='Tracker'!$A$5:$A$6" } },
    ],
  });
  return excel;
}

describe('listRefusal', () => {
  it('refuses a word not on a list of words, with the alert that names them; takes one that is, in any case', async () => {
    const excel = await withLists();
    expect(excel.listRefusal('Tracker', 'B2', 'Done')).toBe('This cell takes one of: Proposed, Agreed, Delivered.');
    expect(excel.listRefusal('Tracker', 'B3', 'agreed')).toBeUndefined();
    expect(excel.listRefusal('Tracker', 'B2', '')).toBeUndefined();
    expect(excel.listRefusal('Tracker', 'D2', 'Done')).toBeUndefined();
  });

  it('reads a list held in cells', async () => {
    const excel = await withLists();
    expect(excel.listRefusal('Tracker', 'C2', "Children's homes")).toBeUndefined();
    expect(excel.listRefusal('Tracker', 'C2', 'Adoption')).toBe('This cell takes a value from its drop-down list.');
  });
});
