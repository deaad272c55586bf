/** What a file records about showing its sheets, read at Open: hidden and very hidden sheets, frozen panes, widths, the active sheet. */
import ExcelJS from 'exceljs';
import { simulatedExcelFromXlsx } from '../../../src/host/simulated/xlsx';
import { characterWidthToPoints } from '../../../src/host/xlsx/apply-plan';
import { applyWorkbookViews, parseSheetHead, parseWorkbookViews, readWorkbookViews, unhidableSheets, visibleSheets } from '../../../src/workbench/sheet-views';

async function fixture(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const budget = wb.addWorksheet('Budget', { views: [{ state: 'frozen', xSplit: 2, ySplit: 3 }] });
  budget.getCell('A1').value = 'Budget monitoring';
  budget.getColumn(1).width = 40;
  wb.addWorksheet('Workings', { state: 'hidden' }).getCell('A1').value = 'Rates';
  wb.addWorksheet('Lists', { state: 'veryHidden' }).getCell('A1').value = 'Yes';
  wb.addWorksheet('Month 7').getCell('A1').value = 'Month 7';
  wb.views = [{ x: 0, y: 0, width: 10000, height: 20000, firstSheet: 0, activeTab: 3, visibility: 'visible' }];
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

describe('parseWorkbookViews and parseSheetHead', () => {
  it('reads each sheet’s state and the active tab', () => {
    const xml = '<workbook><bookViews><workbookView activeTab="2"/></bookViews><sheets><sheet name="A" sheetId="1" r:id="rId1"/><sheet name="B &amp; C" state="hidden" r:id="rId2"/><sheet name="D" state="veryHidden" r:id="rId3"/></sheets></workbook>';
    expect(parseWorkbookViews(xml)).toEqual({
      activeTab: 2,
      sheets: [{ name: 'A', id: 'rId1', visibility: 'Visible' }, { name: 'B & C', id: 'rId2', visibility: 'Hidden' }, { name: 'D', id: 'rId3', visibility: 'VeryHidden' }],
    });
  });

  it('reads frozen panes (not split panes) and the widths set by hand or hidden', () => {
    const head = '<worksheet><sheetViews><sheetView workbookViewId="0"><pane xSplit="1" ySplit="4" topLeftCell="B5" activePane="bottomRight" state="frozen"/></sheetView></sheetViews><cols><col min="1" max="1" width="30" customWidth="1"/><col min="2" max="3" width="12" customWidth="1"/><col min="4" max="4" width="9" hidden="1"/><col min="5" max="5" width="20"/></cols>';
    const view = parseSheetHead(head);
    expect(view.frozen).toEqual({ rows: 4, cols: 1 });
    expect([...view.columnWidths!]).toEqual([[0, characterWidthToPoints(30)], [1, characterWidthToPoints(12)], [2, characterWidthToPoints(12)], [3, 0]]);
    expect(parseSheetHead('<sheetViews><sheetView><pane xSplit="2000" ySplit="1500" state="split"/></sheetView></sheetViews>').frozen).toBeUndefined();
  });
});

describe('readWorkbookViews', () => {
  it('reads a file’s hidden sheets, frozen panes, widths and active sheet, and carries them into the simulated workbook', async () => {
    const bytes = await fixture();
    const views = await readWorkbookViews(bytes);
    expect(views.activeSheet).toBe('Month 7');
    expect(views.sheets.get('Budget')).toMatchObject({ visibility: 'Visible', frozen: { rows: 3, cols: 2 } });
    expect(views.sheets.get('Budget')?.columnWidths?.get(0)).toBe(characterWidthToPoints(40));
    expect(views.sheets.get('Workings')?.visibility).toBe('Hidden');
    expect(views.sheets.get('Lists')?.visibility).toBe('VeryHidden');

    const excel = await simulatedExcelFromXlsx(bytes, 'Budget.xlsx');
    applyWorkbookViews(excel.state, views);
    expect(visibleSheets(excel.state.sheets).map((s) => s.name)).toEqual(['Budget', 'Month 7']);
    expect(unhidableSheets(excel.state.sheets).map((s) => s.name)).toEqual(['Workings']);
    expect(excel.sheet('Budget').frozen).toEqual({ rows: 3, cols: 2 });
  });

  it('gives no views for bytes it cannot read, so every sheet shows as visible', async () => {
    expect((await readWorkbookViews(new Uint8Array([1, 2, 3]))).sheets.size).toBe(0);
  });
});
