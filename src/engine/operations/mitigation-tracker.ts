/**
 * The mitigation tracker (seed 000 Table 3, made live): the overspend to mitigate linked
 * to the monitoring table, the officers' mitigating actions, their totals, what is still
 * to be mitigated, and a reference block of the overspending lines. Regenerating it for a
 * new period rolls this period's amounts into the previous period's column, archives the
 * old previous period, and keeps every entry the officers typed.
 */
import { columnLetters, quoteSheetName, toA1 } from '../address';
import { cellAt, findSheet, type Sheet, type Workbook } from '../grid';
import { operationMessages as msg } from '../messages/operations';
import { columnByRole, type MonitoringTable, type TableRow } from '../model';
import { figureOf, numericValue } from '../numbers';
import type { Edit } from '../plan';
import { UNIT_LABEL } from '../units';
import { findRow, headingWithUnit, labelIs, movedColumn, periodOfHeading } from './existing-sheet';
import { normaliseLabel, labelSimilarity } from '../domain/labels';
import { detectPreviousSheet, movementPeriod, tablePeriod } from '../domain/periods';
import { RAG_PALETTE } from './rag-formatting';
import { cellEntry, columnFormat, hasContent, refused, TAG_PREFIX, type OperationResult } from './shared';
import { planSheetWrite, SheetDraft, type CellEntry } from './tracker-sheet';

export const MITIGATION_SHEET = 'Mitigation Tracker';
export const MITIGATION_CHECK_TAG = `${TAG_PREFIX}mitigation-check`;

/** Column positions of the tracker (0-based). History columns follow Comments. */
export const MITIGATION_COLUMNS = { action: 0, owner: 1, serviceLine: 2, previous: 3, current: 4, movement: 5, oneOff: 6, ongoing: 7, status: 8, comments: 9, history: 10 } as const;
const C = MITIGATION_COLUMNS;
/** Columns officers type into on an action row (everything but the movement formula). */
const OFFICER_COLUMNS = [C.action, C.owner, C.serviceLine, C.previous, C.current, C.oneOff, C.ongoing, C.status, C.comments] as const;
const HEADER_ROW = 3;
/** Blank action rows a regeneration always leaves for new actions. */
const MINIMUM_BLANK_ROWS = 3;

export interface MitigationTrackerOptions {
  /** Default "Mitigation Tracker". */
  readonly sheetName?: string;
  /** Mitigate this section's sub total variance rather than the table's total ("Children & Families"). */
  readonly section?: string;
  /** Which table to link to (its id); default the first table with a variance column. */
  readonly tableId?: string;
  /** This period's name ("Month 7"); default the period in the variance header, else the sheet name. */
  readonly period?: string;
  /** Name of the previous-period column on first generation ("Quarter 2"). */
  readonly previousPeriod?: string;
  /** Blank action rows kept ready for new actions. Default 10. */
  readonly spareRows?: number;
}

export interface TrackerAction {
  readonly row: number;
  /** Entries by tracker column (formula or value), officer columns only. */
  readonly entries: ReadonlyMap<number, CellEntry>;
  /** Entries of the history columns, in order. */
  readonly history: readonly CellEntry[];
}

export interface ExistingMitigationTracker {
  readonly headerRow: number;
  readonly previousLabel: string;
  readonly currentLabel: string;
  readonly historyLabels: readonly string[];
  readonly toBeMitigatedRow: number;
  readonly toBeMitigated: { readonly previous: CellEntry; readonly current: number | undefined; readonly comment: CellEntry };
  readonly actions: readonly TrackerAction[];
  readonly totalRow: number;
  readonly totalComment: CellEntry;
  readonly stillRow: number;
  readonly stillComment: CellEntry;
  /** An old cell's entry (formula or value; null when empty). */
  readonly entryAt: (row: number, col: number) => CellEntry;
  /** Whether a cell of the old sheet is part of the generated layout (or carried over by it). */
  readonly owns: (row: number, col: number) => boolean;
}

const H = msg.mitigationHeadings;
/** Headings the add-in writes at fixed columns; the period columns' names change, so they are not checked. */
const MITIGATION_HEADINGS: readonly (readonly [number, string])[] = [
  [C.owner, H.owner], [C.serviceLine, H.serviceLine], [C.movement, H.movement], [C.oneOff, H.oneOff],
  [C.ongoing, H.ongoing], [C.status, H.status], [C.comments, H.comments],
];

/** Reads a tracker this add-in generated; undefined when the sheet is not one. */
export function readMitigationTracker(sheet: Sheet): ExistingMitigationTracker | undefined {
  const headerRow = findRow(sheet, C.action, labelIs(H.action));
  if (headerRow === undefined) return undefined;
  const heading = (col: number): string => String(cellAt(sheet, headerRow, col).value ?? '').trim();
  if (movedColumn(sheet, headerRow, MITIGATION_HEADINGS) !== undefined) return undefined;
  const tbm = findRow(sheet, C.action, labelIs(H.toBeMitigated), headerRow + 1);
  const total = tbm === undefined ? undefined : findRow(sheet, C.action, labelIs(H.total), tbm + 1);
  const still = total === undefined ? undefined : findRow(sheet, C.action, labelIs(H.still), total + 1);
  if (tbm === undefined || total === undefined || still === undefined) return undefined;

  const historyLabels: string[] = [];
  for (let col = C.history; heading(col) !== ''; col++) historyLabels.push(periodOfHeading(heading(col)));
  const lastCol = C.history + historyLabels.length - 1 > C.comments ? C.history + historyLabels.length - 1 : C.comments;
  const entry = (r: number, c: number): CellEntry => {
    const cell = cellAt(sheet, r, c);
    return hasContent(cell) ? cellEntry(cell) : null;
  };

  const actions: TrackerAction[] = [];
  for (let r = tbm + 1; r < total; r++) {
    const entries = new Map<number, CellEntry>();
    for (const c of OFFICER_COLUMNS) {
      const e = entry(r, c);
      if (e !== null) entries.set(c, e);
    }
    const history = historyLabels.map((_, i) => entry(r, C.history + i));
    if (entries.size > 0 || history.some((h) => h !== null)) actions.push({ row: r, entries, history });
  }

  // The add-in's own cells: title, table rows up to "Still to be Mitigated", the check
  // note, the reference block and the service-line list. Anything else is the officer's.
  const checkRow = findRow(sheet, 0, labelIs(msg.mitigationCheckNote()), still + 1);
  const refHeading = findRow(sheet, 0, labelIs(msg.mitigationReferenceHeading()), still + 1);
  const listHeading = findRow(sheet, 0, labelIs(H.lineList), still + 1);
  const blockEnd = (from: number | undefined): number => {
    if (from === undefined) return -1;
    let r = from;
    while (hasContent(cellAt(sheet, r + 1, 0))) r++;
    return r;
  };
  const refEnd = blockEnd(refHeading);
  const listEnd = blockEnd(listHeading);
  const owns = (row: number, col: number): boolean => {
    if (row < headerRow) return col === 0 && row <= 1;
    if (row <= still) return col <= lastCol;
    if (row === checkRow) return col === 0;
    if (refHeading !== undefined && row >= refHeading && row <= refEnd) return col <= (row === refHeading ? 0 : 2);
    if (listHeading !== undefined && row >= listHeading && row <= listEnd) return col === 0;
    return false;
  };
  const currentValue = numericValue(figureOf(cellAt(sheet, tbm, C.current)));
  return {
    headerRow,
    previousLabel: periodOfHeading(heading(C.previous)),
    currentLabel: periodOfHeading(heading(C.current)),
    historyLabels,
    toBeMitigatedRow: tbm,
    toBeMitigated: { previous: entry(tbm, C.previous), current: currentValue, comment: entry(tbm, C.comments) },
    actions,
    totalRow: total,
    totalComment: entry(total, C.comments),
    stillRow: still,
    stillComment: entry(still, C.comments),
    entryAt: entry,
    owns,
  };
}

/** When the sheet has the tracker's heading row but its columns moved or a landmark row was retyped: which. */
function missingLandmark(sheet: Sheet, sheetName: string): string | undefined {
  const headerRow = findRow(sheet, C.action, labelIs(H.action));
  if (headerRow === undefined) return undefined;
  const moved = movedColumn(sheet, headerRow, MITIGATION_HEADINGS);
  if (moved !== undefined) return msg.trackerColumnsMoved(sheetName, moved);
  for (const label of [H.toBeMitigated, H.total, H.still]) {
    if (findRow(sheet, C.action, labelIs(label), headerRow + 1) === undefined) return msg.trackerLandmarkMissing(sheetName, label);
  }
  return undefined;
}

/**
 * The table of the period being reported: a monitoring table with a variance, not on a
 * sheet that another such table names as its previous period, the last in the workbook.
 */
export function currentMonitoringTable(workbook: Workbook, tables: readonly MonitoringTable[]): MonitoringTable | undefined {
  const candidates = tables.filter((t) => t.kind === 'monitoring' && columnByRole(t, 'variance'));
  const pool = candidates.length > 0 ? candidates : tables.filter((t) => columnByRole(t, 'variance'));
  const earlier = new Set(pool.map((t) => detectPreviousSheet(t, workbook)).filter((s): s is string => s !== undefined));
  const current = pool.filter((t) => !earlier.has(t.sheet));
  return current[current.length - 1] ?? pool[pool.length - 1];
}

/** The row whose variance is to be mitigated: the chosen section's sub total, else the table total. */
function overspendRow(table: MonitoringTable, section: string | undefined): { row: TableRow; what: string } | string {
  if (section) {
    const sections = table.rows.filter((r) => r.kind === 'section');
    const exact = sections.find((r) => normaliseLabel(r.label) === normaliseLabel(section));
    const near = exact ?? sections.find((r) => labelSimilarity(r.label, section) >= 0.6);
    const sub = near && table.rows.find((r) => r.kind === 'subtotal' && r.section === near.row);
    return sub && near ? { row: sub, what: near.label } : msg.mitigationSectionMissing(section, table.sheet);
  }
  const total = table.rows.find((r) => r.kind === 'total');
  return total ? { row: total, what: total.label } : msg.mitigationNoOverspendCell(table.sheet);
}

export function planMitigationTracker(workbook: Workbook, tables: readonly MonitoringTable[], options: MitigationTrackerOptions = {}): OperationResult {
  const sheetName = options.sheetName ?? MITIGATION_SHEET;
  const title = msg.mitigationTitle(sheetName);
  const table = options.tableId ? tables.find((t) => t.id === options.tableId) : currentMonitoringTable(workbook, tables);
  const variance = table && columnByRole(table, 'variance');
  const tableSheet = table && findSheet(workbook, table.sheet);
  if (!table || !variance || !tableSheet) return refused(title, [msg.trackerNoTable()]);
  const target = overspendRow(table, options.section);
  if (typeof target === 'string') return refused(title, [target]);

  const oldSheet = findSheet(workbook, sheetName);
  const existing = oldSheet ? readMitigationTracker(oldSheet) : undefined;
  if (oldSheet && !existing && oldSheet.rows.some((r) => r?.some((c) => c && hasContent(c)))) {
    return refused(title, [missingLandmark(oldSheet, sheetName) ?? msg.trackerSheetNotOurs(sheetName)]);
  }

  const notes: string[] = [];
  const unit = table.unit ? UNIT_LABEL[table.unit] : '';
  const current = options.period ?? tablePeriod(table) ?? table.sheet;
  const rolled = existing !== undefined && normaliseLabel(existing.currentLabel) !== normaliseLabel(current);
  const movementCol = columnByRole(table, 'movement');
  const previousLabel = existing
    ? rolled ? existing.currentLabel : existing.previousLabel
    : options.previousPeriod ?? (movementCol && movementPeriod(movementCol)) ?? H.previousPeriod;
  if (rolled) notes.push(msg.mitigationRolled(existing.currentLabel, current));

  // History: old history columns, plus the old previous period when rolling it off.
  const historyLabels = [...(existing?.historyLabels ?? [])];
  const archiveOldPrevious = rolled && existing.actions.some((a) => a.entries.has(C.previous));
  if (archiveOldPrevious) {
    historyLabels.push(existing.previousLabel);
    notes.push(msg.mitigationArchived(existing.previousLabel));
  }
  const lastCol = Math.max(C.comments, C.history + historyLabels.length - 1);

  const ref = (row: number, col: number): string => `${quoteSheetName(table.sheet)}!${toA1(row, col)}`;
  const sign = table.signs.variance === 'overspendPositive' ? '' : '-';
  const draft = new SheetDraft();
  draft.set(0, 0, msg.mitigationSheetTitle(table.title ?? table.sheet));
  draft.set(1, 0, msg.mitigationLinkedTo(ref(target.row.row, variance.col), `${target.what} variance`));
  draft.setRow(HEADER_ROW, 0, [
    H.action, H.owner, H.serviceLine, headingWithUnit(previousLabel, unit), headingWithUnit(current, unit), headingWithUnit(H.movement, unit),
    headingWithUnit(H.oneOff, unit), headingWithUnit(H.ongoing, unit), H.status, H.comments,
    ...historyLabels.map((l) => headingWithUnit(l, unit)),
  ]);

  const tbm = HEADER_ROW + 1;
  const tbmPrevious: CellEntry = movementCol
    ? `=${sign}(${ref(target.row.row, variance.col)}-${ref(target.row.row, movementCol.col)})`
    : rolled ? existing.toBeMitigated.current ?? null : existing?.toBeMitigated.previous ?? null;
  const r1 = (row: number, col: number): string => toA1(row, col);
  draft.setRow(tbm, 0, [H.toBeMitigated, null, null, tbmPrevious, `=${sign}${ref(target.row.row, variance.col)}`,
    `=IF(ISNUMBER(${r1(tbm, C.previous)}),${r1(tbm, C.current)}-${r1(tbm, C.previous)},"")`, null, null, null,
    existing?.toBeMitigated.comment ?? msg.mitigationOverspendOf(target.what)]);

  // Action rows: every action the officers typed, where they typed it, and blank rows
  // for new ones. The block only grows, so a regeneration in the same period is a no-op.
  const firstAction = tbm + 1;
  const actions = existing?.actions ?? [];
  const offsetOf = (a: TrackerAction): number => a.row - existing!.toBeMitigatedRow - 1;
  const spare = Math.max(1, options.spareRows ?? 10);
  const used = actions.reduce((n, a) => Math.max(n, offsetOf(a) + 1), 0);
  const actionRows = existing
    ? Math.max(existing.totalRow - existing.toBeMitigatedRow - 1, used + Math.min(spare, MINIMUM_BLANK_ROWS))
    : spare;
  const lastAction = firstAction + actionRows - 1;
  for (let row = firstAction; row <= lastAction; row++) for (let c = 0; c <= lastCol; c++) draft.set(row, c, null);
  for (const action of actions) {
    const row = firstAction + offsetOf(action);
    for (const c of OFFICER_COLUMNS) draft.set(row, c, action.entries.get(c) ?? null);
    if (rolled) {
      draft.set(row, C.previous, action.entries.get(C.current) ?? null);
      draft.set(row, C.current, action.entries.get(C.current) ?? null);
    }
    const history = archiveOldPrevious ? [...action.history, action.entries.get(C.previous) ?? null] : action.history;
    history.forEach((h, k) => draft.set(row, C.history + k, h));
  }
  for (let row = firstAction; row <= lastAction; row++) {
    draft.set(row, C.movement, `=IF(OR(ISNUMBER(${r1(row, C.previous)}),ISNUMBER(${r1(row, C.current)})),N(${r1(row, C.current)})-N(${r1(row, C.previous)}),"")`);
  }

  const total = lastAction + 1;
  const still = total + 1;
  const sumCol = (col: number): string => `=SUM(${r1(firstAction, col)}:${r1(lastAction, col)})`;
  draft.setRow(total, 0, [H.total, null, null, sumCol(C.previous), sumCol(C.current), sumCol(C.movement), sumCol(C.oneOff), sumCol(C.ongoing), null, existing?.totalComment ?? null]);
  // With no previous amount to be mitigated, last period's balance (and so its movement) is
  // unknown: left blank like the movement on the To be Mitigated row, not shown as nil.
  const knownBefore = `ISNUMBER(${r1(tbm, C.previous)})`;
  draft.setRow(still, 0, [H.still, null, null, `=IF(${knownBefore},${r1(tbm, C.previous)}+${r1(total, C.previous)},"")`, `=${r1(tbm, C.current)}+${r1(total, C.current)}`,
    `=IF(${knownBefore},${r1(still, C.current)}-${r1(still, C.previous)},"")`, null, null, null, existing?.stillComment ?? null]);
  if (existing) {
    // Officers may have typed into the landmark rows' spare cells: keep those too.
    const landmarks: [number, number][] = [[tbm, existing.toBeMitigatedRow], [total, existing.totalRow], [still, existing.stillRow]];
    for (const [row, oldRow] of landmarks) {
      for (let c = 0; c <= lastCol; c++) {
        if (c !== C.previous && c !== C.current && draft.get(row, c) === null) draft.set(row, c, existing.entryAt(oldRow, c));
      }
    }
  }
  draft.set(still + 2, 0, msg.mitigationCheckNote());

  // Reference block: the overspending lines, linked to the table.
  const refHeading = still + 4;
  const rag = columnByRole(table, 'rag');
  draft.set(refHeading, 0, msg.mitigationReferenceHeading());
  draft.setRow(refHeading + 1, 0, [H.serviceLine, headingWithUnit(H.variance, unit), ...(rag ? [H.rag] : [])]);
  const labelCol = columnByRole(table, 'label')?.col ?? table.firstCol;
  const lines = table.rows.filter((r) => r.kind === 'line');
  const overspending = lines.filter((r) => {
    const v = numericValue(figureOf(cellAt(tableSheet, r.row, variance.col)));
    return v !== undefined && (sign === '' ? v : -v) > 0;
  });
  overspending.forEach((line, i) => {
    draft.setRow(refHeading + 2 + i, 0, [`=${ref(line.row, labelCol)}`, `=${sign}${ref(line.row, variance.col)}`, ...(rag ? [`=${ref(line.row, rag.col)}`] : [])]);
  });
  if (overspending.length === 0) draft.set(refHeading + 2, 0, msg.mitigationNoOverspends());
  const refEnd = refHeading + 1 + Math.max(1, overspending.length);

  // The drop-down list of service lines, linked to the table so renames follow.
  const listHeading = refEnd + 2;
  draft.set(listHeading, 0, H.lineList);
  lines.forEach((line, i) => draft.set(listHeading + 1 + i, 0, `=${ref(line.row, labelCol)}`));

  const written = planSheetWrite(sheetName, oldSheet, draft, existing?.owns ?? (() => false), table.sheet);
  if ('conflict' in written) return refused(title, [msg.trackerCellInTheWay(sheetName, written.conflict)], notes);

  const format = columnFormat(tableSheet, table, variance);
  const actionRange = (col: number) => `${columnLetters(col)}${firstAction + 1}:${columnLetters(col)}${lastAction + 1}`;
  const edits: Edit[] = [
    ...written.edits,
    { kind: 'setNumberFormat', sheet: sheetName, range: `D${tbm + 1}:${columnLetters(C.ongoing)}${still + 1}`, format },
    ...(historyLabels.length > 0 ? [{ kind: 'setNumberFormat' as const, sheet: sheetName, range: `${toA1(firstAction, C.history)}:${toA1(lastAction, lastCol)}`, format }] : []),
    ...(overspending.length > 0 ? [{ kind: 'setNumberFormat' as const, sheet: sheetName, range: `B${refHeading + 3}:B${refEnd + 1}`, format }] : []),
    { kind: 'setBold', sheet: sheetName, range: 'A1', bold: true },
    { kind: 'setBold', sheet: sheetName, range: `A${HEADER_ROW + 1}:${toA1(HEADER_ROW, lastCol)}`, bold: true },
    { kind: 'setBold', sheet: sheetName, range: `A${tbm + 1}:J${tbm + 1}`, bold: true },
    { kind: 'setBold', sheet: sheetName, range: `A${total + 1}:J${still + 1}`, bold: true },
    { kind: 'setBold', sheet: sheetName, range: `A${refHeading + 1}:C${refHeading + 2}`, bold: true },
    { kind: 'setBold', sheet: sheetName, range: `A${listHeading + 1}`, bold: true },
    { kind: 'setDataValidation', sheet: sheetName, range: actionRange(C.serviceLine), list: { source: `=$A$${listHeading + 2}:$A$${listHeading + 1 + Math.max(1, lines.length)}` } },
    { kind: 'setDataValidation', sheet: sheetName, range: actionRange(C.status), list: [...msg.mitigationStatuses] },
    { kind: 'removeConditionalFormats', sheet: sheetName, tag: MITIGATION_CHECK_TAG },
    {
      kind: 'addConditionalFormat', sheet: sheetName, range: actionRange(C.current), tag: MITIGATION_CHECK_TAG,
      format: {
        rule: { type: 'formula', formula: `=AND(ISNUMBER($E${firstAction + 1}),OR(ISNUMBER($G${firstAction + 1}),ISNUMBER($H${firstAction + 1})),ROUND(N($G${firstAction + 1})+N($H${firstAction + 1})-$E${firstAction + 1},6)<>0)` },
        style: RAG_PALETTE.Amber,
      },
    },
  ];
  return {
    plan: { title, description: msg.mitigationDescription(sheetName, ref(target.row.row, variance.col)), edits },
    notes,
    problems: [],
    overwrites: written.overwrites,
  };
}
