/**
 * Reads the whole workbook into the engine's grid in one Excel.run: sheet names,
 * protection and settings (sync 1), used ranges (sync 2), then cell blocks (sync 3, plus
 * one per further ~4 MB of cells). Every load names its leaf properties.
 */
import { type Cell, type CellValue, type RangeRef, rangeToA1, type Sheet } from '../../engine';
import { officeMessages } from './messages';
import type { ReadResult } from '../host';
import { readInBlocks, type BlockRead } from './blocks';
import { LEDGER_KEY, parseLedger, SETTINGS_KEY } from './ledger';

/** Bold and indent need a per-cell properties read (heavy); only sheets up to this size get them. */
export const STYLE_CELL_LIMIT = 200_000;
const BYTES_PER_CELL = 40;
/** A sheet's used range over this many cells is read in part (Excel on the web refuses a read of more than 5,000,000 cells). */
export const SHEET_CELL_LIMIT = 5_000_000;
const PROBE_COLUMNS = 1_000;
const PROBE_ROWS = 100_000;
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

  const regions = await boundedRegions(context, used, notices);
  const reads: BlockRead<CellBlock>[] = [];
  for (const { ws, ref } of regions) {
    const styled = cellProperties && (ref.end.row - ref.start.row + 1) * (ref.end.col - ref.start.col + 1) <= STYLE_CELL_LIMIT;
    reads.push({
      sheet: ws.name,
      ref,
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

type Used = { ws: Excel.Worksheet; range: Excel.Range };
const refOf = (r: Excel.Range): RangeRef => ({ start: { row: r.rowIndex, col: r.columnIndex }, end: { row: r.rowIndex + r.rowCount - 1, col: r.columnIndex + r.columnCount - 1 } });
const cellsOf = (ref: RangeRef): number => (ref.end.row - ref.start.row + 1) * (ref.end.col - ref.start.col + 1);

/**
 * The part of each sheet to read. A used range over SHEET_CELL_LIMIT cells is usually
 * inflated by a stray cell far away (XFD1048576): its data is found by the used ranges of
 * its first PROBE_COLUMNS columns and first PROBE_ROWS rows (one more sync, only then), and
 * what is read is kept under the limit; the officer is told which cells were not read.
 */
async function boundedRegions(context: Excel.RequestContext, used: readonly Used[], notices: string[]): Promise<{ ws: Excel.Worksheet; ref: RangeRef }[]> {
  const live = used.filter((u) => !u.range.isNullObject).map((u) => ({ ws: u.ws, ref: refOf(u.range) }));
  const probes = live
    .filter((u) => cellsOf(u.ref) > SHEET_CELL_LIMIT)
    .map((u) => {
      const rows = u.ref.end.row - u.ref.start.row + 1;
      const cols = u.ref.end.col - u.ref.start.col + 1;
      const load = (r: Excel.Range) => r.getUsedRangeOrNullObject(true).load('rowIndex,columnIndex,rowCount,columnCount');
      return {
        u,
        left: load(u.ws.getRangeByIndexes(u.ref.start.row, u.ref.start.col, rows, Math.min(cols, PROBE_COLUMNS))),
        top: load(u.ws.getRangeByIndexes(u.ref.start.row, u.ref.start.col, Math.min(rows, PROBE_ROWS), cols)),
      };
    });
  if (probes.length === 0) return live;
  await context.sync();
  return live.map((u) => {
    const probe = probes.find((p) => p.u === u);
    if (!probe) return u;
    const parts = [probe.left, probe.top].filter((r) => !r.isNullObject).map(refOf);
    let ref: RangeRef = parts.length === 0 ? { start: u.ref.start, end: u.ref.start } : {
      start: { row: Math.min(...parts.map((p) => p.start.row)), col: Math.min(...parts.map((p) => p.start.col)) },
      end: { row: Math.max(...parts.map((p) => p.end.row)), col: Math.max(...parts.map((p) => p.end.col)) },
    };
    const cols = ref.end.col - ref.start.col + 1;
    if (cellsOf(ref) > SHEET_CELL_LIMIT) ref = { start: ref.start, end: { row: ref.start.row + Math.floor(SHEET_CELL_LIMIT / cols) - 1, col: ref.end.col } };
    notices.push(officeMessages.partRead(u.ws.name, rangeToA1(ref), rangeToA1(u.ref)));
    return { ws: u.ws, ref };
  });
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
