/**
 * The validation report sheet: when the check ran, a one-line verdict, and every finding
 * with a link to its cell, errors first. Regenerating it replaces the old list and keeps
 * anything an officer typed beside it.
 */
import { quoteSheetName, toA1 } from '../address';
import { cellAt, findSheet, type Sheet, type Workbook } from '../grid';
import { summarise, type Finding, type FindingSummary, type Severity } from '../findings';
import { operationMessages as msg } from '../messages/operations';
import type { Edit } from '../plan';
import { findRow, labelIs } from './existing-sheet';
import { RAG_PALETTE } from './rag-formatting';
import { hasContent, refused, TAG_PREFIX, type OperationResult } from './shared';
import { ruleById } from '../rules';
import { tableHeadline } from '../narrative/headline';
import { readTables } from '../read';
import { currentMonitoringTable } from './mitigation-tracker';
import { planSheetWrite, SheetDraft, type CellEntry } from './tracker-sheet';

export const REPORT_SHEET = 'Validation Report';
export const REPORT_TAG = `${TAG_PREFIX}report`;
const HEADER_ROW = 4;
const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export interface ValidationReportOptions {
  /** The workbook as it is now, so that an earlier report is updated in place. */
  readonly workbook?: Workbook;
  /** Default "Validation Report". */
  readonly sheetName?: string;
  /** IANA time zone for the time run; default the machine's. */
  readonly timeZone?: string;
  /**
   * The table's headline, written under the summary ("2024/25 net budget £142.827m, …");
   * default the current monitoring table's (tableHeadline), when the workbook is given; null for none.
   */
  readonly headline?: string | null;
}

/** The headline of the period being reported, if the workbook has a table with a total variance. */
export function workbookHeadline(workbook: Workbook): string | undefined {
  const table = currentMonitoringTable(workbook, readTables(workbook));
  const sheet = table && findSheet(workbook, table.sheet);
  return table && sheet ? tableHeadline(table, sheet) : undefined;
}

/** "Ready to submit: no errors", or "3 errors, 2 warnings". */
export function summaryLine(summary: FindingSummary): string {
  return summary.errors === 0 ? msg.reportReady(summary.warnings) : msg.reportCounts(summary.errors, summary.warnings, summary.infos);
}

/** The time zone of the machine the check runs on: the officer's own. */
function localTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/**
 * `22 November 2026, 07:52 GMT`: in the officer's time zone (the machine's, unless given),
 * named, in British English whatever the machine's locale.
 */
export function formatRunAt(runAt: Date | string, timeZone: string = localTimeZone()): string {
  const d = typeof runAt === 'string' ? new Date(runAt) : runAt;
  if (Number.isNaN(d.getTime())) return String(runAt);
  const parts = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone, timeZoneName: 'short' }).formatToParts(d);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('day')} ${part('month')} ${part('year')}, ${part('hour')}:${part('minute')} ${part('timeZoneName')}`;
}

/** The kind of check, as the pane names it ("Typed totals"), not its internal id. */
function checkTitle(rule: string): string {
  return ruleById(rule)?.meta.title ?? rule;
}

/** Text that would otherwise be taken for a formula is written as text. */
function asText(value: string | number | null): CellEntry {
  return typeof value === 'string' && value.startsWith('=') ? `'${value}` : value;
}

function linkTo(sheet: string, cell: string): string {
  const target = `#${quoteSheetName(sheet)}!${cell}`.replace(/"/g, '""');
  return `=HYPERLINK("${target}","${cell}")`;
}

function readOldReport(sheet: Sheet): ((row: number, col: number) => boolean) | undefined {
  const heading = findRow(sheet, 0, labelIs(msg.reportHeading()));
  const header = findRow(sheet, 0, labelIs(msg.reportColumns()[0]), (heading ?? 0) + 1);
  if (heading === undefined || header === undefined) return undefined;
  let last = header;
  while (hasContent(cellAt(sheet, last + 1, 0))) last++;
  const width = msg.reportColumns().length;
  return (row, col) => (row >= heading && row < header ? col === 0 : row >= header && row <= last && col < width);
}

export function planValidationReport(findings: readonly Finding[], summary: FindingSummary, runAt: Date | string, options: ValidationReportOptions = {}): OperationResult {
  const sheetName = options.sheetName ?? REPORT_SHEET;
  const title = msg.reportTitle(sheetName);
  const old = options.workbook && findSheet(options.workbook, sheetName);
  const owns = old ? readOldReport(old) : undefined;
  if (old && !owns && old.rows.some((r) => r?.some((c) => c && hasContent(c)))) return refused(title, [msg.reportSheetNotOurs(sheetName)]);

  // Findings about the report itself (when the check read it as a table) are not the officer's.
  const listed = findings.filter((f) => f.sheet !== sheetName);
  const counts = listed.length === findings.length ? summary : summarise(listed);
  const draft = new SheetDraft();
  draft.set(0, 0, msg.reportHeading());
  draft.set(1, 0, msg.reportRunAt(formatRunAt(runAt, options.timeZone)));
  draft.set(2, 0, summaryLine(counts));
  const headline = options.headline === undefined ? (options.workbook ? workbookHeadline(options.workbook) : undefined) : options.headline;
  draft.set(3, 0, headline ?? null);
  draft.setRow(HEADER_ROW, 0, [...msg.reportColumns()]);
  const ordered = listed
    .map((f, i) => ({ f, i }))
    .sort((a, b) => SEVERITY_ORDER[a.f.severity] - SEVERITY_ORDER[b.f.severity] || a.i - b.i)
    .map((x) => x.f);
  ordered.forEach((f, i) => {
    draft.setRow(HEADER_ROW + 1 + i, 0, [
      // The message goes last: with nothing to its right it is never cut short on screen.
      msg.reportSeverity[f.severity], f.sheet, linkTo(f.sheet, f.cell), checkTitle(f.rule), asText(f.expected), asText(f.actual), asText(f.message),
    ]);
  });
  if (ordered.length === 0) draft.set(HEADER_ROW + 1, 0, msg.reportNoFindings());
  const last = HEADER_ROW + Math.max(1, ordered.length);

  const written = planSheetWrite(sheetName, old, draft, owns ?? (() => false));
  if ('conflict' in written) return refused(title, [msg.trackerCellInTheWay(sheetName, written.conflict)]);
  const severityRange = `A${HEADER_ROW + 2}:A${last + 1}`;
  const edits: Edit[] = [
    ...written.edits,
    { kind: 'setBold', sheet: sheetName, range: 'A1', bold: true },
    { kind: 'setBold', sheet: sheetName, range: 'A3', bold: true },
    { kind: 'setBold', sheet: sheetName, range: `A${HEADER_ROW + 1}:${toA1(HEADER_ROW, msg.reportColumns().length - 1)}`, bold: true },
    { kind: 'removeConditionalFormats', sheet: sheetName, tag: REPORT_TAG },
    ...(['error', 'warning'] as const).map((severity): Edit => ({
      kind: 'addConditionalFormat', sheet: sheetName, range: severityRange, tag: REPORT_TAG,
      format: { rule: { type: 'text', operator: 'equals', text: msg.reportSeverity[severity] }, style: severity === 'error' ? RAG_PALETTE.Red : RAG_PALETTE.Amber },
    })),
  ];
  return { plan: { title, description: msg.reportDescription(listed.length), edits }, notes: [], problems: [], overwrites: written.overwrites };
}
