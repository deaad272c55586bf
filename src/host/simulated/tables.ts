/**
 * Simulated Excel tables (ListObjects), minimally: a name and a range (header row first).
 * A formula written into a table column whose other cells are empty fills the whole
 * column, as Excel's calculated columns do.
 */
import type { RangeRef } from '../../engine';
import { slideFormula } from '../xlsx/fast/slide-formula';
import type { SimulatedRequestContext } from './context';
import { notLoaded, planItemsLoad, SimObject } from './proxy';
import { cellOf, isEmptySimCell, mutableCell, type SimSheet, type SimState } from './state';

export interface SimTable {
  readonly name: string;
  /** Header row and data body. */
  readonly range: RangeRef;
}

/** After a write of `written` on the sheet: fills each table column where a formula was written and the rest of the column is empty. */
export function fillCalculatedColumns(sheet: SimSheet, written: RangeRef): void {
  for (const table of sheet.tables ?? []) {
    const top = table.range.start.row + 1;
    const bottom = table.range.end.row;
    for (let col = Math.max(written.start.col, table.range.start.col); col <= Math.min(written.end.col, table.range.end.col); col++) {
      let source: { row: number; formula: string } | undefined;
      let others = false;
      for (let row = top; row <= bottom; row++) {
        const cell = cellOf(sheet, row, col);
        const inWrite = row >= written.start.row && row <= written.end.row;
        if (inWrite && cell?.formula !== undefined && !source) source = { row, formula: cell.formula };
        else if (!inWrite && !isEmptySimCell(cell)) others = true;
      }
      if (!source || others) continue;
      for (let row = top; row <= bottom; row++) {
        if (row >= written.start.row && row <= written.end.row) continue;
        const cell = mutableCell(sheet, row, col);
        delete cell.value;
        delete cell.error;
        cell.formula = slideFormula(source.formula, row - source.row, 0);
      }
    }
  }
}

/** `Range.getTables(fullyContained)` (ExcelApi 1.9): the tables touching (or inside) a range. */
export class SimTableCollection extends SimObject {
  protected readonly scalarNames = [] as const;
  private list: SimTableItem[] | undefined;
  constructor(
    context: SimulatedRequestContext,
    private readonly locate: (state: SimState) => { sheet: SimSheet; ref: RangeRef },
    private readonly label: string,
    private readonly fullyContained: boolean,
  ) {
    super(context);
  }
  describe(): string {
    return `${this.label}.tables`;
  }
  protected exists(state: SimState): boolean {
    this.locate(state);
    return true;
  }
  protected readScalar(): unknown {
    return null;
  }
  get items(): SimTableItem[] {
    if (!this.list) throw notLoaded('items');
    return this.list;
  }
  tablesIn(state: SimState): SimTable[] {
    const { sheet, ref } = this.locate(state);
    return (sheet.tables ?? []).filter((t) =>
      this.fullyContained
        ? t.range.start.row >= ref.start.row && t.range.end.row <= ref.end.row && t.range.start.col >= ref.start.col && t.range.end.col <= ref.end.col
        : t.range.start.row <= ref.end.row && ref.start.row <= t.range.end.row && t.range.start.col <= ref.end.col && ref.start.col <= t.range.end.col,
    );
  }
  override planLoad(paths: readonly string[][]): ReturnType<SimObject['planLoad']> {
    return planItemsLoad(paths, [['name']], (state) => this.tablesIn(state).map((t) => new SimTableItem(this.context, t)), (items) => (this.list = items));
  }
}

export class SimTableItem extends SimObject {
  protected readonly scalarNames = ['name'] as const;
  constructor(context: SimulatedRequestContext, private readonly table: SimTable | undefined) {
    super(context);
  }
  describe(): string {
    return `Table(${this.table?.name ?? ''})`;
  }
  protected exists(): boolean {
    return true;
  }
  protected readScalar(): unknown {
    return this.table?.name ?? '';
  }
  get name(): string {
    return this.loaded('name');
  }
}
