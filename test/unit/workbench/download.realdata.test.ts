/**
 * Download must never damage a workbook: every real file in ../shared/realdata,
 * opened through the workbench's Open and downloaded, keeps its whole package. Without
 * edits the file comes back byte for byte; with an edit only the parts and cells it
 * touched differ.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { toA1 } from '../../../src/engine/address';
import { DEFAULT_RAG_POLICY } from '../../../src/engine/policy';
import { sheetsTouched } from '../../../src/engine/plan';
import { engine } from '../../../src/engine';
import { createOfficeHost } from '../../../src/host/office';
import { simulatedExcelFromXlsx } from '../../../src/host/simulated/xlsx';
import { nodePackageCodec } from '../../../src/host/xlsx/fast/node-codec';
import { readWorkbookFast } from '../../../src/host/xlsx/fast/read-fast';
import { markerOfTag } from '../../../src/host/xlsx/cf-tag';
import { changesSinceOpen, openedFile, workbookBytes } from '../../../src/workbench/download';
import { differingCells, differingParts, outsideSheetData, packageParts, sheetParts } from './package-parts';

const REALDATA = path.resolve(__dirname, '../../../../shared/realdata');
const files = existsSync(REALDATA) ? readdirSync(REALDATA).filter((f) => f.endsWith('.xlsx')).sort() : [];
if (files.length === 0) console.warn(`download.realdata: ${REALDATA} is absent; the real-data Download tests are skipped.`);
const maybe = files.length > 0 ? describe : describe.skip;

async function open(file: string) {
  const bytes = new Uint8Array(readFileSync(path.join(REALDATA, file)));
  const excel = await simulatedExcelFromXlsx(bytes, file);
  return { bytes, excel, opened: openedFile(bytes, excel.state) };
}

function text(parts: Map<string, Buffer>, name: string): string {
  return parts.get(name)!.toString('utf8');
}

/** The workbook part may differ only in asking Excel to recalculate on open. */
function expectOnlyCalcPrChanged(before: string, after: string): void {
  const strip = (xml: string) => xml.replace(/\sfullCalcOnLoad="1"/, '').replace(/<calcPr\/>/, '');
  expect(strip(after)).toBe(strip(before));
  expect(after).toMatch(/<(\w+:)?calcPr\b[^>]*fullCalcOnLoad="1"/);
}

maybe('Download of real workbooks', () => {
  it.each(files.length > 0 ? files : ['none'])('%s: downloaded without edits, every part is kept byte for byte', async (file) => {
    const { bytes, excel, opened } = await open(file);
    const out = await workbookBytes(excel.state, excel.toWorkbook(), opened, nodePackageCodec);
    const before = packageParts(bytes);
    const after = packageParts(out);
    expect(differingParts(before, after)).toEqual([]);
    expect([...after.keys()]).toEqual([...before.keys()]);
    expect(Buffer.from(out).equals(Buffer.from(bytes))).toBe(true);
  }, 60_000);

  it.each(files.length > 0 ? files : ['none'])('%s: one typed value changes only its sheet, that cell and the formulas it feeds', async (file) => {
    const { bytes, excel, opened } = await open(file);
    // The first constant number on any unprotected sheet.
    let target: { sheet: string; a1: string; value: number } | undefined;
    for (const sheet of excel.state.sheets) {
      if (sheet.protected || target) continue;
      sheet.rows.forEach((row, r) =>
        row?.forEach((cell, c) => {
          if (!target && cell && cell.formula === undefined && typeof cell.value === 'number') target = { sheet: sheet.name, a1: toA1(r, c), value: cell.value };
        }),
      );
    }
    if (!target) return; // a workbook with no constant number has nothing to type over
    excel.typeInto(target.sheet, target.a1, target.value + 1);
    excel.toWorkbook();
    const changes = changesSinceOpen(opened.baseline, excel.state);
    const out = await workbookBytes(excel.state, excel.toWorkbook(), opened, nodePackageCodec);
    const before = packageParts(bytes);
    const after = packageParts(out);
    const partOf = sheetParts(before);
    const recalculated = new Map<string, Set<string>>();
    for (const c of changes) {
      if (c.kind !== 'result') continue;
      const set = recalculated.get(c.sheet) ?? new Set<string>();
      set.add(toA1(c.row, c.col));
      recalculated.set(c.sheet, set);
    }
    const expectedParts = new Set([partOf.get(target.sheet)!, ...[...recalculated.keys()].map((s) => partOf.get(s)!)]);
    const differing = differingParts(before, after);
    // calcChain goes only when a formula was overwritten, which a constant is not.
    expect(differing).toEqual([...expectedParts, 'xl/workbook.xml'].sort());
    expectOnlyCalcPrChanged(text(before, 'xl/workbook.xml'), text(after, 'xl/workbook.xml'));
    for (const [sheet, part] of partOf) {
      if (!expectedParts.has(part)) continue;
      const a = text(before, part);
      const b = text(after, part);
      expect(outsideSheetData(b)).toBe(outsideSheetData(a));
      const expectedCells = new Set(recalculated.get(sheet) ?? []);
      if (sheet === target.sheet) expectedCells.add(target.a1);
      expect(differingCells(a, b)).toEqual([...expectedCells].sort());
    }
    const read = readWorkbookFast(out);
    const ref = /^([A-Z]+)(\d+)$/.exec(target.a1)!;
    const sheet = read.sheets.find((s) => s.name === target!.sheet)!;
    const row = Number(ref[2]) - 1;
    const col = ref[1]!.split('').reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
    expect(sheet.rows[row]![col]!.value).toBe(target.value + 1);
  }, 120_000);

  it.each(files.length > 0 ? files : ['none'])('%s: RAG formatting from the engine adds its rules and touches nothing else', async (file) => {
    const { bytes, excel, opened } = await open(file);
    const workbook = excel.toWorkbook();
    const { tables, findings } = engine.validate(workbook, { policy: DEFAULT_RAG_POLICY });
    const outcome = engine.runOperation('rag', { workbook, tables, findings, policy: DEFAULT_RAG_POLICY });
    if (outcome.problems.length > 0 || outcome.plan.edits.length === 0) return; // no table to format
    await createOfficeHost(excel).applyPlan(outcome.plan);
    const out = await workbookBytes(excel.state, excel.toWorkbook(), opened, nodePackageCodec);
    const before = packageParts(bytes);
    const after = packageParts(out);
    const partOf = sheetParts(before);
    const touched = sheetsTouched(outcome.plan);
    const cellEdits = outcome.plan.edits.some((e) => e.kind === 'setValues' || e.kind === 'setFormulas');
    const changes = changesSinceOpen(opened.baseline, excel.state);
    const resultSheets = new Set(changes.filter((c) => c.kind === 'result').map((c) => c.sheet));
    const expected = new Set([...touched, ...resultSheets].map((s) => partOf.get(s)!));
    expected.add('xl/styles.xml');
    if (cellEdits) expected.add('xl/workbook.xml');
    expect(differingParts(before, after)).toEqual([...expected].sort());
    const markers = new Set(outcome.plan.edits.flatMap((e) => (e.kind === 'addConditionalFormat' ? [markerOfTag(e.tag)] : [])));
    for (const sheet of touched) {
      const a = text(before, partOf.get(sheet)!);
      const b = text(after, partOf.get(sheet)!);
      // Take away the add-in's new conditional formats: the rest of the sheet is as it was.
      const withoutNew = outsideSheetData(b).replace(/<conditionalFormatting\b[^>]*>(?:(?!<\/conditionalFormatting>)[\s\S])*<\/conditionalFormatting>/g, (block) =>
        [...markers].some((m) => block.includes(m)) && !outsideSheetData(a).includes(block) ? '' : block,
      );
      expect(withoutNew).toBe(outsideSheetData(a));
      if (!cellEdits) expect(differingCells(a, b)).toEqual([]);
    }
    // Styles gain only appended differential formats.
    const styles = (xml: string) => xml.replace(/<dxfs\b[^>]*\/>|<dxfs\b[^>]*>[\s\S]*?<\/dxfs>/, '');
    expect(styles(text(after, 'xl/styles.xml'))).toBe(styles(text(before, 'xl/styles.xml')));
  }, 120_000);
});
