/**
 * The awkward parts of real Excel that the simulated workbook reproduces, each through
 * Microsoft's client: one test per behaviour proving the workbook does it, then the
 * adapter's handling of it (issue 12 §2).
 */
import { sheetFromValues, type Workbook } from '../../src/engine/grid';
import { officeClientHost } from './helpers';

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
