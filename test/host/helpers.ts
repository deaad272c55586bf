/** Shared by the host tests: comparable views of grids, and hosts over the simulated Excel. */
import { toA1 } from '../../src/engine/address';
import type { Cell, Workbook } from '../../src/engine/grid';
import { createOfficeHost } from '../../src/host/office';
import { SimulatedExcel } from '../../src/host/simulated';
import type { ExcelHost } from '../../src/host/host';

/**
 * A workbook as `{ sheet: { A1: cell } }`, keeping what a cell holds (value, formula,
 * non-General format, bold, indent) and dropping cells that hold nothing: the adapter
 * reads used ranges, so blank formatted cells outside them are not part of a read.
 */
export function comparable(workbook: Workbook): Record<string, Record<string, Cell>> {
  const out: Record<string, Record<string, Cell>> = {};
  for (const sheet of workbook.sheets) {
    const cells: Record<string, Cell> = {};
    sheet.rows.forEach((row, r) =>
      row?.forEach((cell, c) => {
        if (!cell || (cell.value === null && cell.formula === undefined)) return;
        const kept: Cell = {
          value: cell.value,
          ...(cell.formula !== undefined ? { formula: cell.formula } : {}),
          ...(cell.format !== undefined && cell.format !== 'General' ? { format: cell.format } : {}),
          ...(cell.bold ? { bold: true } : {}),
          ...(cell.indent ? { indent: cell.indent } : {}),
        };
        cells[toA1(r, c)] = kept;
      }),
    );
    out[sheet.name] = cells;
  }
  return out;
}

export function simulatedHost(workbook: Workbook, options?: ConstructorParameters<typeof SimulatedExcel>[1]): { excel: SimulatedExcel; host: ExcelHost } {
  const excel = SimulatedExcel.fromWorkbook(workbook, options);
  return { excel, host: createOfficeHost(excel) };
}

/** Awaits a promise expected to fail and returns the error (fails the test if it resolves). */
export async function failure(promise: Promise<unknown>): Promise<Error & { code?: string; sheet?: string; cell?: string }> {
  try {
    await promise;
  } catch (error) {
    return error as Error & { code?: string };
  }
  throw new Error('expected the call to fail, but it succeeded');
}
