/**
 * Putting a plan's prior state back: on revert (checked first against later edits, so the
 * officer's work is never overwritten) and on rolling back a write that failed part-way.
 */
import { parseRange, type RangeRef, rangeToA1, splitQualified } from '../../engine';
import { officeMessages } from './messages';
import { HostError } from '../host';
import { BLOCK_BYTES, type BlockRead, measure, readInBlocks } from './blocks';
import { type AppliedPlan, LEDGER_KEY, parseLedger, type RangeRecord, rowHash, type Scalar, unpack, unpackRows } from './ledger';
import { type OwnFormat, queueAddFormat, queueFormatLoad, queueFormatRanges, sameFormat } from './conditional-formats';
import { asRead, joinBlocks, priorRead } from './prior';
import { type ApplyFeatures, type Context, inRef, overlaps, same, type Target } from './targets';
import { gridWrite, ledgerOp, sendWrites, simpleOp, type WriteOp } from './writes';
import { chartRestoreOps, type OwnChart, queueChartLoad, recordChartSheets } from './charts';

/**
 * Puts back the prior state a record holds. `checked` (revert) first verifies that the
 * add-in's output is still as written, so undoing never overwrites the officer's later
 * edits; unchecked (rollback of a failed write) restores whatever part was written.
 */
/** Which sheets exist (by lower-case name) and whether each is protected; whether the structure is. */
export interface SheetFacts {
  readonly sheets: ReadonlyMap<string, { readonly protected: boolean }>;
  readonly structureProtected: boolean;
}

/** Queues the facts of every sheet, to be read after the caller's sync (revert loads them with the ledger). */
export function queueSheetFacts(context: Context): () => SheetFacts {
  const list = context.workbook.worksheets.load('items/name,items/protection/protected');
  const structure = context.workbook.protection.load('protected');
  // Read only after the caller's context.sync().
  return () => ({ sheets: new Map(list.items.map((w) => [w.name.toLowerCase(), { protected: w.protection.protected }] as const)), structureProtected: structure.protected });
}

/** Revert in three syncs: the ledger with every sheet's facts, the current output, the writes. */
export async function revertIn(context: Context, planId: string, features: ApplyFeatures = {}): Promise<void> {
  const item = context.workbook.settings.getItemOrNullObject(LEDGER_KEY).load('value');
  const takeFacts = queueSheetFacts(context);
  await context.sync();
  const ledger = item.isNullObject ? [] : parseLedger(item.value);
  const record = ledger.find((p) => p.id === planId);
  if (!record) throw new HostError('planNotFound', officeMessages.planNotFound(planId));
  await restoreIn(context, record, true, ledger, features, takeFacts());
}

export async function restoreIn(context: Context, record: AppliedPlan, checked: boolean, ledger?: readonly AppliedPlan[], features: ApplyFeatures = {}, known?: SheetFacts): Promise<void> {
  const sheets = [...new Set([...recordChartSheets(record), ...record.ranges.map((r) => r.sheet), ...record.addedFormats.map((f) => f.sheet), ...record.removedFormats.map((f) => f.sheet), ...record.validations.map((v) => v.sheet), ...record.columnWidths.map((c) => c.sheet)])];
  const isAdded = (sheet: string): boolean => record.addedSheets.some((a) => same(a, sheet));
  const sheetList = context.workbook.worksheets;
  const addedUsed = new Map<string, Excel.Range>();
  const contentReads = new Map<RangeRecord, BlockRead<Scalar[][]>>();
  for (const r of record.ranges) if (checked && r.written) contentReads.set(r, priorRead(context, { sheet: r.sheet, ref: parseRange(r.range)!, range: r.range }, 'content'));
  let takeFormats: () => OwnFormat[] = () => [];
  let takeCharts: () => OwnChart[] = () => [];
  const formatSheets = [...new Set([...record.addedFormats, ...record.removedFormats].map((f) => f.sheet))];

  // sync 1 (unless the caller read them with the ledger): which sheets exist and are protected
  let facts = known;
  if (!facts) {
    const takeFacts = queueSheetFacts(context);
    await context.sync();
    facts = takeFacts();
  }
  const sheetFacts = facts.sheets;
  const exists = (sheet: string): boolean => sheetFacts.has(sheet.toLowerCase());
  if (facts.structureProtected && record.addedSheets.some(exists)) throw new HostError('structureProtected', officeMessages.structureProtected());
  for (const sheet of sheets) {
    if (!exists(sheet)) {
      if (isAdded(sheet)) continue;
      throw new HostError('sheetMissing', officeMessages.sheetMissing(sheet), sheet);
    }
    if (sheetFacts.get(sheet.toLowerCase())!.protected) throw new HostError('sheetProtected', officeMessages.sheetProtected(sheet), sheet);
  }
  const liveReads = [...contentReads].filter(([r]) => exists(r.sheet));
  const results = await readInBlocks(
    context,
    liveReads.map(([, read]) => read),
    () => {
      takeFormats = queueFormatLoad(context, formatSheets.filter(exists));
      takeCharts = queueChartLoad(context, recordChartSheets(record).filter((s) => exists(s) && !isAdded(s)));
      for (const sheet of record.addedSheets) if (exists(sheet)) addedUsed.set(sheet, sheetList.getItem(sheet).getUsedRangeOrNullObject(true).load('address'));
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

  // Own formats that may be the ones this plan added or removed. A tagged formula names its
  // range's top-left cell, so one format per sheet and formula is that record's; only when two
  // share both are their ranges read (one more sync) to tell them apart.
  const recorded = [...record.addedFormats, ...record.removedFormats];
  const candidates = own.filter((f) => recorded.some((r) => same(r.sheet, f.sheet) && same(r.formula, f.formula)));
  const key = (f: { sheet: string; formula: string }): string => `${f.sheet.toLowerCase()}\u0000${f.formula.toLowerCase()}`;
  const count = (list: readonly { sheet: string; formula: string }[], k: string): number => list.filter((f) => key(f) === k).length;
  const ambiguous = candidates.some((c) => count(candidates, key(c)) > 1 || count(recorded, key(c)) > 1);
  if (ambiguous) {
    const take = queueFormatRanges(candidates, features.formatAreas === true);
    await context.sync();
    take();
  } else {
    for (const c of candidates) c.range = recorded.find((r) => key(r) === key(c))!.range;
  }

  // then: put everything back, newest change first
  const ops: WriteOp[] = [...chartRestoreOps(context, record, takeCharts(), exists, isAdded)];
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
        if (v.prior?.errorAlert) dv.errorAlert = v.prior.errorAlert;
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
export function propertyRestore(context: Context, t: Target, r: RangeRecord): WriteOp[] {
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
