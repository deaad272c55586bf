/**
 * Applying, rolling back and reverting edit plans in one Excel.run each:
 *   sync 1  read: ledger, sheets, protection, prior state of every target, conditional formats
 *   sync 2  only when needed: ranges of the add-in's own conditional formats, rows to re-hash
 *   sync 3  write everything, ledger last (more syncs only per further ~4 MB of payload)
 * Nothing is written until every check passed; a write that fails part-way is rolled back
 * from the recorded prior state.
 */
import { parseRange, rangeToA1, splitQualified, toA1, type RangeRef } from '../../engine/address';
import { officeMessages } from '../../engine/messages/office';
import type { ConditionalFormatSpec, ConditionalStyle, Edit, EditPlan } from '../../engine/plan';
import { HostError, type AppliedPlanSummary, type ApplyOptions, type QualifiedRange } from '../host';
import { markerOfFormula, markerOfTag, tagFormula } from '../xlsx/cf-tag';
import { BLOCK_BYTES, measure, readInBlocks, type BlockRead } from './blocks';
import { isPayloadError, officeErrorCode, toHostError } from './errors';
import {
  LEDGER_KEY,
  pack,
  parseLedger,
  RECORD_BYTE_LIMIT,
  recordBytes,
  rowHash,
  trimLedger,
  unpack,
  unpackRows,
  type AppliedPlan,
  type PriorKind,
  type RangeRecord,
  type Scalar,
  type TaggedFormat,
  type ValidationRecord,
} from './ledger';

type Context = Excel.RequestContext;
type CellEdit = Extract<Edit, { range: string }>;

const PRIOR_BYTES_PER_CELL: Record<PriorKind, number> = { content: 30, numberFormat: 12, fill: 40, bold: 30 };
const CF_LOAD =
  'items/id,items/type,items/priority,items/stopIfTrue,items/customOrNullObject/rule/formula,items/customOrNullObject/format/fill/color,items/customOrNullObject/format/font/color,items/customOrNullObject/format/font/bold';

/** A target rectangle: edit ranges resolved once. */
interface Target {
  readonly sheet: string;
  readonly ref: RangeRef;
  readonly range: string;
}

function target(sheet: string, range: string): Target {
  const ref = parseRange(range);
  if (!ref) throw new HostError('badRange', officeMessages.badRange(sheet, range), sheet, range);
  return { sheet, ref, range: rangeToA1(ref) };
}

const same = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();
const inRef = (ref: RangeRef, row: number, col: number): boolean => row >= ref.start.row && row <= ref.end.row && col >= ref.start.col && col <= ref.end.col;
const overlaps = (a: RangeRef, b: RangeRef): boolean => a.start.row <= b.end.row && b.start.row <= a.end.row && a.start.col <= b.end.col && b.start.col <= a.end.col;

function priorKind(edit: CellEdit): PriorKind | undefined {
  switch (edit.kind) {
    case 'setValues':
    case 'setFormulas':
      return 'content';
    case 'setNumberFormat':
      return 'numberFormat';
    case 'setFill':
      return 'fill';
    case 'setBold':
      return 'bold';
    default:
      return undefined;
  }
}

/** Reads one kind of prior state for a rectangle, block by block. */
function priorRead(context: Context, t: Target, kind: PriorKind): BlockRead<Scalar[][]> {
  return {
    sheet: t.sheet,
    ref: t.ref,
    bytesPerCell: PRIOR_BYTES_PER_CELL[kind],
    queue: (address) => {
      const range = context.workbook.worksheets.getItem(t.sheet).getRange(address);
      if (kind === 'content') {
        range.load('formulas,values,valueTypes');
        // The returned reader runs only after readInBlocks' context.sync().
        return () => {
          const { formulas, values, valueTypes } = range;
          return formulas.map((row, r) => row.map((f, c) => asWritten(f as Scalar, values[r]?.[c] as Scalar | undefined, valueTypes[r]?.[c])));
        };
      }
      if (kind === 'numberFormat') {
        range.load('numberFormat');
        // As above: read after readInBlocks' context.sync().
        // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/call-sync-after-load
        return () => range.numberFormat as Scalar[][];
      }
      if (kind === 'fill') {
        const props = range.getCellProperties({ format: { fill: { color: true, pattern: true } } });
        return () => props.value.map((row) => row.map((p) => (p.format?.fill?.pattern === 'None' ? '' : (p.format?.fill?.color ?? ''))));
      }
      const props = range.getCellProperties({ format: { font: { bold: true } } });
      return () => props.value.map((row) => row.map((p) => p.format?.font?.bold === true));
    },
  };
}

/**
 * A cell's content as it must be written back to come out the same. Excel reads text
 * written through `values`/`formulas` as if typed ("0012" becomes 12, "1.10" 1.1, "=x" a
 * formula), and `formulas` reads text without the apostrophe that keeps it text: so text
 * goes back with a leading apostrophe, which Excel does not keep in the value.
 */
function asWritten(formula: Scalar, value: Scalar | undefined, type: string | undefined): Scalar {
  if (type !== 'String' || typeof formula !== 'string') return formula;
  if (formula.startsWith('=') && value !== formula) return formula;
  return `'${formula}`;
}

/** Content as `formulas` reads it back: without the apostrophe that kept text as text. */
function asRead(row: readonly Scalar[]): Scalar[] {
  return row.map((v) => (typeof v === 'string' && v.startsWith("'") ? v.slice(1) : v));
}

/** What a plan writes, as Excel must be given it: text with the apostrophe that keeps it text. */
function typedForExcel(grid: readonly (readonly Scalar[])[], kind: 'setValues' | 'setFormulas', errors: ReadonlySet<string>): Scalar[][] {
  return grid.map((row) =>
    row.map((v) => {
      if (typeof v !== 'string' || v === '' || errors.has(v)) return v;
      if (kind === 'setFormulas' && v.startsWith('=')) return v;
      return `'${v}`;
    }),
  );
}

/** Joins the blocks of each read back into one grid per read. */
function joinBlocks<T>(results: readonly { read: BlockRead<T[][]>; from: number; data: T[][] }[], read: BlockRead<T[][]>): T[][] {
  return results
    .filter((r) => r.read === read)
    .sort((a, b) => a.from - b.from)
    .flatMap((r) => r.data);
}

interface OwnFormat {
  readonly item: Excel.ConditionalFormat;
  readonly sheet: string;
  readonly tag: string;
  readonly formula: string;
  readonly style: ConditionalStyle;
  readonly stopIfTrue: boolean;
  readonly priority: number;
  range?: string;
}

/** Loads the sheets' conditional formats and keeps the add-in's own (tagged) ones. */
function queueFormatLoad(context: Context, sheets: readonly string[]): () => OwnFormat[] {
  const loads = sheets.map((sheet) => ({ sheet, formats: context.workbook.worksheets.getItem(sheet).getRange().conditionalFormats.load(CF_LOAD) }));
  return () =>
    loads.flatMap(({ sheet, formats }) =>
      formats.items.flatMap((item): OwnFormat[] => {
        if (item.type !== 'Custom') return [];
        const custom = item.customOrNullObject;
        const formula = custom.rule.formula;
        const tag = markerOfFormula(formula);
        if (tag === undefined) return [];
        const fill = custom.format.fill.color;
        const fontColor = custom.format.font.color;
        const bold = custom.format.font.bold;
        const style: ConditionalStyle = { ...(fill ? { fill } : {}), ...(fontColor ? { fontColor } : {}), ...(bold ? { bold: true } : {}) };
        return [{ item, sheet, tag, formula, style, stopIfTrue: item.stopIfTrue, priority: item.priority }];
      }),
    );
}

/**
 * Loads the ranges of the given formats (a second sync: their number is only known after the
 * first). A rule copied and pasted applies to several areas, and then getRange() throws in
 * Excel: the null-object form is asked instead, and where ExcelApi 1.9 has getRanges(), its
 * areas ("B5:B15,D5:D15"). Without 1.9 such a rule's range stays unknown (it is still
 * removed by its tag, but not matched by where it lies).
 */
function queueFormatRanges(formats: readonly OwnFormat[], multiArea: boolean): () => void {
  const ranges = formats.map((f) => ({
    f,
    single: f.item.getRangeOrNullObject().load('address'),
    areas: multiArea ? f.item.getRanges().load('address') : undefined,
  }));
  return () => {
    for (const { f, single, areas } of ranges) {
      if (!single.isNullObject) f.range = splitQualified(single.address).address;
      else if (areas) f.range = areas.address.split(',').map((part) => splitQualified(part.trim()).address).join(',');
    }
  };
}

/** The areas of a range as the adapter records it ("B5:B15" or "B5:B15,D5:D15"). */
function areasOf(range: string | undefined): RangeRef[] {
  if (range === undefined) return [];
  return range.split(',').flatMap((part) => {
    const ref = parseRange(part.trim());
    return ref ? [ref] : [];
  });
}

/** The rule of a spec as a condition (formula without `=`), relative to the range's top-left cell. */
function conditionOf(spec: ConditionalFormatSpec, ref: RangeRef): string {
  const rule = spec.rule;
  if (rule.type === 'formula') return rule.formula.replace(/^=/, '');
  const cell = toA1(ref.start.row, ref.start.col);
  const literal = `"${rule.text.replace(/"/g, '""')}"`;
  // Office.js cannot read back a text rule's formula, so text rules are written as formula rules carrying the tag.
  switch (rule.operator) {
    case 'equals':
      return `TRIM(${cell})=${literal}`;
    case 'beginsWith':
      return `LEFT(TRIM(${cell}),${rule.text.length})=${literal}`;
    default:
      return `NOT(ISERROR(SEARCH(${literal},${cell})))`;
  }
}

/** Adds a tagged format; one recorded over several areas is put back as one rule per area (same formula, same look). */
function queueAddFormat(context: Context, f: TaggedFormat): void {
  for (const area of f.range.split(',')) {
    const cf = context.workbook.worksheets.getItem(f.sheet).getRange(area.trim()).conditionalFormats.add('Custom');
    cf.custom.rule.formula = f.formula;
    if (f.style.fill) cf.custom.format.fill.color = f.style.fill;
    if (f.style.fontColor) cf.custom.format.font.color = f.style.fontColor;
    if (f.style.bold) cf.custom.format.font.bold = true;
    cf.stopIfTrue = f.stopIfTrue;
    if (f.priority !== undefined) cf.priority = f.priority;
  }
}

const sameFormat = (a: { sheet: string; formula: string; range?: string }, b: { sheet: string; formula: string; range?: string }): boolean =>
  same(a.sheet, b.sheet) && same(a.formula, b.formula) && a.range !== undefined && b.range !== undefined && same(a.range, b.range);

/** One queued write and its request size; content writes can be split into row halves. */
interface WriteOp {
  readonly bytes: number;
  queue(): void;
  split?(): [WriteOp, WriteOp];
}

function gridWrite(context: Context, t: Target, property: 'values' | 'formulas' | 'numberFormat', grid: readonly (readonly unknown[])[], firstRow = 0): WriteOp[] {
  const rowBytes = grid.length > 0 ? measure(grid) / grid.length : 0;
  const rowsPerOp = Math.max(1, Math.floor(BLOCK_BYTES / Math.max(1, rowBytes)));
  const ops: WriteOp[] = [];
  for (let from = 0; from < grid.length; from += rowsPerOp) {
    ops.push(gridOp(context, t, property, grid.slice(from, from + rowsPerOp), firstRow + from, rowBytes));
  }
  return ops;
}

function gridOp(context: Context, t: Target, property: 'values' | 'formulas' | 'numberFormat', rows: readonly (readonly unknown[])[], firstRow: number, rowBytes: number): WriteOp {
  const ref: RangeRef = { start: { row: t.ref.start.row + firstRow, col: t.ref.start.col }, end: { row: t.ref.start.row + firstRow + rows.length - 1, col: t.ref.end.col } };
  return {
    bytes: rows.length * rowBytes + 100,
    queue: () => {
      const range = context.workbook.worksheets.getItem(t.sheet).getRange(rangeToA1(ref));
      range[property] = rows as unknown[][];
    },
    split:
      rows.length > 1
        ? () => {
            const half = Math.ceil(rows.length / 2);
            return [gridOp(context, t, property, rows.slice(0, half), firstRow, rowBytes), gridOp(context, t, property, rows.slice(half), firstRow + half, rowBytes)];
          }
        : undefined,
  };
}

function simpleOp(queue: () => void, bytes = 200): WriteOp {
  return { bytes, queue };
}

/** Sends the ops in syncs of about BLOCK_BYTES; a sync refused for its size is resent in halves. */
async function sendWrites(context: Context, ops: readonly WriteOp[], last?: WriteOp): Promise<void> {
  const pending = [...ops];
  if (last) pending.push(last);
  let limit = BLOCK_BYTES;
  while (pending.length > 0) {
    const batch: WriteOp[] = [];
    let bytes = 0;
    while (pending.length > 0 && (batch.length === 0 || bytes + pending[0]!.bytes <= limit)) {
      // The ledger goes alone with the final batch, so it records nothing that was not written.
      if (pending[0] === last && batch.length > 0 && pending.length > 1) break;
      const op = pending.shift()!;
      batch.push(op);
      bytes += op.bytes;
    }
    for (const op of batch) op.queue();
    try {
      // One sync per batch of about BLOCK_BYTES is the point: Excel on the web refuses larger requests.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
    } catch (error) {
      // Office rejects an oversized request whole, so nothing of it was applied: resend smaller.
      if (!isPayloadError(error)) throw error;
      limit = Math.max(1, Math.floor(bytes / 2));
      if (batch.length > 1) {
        pending.unshift(...batch);
        continue;
      }
      const parts = batch[0]!.split?.();
      if (!parts) throw error;
      pending.unshift(...parts);
    }
  }
}

function ledgerOp(context: Context, plans: readonly AppliedPlan[]): WriteOp {
  const trimmed = trimLedger(plans);
  return simpleOp(() => {
    context.workbook.settings.add(LEDGER_KEY, trimmed);
  }, measure(trimmed) + 100);
}

function contentGrid(edit: Extract<Edit, { kind: 'setValues' | 'setFormulas' }>, t: Target): Scalar[][] {
  const rows = t.ref.end.row - t.ref.start.row + 1;
  const cols = t.ref.end.col - t.ref.start.col + 1;
  const source = edit.kind === 'setValues' ? edit.values : edit.formulas;
  return Array.from({ length: rows }, (_, r) =>
    Array.from({ length: cols }, (_, c) => {
      const v = source[r]?.[c] ?? null;
      if (v === null) return '';
      if (typeof v === 'object') return v.error;
      return v;
    }),
  );
}

/** The error values (`{ error: '#N/A' }`) a plan writes: Excel reads their text as the error. */
function errorTexts(edit: Extract<Edit, { kind: 'setValues' | 'setFormulas' }>): Set<string> {
  if (edit.kind !== 'setValues') return new Set();
  return new Set(edit.values.flatMap((row) => row.flatMap((v) => (v !== null && typeof v === 'object' ? [v.error] : []))));
}

const isEmpty = (v: unknown): boolean => v === '' || v === null || v === undefined;

/** What the Excel running the add-in supports beyond the manifest's minimum (isSetSupported). */
export interface ApplyFeatures {
  /** ExcelApi 1.13: Range.getMergedAreasOrNullObject, to refuse writes into part of merged cells. */
  readonly mergedAreas?: boolean;
  /** ExcelApi 1.9: Range.getCellProperties/setCellProperties, to record and put back fills and bold cell by cell. */
  readonly cellProperties?: boolean;
  /** ExcelApi 1.9: Range.getTables, to refuse formulas written into an Excel table (they would fill its whole column). */
  readonly tables?: boolean;
  /** ExcelApi 1.9: ConditionalFormat.getRanges, the areas of a rule copied and pasted over several ranges. */
  readonly formatAreas?: boolean;
}

export async function applyPlanIn(context: Context, plan: EditPlan, options: ApplyOptions = {}, features: ApplyFeatures = {}): Promise<AppliedPlanSummary> {
  // Fills and bold are recorded and put back cell by cell (ExcelApi 1.9): an older Excel cannot undo them.
  if (features.cellProperties === false && plan.edits.some((e) => e.kind === 'setFill' || e.kind === 'setBold')) {
    throw new HostError('excelTooOld', officeMessages.excelTooOld(plan.title));
  }
  const cellEdits = plan.edits.filter((e): e is CellEdit => 'range' in e);
  const targets = new Map<CellEdit, Target>(cellEdits.map((e) => [e, target(e.sheet, e.range)]));
  const allowed = (options.allowOverwrite ?? []).map((q: QualifiedRange) => target(q.sheet, q.range));
  const addSheets = plan.edits.filter((e): e is Extract<Edit, { kind: 'addSheet' }> => e.kind === 'addSheet');
  const touched = [...new Set(plan.edits.map((e) => e.sheet))];

  // ---- sync 1: everything the checks and the prior state need ----
  const ledgerItem = context.workbook.settings.getItemOrNullObject(LEDGER_KEY);
  const sheetList = context.workbook.worksheets;
  const existingSheets = new Map<string, Excel.Worksheet>();
  const priors = new Map<CellEdit, Scalar[][]>();
  const validationLoads = new Map<CellEdit, Excel.DataValidation>();
  const widthLoads = new Map<Edit, Excel.RangeFormat>();
  const mergedLoads = new Map<CellEdit, Excel.RangeAreas>();
  const tableLoads = new Map<CellEdit, Excel.TableScopedCollection>();
  const structure = addSheets.length > 0 ? context.workbook.protection : undefined;
  const formatLoads: (() => OwnFormat[])[] = [];
  const namedByAddSheet = (sheet: string): boolean => addSheets.some((e) => same(e.sheet, sheet));

  /** Reads the prior state of the edits on some sheets; the first sync also carries `extras`. */
  const inspect = async (onSheet: (sheet: string) => boolean, extras?: () => void): Promise<void> => {
    const reads = new Map<CellEdit, BlockRead<Scalar[][]>>();
    for (const edit of cellEdits) {
      const kind = priorKind(edit);
      if (kind && onSheet(edit.sheet)) reads.set(edit, priorRead(context, targets.get(edit)!, kind));
    }
    const formatSheets = [...new Set(plan.edits.filter((e) => e.kind === 'addConditionalFormat' || e.kind === 'removeConditionalFormats').map((e) => e.sheet))].filter(onSheet);
    const results = await readInBlocks(context, [...reads.values()], () => {
      extras?.();
      for (const edit of plan.edits) {
        if (!onSheet(edit.sheet)) continue;
        if (edit.kind === 'setDataValidation') validationLoads.set(edit, context.workbook.worksheets.getItem(edit.sheet).getRange(targets.get(edit)!.range).dataValidation.load('type,rule'));
        if (features.mergedAreas && (edit.kind === 'setValues' || edit.kind === 'setFormulas')) {
          mergedLoads.set(edit, context.workbook.worksheets.getItem(edit.sheet).getRange(targets.get(edit)!.range).getMergedAreasOrNullObject().load('address'));
        }
        if (features.tables && edit.kind === 'setFormulas') {
          tableLoads.set(edit, context.workbook.worksheets.getItem(edit.sheet).getRange(targets.get(edit)!.range).getTables(false).load('items/name'));
        }
        if (edit.kind === 'setColumnWidth') widthLoads.set(edit, context.workbook.worksheets.getItem(edit.sheet).getRange(`${edit.column}:${edit.column}`).format.load('columnWidth'));
      }
      formatLoads.push(queueFormatLoad(context, formatSheets));
    });
    for (const [edit, read] of reads) priors.set(edit, joinBlocks(results, read));
  };

  try {
    await inspect(
      (sheet) => !namedByAddSheet(sheet),
      () => {
        ledgerItem.load('value');
        structure?.load('protected');
        sheetList.load('items/name');
        for (const sheet of touched) existingSheets.set(sheet, sheetList.getItemOrNullObject(sheet).load('name,protection/protected'));
      },
    );
  } catch (error) {
    if (officeErrorCode(error) !== 'ItemNotFound') throw error;
    // A sheet the plan needs has gone: find which, to name it.
    const checks = touched.filter((s) => !namedByAddSheet(s)).map((sheet) => ({ sheet, ws: sheetList.getItemOrNullObject(sheet).load('name') }));
    await context.sync();
    const missing = checks.find((c) => c.ws.isNullObject);
    if (missing) throw new HostError('sheetMissing', officeMessages.sheetMissing(missing.sheet), missing.sheet);
    throw error;
  }
  const sheetNames = sheetList.items.map((ws) => ws.name);
  const exists = (sheet: string): boolean => sheetNames.some((n) => same(n, sheet));
  const added = addSheets.filter((e) => !exists(e.sheet)).map((e) => e.sheet);
  const isNew = (sheet: string): boolean => added.some((a) => same(a, sheet));
  for (const sheet of touched) {
    if (isNew(sheet)) continue;
    const ws = existingSheets.get(sheet)!;
    if (ws.isNullObject) throw new HostError('sheetMissing', officeMessages.sheetMissing(sheet), sheet);
    if (ws.protection.protected) throw new HostError('sheetProtected', officeMessages.sheetProtected(sheet), sheet);
  }
  const ledger = ledgerItem.isNullObject ? [] : parseLedger(ledgerItem.value);
  // "Add sheet" of a sheet that exists updates it: its targets need their prior state too.
  const updated = touched.filter((s) => namedByAddSheet(s) && !isNew(s));
  if (updated.length > 0) await inspect((sheet) => updated.some((u) => same(u, sheet)));
  const ownFormats = formatLoads.flatMap((take) => take());

  // ---- checks on what was read ----
  if (structure?.protected && added.length > 0) throw new HostError('structureProtected', officeMessages.structureProtected());
  // A formula written into an Excel table fills the table's whole column (a calculated
  // column): cells the plan's record does not cover would change, so it is refused.
  for (const [edit, tables] of tableLoads) {
    const table = tables.items[0];
    if (table) throw new HostError('tableColumn', officeMessages.tableColumn(edit.sheet, targets.get(edit)!.range, table.name), edit.sheet, targets.get(edit)!.range);
  }
  for (const [edit, areas] of mergedLoads) {
    if (areas.isNullObject) continue;
    const t = targets.get(edit)!;
    const part = areas.address.split(',').map((a) => splitQualified(a).address).find((a) => {
      const ref = parseRange(a);
      return ref !== undefined && !(inRef(t.ref, ref.start.row, ref.start.col) && inRef(t.ref, ref.end.row, ref.end.col));
    });
    if (part) throw new HostError('mergedCells', officeMessages.mergedCells(edit.sheet, t.range, part), edit.sheet, t.range);
  }
  for (const [edit, dv] of validationLoads) {
    if (dv.type !== 'None' && dv.type !== 'List') {
      throw new HostError('mixedValidation', officeMessages.mixedValidation(edit.sheet, targets.get(edit)!.range), edit.sheet, targets.get(edit)!.range);
    }
  }
  const contentEdits = cellEdits.filter((e): e is Extract<Edit, { kind: 'setValues' | 'setFormulas' }> => e.kind === 'setValues' || e.kind === 'setFormulas');
  const occupied: { sheet: string; row: number; col: number; value: Scalar }[] = [];
  for (const edit of contentEdits) {
    const t = targets.get(edit)!;
    const prior = priors.get(edit);
    prior?.forEach((row, r) =>
      row.forEach((value, c) => {
        const cell = { sheet: edit.sheet, row: t.ref.start.row + r, col: t.ref.start.col + c, value };
        if (!isEmpty(value) && !allowed.some((a) => same(a.sheet, cell.sheet) && inRef(a.ref, cell.row, cell.col))) occupied.push(cell);
      }),
    );
  }
  // Own output: the newest ledger record that wrote the cell, if its row still hashes the same.
  const records = ledger.flatMap((p) => p.ranges.filter((r) => r.written).map((r) => ({ record: r, ref: parseRange(r.range)! })));
  const recordFor = (cell: { sheet: string; row: number; col: number }) => records.find((x) => same(x.record.sheet, cell.sheet) && inRef(x.ref, cell.row, cell.col));
  const rehash = new Map<RangeRecord, { ref: RangeRef; rows: Set<number> }>();
  for (const cell of occupied) {
    const found = recordFor(cell);
    if (!found) throw new HostError('officerData', officeMessages.officerData(cell.sheet, toA1(cell.row, cell.col)), cell.sheet, toA1(cell.row, cell.col));
    const entry = rehash.get(found.record) ?? { ref: found.ref, rows: new Set<number>() };
    entry.rows.add(cell.row);
    rehash.set(found.record, entry);
  }

  // ---- sync 2 (only when needed): own formats' ranges, and rows of earlier output to re-hash ----
  const formatTags = new Set(plan.edits.flatMap((e) => (e.kind === 'addConditionalFormat' || e.kind === 'removeConditionalFormats' ? [`${e.sheet.toLowerCase()}\u0000${markerOfTag(e.tag)}`] : [])));
  const relevantFormats = ownFormats.filter((f) => formatTags.has(`${f.sheet.toLowerCase()}\u0000${f.tag}`));
  const rowLoads: { record: RangeRecord; ref: RangeRef; first: number; range: Excel.Range }[] = [];
  if (relevantFormats.length > 0 || rehash.size > 0) {
    const takeRanges = queueFormatRanges(relevantFormats, features.formatAreas === true);
    for (const [record, { ref, rows }] of rehash) {
      const first = Math.min(...rows);
      const last = Math.max(...rows);
      const slice: RangeRef = { start: { row: first, col: ref.start.col }, end: { row: last, col: ref.end.col } };
      rowLoads.push({ record, ref, first, range: context.workbook.worksheets.getItem(record.sheet).getRange(rangeToA1(slice)).load('formulas') });
    }
    await context.sync();
    takeRanges();
  }
  for (const cell of occupied) {
    const load = rowLoads.find((l) => l.record === recordFor(cell)!.record)!;
    const current = load.range.formulas[cell.row - load.first] ?? [];
    const stored = load.record.written?.[cell.row - load.ref.start.row];
    if (rowHash(current) !== stored) {
      throw new HostError('officerData', officeMessages.officerData(cell.sheet, toA1(cell.row, cell.col)), cell.sheet, toA1(cell.row, cell.col));
    }
  }

  // ---- the record: prior state of everything about to change ----
  const rangesRecord: RangeRecord[] = [];
  for (const edit of cellEdits) {
    const kind = priorKind(edit);
    if (!kind) continue;
    const t = targets.get(edit)!;
    const rows = t.ref.end.row - t.ref.start.row + 1;
    const cols = t.ref.end.col - t.ref.start.col + 1;
    const emptyPrior: Scalar = kind === 'numberFormat' ? 'General' : kind === 'bold' ? false : '';
    const prior = priors.get(edit) ?? Array.from({ length: rows }, () => Array.from({ length: cols }, () => emptyPrior));
    const written = kind === 'content' ? contentGrid(edit as Extract<Edit, { kind: 'setValues' | 'setFormulas' }>, t).map(rowHash) : undefined;
    rangesRecord.push({ sheet: edit.sheet, range: t.range, kind, prior: pack(prior), ...(written ? { written } : {}) });
  }
  const removedFormats: TaggedFormat[] = [];
  const addedFormats: TaggedFormat[] = [];
  for (const edit of plan.edits) {
    if (edit.kind === 'removeConditionalFormats') {
      for (const f of relevantFormats) if (same(f.sheet, edit.sheet) && f.tag === markerOfTag(edit.tag)) removedFormats.push(toTagged(f));
    }
    if (edit.kind === 'addConditionalFormat') {
      const t = targets.get(edit)!;
      for (const f of relevantFormats) {
        if (same(f.sheet, edit.sheet) && f.tag === markerOfTag(edit.tag) && areasOf(f.range).some((ref) => overlaps(ref, t.ref))) removedFormats.push(toTagged(f));
      }
      addedFormats.push({
        sheet: edit.sheet,
        range: t.range,
        tag: markerOfTag(edit.tag),
        formula: `=${tagFormula(edit.tag, conditionOf(edit.format, t.ref))}`,
        style: edit.format.style,
        stopIfTrue: edit.format.stopIfTrue === true,
      });
    }
  }
  const uniqueRemoved = removedFormats.filter((f, i) => removedFormats.findIndex((g) => sameFormat(g, f)) === i);
  const validations: ValidationRecord[] = [...validationLoads].map(([edit, dv]) => ({
    sheet: edit.sheet,
    range: targets.get(edit)!.range,
    prior: dv.type === 'List' && dv.rule.list ? { source: String(dv.rule.list.source), inCellDropDown: dv.rule.list.inCellDropDown } : null,
  }));
  const record: AppliedPlan = {
    id: `plan-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`,
    title: plan.title,
    appliedAt: new Date().toISOString(),
    addedSheets: added,
    ranges: rangesRecord,
    columnWidths: [...widthLoads].map(([edit, format]) => ({ sheet: edit.sheet, column: (edit as Extract<Edit, { kind: 'setColumnWidth' }>).column, prior: format.columnWidth })),
    addedFormats,
    removedFormats: uniqueRemoved,
    validations,
  };
  // Office keeps little in a document's settings: a record too large to keep is refused, or
  // (when the officer agreed) the plan goes without one, rather than a write that fails half-way.
  const keepRecord = !(options.withoutUndo === true && recordBytes(record) > RECORD_BYTE_LIMIT);
  if (keepRecord && recordBytes(record) > RECORD_BYTE_LIMIT) throw new HostError('undoTooLarge', officeMessages.undoTooLarge(plan.title));

  // ---- sync 3: write ----
  const ops: WriteOp[] = [];
  for (const sheet of added) {
    const after = addSheets.find((e) => same(e.sheet, sheet))?.after;
    ops.push(
      simpleOp(() => {
        const ws = context.workbook.worksheets.add(sheet);
        if (after && exists(after)) ws.position = sheetNames.findIndex((n) => same(n, after)) + 1 + added.indexOf(sheet);
      }),
    );
  }
  for (const f of relevantFormats) if (uniqueRemoved.some((r) => sameFormat(r, f))) ops.push(simpleOp(() => f.item.delete()));
  for (const edit of plan.edits) {
    const t = targets.get(edit as CellEdit);
    const range = (): Excel.Range => context.workbook.worksheets.getItem(edit.sheet).getRange(t!.range);
    switch (edit.kind) {
      case 'setValues':
      case 'setFormulas':
        ops.push(...gridWrite(context, t!, edit.kind === 'setValues' ? 'values' : 'formulas', typedForExcel(contentGrid(edit, t!), edit.kind, errorTexts(edit))));
        break;
      case 'setNumberFormat': {
        const rows = t!.ref.end.row - t!.ref.start.row + 1;
        const cols = t!.ref.end.col - t!.ref.start.col + 1;
        ops.push(...gridWrite(context, t!, 'numberFormat', Array.from({ length: rows }, () => Array.from({ length: cols }, () => edit.format))));
        break;
      }
      case 'setFill':
        ops.push(simpleOp(() => (edit.color === null ? range().format.fill.clear() : (range().format.fill.color = edit.color))));
        break;
      case 'setBold':
        ops.push(simpleOp(() => (range().format.font.bold = edit.bold)));
        break;
      case 'setColumnWidth':
        ops.push(simpleOp(() => (context.workbook.worksheets.getItem(edit.sheet).getRange(`${edit.column}:${edit.column}`).format.columnWidth = edit.width)));
        break;
      case 'setDataValidation':
        ops.push(
          simpleOp(() => {
            const dv = range().dataValidation;
            dv.clear();
            dv.rule = { list: { inCellDropDown: true, source: Array.isArray(edit.list) ? edit.list.join(',') : (edit.list as { source: string }).source } };
          }),
        );
        break;
      default:
        break;
    }
  }
  for (const f of addedFormats) ops.push(simpleOp(() => queueAddFormat(context, f)));
  try {
    await sendWrites(context, ops, keepRecord ? ledgerOp(context, [record, ...ledger]) : undefined);
  } catch (error) {
    const failure = toHostError(error, touched.length === 1 ? touched[0] : undefined);
    try {
      await restoreIn(context, record, false, undefined, features);
    } catch {
      throw new HostError('rollbackIncomplete', officeMessages.rollbackIncomplete(plan.title));
    }
    throw failure;
  }
  return { id: record.id, title: record.title, appliedAt: record.appliedAt };
}

function toTagged(f: OwnFormat): TaggedFormat {
  return { sheet: f.sheet, range: f.range ?? '', tag: f.tag, formula: f.formula, style: f.style, stopIfTrue: f.stopIfTrue, priority: f.priority };
}

/**
 * Puts back the prior state a record holds. `checked` (revert) first verifies that the
 * add-in's output is still as written, so undoing never overwrites the officer's later
 * edits; unchecked (rollback of a failed write) restores whatever part was written.
 */
export async function restoreIn(context: Context, record: AppliedPlan, checked: boolean, ledger?: readonly AppliedPlan[], features: ApplyFeatures = {}): Promise<void> {
  const sheets = [...new Set([...record.ranges.map((r) => r.sheet), ...record.addedFormats.map((f) => f.sheet), ...record.removedFormats.map((f) => f.sheet), ...record.validations.map((v) => v.sheet), ...record.columnWidths.map((c) => c.sheet)])];
  const isAdded = (sheet: string): boolean => record.addedSheets.some((a) => same(a, sheet));
  const sheetList = context.workbook.worksheets;
  const present = new Map<string, Excel.Worksheet>();
  const addedUsed = new Map<string, Excel.Range>();
  const contentReads = new Map<RangeRecord, BlockRead<Scalar[][]>>();
  for (const r of record.ranges) if (checked && r.written) contentReads.set(r, priorRead(context, { sheet: r.sheet, ref: parseRange(r.range)!, range: r.range }, 'content'));
  let takeFormats: () => OwnFormat[] = () => [];
  const formatSheets = [...new Set([...record.addedFormats, ...record.removedFormats].map((f) => f.sheet))];

  // sync 1: which sheets exist, are protected, and (when checked) the current output
  for (const sheet of [...new Set([...sheets, ...record.addedSheets])]) present.set(sheet, sheetList.getItemOrNullObject(sheet).load('name,protection/protected'));
  const structure = record.addedSheets.length > 0 ? context.workbook.protection.load('protected') : undefined;
  await context.sync();
  const exists = (sheet: string): boolean => present.get(sheet)?.isNullObject === false;
  if (structure?.protected && record.addedSheets.some(exists)) throw new HostError('structureProtected', officeMessages.structureProtected());
  for (const sheet of sheets) {
    if (!exists(sheet)) {
      if (isAdded(sheet)) continue;
      throw new HostError('sheetMissing', officeMessages.sheetMissing(sheet), sheet);
    }
    if (present.get(sheet)!.protection.protected) throw new HostError('sheetProtected', officeMessages.sheetProtected(sheet), sheet);
  }
  const liveReads = [...contentReads].filter(([r]) => exists(r.sheet));
  const results = await readInBlocks(
    context,
    liveReads.map(([, read]) => read),
    () => {
      takeFormats = queueFormatLoad(context, formatSheets.filter(exists));
      for (const sheet of record.addedSheets) if (exists(sheet)) addedUsed.set(sheet, present.get(sheet)!.getUsedRangeOrNullObject(true).load('address'));
    },
  );
  if (checked) {
    for (const [r, read] of liveReads) {
      const current = joinBlocks(results, read);
      const ref = parseRange(r.range)!;
      const changed = current.findIndex((row, i) => rowHash(asRead(row)) !== r.written![i]);
      if (changed >= 0) {
        const row = ref.start.row + changed;
        const rowRange = rangeToA1({ start: { row, col: ref.start.col }, end: { row, col: ref.end.col } });
        // A later plan of the add-in's own may have rewritten these cells: that one must be undone first.
        const newer = (ledger ?? []).slice(0, Math.max(0, (ledger ?? []).findIndex((p) => p.id === record.id)));
        const later = newer.find((p) => p.ranges.some((o) => o.written && same(o.sheet, r.sheet) && overlaps(parseRange(o.range)!, { start: { row, col: ref.start.col }, end: { row, col: ref.end.col } })));
        if (later) throw new HostError('changedSinceApplied', officeMessages.undoLaterFirst(record.title, later.title), r.sheet, rowRange);
        throw new HostError('changedSinceApplied', officeMessages.changedSinceApplied(r.sheet, rowRange, record.title), r.sheet, rowRange);
      }
    }
    for (const [sheet, used] of addedUsed) {
      if (used.isNullObject) continue;
      const usedRef = parseRange(splitQualified(used.address).address)!;
      const writtenHere = record.ranges.filter((r) => same(r.sheet, sheet) && r.kind === 'content').map((r) => parseRange(r.range)!);
      const covered = (row: number, col: number): boolean => writtenHere.some((w) => inRef(w, row, col));
      if (!covered(usedRef.start.row, usedRef.start.col) || !covered(usedRef.end.row, usedRef.end.col)) {
        throw new HostError('addedSheetEdited', officeMessages.addedSheetEdited(sheet, record.title), sheet);
      }
    }
  }
  const own = takeFormats();

  // sync 2: ranges of own formats that may be the ones this plan added or removed
  const candidates = own.filter((f) => [...record.addedFormats, ...record.removedFormats].some((r) => same(r.sheet, f.sheet) && same(r.formula, f.formula)));
  if (candidates.length > 0) {
    const take = queueFormatRanges(candidates, features.formatAreas === true);
    await context.sync();
    take();
  }

  // sync 3: put everything back, newest change first
  const ops: WriteOp[] = [];
  for (const f of candidates) if (record.addedFormats.some((a) => sameFormat(a, f))) ops.push(simpleOp(() => f.item.delete()));
  for (const f of [...record.removedFormats].sort((a, b) => (b.priority ?? 0) - (a.priority ?? 0))) {
    if (!exists(f.sheet) || candidates.some((c) => sameFormat(c, f) && !record.addedFormats.some((a) => sameFormat(a, c)))) continue;
    ops.push(simpleOp(() => queueAddFormat(context, f)));
  }
  for (const v of [...record.validations].reverse()) {
    if (!exists(v.sheet) || isAdded(v.sheet)) continue;
    ops.push(
      simpleOp(() => {
        const dv = context.workbook.worksheets.getItem(v.sheet).getRange(v.range).dataValidation;
        dv.clear();
        if (v.prior) dv.rule = { list: { inCellDropDown: v.prior.inCellDropDown, source: v.prior.source } };
      }),
    );
  }
  for (const w of [...record.columnWidths].reverse()) {
    if (!exists(w.sheet) || isAdded(w.sheet)) continue;
    ops.push(simpleOp(() => (context.workbook.worksheets.getItem(w.sheet).getRange(`${w.column}:${w.column}`).format.columnWidth = w.prior)));
  }
  for (const r of [...record.ranges].reverse()) {
    if (!exists(r.sheet) || isAdded(r.sheet)) continue;
    const t = { sheet: r.sheet, ref: parseRange(r.range)!, range: r.range };
    if (r.kind === 'content') ops.push(...gridWrite(context, t, 'formulas', unpack(r.prior)));
    else if (r.kind === 'numberFormat') ops.push(...gridWrite(context, t, 'numberFormat', unpack(r.prior)));
    else ops.push(...propertyRestore(context, t, r));
  }
  for (const sheet of record.addedSheets) if (exists(sheet)) ops.push(simpleOp(() => context.workbook.worksheets.getItem(sheet).delete()));
  const last = ledger ? ledgerOp(context, ledger.filter((p) => p.id !== record.id)) : undefined;
  await sendWrites(context, ops, last);
}

/** Fills and bold go back cell by cell through setCellProperties, in row blocks. */
function propertyRestore(context: Context, t: Target, r: RangeRecord): WriteOp[] {
  const rows = t.ref.end.row - t.ref.start.row + 1;
  const rowsPerOp = Math.max(1, Math.floor(BLOCK_BYTES / 60 / (t.ref.end.col - t.ref.start.col + 1)));
  const ops: WriteOp[] = [];
  for (let from = 0; from < rows; from += rowsPerOp) {
    const part = unpackRows(r.prior, from, from + rowsPerOp);
    const props: Excel.SettableCellProperties[][] = part.map((row) =>
      row.map((v) => (r.kind === 'fill' ? { format: { fill: v === '' ? { pattern: 'None' } : { color: String(v) } } } : { format: { font: { bold: v === true } } })),
    );
    const ref: RangeRef = { start: { row: t.ref.start.row + from, col: t.ref.start.col }, end: { row: t.ref.start.row + from + part.length - 1, col: t.ref.end.col } };
    ops.push(simpleOp(() => context.workbook.worksheets.getItem(t.sheet).getRange(rangeToA1(ref)).setCellProperties(props), measure(props) + 100));
  }
  return ops;
}
