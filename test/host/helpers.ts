/** Shared by the host tests: comparable views of grids, and hosts over the simulated Excel. */
import { toA1 } from '../../src/engine/address';
import type { Cell, Workbook } from '../../src/engine/grid';
import { createOfficeHost } from '../../src/host/office';
import { SimulatedExcel } from '../../src/host/simulated';
import type { ExcelHost } from '../../src/host/host';
import { officeClientExcel, type OfficeClientExcel } from '../../src/host/wire';
import type { ClientBuild } from '../../src/host/wire/load-client';

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

/** The adapter over the simulated Excel's own objects (no wire): for the simulated objects' tests and parity checks. */
export function simulatedHost(workbook: Workbook, options?: ConstructorParameters<typeof SimulatedExcel>[1]): { excel: SimulatedExcel; host: ExcelHost } {
  const excel = SimulatedExcel.fromWorkbook(workbook, options);
  return { excel, host: createOfficeHost(excel) };
}

/**
 * The same as `simulatedHost`, with the adapter running on Microsoft's own Excel client
 * (@microsoft/office-js), whose requests the simulated workbook answers over the wire.
 */
export function officeClientHost(
  workbook: Workbook,
  options?: ConstructorParameters<typeof SimulatedExcel>[1],
): { excel: SimulatedExcel; host: ExcelHost; wire: OfficeClientExcel } {
  const excel = SimulatedExcel.fromWorkbook(workbook, options);
  const wire = officeClientExcel(excel, CLIENT_BUILD);
  return { excel, host: createOfficeHost(wire), wire };
}

/**
 * Which of Microsoft's client scripts the host tests run on: Excel on the web's by default;
 * `npm run test:slow` runs the host suite once more on the Windows desktop script
 * (OFFICE_CLIENT_BUILD=win32-16.01).
 */
const CLIENT_BUILD: ClientBuild = process.env.OFFICE_CLIENT_BUILD === 'win32-16.01' || process.env.OFFICE_CLIENT_BUILD === 'mac-16.00' ? process.env.OFFICE_CLIENT_BUILD : 'web-16.00';

/** Awaits a promise expected to fail and returns the error (fails the test if it resolves). */
export async function failure(promise: Promise<unknown>): Promise<Error & { code?: string; sheet?: string; cell?: string }> {
  try {
    await promise;
  } catch (error) {
    return error as Error & { code?: string };
  }
  throw new Error('expected the call to fail, but it succeeded');
}

/**
 * The cells (A1 on a sheet) where two workbooks differ, at most `limit` of them. For big
 * sheets, where a deep `toEqual` over hundreds of thousands of cells is too slow.
 */
export function differingCells(actual: Workbook, expected: Workbook, limit = 5): string[] {
  const a = comparable(actual);
  const b = comparable(expected);
  const out: string[] = [];
  for (const sheet of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const left = a[sheet] ?? {};
    const right = b[sheet] ?? {};
    for (const key of new Set([...Object.keys(left), ...Object.keys(right)])) {
      if (JSON.stringify(left[key]) !== JSON.stringify(right[key])) out.push(`${sheet}!${key}`);
      if (out.length >= limit) return out;
    }
  }
  return out;
}

/** Deep equality through JSON first (fast), with Jest's diff only when they differ. */
export function expectSameState<T>(actual: T, expected: T): void {
  if (JSON.stringify(actual) !== JSON.stringify(expected)) expect(actual).toEqual(expected);
}
