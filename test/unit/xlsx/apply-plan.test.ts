import ExcelJS from 'exceljs';
import { applyPlanToExcelJs, characterWidthToPoints, pointsToCharacterWidth } from '../../../src/host/xlsx/apply-plan';
import { formulaHasTag, markerOfFormula, tagFormula, untagFormula } from '../../../src/host/xlsx/cf-tag';
import { PlanApplyError } from '../../../src/host/xlsx/errors';
import { internals } from '../../../src/host/xlsx/internals';
import { excelJsToWorkbook } from '../../../src/host/xlsx/read-buffer';
import { fillFormulaResults } from '../../../src/host/xlsx/results';
import { workbookToExcelJs } from '../../../src/host/xlsx/write';
import { recalculate } from '../../../src/host/calc/recalculate';
import { cellAt, sheetFromValues } from '../../../src/engine/grid';
import type { Edit } from '../../../src/engine/plan';

function book(): ExcelJS.Workbook {
  return workbookToExcelJs({
    sheets: [
      sheetFromValues('Month 6', [['Service', 'Budget'], ['A', 1]]),
      sheetFromValues('Month 7', [
        ['Service', 'Budget', 'Forecast', 'Variance', 'RAG'],
        ['Line one', 10, 12, { value: 2, formula: '=C2-B2' }, 'Red'],
        ['Line two', 5, 4, { value: -1, formula: '=C3-B3' }, 'Green'],
        ['sub total', 15, 16, 1, null],
      ]),
    ],
  });
}

/** Writes and reads back through a real .xlsx, so the test sees what a file would hold. */
async function reopen(wb: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  const again = new ExcelJS.Workbook();
  await again.xlsx.load(await wb.xlsx.writeBuffer());
  return again;
}

function apply(wb: ExcelJS.Workbook, ...edits: Edit[]): ReturnType<typeof applyPlanToExcelJs> {
  return applyPlanToExcelJs(wb, { title: 'test', edits });
}

describe('applyPlanToExcelJs', () => {
  it('setValues and setFormulas write cells; formula results are computed on request', async () => {
    const wb = book();
    const result = apply(
      wb,
      { kind: 'setValues', sheet: 'Month 7', range: 'E2:E3', values: [['Amber'], [null]] },
      { kind: 'setFormulas', sheet: 'Month 7', range: 'B4:D4', formulas: [['=SUM(B2:B3)', '=SUM(C2:C3)', 7]] },
    );
    expect(result.formulas).toEqual([{ sheet: 'Month 7', row: 3, col: 1 }, { sheet: 'Month 7', row: 3, col: 2 }]);
    fillFormulaResults(wb, result.formulas, recalculate);
    const s = excelJsToWorkbook(await reopen(wb)).sheets[1]!;
    expect(cellAt(s, 1, 4)).toEqual({ value: 'Amber' });
    expect(cellAt(s, 2, 4)).toEqual({ value: null });
    expect(cellAt(s, 3, 1)).toEqual({ value: 15, formula: '=SUM(B2:B3)' });
    expect(cellAt(s, 3, 2)).toEqual({ value: 16, formula: '=SUM(C2:C3)' });
    expect(cellAt(s, 3, 3)).toEqual({ value: 7 });
    expect(wb.calcProperties.fullCalcOnLoad).toBe(true);
  });

  it("a leading apostrophe is Excel's text prefix: the text is stored without it and never becomes a formula", async () => {
    const wb = book();
    apply(wb, { kind: 'setValues', sheet: 'Month 7', range: 'A5:B5', values: [["'=SUM(B2:B3)", "'Bob's"]] });
    const s = excelJsToWorkbook(await reopen(wb)).sheets[1]!;
    expect(cellAt(s, 4, 0)).toEqual({ value: '=SUM(B2:B3)' });
    expect(cellAt(s, 4, 1)).toEqual({ value: "Bob's" });
  });

  it('setNumberFormat, setFill, setBold and setColumnWidth style the cells', async () => {
    const wb = book();
    apply(
      wb,
      { kind: 'setNumberFormat', sheet: 'Month 7', range: 'B2:C2', format: '#,##0.000' },
      { kind: 'setFill', sheet: 'Month 7', range: 'A1', color: '#FFC7CE' },
      { kind: 'setBold', sheet: 'Month 7', range: 'A4', bold: true },
      { kind: 'setColumnWidth', sheet: 'Month 7', column: 'A', width: 120 },
    );
    const ws = (await reopen(wb)).getWorksheet('Month 7')!;
    expect(ws.getCell('B2').numFmt).toBe('#,##0.000');
    expect(ws.getCell('C2').numFmt).toBe('#,##0.000');
    expect(ws.getCell('A1').fill).toEqual({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFC7CE' } });
    expect(ws.getCell('A4').font.bold).toBe(true);
    expect(characterWidthToPoints(ws.getColumn(1).width!)).toBeCloseTo(120, 0);
    apply(wb, { kind: 'setFill', sheet: 'Month 7', range: 'A1', color: null });
    expect(wb.getWorksheet('Month 7')!.getCell('A1').fill).toEqual({ type: 'pattern', pattern: 'none' });
  });

  it('addSheet places the new sheet after the named one and is a no-op when it exists', async () => {
    const wb = book();
    apply(wb, { kind: 'addSheet', sheet: 'Mitigation Tracker', after: 'Month 6' }, { kind: 'addSheet', sheet: 'Report' });
    apply(wb, { kind: 'addSheet', sheet: 'Report' });
    const again = await reopen(wb);
    expect(again.worksheets.map((w) => w.name)).toEqual(['Month 6', 'Mitigation Tracker', 'Month 7', 'Report']);
  });

  it('tagged conditional formats: added natively, replaced by tag, the officer’s own rules untouched', async () => {
    const wb = book();
    wb.getWorksheet('Month 7')!.addConditionalFormatting({
      ref: 'D2:D3',
      rules: [{ type: 'expression', priority: 1, formulae: ['D2>100'], style: { font: { italic: true } } }],
    });
    apply(
      wb,
      { kind: 'addConditionalFormat', sheet: 'Month 7', range: 'E2:E3', tag: 'rag-words', format: { rule: { type: 'text', operator: 'contains', text: 'Red' }, style: { fill: '#FFC7CE', fontColor: '#9C0006' } } },
      { kind: 'addConditionalFormat', sheet: 'Month 7', range: 'E2:E3', tag: 'rag-words-green', format: { rule: { type: 'text', operator: 'equals', text: 'Green' }, style: { fill: '#C6EFCE' } } },
      { kind: 'addConditionalFormat', sheet: 'Month 7', range: 'D2:D3', tag: 'rag-variance', format: { rule: { type: 'formula', formula: '=$D2>=MIN(0.1,5%*ABS($B2))' }, style: { bold: true } } },
    );
    // Applying the same tag again replaces, never duplicates.
    apply(wb, { kind: 'addConditionalFormat', sheet: 'Month 7', range: 'D2:D3', tag: 'rag-variance', format: { rule: { type: 'formula', formula: '=$D2>=1' }, style: { bold: true } } });

    const rulesOf = (w: ExcelJS.Workbook) =>
      internals(w.getWorksheet('Month 7')!).conditionalFormattings.flatMap((cf) =>
        cf.rules.map((r) => ({ ref: cf.ref, type: r.type, formula: (r as { formulae?: string[] }).formulae?.[0] })),
      );
    const again = await reopen(wb);
    expect(rulesOf(again)).toEqual(
      expect.arrayContaining([
        { ref: 'D2:D3', type: 'expression', formula: 'D2>100' },
        { ref: 'E2:E3', type: 'containsText', formula: 'AND(ISTEXT("budget-monitor:rag-words"),NOT(ISERROR(SEARCH("Red",E2))))' },
        { ref: 'E2:E3', type: 'expression', formula: 'AND(ISTEXT("budget-monitor:rag-words-green"),TRIM(E2)="Green")' },
        { ref: 'D2:D3', type: 'expression', formula: 'AND(ISTEXT("budget-monitor:rag-variance"),$D2>=1)' },
      ]),
    );
    expect(rulesOf(again)).toHaveLength(4);

    apply(again, { kind: 'removeConditionalFormats', sheet: 'Month 7', tag: 'rag-variance' }, { kind: 'removeConditionalFormats', sheet: 'Month 7', tag: 'rag-words' });
    expect(rulesOf(await reopen(again)).map((r) => r.formula)).toEqual(['D2>100', 'AND(ISTEXT("budget-monitor:rag-words-green"),TRIM(E2)="Green")']);
  });

  it('one plan may add several rules with one tag; applying it again replaces them all', async () => {
    const words: Edit[] = ['Red', 'Amber', 'Green'].map((text) => ({
      kind: 'addConditionalFormat', sheet: 'Month 7', range: 'E2:E3', tag: 'budget-monitor:rag@A1',
      format: { rule: { type: 'text', operator: 'equals', text }, style: { fill: '#FFFFFF' }, stopIfTrue: true },
    }));
    const plan: Edit[] = [{ kind: 'removeConditionalFormats', sheet: 'Month 7', tag: 'budget-monitor:rag@A1' }, ...words];
    const wb = book();
    apply(wb, ...plan);
    const formulasOf = (w: ExcelJS.Workbook) => internals(w.getWorksheet('Month 7')!).conditionalFormattings.flatMap((cf) => cf.rules.map((r) => (r as { formulae?: string[] }).formulae?.[0]));
    const once = formulasOf(await reopen(wb));
    expect(once).toEqual(['Red', 'Amber', 'Green'].map((w) => `AND(ISTEXT("budget-monitor:rag@A1"),TRIM(E2)="${w}")`));
    const again = await reopen(wb);
    apply(again, ...words); // even without the leading remove, the earlier rules are replaced
    expect(formulasOf(await reopen(again))).toEqual(once);
  });

  it('setDataValidation writes list and source dropdowns', async () => {
    const wb = book();
    apply(
      wb,
      { kind: 'setDataValidation', sheet: 'Month 7', range: 'E2:E3', list: ['Red', 'Amber', 'Green'] },
      { kind: 'setDataValidation', sheet: 'Month 6', range: 'B2', list: { source: "='Month 7'!$A$2:$A$3" } },
    );
    const again = await reopen(wb);
    const m7 = again.getWorksheet('Month 7')!;
    expect(m7.getCell('E3').dataValidation).toMatchObject({ type: 'list', formulae: ['"Red,Amber,Green"'] });
    expect(again.getWorksheet('Month 6')!.getCell('B2').dataValidation).toMatchObject({ type: 'list', formulae: ["'Month 7'!$A$2:$A$3"] });
  });

  it('refuses a missing sheet, a protected sheet, a bad range and a wrongly shaped block', () => {
    const wb = book();
    internals(wb.getWorksheet('Month 6')!).sheetProtection = { sheet: true };
    expect(() => apply(wb, { kind: 'setValues', sheet: 'Month 9', range: 'A1', values: [[1]] })).toThrow(new PlanApplyError('There is no sheet named "Month 9" in the workbook.'));
    expect(() => apply(wb, { kind: 'setBold', sheet: 'Month 6', range: 'A1', bold: true })).toThrow(/Sheet "Month 6" is protected/);
    expect(() => apply(wb, { kind: 'setBold', sheet: 'Month 7', range: 'A1:??', bold: true })).toThrow(/not a valid cell range/);
    expect(() => apply(wb, { kind: 'setValues', sheet: 'Month 7', range: 'A1:B1', values: [[1]] })).toThrow(/do not match the size/);
  });

  it('rewrites shared formulas in full before editing, so none loses its master', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('S');
    ws.getCell('A1').value = 1;
    ws.getCell('A2').value = 2;
    ws.getCell('B1').value = { formula: 'A1*2', result: 2, shareType: 'shared', ref: 'B1:B2' } as ExcelJS.CellFormulaValue;
    ws.getCell('B2').value = { sharedFormula: 'B1', result: 4 } as ExcelJS.CellSharedFormulaValue;
    const loaded = await reopen(wb);
    apply(loaded, { kind: 'setValues', sheet: 'S', range: 'B1', values: [[9]] });
    const s = excelJsToWorkbook(await reopen(loaded)).sheets[0]!;
    expect(cellAt(s, 0, 1)).toEqual({ value: 9 });
    expect(cellAt(s, 1, 1)).toEqual({ value: 4, formula: '=A2*2' });
  });
});

describe('conditional-format tags', () => {
  it('round-trip through a formula, quotes included', () => {
    const f = tagFormula('rag "x"', '=$F5>0');
    expect(f).toBe('AND(ISTEXT("budget-monitor:rag ""x"""),$F5>0)');
    expect(markerOfFormula(f)).toBe('budget-monitor:rag "x"');
    expect(formulaHasTag(`=${f}`, 'rag "x"')).toBe(true);
    expect(formulaHasTag(f, 'budget-monitor:rag "x"')).toBe(true);
    expect(formulaHasTag(f, 'rag')).toBe(false);
    expect(tagFormula('budget-monitor:rag@B3', '$F5>0')).toBe('AND(ISTEXT("budget-monitor:rag@B3"),$F5>0)');
    expect(untagFormula(f)).toBe('$F5>0');
  });
  it('an officer’s formula has no tag', () => {
    expect(markerOfFormula('AND(ISTEXT(A1),A1="Red")')).toBeUndefined();
    expect(markerOfFormula('AND(ISTEXT("Red"),A1="Red")')).toBeUndefined();
    expect(markerOfFormula('$F5>0')).toBeUndefined();
  });
  it('column widths convert between points and characters', () => {
    expect(pointsToCharacterWidth(characterWidthToPoints(12))).toBeCloseTo(12, 1);
  });
});
