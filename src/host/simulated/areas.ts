/** Simulated Excel.RangeAreas: several rectangles on one sheet (merged areas, a split conditional format's ranges). */
import { quoteSheetName, type RangeRef, rangeToA1 } from '../../engine';
import type { SimulatedRequestContext } from './context';
import { SimulatedOfficeError } from './errors';
import { SimObject } from './proxy';
import type { SheetLocator } from './locators';
import type { SimSheet, SimState } from './state';

/** How the areas are found at sync; an empty list or undefined is a null object (for …OrNullObject). */
export type AreasLocator = (state: SimState, sheet: SimSheet) => readonly RangeRef[] | undefined;

export class SimRangeAreas extends SimObject {
  protected readonly scalarNames = ['address', 'areaCount'] as const;
  constructor(
    context: SimulatedRequestContext,
    readonly sheet: SheetLocator,
    private readonly locate: AreasLocator,
    private readonly label: string,
    private readonly orNull: boolean,
  ) {
    super(context);
  }
  describe(): string {
    return `${this.sheet.describe()}!${this.label}`;
  }
  private areas(state: SimState): { sheet: SimSheet; refs: readonly RangeRef[] } {
    const sheet = this.sheet.sheetIn(state);
    return { sheet, refs: this.locate(state, sheet) ?? [] };
  }
  protected exists(state: SimState): boolean {
    if (this.areas(state).refs.length > 0) return true;
    if (this.orNull) return false;
    throw new SimulatedOfficeError('ItemNotFound', `The ranges ${this.describe()} do not exist.`, this.describe());
  }
  protected readScalar(name: string, state: SimState): unknown {
    const { sheet, refs } = this.areas(state);
    if (name === 'areaCount') return refs.length;
    return refs.map((ref) => `${quoteSheetName(sheet.name)}!${rangeToA1(ref)}`).join(',');
  }
  get address(): string {
    return this.loaded('address');
  }
  get areaCount(): number {
    return this.loaded('areaCount');
  }
}
