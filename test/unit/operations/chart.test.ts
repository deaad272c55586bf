/** The chart operation: exact references, the linked block, placement, colours and preview words. */
import type { ChartSpec } from '../../../src/engine/chart';
import type { Workbook } from '../../../src/engine/grid';
import { chartPrefix, planChart, RAG_BAR_COLOURS } from '../../../src/engine/operations/chart';
import type { Edit } from '../../../src/engine/plan';
import { readTables } from '../../../src/engine/read';
import { seed000Table1Formulas } from '../../fixtures/grids/seed000';

const charts = (edits: readonly Edit[]): ChartSpec[] => edits.flatMap((e) => (e.kind === 'addChart' ? [e.chart] : []));
const table = (w: Workbook) => readTables(w).find((t) => t.sheet === 'Month 7')!;

describe('planChart on seed 000 (sections closed by sub totals)', () => {
  const workbook = seed000Table1Formulas();
  const t = table(workbook);

  test('lines beside the table: a linked block right of the last used column, charts right of it', () => {
    const result = planChart(workbook, t, { per: 'lines', placement: 'beside' });
    expect(result.problems).toEqual([]);
    const kinds = result.plan.edits.map((e) => e.kind);
    expect(kinds).toEqual(['removeCharts', 'setFormulas', 'setNumberFormat', 'addChart', 'addChart']);
    // Table A3:K37 (header row 3), 25 lines, 4 sections: the block is M3:P28 (header + 25 rows).
    const block = result.plan.edits[1] as Extract<Edit, { kind: 'setFormulas' }>;
    expect(block.range).toBe('M3:P28');
    expect(block.formulas[0]).toEqual(['Service area', 'Current Net Budget £m', 'Full Year Projection £m', 'Month 7 Variance £m']);
    expect(block.formulas[1]).toEqual(["='Month 7'!A5", "='Month 7'!D5", "='Month 7'!E5", "='Month 7'!F5"]);
    // Line 12 is the first after the Children & Families sub total (row 16): C&P Commissioning, row 18.
    expect(block.formulas[12]).toEqual(["='Month 7'!A18", "='Month 7'!D18", "='Month 7'!E18", "='Month 7'!F18"]);
    expect(block.formulas[25]).toEqual(["='Month 7'!A35", "='Month 7'!D35", "='Month 7'!E35", "='Month 7'!F35"]);
    const [budget, variance] = charts(result.plan.edits);
    expect(budget).toMatchObject({
      name: "BudgetMonitor Month 7 A3 budget",
      type: 'BarClustered',
      categories: "'Month 7'!$M$4:$M$28",
      series: [
        { name: 'Budget', values: "'Month 7'!$N$4:$N$28" },
        { name: 'Forecast outturn', values: "'Month 7'!$O$4:$O$28" },
      ],
      anchor: { from: { row: 2, col: 17 }, to: { row: 2 + 45, col: 26 } },
    });
    expect(budget!.cachedCategories).toHaveLength(25);
    expect(budget!.cachedCategories[0]).toBe('Prevention Services');
    expect(variance!.series).toHaveLength(1);
    expect(variance!.series[0]!.values).toBe("'Month 7'!$P$4:$P$28");
    expect(variance!.anchor.from.row).toBe(budget!.anchor.to.row + 2);
    expect(result.plan.description).toBe("A clustered bar chart 'Budget v forecast outturn' of 25 lines, beside the table at R3; a variance chart coloured by RAG.");
  });

  test('variance bars are coloured by the RAG policy: CLA West Red, Leaving Care Amber, underspends Green', () => {
    const [, variance] = charts(planChart(workbook, t).plan.edits);
    const labels = variance!.cachedCategories;
    const colour = (label: string) => variance!.series[0]!.pointColors![labels.indexOf(label)];
    expect(colour('CLA West')).toBe(RAG_BAR_COLOURS.Red);
    expect(colour('Leaving Care')).toBe(RAG_BAR_COLOURS.Amber);
    expect(colour('Curriculum and Literacy')).toBe(RAG_BAR_COLOURS.Red);
    expect(colour('Prevention Services')).toBe(RAG_BAR_COLOURS.Green);
  });

  test('sections on a Charts sheet: the sub totals, labelled by their headings, the sheet added', () => {
    const result = planChart(workbook, t, { per: 'sections', placement: 'sheet' });
    expect(result.plan.edits[0]).toEqual({ kind: 'addSheet', sheet: 'Charts', after: 'Month 7' });
    const block = result.plan.edits.find((e): e is Extract<Edit, { kind: 'setFormulas' }> => e.kind === 'setFormulas')!;
    expect(block.sheet).toBe('Charts');
    // Padded to 25 rows (the lines' count), so switching back and forth leaves nothing stale.
    expect(block.range).toBe('A1:D26');
    expect(block.formulas.slice(1, 5)).toEqual([
      ["='Month 7'!A4", "='Month 7'!D16", "='Month 7'!E16", "='Month 7'!F16"],
      ["='Month 7'!A17", "='Month 7'!D21", "='Month 7'!E21", "='Month 7'!F21"],
      ["='Month 7'!A22", "='Month 7'!D33", "='Month 7'!E33", "='Month 7'!F33"],
      ["='Month 7'!A34", "='Month 7'!D36", "='Month 7'!E36", "='Month 7'!F36"],
    ]);
    expect(block.formulas[5]).toEqual([null, null, null, null]);
    const [budget] = charts(result.plan.edits);
    expect(budget!.categories).toBe('Charts!$A$2:$A$5');
    expect(budget!.series.map((s) => s.values)).toEqual(['Charts!$B$2:$B$5', 'Charts!$C$2:$C$5']);
    expect(budget!.cachedCategories).toEqual(['Children & Families', 'Commissioning & Performance', 'Education', 'Children Services']);
    expect(budget!.anchor.from).toEqual({ row: 1, col: 5 });
    expect(result.plan.description).toBe("A clustered bar chart 'Budget v forecast outturn' of 4 sections, on the \"Charts\" sheet at F2; a variance chart coloured by RAG.");
  });

  test('regenerating removes the own charts of this table on both the table sheet and an existing Charts sheet', () => {
    const withCharts: Workbook = { sheets: [...workbook.sheets, { name: 'Charts', rows: [] }] };
    const edits = planChart(withCharts, table(withCharts), { placement: 'beside' }).plan.edits;
    expect(edits.filter((e) => e.kind === 'removeCharts')).toEqual([
      { kind: 'removeCharts', sheet: 'Month 7', prefix: chartPrefix(t) },
      { kind: 'removeCharts', sheet: 'Charts', prefix: 'BudgetMonitor Month 7 A3 ' },
    ]);
  });
});

describe('planChart on a table whose lines are one run', () => {
  const workbook: Workbook = {
    sheets: [{
      name: 'Budget',
      rows: [
        [{ value: 'Service Area' }, { value: 'Net Budget £000' }, { value: 'Forecast £000' }, { value: 'Variance £000' }],
        [{ value: 'Libraries' }, { value: 100 }, { value: 120 }, { value: 20, formula: '=C2-B2' }],
        [{ value: 'Parks' }, { value: 200 }, { value: 190 }, { value: -10, formula: '=C3-B3' }],
        [{ value: 'Roads' }, { value: 300 }, { value: 300 }, { value: 0, formula: '=C4-B4' }],
        [{ value: 'Total' }, { value: 600, formula: '=SUM(B2:B4)' }, { value: 610, formula: '=SUM(C2:C4)' }, { value: 10, formula: '=SUM(D2:D4)' }],
      ],
    }],
  };
  test('the series read the table itself: no block is written', () => {
    const t = readTables(workbook)[0]!;
    const result = planChart(workbook, t);
    expect(result.plan.edits.map((e) => e.kind)).toEqual(['removeCharts', 'addChart', 'addChart']);
    const [budget, variance] = charts(result.plan.edits);
    expect(budget!.categories).toBe('Budget!$A$2:$A$4');
    expect(budget!.series.map((s) => s.values)).toEqual(['Budget!$B$2:$B$4', 'Budget!$C$2:$C$4']);
    expect(variance!.series[0]!.values).toBe('Budget!$D$2:$D$4');
    expect(budget!.anchor.from).toEqual({ row: 0, col: 5 });
    expect(variance!.series[0]!.pointColors).toEqual([RAG_BAR_COLOURS.Red, RAG_BAR_COLOURS.Green, RAG_BAR_COLOURS.Green]);
  });
});
