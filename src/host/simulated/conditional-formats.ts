/** Simulated conditional formats: the Custom (formula) and ContainsText kinds. */
import type { SimulatedRequestContext } from './context';
import { SimulatedOfficeError } from './errors';
import { notLoaded, planItemsLoad, SimObject } from './proxy';
import type { RangeRef } from '../../engine';
import { SimRangeAreas } from './areas';
import type { LocatedRange } from './locators';
import { intersects } from './rects';
import { normaliseColor, type SimConditionalFormat, type SimSheet, type SimState } from './state';

type CfKind = SimConditionalFormat['type'];

export class SimConditionalFormatCollection extends SimObject {
  protected readonly scalarNames = [] as const;
  private list: SimConditionalFormatProxy[] | undefined;

  constructor(context: SimulatedRequestContext, readonly range: LocatedRange) {
    super(context);
  }
  describe(): string {
    return `${this.range.describe()}.conditionalFormats`;
  }
  protected exists(state: SimState): boolean {
    this.range.resolve(state);
    return true;
  }
  protected readScalar(): unknown {
    return null;
  }

  get items(): SimConditionalFormatProxy[] {
    if (!this.list) throw notLoaded('items');
    return this.list;
  }

  override planLoad(paths: readonly string[][]): ReturnType<SimObject['planLoad']> {
    const itemsIn = (state: SimState) => {
      const { sheet, ref } = this.range.resolve(state);
      return sheet.conditionalFormats.filter((cf) => intersects(cf.range, ref)).map((cf) => new SimConditionalFormatProxy(this.context, this.range, cf.id));
    };
    return planItemsLoad(paths, [['id'], ['type']], itemsIn, (items) => (this.list = items));
  }

  /** `getItem(id)`: the format with that id (ItemNotFound at sync when it is not there). */
  getItem(id: string): SimConditionalFormatProxy {
    return new SimConditionalFormatProxy(this.context, this.range, id);
  }

  add(type: CfKind): SimConditionalFormatProxy {
    if (type !== 'Custom' && type !== 'ContainsText') {
      throw new SimulatedOfficeError('InvalidArgument', `Conditional format type ${String(type)} is not simulated.`);
    }
    const id = `{sim-cf-${Math.random().toString(36).slice(2)}}`;
    const proxy = new SimConditionalFormatProxy(this.context, this.range, id);
    proxy.queueCreate(type);
    return proxy;
  }

  clearAll(): void {
    this.context.enqueue({
      request: { call: `${this.describe()}.clearAll` },
      location: `${this.describe()}.clearAll`,
      run: (state) => {
        const { sheet, ref } = this.range.resolveForWrite(state);
        sheet.conditionalFormats = sheet.conditionalFormats.filter((cf) => !intersects(cf.range, ref));
      },
    });
  }
}

export class SimConditionalFormatProxy extends SimObject {
  protected readonly scalarNames = ['id', 'type', 'stopIfTrue', 'priority'] as const;
  readonly custom: SimCustomConditionalFormat;
  readonly customOrNullObject: SimCustomConditionalFormat;
  readonly textComparison: SimTextConditionalFormat;
  readonly textComparisonOrNullObject: SimTextConditionalFormat;

  constructor(context: SimulatedRequestContext, readonly range: LocatedRange, readonly cfId: string) {
    super(context);
    this.custom = new SimCustomConditionalFormat(context, this, false);
    this.customOrNullObject = new SimCustomConditionalFormat(context, this, true);
    this.textComparison = new SimTextConditionalFormat(context, this, false);
    this.textComparisonOrNullObject = new SimTextConditionalFormat(context, this, true);
  }
  describe(): string {
    return `ConditionalFormat(${this.cfId})`;
  }

  /** The format in the state; throws ItemNotFound when it was deleted. */
  find(state: SimState): { sheet: SimSheet; cf: SimConditionalFormat } {
    const sheet = this.range.sheet.sheetIn(state);
    const cf = sheet.conditionalFormats.find((c) => c.id === this.cfId);
    if (!cf) throw new SimulatedOfficeError('ItemNotFound', 'The conditional format does not exist.', this.describe());
    return { sheet, cf };
  }
  findForWrite(state: SimState): SimConditionalFormat {
    const { sheet, cf } = this.find(state);
    if (sheet.protected) throw new SimulatedOfficeError('AccessDenied', `The sheet "${sheet.name}" is protected.`, this.describe());
    return cf;
  }

  protected exists(state: SimState): boolean {
    this.find(state);
    return true;
  }
  protected override navigation(name: string): SimObject | undefined {
    switch (name) {
      case 'custom':
        return this.custom;
      case 'customOrNullObject':
        return this.customOrNullObject;
      case 'textComparison':
        return this.textComparison;
      case 'textComparisonOrNullObject':
        return this.textComparisonOrNullObject;
      default:
        return undefined;
    }
  }
  protected readScalar(name: string, state: SimState): unknown {
    const { sheet, cf } = this.find(state);
    if (name === 'id') return cf.id;
    if (name === 'type') return cf.type;
    if (name === 'priority') return sheet.conditionalFormats.indexOf(cf);
    return cf.stopIfTrue;
  }

  queueCreate(type: CfKind): void {
    this.queueWrite('add', type, (state) => {
      const { sheet, ref } = this.range.resolveForWrite(state);
      sheet.conditionalFormats.unshift({ id: this.cfId, type, range: ref, fill: null, fontColor: null, bold: null, stopIfTrue: false });
    });
  }

  get id(): string {
    return this.loaded('id');
  }
  get type(): string {
    return this.loaded('type');
  }
  get priority(): number {
    return this.loaded('priority');
  }
  set priority(priority: number) {
    this.queueWrite('priority', priority, (state) => {
      const cf = this.findForWrite(state);
      const sheet = this.range.sheet.sheetIn(state);
      const rest = sheet.conditionalFormats.filter((c) => c !== cf);
      rest.splice(Math.max(0, Math.min(priority, rest.length)), 0, cf);
      sheet.conditionalFormats = rest;
    });
  }
  get stopIfTrue(): boolean {
    return this.loaded('stopIfTrue');
  }
  set stopIfTrue(value: boolean) {
    this.queueWrite('stopIfTrue', value, (state) => {
      this.findForWrite(state).stopIfTrue = value;
    });
  }

  /** As in Excel: a format over several areas has no one range, and getRange() fails. */
  getRange(): LocatedRange {
    return this.range.sheetRange((_state, sheet) => {
      const cf = sheet.conditionalFormats.find((c) => c.id === this.cfId);
      if (cf?.areas && cf.areas.length > 1) {
        throw new SimulatedOfficeError('InvalidOperation', 'The conditional format is applied to multiple ranges; use getRanges or getRangeOrNullObject.', `ConditionalFormat(${this.cfId}).getRange`);
      }
      return cf?.range;
    }, `ConditionalFormat(${this.cfId}).range`);
  }

  /** `getRangeOrNullObject()` (ExcelApi 1.6): a null object for a format over several areas. */
  getRangeOrNullObject(): LocatedRange {
    const locate = (_state: SimState, sheet: SimSheet): RangeRef | undefined => {
      const cf = sheet.conditionalFormats.find((c) => c.id === this.cfId);
      return cf && !(cf.areas && cf.areas.length > 1) ? cf.range : undefined;
    };
    return this.range.sheetRange(locate, `ConditionalFormat(${this.cfId}).rangeOrNull`, true);
  }

  /** `getRanges()` (ExcelApi 1.9): every area the format applies to. */
  getRanges(): SimRangeAreas {
    return new SimRangeAreas(this.context, this.range.sheet, (_state, sheet) => {
      const cf = sheet.conditionalFormats.find((c) => c.id === this.cfId);
      return cf ? (cf.areas ?? [cf.range]) : undefined;
    }, `ConditionalFormat(${this.cfId}).ranges`, false);
  }

  delete(): void {
    this.queueWrite('delete', null, (state) => {
      const { sheet, cf } = this.find(state);
      if (sheet.protected) throw new SimulatedOfficeError('AccessDenied', `The sheet "${sheet.name}" is protected.`, this.describe());
      sheet.conditionalFormats = sheet.conditionalFormats.filter((c) => c !== cf);
    });
  }
}

/** Shared by custom and text formats: the kind's existence check at sync. */
abstract class SimKindFormat extends SimObject {
  constructor(
    context: SimulatedRequestContext,
    readonly owner: SimConditionalFormatProxy,
    private readonly kind: CfKind,
    private readonly orNull: boolean,
  ) {
    super(context);
  }
  protected exists(state: SimState): boolean {
    const { cf } = this.owner.find(state);
    if (cf.type === this.kind) return true;
    if (this.orNull) return false;
    throw new SimulatedOfficeError('InvalidArgument', `The conditional format is not of type ${this.kind}.`, this.describe());
  }
  cfFor(state: SimState, write: boolean): SimConditionalFormat {
    const cf = write ? this.owner.findForWrite(state) : this.owner.find(state).cf;
    if (cf.type !== this.kind) throw new SimulatedOfficeError('InvalidArgument', `The conditional format is not of type ${this.kind}.`, this.describe());
    return cf;
  }
}

export class SimCustomConditionalFormat extends SimKindFormat {
  protected readonly scalarNames = [] as const;
  readonly rule: SimConditionalFormatRule;
  readonly format: SimConditionalRangeFormat;
  constructor(context: SimulatedRequestContext, owner: SimConditionalFormatProxy, orNull: boolean) {
    super(context, owner, 'Custom', orNull);
    this.rule = new SimConditionalFormatRule(context, this);
    this.format = new SimConditionalRangeFormat(context, this);
  }
  describe(): string {
    return `${this.owner.describe()}.custom`;
  }
  protected override navigation(name: string): SimObject | undefined {
    return name === 'rule' ? this.rule : name === 'format' ? this.format : undefined;
  }
  protected readScalar(): unknown {
    return null;
  }
}

export class SimConditionalFormatRule extends SimObject {
  protected readonly scalarNames = ['formula'] as const;
  constructor(context: SimulatedRequestContext, readonly owner: SimCustomConditionalFormat) {
    super(context);
  }
  describe(): string {
    return `${this.owner.describe()}.rule`;
  }
  protected exists(state: SimState): boolean {
    this.owner.cfFor(state, false);
    return true;
  }
  protected readScalar(_name: string, state: SimState): unknown {
    return this.owner.cfFor(state, false).formula ?? '';
  }
  get formula(): string {
    return this.loaded('formula');
  }
  set formula(formula: string) {
    this.queueWrite('formula', formula, (state) => {
      if (!formula.startsWith('=')) throw new SimulatedOfficeError('InvalidArgument', 'A conditional format formula must start with "=".', this.describe());
      this.owner.cfFor(state, true).formula = formula;
    });
  }
}

export class SimTextConditionalFormat extends SimKindFormat {
  protected readonly scalarNames = ['rule'] as const;
  readonly format: SimConditionalRangeFormat;
  constructor(context: SimulatedRequestContext, owner: SimConditionalFormatProxy, orNull: boolean) {
    super(context, owner, 'ContainsText', orNull);
    this.format = new SimConditionalRangeFormat(context, this);
  }
  describe(): string {
    return `${this.owner.describe()}.textComparison`;
  }
  protected override navigation(name: string): SimObject | undefined {
    return name === 'format' ? this.format : undefined;
  }
  protected readScalar(_name: string, state: SimState): unknown {
    return this.cfFor(state, false).text ?? null;
  }
  get rule(): { operator: string; text: string } {
    return this.loaded('rule');
  }
  set rule(rule: { operator: string; text: string }) {
    this.queueWrite('rule', rule, (state) => {
      this.cfFor(state, true).text = { operator: rule.operator, text: rule.text };
    });
  }
}

export class SimConditionalRangeFormat extends SimObject {
  protected readonly scalarNames = [] as const;
  readonly fill: SimConditionalStyle;
  readonly font: SimConditionalStyle;
  constructor(context: SimulatedRequestContext, readonly owner: SimKindFormat) {
    super(context);
    this.fill = new SimConditionalStyle(context, this, 'fill');
    this.font = new SimConditionalStyle(context, this, 'font');
  }
  describe(): string {
    return `${this.owner.describe()}.format`;
  }
  protected exists(state: SimState): boolean {
    this.owner.cfFor(state, false);
    return true;
  }
  protected override navigation(name: string): SimObject | undefined {
    return name === 'fill' ? this.fill : name === 'font' ? this.font : undefined;
  }
  protected readScalar(): unknown {
    return null;
  }
}

/** `format.fill` (color) or `format.font` (color, bold) of a conditional format. */
export class SimConditionalStyle extends SimObject {
  protected readonly scalarNames: readonly string[];
  constructor(context: SimulatedRequestContext, readonly owner: SimConditionalRangeFormat, private readonly part: 'fill' | 'font') {
    super(context);
    this.scalarNames = part === 'fill' ? ['color'] : ['color', 'bold'];
  }
  describe(): string {
    return `${this.owner.describe()}.${this.part}`;
  }
  private cf(state: SimState, write: boolean): SimConditionalFormat {
    return this.owner.owner.cfFor(state, write);
  }
  protected exists(state: SimState): boolean {
    this.cf(state, false);
    return true;
  }
  protected readScalar(name: string, state: SimState): unknown {
    const cf = this.cf(state, false);
    if (name === 'bold') return cf.bold;
    return this.part === 'fill' ? cf.fill : cf.fontColor;
  }
  get color(): string {
    return this.loaded('color');
  }
  set color(color: string) {
    this.queueWrite('color', color, (state) => {
      const cf = this.cf(state, true);
      if (this.part === 'fill') cf.fill = normaliseColor(color);
      else cf.fontColor = normaliseColor(color);
    });
  }
  get bold(): boolean {
    return this.loaded('bold');
  }
  set bold(bold: boolean) {
    this.queueWrite('bold', bold, (state) => {
      this.cf(state, true).bold = bold;
    });
  }
  clear(): void {
    this.queueWrite('clear', null, (state) => {
      const cf = this.cf(state, true);
      if (this.part === 'fill') cf.fill = null;
      else {
        cf.fontColor = null;
        cf.bold = null;
      }
    });
  }
}
