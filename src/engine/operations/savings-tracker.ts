/**
 * The savings (MTFP) tracker in seed 001's layout: each saving's target split into
 * over-achieved, achieved, on track and at risk, totals as SUM formulas, a column showing
 * what is not yet allocated to a bucket (it must be zero), and a RAG by delivery status.
 * Savings are copied from a savings table in the workbook when the tracker is first made;
 * after that the sheet is the officers', and regenerating keeps every entry they typed.
 */
import { columnLetters, toA1 } from '../address';
import { cellAt, findSheet, type Sheet, type Workbook } from '../grid';
import { operationMessages as msg } from '../messages/operations';
import { columnByRole, type ColumnRole, type MonitoringTable } from '../model';
import type { Edit } from '../plan';
import { DEFAULT_RAG_POLICY, type RagPolicy } from '../policy';
import { UNIT_LABEL } from '../units';
import { findRow, labelIs, movedColumn } from './existing-sheet';
import { RAG_PALETTE } from './rag-formatting';
import { cellEntry, columnFormat, hasContent, refused, TAG_PREFIX, type OperationResult } from './shared';
import { planSheetWrite, SheetDraft, type CellEntry } from './tracker-sheet';

export const SAVINGS_SHEET = 'Savings Tracker';
export const SAVINGS_TAG = `${TAG_PREFIX}savings`;
/** Column positions (0-based): the officers type into ref … comments; the add-in owns the rest. */
export const SAVINGS_COLUMNS = { ref: 0, saving: 1, target: 2, overAchieved: 3, achieved: 4, onTrack: 5, atRisk: 6, comments: 7, unallocated: 8, rag: 9 } as const;
const S = SAVINGS_COLUMNS;
const OFFICER_COLUMNS = [S.ref, S.saving, S.target, S.overAchieved, S.achieved, S.onTrack, S.atRisk, S.comments] as const;
const HEADER_ROW = 2;
const MINIMUM_BLANK_ROWS = 3;
const H = msg.savingsHeadings;
const SAVINGS_HEADINGS: readonly (readonly [number, string])[] = [
  [S.saving, H.saving], [S.target, H.target], [S.overAchieved, H.overAchieved], [S.achieved, H.achieved], [S.onTrack, H.onTrack],
  [S.atRisk, H.atRisk], [S.comments, H.comments], [S.unallocated, H.unallocated], [S.rag, H.rag],
];

export interface SavingsTrackerOptions {
  /** Default "Savings Tracker". */
  readonly sheetName?: string;
  /** The savings table to copy from (its id); default the first savings tracker table found. */
  readonly tableId?: string;
  /** The year the targets are for ("24/25"), shown over the target column. */
  readonly year?: string;
  /** Blank rows for new savings on first generation. Default 10. */
  readonly spareRows?: number;
  /** The words written for the RAG (the first of each). */
  readonly policy?: RagPolicy;
}

export interface ExistingSavingsTracker {
  readonly headerRow: number;
  readonly totalsRow: number;
  readonly rows: readonly { readonly offset: number; readonly entries: ReadonlyMap<number, CellEntry> }[];
  readonly owns: (row: number, col: number) => boolean;
}

/** Reads a savings tracker this add-in generated; undefined when the sheet is not one (or its layout was changed). */
export function readSavingsTracker(sheet: Sheet): ExistingSavingsTracker | undefined {
  const headerRow = findRow(sheet, S.ref, labelIs(H.ref));
  if (headerRow === undefined || movedColumn(sheet, headerRow, SAVINGS_HEADINGS) !== undefined) return undefined;
  const totalsRow = findRow(sheet, S.saving, labelIs(H.totals), headerRow + 1);
  if (totalsRow === undefined) return undefined;
  const rows: { offset: number; entries: Map<number, CellEntry> }[] = [];
  for (let r = headerRow + 1; r < totalsRow; r++) {
    const entries = new Map<number, CellEntry>();
    for (const c of OFFICER_COLUMNS) {
      const cell = cellAt(sheet, r, c);
      if (hasContent(cell)) entries.set(c, cellEntry(cell));
    }
    if (entries.size > 0) rows.push({ offset: r - headerRow - 1, entries });
  }
  const note = findRow(sheet, 0, labelIs(msg.savingsCheckNote()), totalsRow + 1);
  const ragNote = findRow(sheet, 0, labelIs(msg.savingsRagNote()), totalsRow + 1);
  const owns = (row: number, col: number): boolean =>
    (row < headerRow && col <= S.target) || (row >= headerRow && row <= totalsRow && col <= S.rag) || ((row === note || row === ragNote) && col === 0);
  return { headerRow, totalsRow, rows, owns };
}

/** The savings of a source table, as entries for the tracker's officer columns. */
function sourceRows(workbook: Workbook, table: MonitoringTable): Map<number, CellEntry>[] {
  const sheet = findSheet(workbook, table.sheet);
  if (!sheet) return [];
  const roles: [ColumnRole, number][] = [
    ['reference', S.ref], ['label', S.saving], ['target', S.target], ['overAchieved', S.overAchieved],
    ['achieved', S.achieved], ['onTrack', S.onTrack], ['atRisk', S.atRisk], ['comments', S.comments],
  ];
  return table.rows
    .filter((r) => r.kind === 'line')
    .map((r) => {
      const entries = new Map<number, CellEntry>();
      for (const [role, col] of roles) {
        const column = columnByRole(table, role);
        const cell = column && cellAt(sheet, r.row, column.col);
        // Figures are copied as figures: a formula would point at the wrong cells here.
        const v = cell?.value;
        if (cell && hasContent(cell) && (typeof v === 'number' || typeof v === 'string')) entries.set(col, v);
      }
      return entries;
    })
    .filter((entries) => entries.size > 0);
}

export function planSavingsTracker(workbook: Workbook, tables: readonly MonitoringTable[], options: SavingsTrackerOptions = {}): OperationResult {
  const sheetName = options.sheetName ?? SAVINGS_SHEET;
  const title = msg.savingsTitle(sheetName);
  const words = options.policy?.words ?? DEFAULT_RAG_POLICY.words;
  const [red, amber, green] = [words.Red[0] ?? 'Red', words.Amber[0] ?? 'Amber', words.Green[0] ?? 'Green'];
  // Savings come only from a savings table (the one chosen, else the workbook's); a
  // monitoring table's service lines are not savings, so without one the rows start empty.
  const isSavings = (t: MonitoringTable) => t.kind === 'savingsTracker' && t.sheet !== sheetName && columnByRole(t, 'target') !== undefined;
  const chosen = options.tableId ? tables.find((t) => t.id === options.tableId) : undefined;
  const source = chosen && isSavings(chosen) ? chosen : tables.find(isSavings);
  const oldSheet = findSheet(workbook, sheetName);
  const existing = oldSheet ? readSavingsTracker(oldSheet) : undefined;
  if (oldSheet && !existing && oldSheet.rows.some((r) => r?.some((c) => c && hasContent(c)))) {
    const headerRow = findRow(oldSheet, S.ref, labelIs(H.ref));
    const moved = headerRow === undefined ? undefined : movedColumn(oldSheet, headerRow, SAVINGS_HEADINGS);
    const problem = headerRow === undefined ? msg.trackerSheetNotOurs(sheetName) : moved ? msg.trackerColumnsMoved(sheetName, moved) : msg.trackerLandmarkMissing(sheetName, H.totals);
    return refused(title, [problem]);
  }

  // The source is copied once, into a new tracker; after that the sheet is the officers'.
  const rows = new Map<number, ReadonlyMap<number, CellEntry>>((existing?.rows ?? []).map((r) => [r.offset, r.entries]));
  if (!existing && source) sourceRows(workbook, source).forEach((entries, i) => rows.set(i, entries));
  const next = rows.size === 0 ? 0 : Math.max(...rows.keys()) + 1;
  const spare = Math.max(1, options.spareRows ?? 10);
  const used = next;
  const count = existing ? Math.max(existing.totalsRow - existing.headerRow - 1, used + MINIMUM_BLANK_ROWS) : used + spare;
  const first = HEADER_ROW + 1;
  const last = first + count - 1;
  const totals = last + 1;
  const unit = source?.unit ? UNIT_LABEL[source.unit] : '£';

  const draft = new SheetDraft();
  draft.set(0, 0, source?.title ? msg.savingsSourceOf(source.title) : H.title);
  draft.setRow(1, 0, [H.mtfp, null, options.year ?? null]);
  draft.setRow(HEADER_ROW, 0, [H.ref, H.saving, `${H.target} ${unit}`, H.overAchieved, H.achieved, H.onTrack, H.atRisk, H.comments, H.unallocated, H.rag]);
  const a = (row: number, col: number) => toA1(row, col);
  const ragFormula = (row: number) =>
    `=IF(ISNUMBER(${a(row, S.target)}),IF(N(${a(row, S.atRisk)})>0,"${red}",IF(N(${a(row, S.overAchieved)})+N(${a(row, S.achieved)})>=${a(row, S.target)},"${green}","${amber}")),"")`;
  for (let row = first; row <= last; row++) {
    const entries = rows.get(row - first);
    for (const c of OFFICER_COLUMNS) draft.set(row, c, entries?.get(c) ?? null);
    draft.set(row, S.unallocated, `=IF(ISNUMBER(${a(row, S.target)}),${a(row, S.target)}-SUM(${a(row, S.overAchieved)}:${a(row, S.atRisk)}),"")`);
    draft.set(row, S.rag, ragFormula(row));
  }
  const sum = (col: number) => `=SUM(${a(first, col)}:${a(last, col)})`;
  draft.setRow(totals, 0, [null, H.totals, sum(S.target), sum(S.overAchieved), sum(S.achieved), sum(S.onTrack), sum(S.atRisk), null, sum(S.unallocated), ragFormula(totals)]);
  if (existing) {
    // Officers' own entries in the totals row's free cells (a comment, a ref) are kept.
    for (const c of [S.ref, S.comments]) {
      const cell = cellAt(oldSheet!, existing.totalsRow, c);
      if (hasContent(cell)) draft.set(totals, c, cellEntry(cell));
    }
  }
  draft.set(totals + 2, 0, msg.savingsCheckNote());
  draft.set(totals + 3, 0, msg.savingsRagNote());

  const written = planSheetWrite(sheetName, oldSheet, draft, existing?.owns ?? (() => false), source?.sheet);
  if ('conflict' in written) return refused(title, [msg.trackerCellInTheWay(sheetName, written.conflict)]);
  const sourceSheet = source && findSheet(workbook, source.sheet);
  const format = source ? columnFormat(sourceSheet, source, columnByRole(source, 'target')) : '#,##0;(#,##0);"-"';
  const col = (c: number) => columnLetters(c);
  const edits: Edit[] = [
    ...written.edits,
    { kind: 'setNumberFormat', sheet: sheetName, range: `${col(S.target)}${first + 1}:${col(S.atRisk)}${totals + 1}`, format },
    { kind: 'setNumberFormat', sheet: sheetName, range: `${col(S.unallocated)}${first + 1}:${col(S.unallocated)}${totals + 1}`, format },
    { kind: 'setBold', sheet: sheetName, range: 'A1', bold: true },
    { kind: 'setBold', sheet: sheetName, range: `A${HEADER_ROW}:${col(S.rag)}${HEADER_ROW + 1}`, bold: true },
    { kind: 'setBold', sheet: sheetName, range: `A${totals + 1}:${col(S.rag)}${totals + 1}`, bold: true },
    { kind: 'removeConditionalFormats', sheet: sheetName, tag: SAVINGS_TAG },
    {
      kind: 'addConditionalFormat', sheet: sheetName, range: `${col(S.unallocated)}${first + 1}:${col(S.unallocated)}${totals + 1}`, tag: SAVINGS_TAG,
      format: { rule: { type: 'formula', formula: `=AND(ISNUMBER($${col(S.unallocated)}${first + 1}),ROUND($${col(S.unallocated)}${first + 1},6)<>0)` }, style: RAG_PALETTE.Amber },
    },
    ...([['Red', red], ['Amber', amber], ['Green', green]] as const).map(([status, word]): Edit => ({
      kind: 'addConditionalFormat', sheet: sheetName, range: `${col(S.rag)}${first + 1}:${col(S.rag)}${totals + 1}`, tag: SAVINGS_TAG,
      format: { rule: { type: 'text', operator: 'equals', text: word }, style: RAG_PALETTE[status], stopIfTrue: true },
    })),
  ];
  return { plan: { title, description: msg.savingsDescription(sheetName), edits }, notes: [], problems: [], overwrites: written.overwrites };
}
