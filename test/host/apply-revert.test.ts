import { applyPlan as applyToGrid } from '../../src/engine/apply';
import { recalculate } from '../../src/host/calc/recalculate';
import { LEDGER_KEY } from '../../src/host/office';
import { GRID_FIXTURES } from '../fixtures/grids';
import { comparable, officeClientHost } from './helpers';
import { everyKindPlan, FLAG_FILL, freeColumns, NOTES_SHEET } from './plans';

const OFFICER_CF = { type: 'Custom' as const, formula: '=$A1="Total"', fill: '#00FF00', fontColor: null, bold: null, stopIfTrue: false };

describe.each(Object.keys(GRID_FIXTURES))('%s', (name) => {
  test('apply gives exactly the expected workbook, revert gives back the original exactly', async () => {
    const source = GRID_FIXTURES[name]!();
    const { excel, host } = officeClientHost(source);
    const { sheet, rows, flag, note, pick } = freeColumns(source);
    excel.addOfficerConditionalFormat(sheet, 'A1:A5', OFFICER_CF);
    excel.addOfficerValidation(sheet, 'A1:A2', '=$A$1:$A$3');
    const before = excel.snapshot();
    const plan = everyKindPlan(source);

    const applied = await host.applyPlan(plan);

    // Cells: what the engine's own grid apply and a recalculation say.
    const after = await host.readWorkbook();
    expect(comparable(after.workbook)).toEqual(comparable(recalculate(applyToGrid(source, plan))));
    // What the grid does not hold: fills, widths, conditional formats, validation, sheets.
    const snap = excel.snapshot();
    const main = snap.sheets.find((s) => s.name === sheet)!;
    for (const a1 of ['A1', 'B1', 'A2', 'B2']) expect(main.cells[a1]!.fill).toBe(FLAG_FILL);
    expect(main.cells.C1?.fill).toBeUndefined();
    expect(main.columnWidths).toEqual({ [flag]: 80 });
    expect(main.conditionalFormats).toEqual([
      {
        type: 'Custom',
        range: `${flag}1:${flag}${rows}`,
        formula: `=AND(ISTEXT("budget-monitor:test-flag"),$${flag}1>10)`,
        fill: FLAG_FILL,
        fontColor: null,
        bold: true,
        stopIfTrue: true,
      },
      { ...OFFICER_CF, range: 'A1:A5' },
    ]);
    expect(main.validations).toEqual([
      { range: 'A1:A2', source: '=$A$1:$A$3', inCellDropDown: true },
      {
        range: `${pick}1:${pick}${rows}`, source: 'Red,Amber,Green', inCellDropDown: true,
        // A word not on the list is refused, and Excel's alert says which words are.
        errorAlert: { showAlert: true, style: 'Stop', title: 'Choose from the list', message: 'This cell takes one of: Red, Amber, Green.' },
      },
    ]);
    expect(main.cells[`${note}2`]).toEqual({ value: 1.5 });
    expect(snap.sheets.map((s) => s.name)).toEqual([...source.sheets.map((s) => s.name), NOTES_SHEET]);
    expect(after.appliedPlans.map((p) => p.title)).toEqual(['Every kind of edit']);

    await host.revert(applied.id);

    expect(excel.snapshot()).toEqual(before);
    expect(await host.appliedPlans()).toEqual([]);
    expect(excel.settings()[LEDGER_KEY]).toEqual([]);
  });
});

describe('own output and conditional format tags', () => {
  test('a plan can rewrite its own output and replaces its own tagged format, leaving the officer’s', async () => {
    const source = GRID_FIXTURES['seed000-table1-formulas']!();
    const { excel, host } = officeClientHost(source);
    excel.addOfficerConditionalFormat('Month 7', 'A1:A5', OFFICER_CF);
    const original = excel.snapshot();
    const plan = everyKindPlan(source);
    const first = await host.applyPlan(plan);
    const afterFirst = excel.snapshot();
    const second = await host.applyPlan({ ...plan, title: 'Again', edits: plan.edits.filter((e) => e.sheet !== NOTES_SHEET || e.kind !== 'addSheet') });

    const cfs = excel.snapshot().sheets[0]!.conditionalFormats;
    expect(cfs.filter((f) => f.formula?.includes('budget-monitor:test-flag'))).toHaveLength(1);
    expect(cfs.filter((f) => f.formula === OFFICER_CF.formula)).toHaveLength(1);
    expect((await host.appliedPlans()).map((p) => p.title)).toEqual(['Again', 'Every kind of edit']);

    await host.revert(second.id);
    expect(excel.snapshot()).toEqual(afterFirst);
    await host.revert(first.id);
    expect(excel.snapshot()).toEqual(original);
  });

  test('removeConditionalFormats removes only the add-in’s formats with that tag', async () => {
    const source = GRID_FIXTURES['seed000-table1-values']!();
    const { excel, host } = officeClientHost(source);
    excel.addOfficerConditionalFormat('Month 7', 'F5:F30', { ...OFFICER_CF, formula: '=$F5>0' });
    const rag = (tag: string, fill: string) => ({
      kind: 'addConditionalFormat' as const,
      sheet: 'Month 7',
      range: 'H5:H30',
      tag,
      format: { rule: { type: 'text' as const, operator: 'equals' as const, text: 'Red' }, style: { fill } },
    });
    await host.applyPlan({ title: 'RAG', edits: [rag('rag-red', '#FF0000'), rag('rag-amber', '#FFC000')] });
    const removal = await host.applyPlan({ title: 'Remove red', edits: [{ kind: 'removeConditionalFormats', sheet: 'Month 7', tag: 'rag-red' }] });
    const formulas = excel.snapshot().sheets[0]!.conditionalFormats.map((f) => f.formula);
    expect(formulas).toEqual(['=AND(ISTEXT("budget-monitor:rag-amber"),TRIM(H5)="Red")', '=$F5>0']);
    await host.revert(removal.id);
    expect(excel.snapshot().sheets[0]!.conditionalFormats.map((f) => f.formula)).toEqual([
      '=AND(ISTEXT("budget-monitor:rag-amber"),TRIM(H5)="Red")',
      '=AND(ISTEXT("budget-monitor:rag-red"),TRIM(H5)="Red")',
      '=$F5>0',
    ]);
  });

  test('uses mergeUndoGroup only where ExcelApi 1.20 is supported', async () => {
    const source = GRID_FIXTURES['seed000-table1-values']!();
    const modern = officeClientHost(source);
    await modern.host.readWorkbook();
    expect(modern.excel.lastRunOptions).toEqual({ delayForCellEdit: true, mergeUndoGroup: true });
    const older = officeClientHost(source, { excelApiVersion: '1.12' });
    await older.host.readWorkbook();
    expect(older.excel.lastRunOptions).toEqual({ delayForCellEdit: true });
  });

  test('apply takes 3 syncs for a small plan with conditional formats, 2 without', async () => {
    const source = GRID_FIXTURES['seed000-table1-values']!();
    const { excel, host } = officeClientHost(source);
    await host.applyPlan({ title: 'Values', edits: [{ kind: 'setValues', sheet: 'Month 7', range: 'M5:M6', values: [[1], [2]] }] });
    expect(excel.stats.syncs).toBe(2);
    excel.resetStats();
    await host.applyPlan(everyKindPlan(source));
    expect(excel.stats.syncs).toBe(2);
    excel.resetStats();
    // Now its own tagged format exists, so its range is read in a second sync before writing.
    await host.applyPlan({ ...everyKindPlan(source), edits: everyKindPlan(source).edits.filter((e) => e.kind !== 'addSheet') });
    expect(excel.stats.syncs).toBe(3);
  });
});
