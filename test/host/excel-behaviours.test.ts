/**
 * The awkward parts of real Excel that the simulated workbook reproduces, each through
 * Microsoft's client: one test per behaviour proving the workbook does it, then the
 * adapter's handling of it.
 */
import { sheetFromValues, type Workbook } from '../../src/engine/grid';
import type { EditPlan } from '../../src/engine/plan';
import { LEDGER_KEY } from '../../src/host/office';
import { SETTING_LIMIT_BYTES, SETTINGS_LIMIT_BYTES } from '../../src/host/simulated';
import { GRID_FIXTURES } from '../fixtures/grids';
import { failure, officeClientHost } from './helpers';
import { everyKindPlan } from './plans';

const small = (): Workbook => ({ sheets: [sheetFromValues('Budget', [['Line', 'Budget'], ['Fostering', 13.528]]), sheetFromValues('Notes', [['a']])] });
const thisYear = new Date().getFullYear();
const serial = (y: number, m: number, d: number) => Math.round((Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000);

describe('1. text written through values or formulas is read as if typed', () => {
  test('the workbook: "1.10" is 1.1, "0012" 12, "5%" 0.05, "01/04" a date; an apostrophe keeps text and is not part of the value', async () => {
    const { wire } = officeClientHost(small());
    const read = await wire.run({}, async (context) => {
      const range = context.workbook.worksheets.getItem('Notes').getRange('B1:I1');
      range.values = [['1.10', '0012', '5%', '01/04', "'0012", 'true', 'Red', "'=A1"]];
      range.load('values,formulas,numberFormat,valueTypes');
      await context.sync();
      return { values: range.values, formulas: range.formulas, formats: range.numberFormat, types: range.valueTypes };
    });
    expect(read.values).toEqual([[1.1, 12, 0.05, serial(thisYear, 4, 1), '0012', true, 'Red', '=A1']]);
    expect(read.formulas).toEqual([[1.1, 12, 0.05, serial(thisYear, 4, 1), '0012', true, 'Red', '=A1']]);
    expect(read.formats).toEqual([['General', 'General', '0%', 'd-mmm', 'General', 'General', 'General', 'General']]);
    expect(read.types).toEqual([['Double', 'Double', 'Double', 'Double', 'String', 'Boolean', 'String', 'String']]);
  });

  test('the adapter writes text as text, and revert puts text back as text', async () => {
    const source: Workbook = { sheets: [sheetFromValues('Budget', [['Code', 'Note'], ['0012', '=not a formula'], ['x', '1.10']])] };
    const { excel, host } = officeClientHost(source);
    const before = excel.snapshot();
    expect(before.sheets[0]!.cells.A2).toEqual({ value: '0012' });
    const plan = {
      title: 'Labels',
      edits: [
        { kind: 'setValues' as const, sheet: 'Budget', range: 'C1:C3', values: [['1.10'], ['0012'], ['5%']] },
        { kind: 'setValues' as const, sheet: 'Budget', range: 'A2:B3', values: [['0013', 'note'], ['y', '2.50']] },
      ],
    };
    const allowOverwrite = [{ sheet: 'Budget', range: 'A2:B3' }];
    const applied = await host.applyPlan(plan, { allowOverwrite });
    const cells = excel.snapshot().sheets[0]!.cells;
    expect([cells.C1, cells.C2, cells.C3, cells.A2, cells.B3]).toEqual([{ value: '1.10' }, { value: '0012' }, { value: '5%' }, { value: '0013' }, { value: '2.50' }]);
    // Excel holds what was written, so the ledger's row hashes match and the plan can be undone.
    await host.revert(applied.id);
    expect(excel.snapshot()).toEqual(before);
  });
});

describe('3. manual calculation: values stay as last calculated', () => {
  const withTotal = (): Workbook => ({ sheets: [{ name: 'Budget', rows: [[{ value: 1 }, { value: 2 }, { value: 3, formula: '=A1+B1' }]] }] });

  test('the workbook: a changed input leaves the total stale until application.calculate', async () => {
    const { excel, wire } = officeClientHost(withTotal(), { cachedResults: true });
    const mode = await wire.run({}, async (context) => {
      const application = context.workbook.application.load('calculationMode');
      await context.sync();
      return application.calculationMode;
    });
    expect(mode).toBe('Automatic');
    excel.setCalculationMode('Manual');
    excel.typeInto('Budget', 'A1', 10);
    const total = () =>
      wire.run({}, async (context) => {
        const range = context.workbook.worksheets.getItem('Budget').getRange('C1').load('values');
        await context.sync();
        return range.values[0]![0];
      });
    expect(await total()).toBe(3);
    await wire.run({}, async (context) => {
      context.workbook.application.calculate('Recalculate');
      await context.sync();
    });
    expect(await total()).toBe(12);
  });

  test('the adapter recalculates a workbook in manual mode before reading it, and says so', async () => {
    const { excel, host } = officeClientHost(withTotal(), { cachedResults: true });
    excel.setCalculationMode('Manual');
    excel.typeInto('Budget', 'A1', 10);
    const read = await host.readWorkbook();
    expect(read.workbook.sheets[0]!.rows[0]![2]).toEqual({ value: 12, formula: '=A1+B1' });
    expect(read.notices).toEqual([expect.stringContaining('set to calculate manually')]);
    expect(excel.stats.syncs).toBe(3);
  });
});

describe('5. document settings hold about 2 MB, and a setting fails above about 1 MB', () => {
  test('the workbook: a setting over 1 MB, or settings over 2 MB in all, are refused', async () => {
    const { excel, wire } = officeClientHost(small());
    const add = (key: string, bytes: number) =>
      wire.run({}, async (context) => {
        context.workbook.settings.add(key, 'x'.repeat(bytes));
        await context.sync();
      });
    expect(await failure(add('big', SETTING_LIMIT_BYTES + 10))).toMatchObject({ code: 'GeneralException' });
    await add('a', 900_000);
    await add('b', 900_000);
    expect(await failure(add('c', SETTINGS_LIMIT_BYTES - 1_800_000))).toMatchObject({ code: 'GeneralException' });
    expect(Object.keys(excel.settings())).toEqual(['a', 'b']);
  });

  /** 300 rows × 100 columns of the officer's own text (about 1 MB), which a plan agrees to overwrite. */
  const crowded = (): Workbook => ({
    sheets: [sheetFromValues('Data', Array.from({ length: 300 }, (_, r) => Array.from({ length: 100 }, (_, c) => `officer text in row ${r} column ${c}, kept`)))],
  });
  const overwrite = { title: 'Overwrite everything', edits: [{ kind: 'setValues' as const, sheet: 'Data', range: 'A1:CV300', values: Array.from({ length: 300 }, () => Array.from({ length: 100 }, () => 'new')) }] };
  const allowOverwrite = [{ sheet: 'Data', range: 'A1:CV300' }];

  test('the adapter refuses a plan whose record for Undo would not fit, and changes nothing', async () => {
    const { excel, host } = officeClientHost(crowded());
    const before = excel.snapshot();
    const error = await failure(host.applyPlan(overwrite, { allowOverwrite }));
    expect(error).toMatchObject({ code: 'undoTooLarge' });
    expect(error.message).toContain('would not fit in the workbook');
    expect(excel.snapshot()).toEqual(before);
    expect(excel.settings()[LEDGER_KEY]).toBeUndefined();
  });

  test('…or applies it without Undo when the officer agrees', async () => {
    const { excel, host } = officeClientHost(crowded());
    await host.applyPlan(overwrite, { allowOverwrite, withoutUndo: true });
    expect(excel.sheet('Data').rows[299]![99]).toEqual({ value: 'new' });
    expect(await host.appliedPlans()).toEqual([]);
  });

  test('the ledger stays under the size a setting may hold: older records are dropped', async () => {
    const { excel, host } = officeClientHost(crowded());
    for (let i = 0; i < 2; i++) {
      const rows = 120;
      const range = `A${i * rows + 1}:CV${(i + 1) * rows}`;
      const plan = { title: `Part ${i}`, edits: [{ kind: 'setValues' as const, sheet: 'Data', range, values: Array.from({ length: rows }, () => Array.from({ length: 100 }, () => `p${i}`)) }] };
      await host.applyPlan(plan, { allowOverwrite: [{ sheet: 'Data', range }] });
    }
    expect(new TextEncoder().encode(JSON.stringify(excel.settings()[LEDGER_KEY])).length).toBeLessThan(SETTING_LIMIT_BYTES);
    expect((await host.appliedPlans()).map((p) => p.title)[0]).toBe('Part 1');
    expect(await host.appliedPlans()).toHaveLength(1);
  });
});

describe('8. hidden sheets, protected structure, merged cells, a stray far cell, reads over 5,000,000 cells', () => {
  test('the workbook: a hidden sheet reads as Hidden and cannot be activated', async () => {
    const { excel, wire } = officeClientHost(small());
    excel.hideSheet('Notes', 'VeryHidden');
    const visibility = await wire.run({}, async (context) => {
      const ws = context.workbook.worksheets.getItem('Notes').load('visibility');
      await context.sync();
      return ws.visibility;
    });
    expect(visibility).toBe('VeryHidden');
    const error = await failure(
      wire.run({}, async (context) => {
        context.workbook.worksheets.getItem('Notes').activate();
        await context.sync();
      }),
    );
    expect(error).toMatchObject({ code: 'InvalidOperation' });
  });

  test('the adapter: going to a cell on a hidden or very hidden sheet says so', async () => {
    const { excel, host } = officeClientHost(small());
    excel.hideSheet('Notes');
    expect(await failure(host.selectCell('Notes', 'A1'))).toMatchObject({ code: 'sheetHidden', message: expect.stringContaining('Unhide it') });
    excel.hideSheet('Notes', 'VeryHidden');
    expect(await failure(host.selectCell('Notes', 'A1'))).toMatchObject({ code: 'sheetHidden', message: expect.stringContaining('very hidden') });
  });

  test('the workbook: with the structure protected, a sheet cannot be added', async () => {
    const { excel, wire } = officeClientHost(small());
    excel.protectStructure();
    const error = await failure(
      wire.run({}, async (context) => {
        context.workbook.worksheets.add('New');
        await context.sync();
      }),
    );
    expect(error).toMatchObject({ code: 'AccessDenied' });
  });

  test('the adapter refuses a plan that adds a sheet to a workbook whose structure is protected, and changes nothing', async () => {
    const { excel, host } = officeClientHost(small());
    excel.protectStructure();
    const before = excel.snapshot();
    const plan = { title: 'Report', edits: [{ kind: 'setValues' as const, sheet: 'Budget', range: 'C1', values: [['x']] }, { kind: 'addSheet' as const, sheet: 'Report' }, { kind: 'setValues' as const, sheet: 'Report', range: 'A1', values: [['r']] }] };
    const error = await failure(host.applyPlan(plan));
    expect(error).toMatchObject({ code: 'structureProtected', message: expect.stringContaining('Review > Protect Workbook') });
    expect(excel.snapshot()).toEqual(before);
  });

  test('the workbook: a write into part of merged cells is refused', async () => {
    const { excel, wire } = officeClientHost(small());
    excel.mergeCells('Budget', 'C1:D1');
    const error = await failure(
      wire.run({}, async (context) => {
        context.workbook.worksheets.getItem('Budget').getRange('D1:D2').values = [['a'], ['b']];
        await context.sync();
      }),
    );
    expect(error).toMatchObject({ code: 'InvalidOperation', message: 'Cannot change part of a merged cell.' });
  });

  test('the adapter refuses a write into part of merged cells before writing anything', async () => {
    const { excel, host } = officeClientHost(small());
    excel.mergeCells('Budget', 'C1:D1');
    const before = excel.snapshot();
    const plan = { title: 'Notes', edits: [{ kind: 'setValues' as const, sheet: 'Notes', range: 'B1', values: [['n']] }, { kind: 'setValues' as const, sheet: 'Budget', range: 'D1:D2', values: [['a'], ['b']] }] };
    const error = await failure(host.applyPlan(plan));
    expect(error).toMatchObject({ code: 'mergedCells', sheet: 'Budget', message: expect.stringContaining('C1:D1') });
    expect(excel.snapshot()).toEqual(before);
  });

  test('the workbook: one stray cell at XFD1048576 makes the used range the whole sheet; a read over 5,000,000 cells is RangeExceedsLimit', async () => {
    const { excel, wire } = officeClientHost(small());
    excel.typeInto('Budget', 'XFD1048576', 'stray');
    const error = await failure(
      wire.run({}, async (context) => {
        const block = context.workbook.worksheets.getItem('Budget').getRange('A1:XFD400').load('values');
        await context.sync();
        return block.values;
      }),
    );
    expect(error).toMatchObject({ code: 'RangeExceedsLimit' });
    const address = await wire.run({}, async (context) => {
      const used = context.workbook.worksheets.getItem('Budget').getUsedRangeOrNullObject(true).load('address');
      await context.sync();
      return used.address;
    });
    expect(address).toBe('Budget!A1:XFD1048576');
  });

  test('the adapter reads the data of a sheet with a stray far cell in a few syncs, and says what it left out', async () => {
    const { excel, host, wire } = officeClientHost(small());
    excel.typeInto('Budget', 'XFD1048576', 'stray');
    wire.server.beforeSync = (sync) => {
      if (sync > 20) throw new Error('too many syncs: the read is not bounded');
    };
    const read = await host.readWorkbook();
    expect(read.workbook.sheets[0]!.rows[1]![1]).toEqual({ value: 13.528 });
    expect(read.notices).toEqual([expect.stringContaining('Only A1:B2 was read')]);
    expect(excel.stats.syncs).toBeLessThanOrEqual(5);
  });
});

describe('2. Excel tables: a formula written into a table column fills the whole column', () => {
  const withTable = (): Workbook => ({ sheets: [sheetFromValues('Budget', [['Line', 'Budget', 'Check'], ['a', 1, null], ['b', 2, null], ['c', 3, null]])] });

  test('the workbook: one formula in an empty table column becomes a calculated column', async () => {
    const { excel, wire } = officeClientHost(withTable());
    excel.addTable('Budget', 'A1:C4', 'Lines');
    const names = await wire.run({}, async (context) => {
      const range = context.workbook.worksheets.getItem('Budget').getRange('C2');
      range.formulas = [['=B2*2']];
      const tables = range.getTables(false).load('items/name');
      await context.sync();
      return tables.items.map((t) => t.name);
    });
    expect(names).toEqual(['Lines']);
    expect(excel.sheet('Budget').rows.slice(1).map((row) => row[2]?.formula)).toEqual(['=B2*2', '=B3*2', '=B4*2']);
  });

  test('the adapter refuses a formula written into a table before writing anything', async () => {
    const { excel, host } = officeClientHost(withTable());
    excel.addTable('Budget', 'A1:C4', 'Lines');
    const before = excel.snapshot();
    const error = await failure(host.applyPlan({ title: 'Check', edits: [{ kind: 'setFormulas', sheet: 'Budget', range: 'C2', formulas: [['=B2*2']] }] }));
    expect(error).toMatchObject({ code: 'tableColumn', sheet: 'Budget', message: expect.stringContaining('inside the Excel table "Lines"') });
    expect(excel.snapshot()).toEqual(before);
    // Outside the table, the same write goes ahead.
    await host.applyPlan({ title: 'Check', edits: [{ kind: 'setFormulas', sheet: 'Budget', range: 'E2', formulas: [['=B2*2']] }] });
    expect(excel.sheet('Budget').rows[2]![4]).toBeUndefined();
  });
});

describe('6. cell edit mode: a batch fails while the officer types in a cell, unless sent with delayForCellEdit', () => {
  const readName = (wire: ReturnType<typeof officeClientHost>['wire'], options: object) =>
    wire.run(options, async (context) => {
      const ws = context.workbook.worksheets.getItem('Budget').load('name');
      await context.sync();
      return ws.name;
    });

  test('the workbook: InvalidOperationInCellEditMode without the flag; with it (ExcelApi 1.11) the batch waits and runs', async () => {
    const { excel, wire } = officeClientHost(small());
    excel.cellEditMode = true;
    expect(await failure(readName(wire, {}))).toMatchObject({ code: 'InvalidOperationInCellEditMode' });
    expect(await readName(wire, { delayForCellEdit: true })).toBe('Budget');
    excel.excelApiVersion = '1.10';
    expect(await failure(readName(wire, { delayForCellEdit: true }))).toMatchObject({ code: 'InvalidOperationInCellEditMode' });
  });

  test('the adapter asks Excel to wait where ExcelApi 1.11 is supported, and otherwise says to leave the cell', async () => {
    const { excel, host } = officeClientHost(small());
    excel.cellEditMode = true;
    expect((await host.readWorkbook()).workbook.sheets).toHaveLength(2);
    const older = officeClientHost(small(), { excelApiVersion: '1.10' });
    older.excel.cellEditMode = true;
    expect(await failure(older.host.readWorkbook())).toMatchObject({ code: 'cellEditMode', message: expect.stringContaining('Press Enter or Esc') });
  });
});

describe('7. requirement sets: a method above the Excel’s ExcelApi version is not there', () => {
  test('the workbook: getCellProperties (ExcelApi 1.9) is ApiNotFound in an Excel with 1.8, and isSetSupported says so', async () => {
    const { wire } = officeClientHost(small(), { excelApiVersion: '1.8' });
    expect(wire.isSetSupported('ExcelApi', '1.9')).toBe(false);
    expect(wire.isSetSupported('ExcelApi', '1.8')).toBe(true);
    const error = await failure(
      wire.run({}, async (context) => {
        const props = context.workbook.worksheets.getItem('Budget').getRange('A1').getCellProperties({ format: { font: { bold: true } } });
        await context.sync();
        return props.value;
      }),
    );
    expect(error).toMatchObject({ code: 'ApiNotFound' });
  });

  test('the adapter reads, applies and reverts in an Excel with only ExcelApi 1.8, or refuses fills and bold with a plain message', async () => {
    const source = GRID_FIXTURES['seed000-table1-values']!();
    const { excel, host } = officeClientHost(source, { excelApiVersion: '1.8' });
    await host.readWorkbook();
    const before = excel.snapshot();
    const error = await failure(host.applyPlan(everyKindPlan(source)));
    expect(error).toMatchObject({ code: 'excelTooOld', message: expect.stringContaining('fills and bold') });
    expect(excel.snapshot()).toEqual(before);
    const plain = { ...everyKindPlan(source), edits: everyKindPlan(source).edits.filter((e) => e.kind !== 'setFill' && e.kind !== 'setBold') };
    const applied = await host.applyPlan(plain);
    await host.revert(applied.id);
    expect(excel.snapshot()).toEqual(before);
  });
});

describe('4. a conditional format split over several ranges (a rule copied and pasted)', () => {
  const ragPlan = (): EditPlan => ({
    title: 'RAG colours',
    edits: [{ kind: 'addConditionalFormat', sheet: 'Budget', range: 'B2:B3', tag: 'rag-b', format: { rule: { type: 'formula', formula: '=$B2>10' }, style: { fill: '#FFC7CE' } } }],
  });
  const twoLines = (): Workbook => ({ sheets: [sheetFromValues('Budget', [['Line', 'Budget', '', 'Copy'], ['Fostering', 13.528, '', 13.528], ['Placements', 9.1, '', 9.1]])] });
  /** What copying the rule's cells to D2:D3 does in Excel: one rule, two areas. */
  const splitFirstRule = (excel: ReturnType<typeof officeClientHost>['excel']): void => {
    const cf = excel.state.sheets[0]!.conditionalFormats[0]!;
    cf.areas = [cf.range, { start: { row: 1, col: 3 }, end: { row: 2, col: 3 } }];
  };

  test('the workbook: getRange() fails; getRangeOrNullObject() is null; getRanges() (ExcelApi 1.9) lists the areas', async () => {
    const { excel, host, wire } = officeClientHost(twoLines());
    await host.applyPlan(ragPlan());
    splitFirstRule(excel);
    const error = await failure(
      wire.run({}, async (context) => {
        const cf = context.workbook.worksheets.getItem('Budget').getRange().conditionalFormats.getItemAt(0);
        cf.getRange().load('address');
        await context.sync();
      }),
    );
    expect(error).toMatchObject({ code: 'InvalidOperation' });
    const read = await wire.run({}, async (context) => {
      const cf = context.workbook.worksheets.getItem('Budget').getRange().conditionalFormats.getItemAt(0);
      const single = cf.getRangeOrNullObject().load('address');
      const areas = cf.getRanges().load('address');
      await context.sync();
      return { isNull: single.isNullObject, areas: areas.address };
    });
    expect(read).toEqual({ isNull: true, areas: 'Budget!B2:B3,Budget!D2:D3' });
  });

  test('the adapter re-applies RAG over a split rule of its own (replacing it), and revert puts both areas back', async () => {
    const { excel, host } = officeClientHost(twoLines());
    await host.applyPlan(ragPlan());
    splitFirstRule(excel);
    const again = await host.applyPlan(ragPlan());
    const rules = (): string[] => excel.state.sheets[0]!.conditionalFormats.map((c) => [c.range, ...(c.areas ?? []).slice(1)].map((r) => `${r.start.row + 1}:${r.start.col + 1}-${r.end.row + 1}:${r.end.col + 1}`).join(','));
    expect(rules()).toEqual(['2:2-3:2']);
    await host.revert(again.id);
    // One rule per area, the same formula and look: what the officer sees is as it was.
    expect(rules().sort()).toEqual(['2:2-3:2', '2:4-3:4']);
    expect(excel.state.sheets[0]!.conditionalFormats.every((c) => c.fill === '#FFC7CE')).toBe(true);
  });
});

describe('revert in three syncs', () => {
  test('the ledger with every sheet, the current output, then the writes (the add-in’s own formats matched by their formula)', async () => {
    const { excel, host } = officeClientHost(GRID_FIXTURES['seed000-table1-formulas']!());
    const applied = await host.applyPlan(everyKindPlan(GRID_FIXTURES['seed000-table1-formulas']!()));
    excel.resetStats();
    await host.revert(applied.id);
    expect(excel.stats.syncs).toBe(3);
  });
});
