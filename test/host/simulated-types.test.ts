/**
 * The simulated objects stand in for Office's at one cast (SimulatedExcel.run). These
 * compile-time checks keep their shapes tied to @types/office-js where the adapter uses
 * them: what the adapter reads must have the real type, what it writes or passes must be
 * accepted. If the real API's types change, the type-check (`npm test`) fails here.
 */
import type { SimConditionalFormatCollection, SimConditionalFormatProxy, SimConditionalFormatRule, SimConditionalStyle } from '../../src/host/simulated/conditional-formats';
import type { SimDataValidation, SimRange, SimRangeFill, SimRangeFont, SimRangeFormat } from '../../src/host/simulated/range';
import type { SimSetting, SimSettingCollection, SimWorksheet, SimWorksheetCollection, SimWorksheetProtection } from '../../src/host/simulated/workbook';

/** Reading: the simulated property's type fits where the real one is expected. */
type Reads<Sim, Real, K extends keyof Sim & keyof Real> = { [P in K]: Sim[P] extends Real[P] ? true : false }[K];
/** Writing and calling: every value the real type allows is accepted by the simulated one. */
type Writes<Sim, Real, K extends keyof Sim & keyof Real> = { [P in K]: Real[P] extends Sim[P] ? true : false }[K];
type Calls<Sim, Real, K extends keyof Sim & keyof Real> = {
  [P in K]: Real[P] extends (...args: infer A) => unknown ? (Sim[P] extends (...args: A) => unknown ? true : false) : false;
}[K];

type Checks = [
  Reads<SimRange, Excel.Range, 'address' | 'rowIndex' | 'columnIndex' | 'rowCount' | 'columnCount' | 'values' | 'formulas' | 'numberFormat' | 'isNullObject'>,
  Writes<SimRange, Excel.Range, 'values' | 'formulas' | 'numberFormat'>,
  Calls<SimRange, Excel.Range, 'getCellProperties' | 'setCellProperties' | 'select'>,
  Reads<SimRangeFormat, Excel.RangeFormat, 'columnWidth'>,
  Writes<SimRangeFormat, Excel.RangeFormat, 'columnWidth'>,
  Writes<SimRangeFill, Excel.RangeFill, 'color'>,
  Calls<SimRangeFill, Excel.RangeFill, 'clear'>,
  Writes<SimRangeFont, Excel.RangeFont, 'bold'>,
  Reads<SimDataValidation, Excel.DataValidation, 'rule'>,
  Calls<SimDataValidation, Excel.DataValidation, 'clear'>,
  Reads<SimWorksheet, Excel.Worksheet, 'name' | 'position' | 'isNullObject'>,
  Writes<SimWorksheet, Excel.Worksheet, 'position'>,
  Calls<SimWorksheet, Excel.Worksheet, 'activate' | 'delete' | 'getUsedRangeOrNullObject'>,
  Reads<SimWorksheetProtection, Excel.WorksheetProtection, 'protected'>,
  Calls<SimWorksheetCollection, Excel.WorksheetCollection, 'getItem' | 'getItemOrNullObject'>,
  Reads<SimSetting, Excel.Setting, 'key' | 'value' | 'isNullObject'>,
  Calls<SimSettingCollection, Excel.SettingCollection, 'getItemOrNullObject'>,
  Reads<SimConditionalFormatProxy, Excel.ConditionalFormat, 'id' | 'stopIfTrue' | 'priority'>,
  Writes<SimConditionalFormatProxy, Excel.ConditionalFormat, 'stopIfTrue' | 'priority'>,
  Calls<SimConditionalFormatProxy, Excel.ConditionalFormat, 'delete'>,
  Reads<SimConditionalFormatRule, Excel.ConditionalFormatRule, 'formula'>,
  Writes<SimConditionalFormatRule, Excel.ConditionalFormatRule, 'formula'>,
  Reads<SimConditionalStyle, Excel.ConditionalRangeFont, 'color' | 'bold'>,
  Writes<SimConditionalStyle, Excel.ConditionalRangeFont, 'color' | 'bold'>,
  Writes<SimConditionalStyle, Excel.ConditionalRangeFill, 'color'>,
  // The adapter adds only Custom (formula) formats.
  'Custom' extends Parameters<SimConditionalFormatCollection['add']>[0] ? true : false,
];

type AllTrue<T extends readonly boolean[]> = T[number] extends true ? true : false;
const shapesMatch: AllTrue<Checks> = true;

// The checks can fail: a wrongly typed property is caught.
// @ts-expect-error a numeric address is not Excel.Range's string address
const wrongRead: Reads<{ address: number }, Excel.Range, 'address'> = true;
// @ts-expect-error a setter taking only numbers cannot accept a conditional format's formula text
const wrongWrite: Writes<{ formula: number }, Excel.ConditionalFormatRule, 'formula'> = true;

test('the simulated objects match @types/office-js where the adapter uses them', () => {
  // The real check is the type above: `npx tsc --noEmit -p .` fails when a shape drifts.
  expect([shapesMatch, wrongRead, wrongWrite]).toEqual([true, true, true]);
});
