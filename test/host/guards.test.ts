import { LEDGER_KEY } from '../../src/host/office';
import { GRID_FIXTURES } from '../fixtures/grids';
import { failure, officeClientHost } from './helpers';
import { everyKindPlan, freeColumns, NOTES_SHEET } from './plans';

const table1 = () => GRID_FIXTURES['seed000-table1-values']!();

describe('before writing: a clear message and nothing written', () => {
  test('a protected sheet', async () => {
    const source = table1();
    const { excel, host } = officeClientHost(source);
    excel.protectSheet('Month 7');
    const before = excel.snapshot();
    const error = await failure(host.applyPlan(everyKindPlan(source)));
    expect(error).toMatchObject({ code: 'sheetProtected', sheet: 'Month 7' });
    expect(error.message).toBe('Sheet "Month 7" is protected, so nothing was changed. Unprotect it (Review > Unprotect Sheet) and try again.');
    expect(excel.snapshot()).toEqual(before);
    expect(excel.settings()[LEDGER_KEY]).toBeUndefined();
  });

  test('a target cell holding the officer’s own data', async () => {
    const source = table1();
    const { excel, host } = officeClientHost(source);
    const { flag } = freeColumns(source);
    excel.typeInto('Month 7', `${flag}7`, 'ask Jo about this');
    const before = excel.snapshot();
    const error = await failure(host.applyPlan(everyKindPlan(source)));
    expect(error).toMatchObject({ code: 'officerData', sheet: 'Month 7', cell: `${flag}7` });
    expect(error.message).toContain(`'Month 7'!${flag}7 holds your own data`);
    expect(excel.snapshot()).toEqual(before);
  });

  test('a sheet deleted between reading and writing', async () => {
    const source = GRID_FIXTURES['seed000-months']!();
    const { excel, host } = officeClientHost(source);
    const read = await host.readWorkbook();
    const last = read.workbook.sheets[read.workbook.sheets.length - 1]!.name;
    excel.deleteSheet(last);
    const before = excel.snapshot();
    const error = await failure(host.applyPlan({ title: 'Movement', edits: [{ kind: 'setValues', sheet: last, range: 'Z1:Z2', values: [[1], [2]] }] }));
    expect(error).toMatchObject({ code: 'sheetMissing', sheet: last });
    expect(error.message).toBe(`Sheet "${last}" no longer exists (it may have been deleted or renamed), so nothing was changed. Check the workbook again to refresh.`);
    expect(excel.snapshot()).toEqual(before);
  });

  test('an unreadable range in a plan', async () => {
    const { excel, host } = officeClientHost(table1());
    const before = excel.snapshot();
    const error = await failure(host.applyPlan({ title: 'Bad', edits: [{ kind: 'setValues', sheet: 'Month 7', range: 'D16:oops', values: [[1]] }] }));
    expect(error).toMatchObject({ code: 'badRange', sheet: 'Month 7' });
    expect(excel.snapshot()).toEqual(before);
  });
});

describe('own output', () => {
  test('a fix may overwrite the cell the officer agreed to, and revert restores the typed value', async () => {
    const { excel, host } = officeClientHost(table1());
    const before = excel.snapshot();
    const fix = { title: 'Fix sub total D16', edits: [{ kind: 'setFormulas' as const, sheet: 'Month 7', range: 'D16', formulas: [['=SUM(D5:D15)']] }] };
    expect((await failure(host.applyPlan(fix))).code).toBe('officerData');
    const applied = await host.applyPlan(fix, { allowOverwrite: [{ sheet: 'Month 7', range: 'D16' }] });
    expect(excel.toWorkbook().sheets[0]!.rows[15]![3]).toMatchObject({ formula: '=SUM(D5:D15)', value: expect.closeTo(98.506, 9) });
    await host.revert(applied.id);
    expect(excel.snapshot()).toEqual(before);
  });

  test('once the officer edits the add-in’s output it becomes theirs: no overwrite, no revert', async () => {
    const source = table1();
    const { excel, host } = officeClientHost(source);
    const { flag } = freeColumns(source);
    const plan = everyKindPlan(source);
    const applied = await host.applyPlan(plan);
    excel.typeInto('Month 7', `${flag}9`, 42);
    const edited = excel.snapshot();

    const again = await failure(host.applyPlan({ ...plan, edits: plan.edits.filter((e) => e.kind !== 'addSheet') }));
    expect(again).toMatchObject({ code: 'officerData', cell: `${flag}9` });
    const undo = await failure(host.revert(applied.id));
    expect(undo).toMatchObject({ code: 'changedSinceApplied', sheet: 'Month 7', cell: `${flag}9` });
    expect(undo.message).toBe(`"Every kind of edit" was not undone: 'Month 7'!${flag}9 has been edited since the add-in wrote it, and undoing would overwrite that edit.`);
    expect(excel.snapshot()).toEqual(edited);
  });

  test('revert refuses to delete an added sheet the officer has since written on', async () => {
    const source = table1();
    const { excel, host } = officeClientHost(source);
    const applied = await host.applyPlan(everyKindPlan(source));
    excel.typeInto(NOTES_SHEET, 'D20', 'my working');
    const error = await failure(host.revert(applied.id));
    expect(error).toMatchObject({ code: 'addedSheetEdited', sheet: NOTES_SHEET });
    expect(excel.sheet(NOTES_SHEET).rows[19]![3]).toEqual({ value: 'my working' });
  });

  test('revert of a plan the workbook has no record of', async () => {
    const { host } = officeClientHost(table1());
    expect((await failure(host.revert('plan-unknown'))).code).toBe('planNotFound');
  });
});

describe('Office errors become one plain-English message', () => {
  test.each([
    ['AccessDenied', 'accessDenied', 'Excel refused the change (a sheet may be protected or the workbook read-only). The workbook was left as it was.'],
    ['ItemNotFound', 'itemNotFound', 'Something the add-in needed has gone from the workbook (a sheet deleted or renamed meanwhile). The workbook was left as it was; check it again.'],
    ['InvalidOperationInCellEditMode', 'cellEditMode', 'Excel is busy while you are typing in a cell. Press Enter or Esc to leave the cell, then try again.'],
    ['RequestPayloadSizeLimitExceeded', 'payloadTooLarge', 'This workbook is too large for Excel to exchange in one go, even in smaller pieces. The workbook was left as it was; try on a smaller selection of sheets.'],
    ['GeneralException', 'general', 'Excel could not complete the request. The workbook was left as it was; please try again.'],
  ] as const)('%s while reading', async (officeCode, code, message) => {
    const { excel, host } = officeClientHost(table1());
    excel.injectFailure({ atSync: 1, afterActions: 0, code: officeCode });
    const error = await failure(host.readWorkbook());
    expect(error).toMatchObject({ code, message });
  });

  test('a failure at any sync of a write leaves the workbook as it was', async () => {
    const source = table1();
    const probe = officeClientHost(source);
    await probe.host.applyPlan(everyKindPlan(source));
    const syncs = probe.excel.stats.syncs;
    for (let at = 1; at <= syncs; at++) {
      for (const afterActions of [0, 1, 5]) {
        const { excel, host } = officeClientHost(source);
        const before = excel.snapshot();
        excel.injectFailure({ atSync: at, afterActions, code: 'GeneralException' });
        const error = await failure(host.applyPlan(everyKindPlan(source)));
        expect(error.code).toBe('general');
        expect(excel.snapshot()).toEqual(before);
        expect(excel.settings()[LEDGER_KEY]).toBeUndefined();
      }
    }
  });
});

describe('select and settings', () => {
  test('selectCell activates the sheet and selects the cell; a missing sheet is named', async () => {
    const { excel, host } = officeClientHost(GRID_FIXTURES['seed000-months']!());
    await host.selectCell('Month 7', 'F16');
    expect(excel.state.selection).toEqual({ sheet: 'Month 7', address: 'F16' });
    expect(await failure(host.selectCell('Month 99', 'A1'))).toMatchObject({ code: 'sheetMissing', sheet: 'Month 99' });
  });
});

describe('ledger and revert edge cases', () => {
  test('the last 10 plans are remembered, newest first', async () => {
    const { host } = officeClientHost(table1());
    for (let i = 1; i <= 12; i++) {
      await host.applyPlan({ title: `Note ${i}`, edits: [{ kind: 'setValues', sheet: 'Month 7', range: `P${i}`, values: [[`note ${i}`]] }] });
    }
    expect((await host.appliedPlans()).map((p) => p.title)).toEqual(['Note 12', 'Note 11', 'Note 10', 'Note 9', 'Note 8', 'Note 7', 'Note 6', 'Note 5', 'Note 4', 'Note 3']);
  });

  test('revert stops with a message when the sheet has been protected since', async () => {
    const source = table1();
    const { excel, host } = officeClientHost(source);
    const applied = await host.applyPlan(everyKindPlan(source));
    excel.protectSheet('Month 7');
    const before = excel.snapshot();
    expect(await failure(host.revert(applied.id))).toMatchObject({ code: 'sheetProtected', sheet: 'Month 7' });
    expect(excel.snapshot()).toEqual(before);
  });

  test('when putting the workbook back after a failed write also fails, the officer is told', async () => {
    const source = table1();
    const { excel, host } = officeClientHost(source);
    excel.injectFailure({ atSync: 2, code: 'GeneralException' }); // the write
    excel.injectFailure({ atSync: 3, afterActions: 0, code: 'GeneralException' }); // the roll-back's first sync
    const error = await failure(host.applyPlan(everyKindPlan(source)));
    expect(error).toMatchObject({
      code: 'rollbackIncomplete',
      message: '"Every kind of edit" failed part-way and the add-in could not fully put the workbook back. Use Excel\'s Undo or check the sheets it touched.',
    });
  });
});

test('undoing an earlier plan whose cells a later plan rewrote asks to undo the later one first', async () => {
  const { excel, host } = officeClientHost(table1());
  const edit = (title: string, text: string) => ({ title, edits: [{ kind: 'setValues' as const, sheet: 'Month 7', range: 'P5:P6', values: [[text], [text]] }] });
  const first = await host.applyPlan(edit('First', 'one'));
  await host.applyPlan(edit('Second', 'two'));
  const before = excel.snapshot();
  const error = await failure(host.revert(first.id));
  expect(error).toMatchObject({ code: 'changedSinceApplied', message: '"First" was not undone: "Second" changed the same cells afterwards. Undo "Second" first.' });
  expect(excel.snapshot()).toEqual(before);
});
