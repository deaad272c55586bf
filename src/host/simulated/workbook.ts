/** Simulated Excel.Workbook, its worksheets, protection and settings. */
import { parseRange, quoteSheetName, rangeToA1 } from '../../engine';
import type { SimulatedRequestContext } from './context';
import { SimulatedOfficeError } from './errors';
import { notLoaded, planItemsLoad, SimObject } from './proxy';
import { fixedRange, SimRange, usedRange, wholeSheet, type SheetLocator } from './range';
import { recalculate } from './calc';
import { SimChartCollection } from './charts';
import { emptySheet, type SimSheet, type SimState } from './state';

/** What one setting may hold (its JSON, UTF-8): writes above it fail, as above ~1 MB in Office. */
export const SETTING_LIMIT_BYTES = 1_000_000;
/** What all the settings of a document may hold together (about 2 MB in Office). */
export const SETTINGS_LIMIT_BYTES = 2_000_000;
const encoder = new TextEncoder();
const utf8Bytes = (text: string): number => encoder.encode(text).length;

export function findSimSheet(state: SimState, name: string): SimSheet | undefined {
  const wanted = name.toLowerCase();
  return state.sheets.find((s) => s.name.toLowerCase() === wanted);
}

/** A sheet's `id` as the simulated Excel gives it (sheets are never renamed here). */
export function simSheetId(name: string): string {
  return `{sheet-${name}}`;
}

/** The sheet name in an id from `simSheetId`, or undefined for anything else (a name). */
export function sheetNameOfId(key: string): string | undefined {
  return /^\{sheet-(.*)\}$/.exec(key)?.[1];
}

export class SimWorkbook extends SimObject {
  protected readonly scalarNames = ['name'] as const;
  readonly worksheets: SimWorksheetCollection;
  readonly settings: SimSettingCollection;
  readonly application: SimApplication;
  readonly protection: SimWorkbookProtection;
  constructor(context: SimulatedRequestContext) {
    super(context);
    this.protection = new SimWorkbookProtection(context);
    this.worksheets = new SimWorksheetCollection(context);
    this.settings = new SimSettingCollection(context);
    this.application = new SimApplication(context);
  }
  describe(): string {
    return 'Workbook';
  }
  protected exists(): boolean {
    return true;
  }
  protected readScalar(): unknown {
    return 'Book1.xlsx';
  }
  protected override navigation(name: string): SimObject | undefined {
    if (name === 'application') return this.application;
    if (name === 'protection') return this.protection;
    return name === 'worksheets' ? this.worksheets : name === 'settings' ? this.settings : undefined;
  }
  get name(): string {
    return this.loaded('name');
  }
}

/** `workbook.protection` (ExcelApi 1.7): whether the structure is protected. */
export class SimWorkbookProtection extends SimObject {
  protected readonly scalarNames = ['protected'] as const;
  describe(): string {
    return 'Workbook.protection';
  }
  protected exists(): boolean {
    return true;
  }
  protected readScalar(_name: string, state: SimState): unknown {
    return state.structureProtected === true;
  }
  get protected(): boolean {
    return this.loaded('protected');
  }
}

/** Adding, deleting or moving a sheet of a workbook whose structure is protected. */
function refuseIfStructureProtected(state: SimState, location: string): void {
  if (state.structureProtected) throw new SimulatedOfficeError('AccessDenied', 'The workbook’s structure is protected.', location);
}

/** `workbook.application`: the calculation mode, and `calculate` (F9). */
export class SimApplication extends SimObject {
  protected readonly scalarNames = ['calculationMode'] as const;
  describe(): string {
    return 'Application';
  }
  protected exists(): boolean {
    return true;
  }
  protected readScalar(_name: string, state: SimState): unknown {
    return state.calculationMode ?? 'Automatic';
  }
  get calculationMode(): string {
    return this.loaded('calculationMode');
  }
  set calculationMode(mode: string) {
    this.queueWrite('calculationMode', mode, (state) => {
      if (mode !== 'Automatic' && mode !== 'AutomaticExceptTables' && mode !== 'Manual') {
        throw new SimulatedOfficeError('InvalidArgument', `"${mode}" is not a calculation mode.`, 'Application.calculationMode');
      }
      state.calculationMode = mode;
    });
  }
  /** Calculates every formula now (Recalculate, Full or FullRebuild: the same here). */
  calculate(_type?: string): void {
    this.queueWrite('calculate', _type ?? null, (state) => {
      recalculate(state);
    });
  }
}

export class SimWorksheetCollection extends SimObject {
  protected readonly scalarNames = [] as const;
  private list: SimWorksheet[] | undefined;
  describe(): string {
    return 'Workbook.worksheets';
  }
  protected exists(): boolean {
    return true;
  }
  protected readScalar(): unknown {
    return null;
  }
  get items(): SimWorksheet[] {
    if (!this.list) throw notLoaded('items');
    return this.list;
  }
  override planLoad(paths: readonly string[][]): ReturnType<SimObject['planLoad']> {
    return planItemsLoad(paths, [['name']], (state) => state.sheets.map((s) => new SimWorksheet(this.context, s.name, false)), (items) => (this.list = items));
  }
  /** By name or id, as in Excel. */
  getItem(key: string): SimWorksheet {
    return new SimWorksheet(this.context, sheetNameOfId(key) ?? key, false);
  }
  getItemOrNullObject(key: string): SimWorksheet {
    return new SimWorksheet(this.context, sheetNameOfId(key) ?? key, true);
  }
  add(name: string): SimWorksheet {
    const sheet = new SimWorksheet(this.context, name, false);
    this.context.enqueue({
      request: { call: 'Workbook.worksheets.add', name },
      location: 'Workbook.worksheets.add',
      run: (state) => {
        refuseIfStructureProtected(state, 'Workbook.worksheets.add');
        if (findSimSheet(state, name)) throw new SimulatedOfficeError('ItemAlreadyExists', `A sheet named "${name}" already exists.`, 'Workbook.worksheets.add');
        if (!/^[^:\\/?*[\]]{1,31}$/.test(name) || name.startsWith("'") || name.endsWith("'")) {
          throw new SimulatedOfficeError('InvalidArgument', `"${name}" is not a valid sheet name.`, 'Workbook.worksheets.add');
        }
        state.sheets.push(emptySheet(name));
      },
    });
    return sheet;
  }
}

export class SimWorksheet extends SimObject implements SheetLocator {
  protected readonly scalarNames = ['name', 'position', 'visibility', 'id'] as const;
  readonly protection: SimWorksheetProtection;
  readonly charts: SimChartCollection;
  constructor(context: SimulatedRequestContext, private readonly sheetName: string, private readonly orNull: boolean) {
    super(context);
    this.protection = new SimWorksheetProtection(context, this);
    this.charts = new SimChartCollection(context, this);
  }
  describe(): string {
    return quoteSheetName(this.sheetName);
  }
  sheetIn(state: SimState): SimSheet {
    const sheet = findSimSheet(state, this.sheetName);
    if (!sheet) throw new SimulatedOfficeError('ItemNotFound', `The sheet "${this.sheetName}" does not exist.`, this.describe());
    return sheet;
  }
  protected exists(state: SimState): boolean {
    if (findSimSheet(state, this.sheetName)) return true;
    if (this.orNull) return false;
    return this.sheetIn(state) !== undefined;
  }
  protected override navigation(name: string): SimObject | undefined {
    if (name === 'charts') return this.charts;
    return name === 'protection' ? this.protection : undefined;
  }
  protected readScalar(name: string, state: SimState): unknown {
    const sheet = this.sheetIn(state);
    if (name === 'name') return sheet.name;
    if (name === 'position') return state.sheets.indexOf(sheet);
    if (name === 'id') return simSheetId(sheet.name);
    return sheet.visibility ?? 'Visible';
  }
  get name(): string {
    return this.loaded('name');
  }
  get position(): number {
    return this.loaded('position');
  }
  set position(position: number) {
    this.queueWrite('position', position, (state) => {
      refuseIfStructureProtected(state, `${this.describe()}.position`);
      const sheet = this.sheetIn(state);
      const rest = state.sheets.filter((s) => s !== sheet);
      rest.splice(Math.max(0, Math.min(position, rest.length)), 0, sheet);
      state.sheets = rest;
    });
  }
  get visibility(): string {
    return this.loaded('visibility');
  }
  get id(): string {
    return this.loaded('id');
  }
  getRange(address?: string): SimRange {
    if (address === undefined || address === '') return new SimRange(this.context, this, wholeSheet, '1:1048576');
    const ref = parseRange(address) ?? parseColumns(address);
    if (!ref) throw new SimulatedOfficeError('InvalidArgument', `"${address}" is not a valid address.`, this.describe());
    return new SimRange(this.context, this, fixedRange(ref), address);
  }
  getRangeByIndexes(row: number, column: number, rowCount: number, columnCount: number): SimRange {
    if (row < 0 || column < 0 || rowCount < 1 || columnCount < 1 || row + rowCount > 1_048_576 || column + columnCount > 16_384) {
      throw new SimulatedOfficeError('InvalidArgument', 'The range is outside the sheet.', `${this.describe()}.getRangeByIndexes`);
    }
    const ref = { start: { row, col: column }, end: { row: row + rowCount - 1, col: column + columnCount - 1 } };
    return new SimRange(this.context, this, fixedRange(ref), rangeToA1(ref));
  }
  getUsedRangeOrNullObject(_valuesOnly?: boolean): SimRange {
    return new SimRange(this.context, this, usedRange, 'usedRange', true);
  }
  activate(): void {
    this.queueWrite('activate', null, (state) => {
      const sheet = this.sheetIn(state);
      if ((sheet.visibility ?? 'Visible') !== 'Visible') throw new SimulatedOfficeError('InvalidOperation', 'A hidden sheet cannot be activated.', `${this.describe()}.activate`);
      state.selection = { sheet: sheet.name, address: 'A1' };
    });
  }
  delete(): void {
    this.queueWrite('delete', null, (state) => {
      refuseIfStructureProtected(state, `${this.describe()}.delete`);
      const sheet = this.sheetIn(state);
      if (state.sheets.length === 1) throw new SimulatedOfficeError('InvalidOperation', 'A workbook must keep at least one visible sheet.', this.describe());
      state.sheets = state.sheets.filter((s) => s !== sheet);
      state.dirty = true;
    });
  }
}

/** `C:C` or `C:E`: whole columns. */
function parseColumns(address: string): ReturnType<typeof parseRange> {
  const m = /^\$?([A-Za-z]{1,3}):\$?([A-Za-z]{1,3})$/.exec(address.trim());
  if (!m) return undefined;
  const a = parseRange(`${m[1]}1:${m[2]}1`);
  if (!a) return undefined;
  return { start: { row: 0, col: a.start.col }, end: { row: 1_048_575, col: a.end.col } };
}

export class SimWorksheetProtection extends SimObject {
  protected readonly scalarNames = ['protected'] as const;
  constructor(context: SimulatedRequestContext, readonly sheet: SimWorksheet) {
    super(context);
  }
  describe(): string {
    return `${this.sheet.describe()}.protection`;
  }
  protected exists(state: SimState): boolean {
    this.sheet.sheetIn(state);
    return true;
  }
  protected readScalar(_name: string, state: SimState): unknown {
    return this.sheet.sheetIn(state).protected;
  }
  get protected(): boolean {
    return this.loaded('protected');
  }
}

export class SimSettingCollection extends SimObject {
  protected readonly scalarNames = [] as const;
  describe(): string {
    return 'Workbook.settings';
  }
  protected exists(): boolean {
    return true;
  }
  protected readScalar(): unknown {
    return null;
  }
  getItem(key: string): SimSetting {
    return new SimSetting(this.context, key, false);
  }
  getItemOrNullObject(key: string): SimSetting {
    return new SimSetting(this.context, key, true);
  }
  add(key: string, value: unknown): SimSetting {
    const text = JSON.stringify(value);
    const stored = JSON.parse(text) as unknown;
    this.context.enqueue({
      request: { call: 'Workbook.settings.add', key, value: stored },
      location: 'Workbook.settings.add',
      run: (state) => {
        // Office keeps about 2 MB of settings with a document, and a setting much over 1 MB fails.
        let total = utf8Bytes(key) + utf8Bytes(text);
        for (const [k, v] of state.settings) if (k !== key) total += utf8Bytes(k) + utf8Bytes(JSON.stringify(v));
        if (utf8Bytes(text) > SETTING_LIMIT_BYTES || total > SETTINGS_LIMIT_BYTES) {
          throw new SimulatedOfficeError('GeneralException', 'The settings are too large to be saved with the document.', 'Workbook.settings.add');
        }
        state.settings.set(key, stored);
      },
    });
    return new SimSetting(this.context, key, false);
  }
}

export class SimSetting extends SimObject {
  protected readonly scalarNames = ['key', 'value'] as const;
  constructor(context: SimulatedRequestContext, private readonly settingKey: string, private readonly orNull: boolean) {
    super(context);
  }
  describe(): string {
    return `Setting(${this.settingKey})`;
  }
  protected exists(state: SimState): boolean {
    if (state.settings.has(this.settingKey)) return true;
    if (this.orNull) return false;
    throw new SimulatedOfficeError('ItemNotFound', `The setting "${this.settingKey}" does not exist.`, this.describe());
  }
  protected readScalar(name: string, state: SimState): unknown {
    return name === 'key' ? this.settingKey : state.settings.get(this.settingKey);
  }
  get key(): string {
    return this.loaded('key');
  }
  get value(): unknown {
    return this.loaded('value');
  }
  delete(): void {
    this.queueWrite('delete', null, (state) => {
      state.settings.delete(this.settingKey);
    });
  }
}
