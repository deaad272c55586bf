/**
 * Insert chart through the Office adapter on Microsoft's own Excel client, answered by the
 * simulated Excel: the charts are added with the right source ranges and series, in one
 * Excel.run; regenerating replaces only the add-in's own charts; revert removes them (and
 * puts back the ones a regeneration replaced); the officer's chart is never touched.
 */
import type { Workbook } from '../../src/engine/grid';
import { planChart, RAG_BAR_COLOURS, type ChartOptions } from '../../src/engine/operations/chart';
import { readTables } from '../../src/engine/read';
import type { ExcelHost } from '../../src/host/host';
import { seed000Table1Formulas } from '../fixtures/grids/seed000';
import { failure, officeClientHost } from './helpers';

async function chartPlan(host: ExcelHost, options: ChartOptions) {
  const { workbook } = await host.readWorkbook();
  const table = readTables(workbook).find((t) => t.sheet === 'Month 7')!;
  const result = planChart(workbook, table, options);
  expect(result.problems).toEqual([]);
  return result.plan;
}

const sheetOf = (excel: ReturnType<typeof officeClientHost>['excel'], name: string) => excel.snapshot().sheets.find((s) => s.name === name)!;

describe('Insert chart through Microsoft\'s Excel client', () => {
  const fixture = (): Workbook => seed000Table1Formulas();

  test('beside the table: two native charts over the linked block, in one Excel.run of 2 syncs', async () => {
    const { excel, host } = officeClientHost(fixture());
    const plan = await chartPlan(host, { per: 'lines', placement: 'beside' });
    excel.resetStats();
    const runs = excel.runs;
    await host.applyPlan(plan);
    expect(excel.runs - runs).toBe(1);
    expect(excel.stats.syncs).toBe(2);
    const sheet = sheetOf(excel, 'Month 7');
    expect(sheet.cells.M4).toMatchObject({ formula: "='Month 7'!A5", value: 'Prevention Services' });
    expect(sheet.cells.N15).toMatchObject({ formula: "='Month 7'!D18" });
    const [budget, variance] = sheet.charts!;
    expect(budget).toEqual({
      name: 'BudgetMonitor Month 7 A3 budget',
      chartType: 'BarClustered',
      title: 'Budget v forecast outturn',
      position: { from: 'R3', to: 'AA48' },
      axes: { reversePlotOrder: true, crossesAt: 'Maximum', valueTitle: '£m' },
      series: [
        { name: 'Budget', values: "'Month 7'!N4:N28", xValues: "'Month 7'!M4:M28", fill: '#4472C4', pointFills: {} },
        { name: 'Forecast outturn', values: "'Month 7'!O4:O28", xValues: "'Month 7'!M4:M28", fill: '#ED7D31', pointFills: {} },
      ],
    });
    expect(variance!.name).toBe('BudgetMonitor Month 7 A3 variance');
    expect(variance!.series).toHaveLength(1);
    expect(variance!.series[0]!.values).toBe("'Month 7'!P4:P28");
    // CLA West (line 9 of 25, index 8) is Red; Leaving Care (index 9) Amber; Prevention Services Green.
    expect(variance!.series[0]!.pointFills[8]).toBe(RAG_BAR_COLOURS.Red);
    expect(variance!.series[0]!.pointFills[9]).toBe(RAG_BAR_COLOURS.Amber);
    expect(variance!.series[0]!.pointFills[0]).toBe(RAG_BAR_COLOURS.Green);
    expect(Object.keys(variance!.series[0]!.pointFills)).toHaveLength(25);
  });

  test('regenerating replaces only the add-in\'s own charts; revert puts back the ones it replaced, then the state before', async () => {
    const { excel, host } = officeClientHost(fixture());
    excel.addOfficerChart('Month 7', 'My budget chart', 'D5:E15');
    const before = excel.snapshot();
    const first = await host.applyPlan(await chartPlan(host, { per: 'lines', placement: 'beside' }));
    const afterFirst = excel.snapshot();
    expect(sheetOf(excel, 'Month 7').charts!.map((c) => c.name)).toEqual(['My budget chart', 'BudgetMonitor Month 7 A3 budget', 'BudgetMonitor Month 7 A3 variance']);

    const second = await host.applyPlan(await chartPlan(host, { per: 'sections', placement: 'beside' }));
    const charts = sheetOf(excel, 'Month 7').charts!;
    expect(charts.map((c) => c.name)).toEqual(['My budget chart', 'BudgetMonitor Month 7 A3 budget', 'BudgetMonitor Month 7 A3 variance']);
    expect(charts[0]).toEqual(afterFirst.sheets.find((s) => s.name === 'Month 7')!.charts![0]);
    expect(charts[1]!.series[0]!.values).toBe("'Month 7'!N4:N7");
    expect(charts[2]!.title).toBe('Variance by section (RAG)');

    await host.revert(second.id);
    const restored = sheetOf(excel, 'Month 7');
    expect(restored.charts!.map((c) => c.name).sort()).toEqual(['BudgetMonitor Month 7 A3 budget', 'BudgetMonitor Month 7 A3 variance', 'My budget chart']);
    expect(restored.charts!.find((c) => c.name.endsWith('budget'))!.series[0]!.values).toBe("'Month 7'!N4:N28");
    expect(restored.cells).toEqual(afterFirst.sheets.find((s) => s.name === 'Month 7')!.cells);

    await host.revert(first.id);
    expect(excel.snapshot()).toEqual(before);
  });

  test('revert takes 3 syncs and removes the charts and the linked block exactly', async () => {
    const { excel, host } = officeClientHost(fixture());
    const before = excel.snapshot();
    const applied = await host.applyPlan(await chartPlan(host, { per: 'lines', placement: 'beside' }));
    excel.resetStats();
    await host.revert(applied.id);
    expect(excel.stats.syncs).toBe(3);
    expect(excel.snapshot()).toEqual(before);
  });

  test('on a Charts sheet: the sheet is added with the block and the charts; revert deletes it', async () => {
    const { excel, host } = officeClientHost(fixture());
    const before = excel.snapshot();
    const applied = await host.applyPlan(await chartPlan(host, { per: 'sections', placement: 'sheet' }));
    const charts = sheetOf(excel, 'Charts');
    expect(charts.cells.A2).toMatchObject({ formula: "='Month 7'!A4", value: 'Children & Families' });
    expect(charts.charts!.map((c) => [c.name, c.position, c.series.map((s) => s.values)])).toEqual([
      ['BudgetMonitor Month 7 A3 budget', { from: 'F2', to: 'O16' }, ['Charts!B2:B5', 'Charts!C2:C5']],
      ['BudgetMonitor Month 7 A3 variance', { from: 'F18', to: 'O32' }, ['Charts!D2:D5']],
    ]);
    await host.revert(applied.id);
    expect(excel.snapshot()).toEqual(before);
  });

  test('a protected sheet stops the chart before anything is written', async () => {
    const { excel, host } = officeClientHost(fixture());
    const plan = await chartPlan(host, { placement: 'beside' });
    excel.protectSheet('Month 7');
    const before = excel.snapshot();
    expect((await failure(host.applyPlan(plan))).code).toBe('sheetProtected');
    expect(excel.snapshot()).toEqual(before);
  });

  test('ExcelApi 1.7 without 1.8: the charts are made, without the 1.8 gap width and axis position', async () => {
    const { excel, host } = officeClientHost(fixture(), { excelApiVersion: '1.7' });
    await host.applyPlan(await chartPlan(host, { placement: 'beside' }));
    const [budget] = sheetOf(excel, 'Month 7').charts!;
    expect(budget!.axes).toEqual({ reversePlotOrder: true, valueTitle: '£m' });
    expect(budget!.series.map((s) => s.values)).toEqual(["'Month 7'!N4:N28", "'Month 7'!O4:O28"]);
  });

  test('an Excel without ExcelApi 1.7 (no series ranges) is told so, and nothing is written', async () => {
    const { excel, host } = officeClientHost(fixture(), { excelApiVersion: '1.6' });
    const plan = await chartPlan(host, { placement: 'beside' });
    const before = excel.snapshot();
    expect((await failure(host.applyPlan(plan))).code).toBe('excelTooOld');
    expect(excel.snapshot()).toEqual(before);
  });
});
