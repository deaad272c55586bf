/**
 * `apply --chart`: the written package holds real chart parts (DrawingML c:barChart with
 * c:strRef / c:numRef formulas on exactly the engine's ranges, cached values), a drawing
 * with twoCellAnchor graphicFrames, the relationships and content types, and the sheet's
 * <drawing r:id>; every part is well-formed XML; an existing drawing keeps its anchors;
 * the file reads back. (LibreOffice is not installed here, so it is not opened in it.)
 */
import ExcelJS from 'exceljs';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SaxesParser } from 'saxes';
import { fixturePath } from '../../fixtures/build-fixtures';
import type { ChartSpec } from '../../../src/engine/chart';
import { readWorkbookFile } from '../../../src/host/xlsx/read-file';
import { nodePackageCodec } from '../../../src/host/xlsx/fast/node-codec';
import { readDirectory } from '../../../src/host/xlsx/fast/zip';
import { patchPackage } from '../../../src/host/xlsx/package/patch';
import { runWith } from './run-cli';

let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'bm-chart-'));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

/** Every part of a package as text (XML parts only). */
async function parts(file: string): Promise<Map<string, string>> {
  const bytes = new Uint8Array(await fs.readFile(file));
  const directory = readDirectory(bytes);
  const out = new Map<string, string>();
  for (const name of directory.names) {
    if (!/\.(xml|rels)$/.test(name)) continue;
    const raw = directory.raw(name)!;
    const data = raw.method === 8 ? nodePackageCodec.inflateRaw(raw.data, raw.unpacked) : raw.data;
    out.set(name, nodePackageCodec.utf8(data as Uint8Array));
  }
  return out;
}

function wellFormed(name: string, xml: string): void {
  const parser = new SaxesParser({ xmlns: true });
  let error: unknown;
  parser.on('error', (e) => {
    error ??= e;
  });
  parser.write(xml).close();
  if (error) throw new Error(`${name}: ${String(error)}`);
}

const formulas = (xml: string): string[] => [...xml.matchAll(/<c:f>([^<]*)<\/c:f>/g)].map((m) => m[1]!.replace(/&apos;/g, "'"));

describe('apply --chart', () => {
  it('writes two chart parts, a drawing and their relationships, with exactly the engine\'s ranges', async () => {
    const out = path.join(dir, 'chart.xlsx');
    const run = await runWith(['apply', fixturePath('seed000-table1-formulas'), '--out', out, '--chart']);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('Applied: Insert chart for Month 7.');
    const p = await parts(out);
    for (const [name, xml] of p) wellFormed(name, xml);

    const types = p.get('[Content_Types].xml')!;
    expect(types).toContain('<Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>');
    expect(types).toContain('<Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>');
    expect(types).toContain('<Override PartName="/xl/charts/chart2.xml"');

    const sheet = p.get('xl/worksheets/sheet1.xml')!;
    const drawingId = /<drawing r:id="(rId\d+)"\/>/.exec(sheet)![1];
    // The drawing comes after the page setup elements, as the schema orders them.
    expect(sheet.indexOf('<drawing ')).toBeGreaterThan(sheet.indexOf('</sheetData>'));
    expect(p.get('xl/worksheets/_rels/sheet1.xml.rels')).toContain(`Id="${drawingId}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing" Target="../drawings/drawing1.xml"`);

    const drawing = p.get('xl/drawings/drawing1.xml')!;
    expect([...drawing.matchAll(/<xdr:cNvPr id="\d+" name="([^"]+)"\/>/g)].map((m) => m[1])).toEqual(['BudgetMonitor Month 7 A3 budget', 'BudgetMonitor Month 7 A3 variance']);
    expect(drawing).toContain('<xdr:from><xdr:col>17</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>2</xdr:row>');
    const drawingRels = p.get('xl/drawings/_rels/drawing1.xml.rels')!;
    expect(drawingRels).toContain('Target="../charts/chart1.xml"');
    expect(drawingRels).toContain('Target="../charts/chart2.xml"');

    const budget = p.get('xl/charts/chart1.xml')!;
    expect(budget).toContain('<c:barChart><c:barDir val="bar"/><c:grouping val="clustered"/>');
    expect(formulas(budget)).toEqual(["'Month 7'!$M$4:$M$28", "'Month 7'!$N$4:$N$28", "'Month 7'!$M$4:$M$28", "'Month 7'!$O$4:$O$28"]);
    expect(budget).toContain('<c:strRef><c:f>');
    expect(budget).toContain('<c:pt idx="0"><c:v>Prevention Services</c:v></c:pt>');
    expect(budget).toMatch(/<c:numCache><c:formatCode>General<\/c:formatCode><c:ptCount val="25"\/>/);
    const variance = p.get('xl/charts/chart2.xml')!;
    expect(formulas(variance)).toEqual(["'Month 7'!$M$4:$M$28", "'Month 7'!$P$4:$P$28"]);
    expect([...variance.matchAll(/<c:dPt>/g)]).toHaveLength(25);
    expect(variance).toContain('<c:dPt><c:idx val="8"/><c:invertIfNegative val="0"/><c:bubble3D val="0"/><c:spPr><a:solidFill><a:srgbClr val="C00000"/>');

    // It reads back: the linked block with its results, and exceljs opens it.
    const month7 = (await readWorkbookFile(out)).sheets.find((s) => s.name === 'Month 7')!;
    expect(month7.rows[3]![12]).toMatchObject({ formula: "='Month 7'!A5", value: 'Prevention Services' });
    expect(month7.rows[3]![13]!.value).toBeCloseTo(Number(month7.rows[4]![3]!.value), 9);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.getWorksheet('Month 7')).toBeDefined();
  }, 30_000);

  it('regenerating on a Charts sheet replaces the add-in\'s charts and keeps an existing drawing\'s other anchors', async () => {
    // An input whose sheet already has the officer's own chart in a drawing.
    const input = path.join(dir, 'officer.xlsx');
    const officer: ChartSpec = {
      name: 'My chart', kind: 'budgetForecast', type: 'BarClustered', title: 'Mine', categories: "'Month 7'!$A$5:$A$15", cachedCategories: [],
      series: [{ name: 'Net', values: "'Month 7'!$D$5:$D$15", cached: [] }], anchor: { from: { row: 40, col: 0 }, to: { row: 55, col: 6 } },
    };
    const original = new Uint8Array(await fs.readFile(fixturePath('seed000-table1-formulas')));
    await fs.writeFile(input, await patchPackage(original, [{ kind: 'addChart', sheet: 'Month 7', chart: officer }], nodePackageCodec));
    const officerPart = (await parts(input)).get('xl/charts/chart1.xml');

    const first = path.join(dir, 'first.xlsx');
    expect((await runWith(['apply', input, '--out', first, '--chart'])).stderr).toBe('');
    const second = path.join(dir, 'second.xlsx');
    const run = await runWith(['apply', first, '--out', second, '--chart', '--chart-by', 'sections', '--chart-on', 'sheet']);
    expect(run.stderr).toBe('');
    const p = await parts(second);
    for (const [name, xml] of p) wellFormed(name, xml);
    // The officer's chart stays in its drawing, unchanged; the add-in's beside the table are gone.
    const drawing1 = p.get('xl/drawings/drawing1.xml')!;
    expect([...drawing1.matchAll(/name="([^"]+)"/g)].map((m) => m[1])).toEqual(['My chart']);
    expect(p.get('xl/charts/chart1.xml')).toBe(officerPart);
    expect(p.has('xl/charts/chart2.xml')).toBe(false);
    // The Charts sheet has its own drawing with the two new charts over the block A1:D26.
    const types = p.get('[Content_Types].xml')!;
    expect(types).not.toContain('/xl/charts/chart2.xml');
    const chartsDrawing = [...p.keys()].find((k) => /^xl\/drawings\/drawing\d+\.xml$/.test(k) && k !== 'xl/drawings/drawing1.xml')!;
    expect([...p.get(chartsDrawing)!.matchAll(/name="([^"]+)"/g)].map((m) => m[1])).toEqual(['BudgetMonitor Month 7 A3 budget', 'BudgetMonitor Month 7 A3 variance']);
    const chartParts = [...p.keys()].filter((k) => /^xl\/charts\/chart\d+\.xml$/.test(k) && k !== 'xl/charts/chart1.xml');
    expect(chartParts.map((k) => formulas(p.get(k)!)).sort()).toEqual([
      ['Charts!$A$2:$A$5', 'Charts!$B$2:$B$5', 'Charts!$A$2:$A$5', 'Charts!$C$2:$C$5'],
      ['Charts!$A$2:$A$5', 'Charts!$D$2:$D$5'],
    ]);
    const charts = (await readWorkbookFile(second)).sheets.find((s) => s.name === 'Charts')!;
    expect(charts.rows[1]![0]).toMatchObject({ formula: "='Month 7'!A4", value: 'Children & Families' });
  }, 30_000);

  it('refuses an unknown --chart-by', async () => {
    const run = await runWith(['apply', fixturePath('seed000-table1-formulas'), '--out', path.join(dir, 'x.xlsx'), '--chart', '--chart-by', 'rows']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--chart-by must be "lines" or "sections", not "rows".');
  });
});
