/**
 * Reads the whole workbook into the engine's grid in one Excel.run: sheet names,
 * protection and settings (sync 1), used ranges (sync 2), then cell blocks (sync 3, plus
 * one per further ~4 MB of cells). Every load names its leaf properties.
 */
import type { Cell, CellValue, Sheet } from '../../engine/grid';
import { officeMessages } from '../../engine/messages/office';
import type { ReadResult } from '../host';
import { readInBlocks, type BlockRead } from './blocks';
import { LEDGER_KEY, parseLedger, SETTINGS_KEY } from './ledger';

/** Bold and indent need a per-cell properties read (heavy); only sheets up to this size get them. */
export const STYLE_CELL_LIMIT = 200_000;
const BYTES_PER_CELL = 40;
const STYLE_BYTES_PER_CELL = 45;

/**
 * What Excel's `values` holds for a cell in error. `valueTypes` is not read (it cost about 9
 * bytes a cell, a sixth of the read): a cell is empty when its value and formula are both
 * "", and in error when its value is one of these texts (text typed as `#N/A` is an error in
 * Excel; only a formula giving the text "#N/A", or a quote-prefixed entry, would be misread).
 */
const ERROR_VALUES = new Set(['#NULL!', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#N/A', '#GETTING_DATA', '#SPILL!', '#CALC!', '#FIELD!', '#BLOCKED!', '#CONNECT!', '#BUSY!', '#UNKNOWN!', '#PYTHON!']);

interface CellBlock {
  values: unknown[][];
  formulas: unknown[][];
  formats: string[][];
  styles?: { format?: { font?: { bold?: boolean }; indentLevel?: number } }[][];
}

/** `cellProperties`: ExcelApi 1.9 is there, so bold and indent can be read per cell. */
export async function readWorkbookIn(context: Excel.RequestContext, cellProperties = true): Promise<ReadResult> {
  const worksheets = context.workbook.worksheets.load('items/name,items/protection/protected');
  const ledger = context.workbook.settings.getItemOrNullObject(LEDGER_KEY).load('value');
  const settings = context.workbook.settings.getItemOrNullObject(SETTINGS_KEY).load('value');
  const application = context.workbook.application.load('calculationMode');
  await context.sync();

  const notices: string[] = [];
  // In manual calculation the values are as last calculated: calculate (F9) before reading them.
  if (application.calculationMode === 'Manual') {
    context.workbook.application.calculate('Recalculate');
    notices.push(officeMessages.manualCalculation());
  }

  const used = worksheets.items.map((ws) => ({ ws, range: ws.getUsedRangeOrNullObject(true).load('rowIndex,columnIndex,rowCount,columnCount') }));
  await context.sync();

  const reads: BlockRead<CellBlock>[] = [];
  for (const { ws, range } of used) {
    if (range.isNullObject) continue;
    const styled = cellProperties && range.rowCount * range.columnCount <= STYLE_CELL_LIMIT;
    reads.push({
      sheet: ws.name,
      ref: { start: { row: range.rowIndex, col: range.columnIndex }, end: { row: range.rowIndex + range.rowCount - 1, col: range.columnIndex + range.columnCount - 1 } },
      bytesPerCell: BYTES_PER_CELL + (styled ? STYLE_BYTES_PER_CELL : 0),
      queue: (address) => {
        const block = ws.getRange(address).load('values,formulas,numberFormat');
        const styles = styled ? block.getCellProperties({ format: { font: { bold: true }, indentLevel: true } }) : undefined;
        return () => ({ values: block.values, formulas: block.formulas, formats: block.numberFormat, ...(styles ? { styles: styles.value } : {}) });
      },
    });
  }
  const blocks = await readInBlocks(context, reads);

  const sheets: Sheet[] = worksheets.items.map((ws) => {
    const rows: (Cell | undefined)[][] = [];
    for (const { read, from, data } of blocks) {
      if (read.sheet !== ws.name) continue;
      data.values.forEach((valueRow, i) => {
        const r = read.ref.start.row + from + i;
        valueRow.forEach((_v, j) => {
          const cell = toCell(data, i, j);
          if (cell) (rows[r] ??= [])[read.ref.start.col + j] = cell;
        });
      });
    }
    return { name: ws.name, rows, ...(ws.protection.protected ? { protected: true } : {}) };
  });

  const userSettings = settings.isNullObject ? {} : (settings.value as Record<string, unknown>);
  const applied = ledger.isNullObject ? [] : parseLedger(ledger.value);
  return {
    workbook: { sheets },
    settings: typeof userSettings === 'object' && userSettings !== null ? userSettings : {},
    appliedPlans: applied.map(({ id, title, appliedAt }) => ({ id, title, appliedAt })),
    ...(notices.length > 0 ? { notices } : {}),
  };
}

function toCell(block: CellBlock, i: number, j: number): Cell | undefined {
  const raw = block.values[i]?.[j];
  const formula = block.formulas[i]?.[j];
  const format = block.formats[i]?.[j];
  const style = block.styles?.[i]?.[j]?.format;
  const hasFormula = typeof formula === 'string' && formula.startsWith('=');
  let value: CellValue = null;
  if (typeof raw === 'string' && ERROR_VALUES.has(raw)) value = { error: raw };
  // "" is an empty cell, unless a formula gives it (then it is text, as in Excel).
  else if (raw !== undefined && raw !== null && (raw !== '' || hasFormula)) value = raw as CellValue;
  const hasFormat = typeof format === 'string' && format !== 'General';
  const bold = style?.font?.bold === true;
  const indent = style?.indentLevel ?? 0;
  if (value === null && !hasFormula && !hasFormat && !bold && !indent) return undefined;
  return {
    value,
    ...(hasFormula ? { formula: formula } : {}),
    ...(hasFormat ? { format } : {}),
    ...(bold ? { bold: true } : {}),
    ...(indent ? { indent } : {}),
  };
}
