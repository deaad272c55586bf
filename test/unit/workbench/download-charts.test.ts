/** Download keeps the add-in's charts: the simulated Excel's charts written into the saved package. */
import { planChart } from '../../../src/engine/operations/chart';
import { readTables } from '../../../src/engine/read';
import { createOfficeHost } from '../../../src/host/office';
import { SimulatedExcel } from '../../../src/host/simulated';
import { nodePackageCodec } from '../../../src/host/xlsx/fast/node-codec';
import { readDirectory } from '../../../src/host/xlsx/fast/zip';
import { workbookBytes } from '../../../src/workbench/download';
import { seed000Table1Formulas } from '../../fixtures/grids/seed000';

test('Download of the sample writes the inserted charts as chart parts with the same ranges', async () => {
  const excel = SimulatedExcel.fromWorkbook(seed000Table1Formulas());
  const host = createOfficeHost(excel);
  const { workbook } = await host.readWorkbook();
  const table = readTables(workbook).find((t) => t.sheet === 'Month 7')!;
  await host.applyPlan(planChart(workbook, table, { per: 'lines', placement: 'beside' }).plan);
  const bytes = await workbookBytes(excel.state, excel.toWorkbook(), undefined, nodePackageCodec);
  const directory = readDirectory(bytes);
  const text = (name: string) => {
    const raw = directory.raw(name)!;
    return nodePackageCodec.utf8(raw.method === 8 ? (nodePackageCodec.inflateRaw(raw.data, raw.unpacked) as Uint8Array) : raw.data);
  };
  const charts = directory.names.filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n)).sort();
  expect(charts).toHaveLength(2);
  const formulas = charts.map((n) => [...text(n).matchAll(/<c:f>([^<]*)<\/c:f>/g)].map((m) => m[1]));
  expect(formulas).toEqual([
    ["'Month 7'!$M$4:$M$28", "'Month 7'!$N$4:$N$28", "'Month 7'!$M$4:$M$28", "'Month 7'!$O$4:$O$28"],
    ["'Month 7'!$M$4:$M$28", "'Month 7'!$P$4:$P$28"],
  ]);
  expect(text(charts[0]!)).toContain('<c:pt idx="0"><c:v>Prevention Services</c:v></c:pt>');
});
