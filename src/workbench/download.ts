/**
 * Download .xlsx: the simulated workbook written with exceljs, with what a grid alone does
 * not carry (fills, the conditional formats, list validations) copied from the simulation.
 */
import { toA1 } from '../engine/address';
import type { SimState } from '../host/simulated/state';
import { workbookToExcelJs } from '../host/xlsx';
import type { Workbook } from '../engine/grid';

function argb(color: string): string {
  return `FF${color.replace('#', '').toUpperCase()}`;
}

export async function workbookBytes(state: SimState, workbook: Workbook): Promise<ArrayBuffer> {
  const wb = workbookToExcelJs(workbook);
  for (const sheet of state.sheets) {
    const ws = wb.getWorksheet(sheet.name);
    if (!ws) continue;
    sheet.rows.forEach((row, r) =>
      row?.forEach((cell, c) => {
        if (cell?.fill) ws.getCell(toA1(r, c)).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(cell.fill) } };
      }),
    );
    // Lowest priority first, so that later (higher) rules keep Excel's order.
    sheet.conditionalFormats.forEach((cf, priority) => {
      const ref = `${toA1(cf.range.start.row, cf.range.start.col)}:${toA1(cf.range.end.row, cf.range.end.col)}`;
      const style = {
        ...(cf.fill ? { fill: { type: 'pattern' as const, pattern: 'solid' as const, bgColor: { argb: argb(cf.fill) } } } : {}),
        ...(cf.fontColor || cf.bold ? { font: { ...(cf.fontColor ? { color: { argb: argb(cf.fontColor) } } : {}), ...(cf.bold ? { bold: true } : {}) } } : {}),
      };
      if (cf.type === 'Custom' && cf.formula) {
        ws.addConditionalFormatting({ ref, rules: [{ type: 'expression', priority: priority + 1, formulae: [cf.formula.replace(/^=/, '')], style }] });
      } else if (cf.text) {
        ws.addConditionalFormatting({ ref, rules: [{ type: 'containsText', operator: 'containsText', priority: priority + 1, text: cf.text.text, style }] });
      }
    });
    for (const v of sheet.validations) {
      const source = v.source.replace(/^=/, '');
      for (let r = v.range.start.row; r <= v.range.end.row; r++) {
        for (let c = v.range.start.col; c <= v.range.end.col; c++) {
          ws.getCell(toA1(r, c)).dataValidation = { type: 'list', allowBlank: true, formulae: [source.includes('!') || source.includes(':') ? source : `"${source}"`] };
        }
      }
    }
  }
  return (await wb.xlsx.writeBuffer()) as ArrayBuffer;
}
