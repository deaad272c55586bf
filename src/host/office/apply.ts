/**
 * Applying, rolling back and reverting edit plans in one Excel.run each:
 *   sync 1  read: ledger, sheets, protection, prior state of every target, conditional formats
 *   sync 2  only when needed: ranges of the add-in's own conditional formats, rows to re-hash
 *   sync 3  write everything, ledger last (more syncs only per further ~4 MB of payload)
 * Nothing is written until every check passed; a write that fails part-way is rolled back
 * from the recorded prior state.
 */
import { type Edit, type EditPlan, parseRange, type RangeRef, rangeToA1, splitQualified, toA1 } from '../../engine';
import { officeMessages } from './messages';
import { type AppliedPlanSummary, type ApplyOptions, HostError, type QualifiedRange } from '../host';
import { markerOfTag, tagFormula } from '../xlsx/cf-tag';
import { type BlockRead, readInBlocks } from './blocks';
import { officeErrorCode, toHostError } from './errors';
import { type AppliedPlan, LEDGER_KEY, pack, parseLedger, type RangeRecord, RECORD_BYTE_LIMIT, recordBytes, rowHash, type Scalar, type TaggedFormat, type ValidationRecord } from './ledger';
import { areasOf, conditionOf, type OwnFormat, queueAddFormat, queueFormatLoad, queueFormatRanges, sameFormat, toTagged } from './conditional-formats';
import { joinBlocks, priorKind, priorRead, typedForExcel } from './prior';
import { restoreIn } from './restore';
import { chartChanges, chartSheets, chartWriteOps, type OwnChart, queueChartLoad } from './charts';
import { type ApplyFeatures, type CellEdit, type Context, inRef, overlaps, same, type Target, target } from './targets';
import { gridWrite, ledgerOp, sendWrites, simpleOp, type WriteOp } from './writes';

export type { ApplyFeatures } from './targets';

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


export async function applyPlanIn(context: Context, plan: EditPlan, options: ApplyOptions = {}, features: ApplyFeatures = {}): Promise<AppliedPlanSummary> {
  // Fills and bold are recorded and put back cell by cell (ExcelApi 1.9): an older Excel cannot undo them.
  if (features.cellProperties === false && plan.edits.some((e) => e.kind === 'setFill' || e.kind === 'setBold')) {
    throw new HostError('excelTooOld', officeMessages.excelTooOld(plan.title));
  }
  // A chart's series are pointed at the table's exact ranges with ExcelApi 1.7.
  if (features.chartSeries === false && plan.edits.some((e) => e.kind === 'addChart')) {
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
  const chartLoads: (() => OwnChart[])[] = [];
  const chartSheetList = chartSheets(plan);
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
        if (edit.kind === 'setDataValidation') validationLoads.set(edit, context.workbook.worksheets.getItem(edit.sheet).getRange(targets.get(edit)!.range).dataValidation.load('type,rule,errorAlert'));
        if (features.mergedAreas && (edit.kind === 'setValues' || edit.kind === 'setFormulas')) {
          mergedLoads.set(edit, context.workbook.worksheets.getItem(edit.sheet).getRange(targets.get(edit)!.range).getMergedAreasOrNullObject().load('address'));
        }
        if (features.tables && edit.kind === 'setFormulas') {
          tableLoads.set(edit, context.workbook.worksheets.getItem(edit.sheet).getRange(targets.get(edit)!.range).getTables(false).load('items/name'));
        }
        if (edit.kind === 'setColumnWidth') widthLoads.set(edit, context.workbook.worksheets.getItem(edit.sheet).getRange(`${edit.column}:${edit.column}`).format.load('columnWidth'));
      }
      formatLoads.push(queueFormatLoad(context, formatSheets));
      chartLoads.push(queueChartLoad(context, chartSheetList.filter(onSheet)));
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
  const charts = chartChanges(plan, chartLoads.flatMap((take) => take()), ledger);

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
    prior: dv.type === 'List' && dv.rule.list ? { source: String(dv.rule.list.source), inCellDropDown: dv.rule.list.inCellDropDown, errorAlert: dv.errorAlert } : null,
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
    ...(charts.added.length > 0 ? { addedCharts: charts.added } : {}),
    ...(charts.removedRecords.length > 0 ? { removedCharts: charts.removedRecords } : {}),
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
            // Excel's default is already a Stop alert; saying so, with the list in words, tells the officer what to type.
            dv.errorAlert = { showAlert: true, style: 'Stop', title: officeMessages.listAlertTitle(), message: officeMessages.listAlertMessage(Array.isArray(edit.list) ? edit.list : undefined) };
          }),
        );
        break;
      default:
        break;
    }
  }
  for (const f of addedFormats) ops.push(simpleOp(() => queueAddFormat(context, f)));
  ops.push(...chartWriteOps(context, charts.removed, charts.added, { gapWidth: features.chartGapWidth === true }));
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
