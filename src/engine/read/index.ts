/**
 * The table reader: finds every table on every sheet of a workbook and describes it as a
 * MonitoringTable (columns with roles and units, rows with kinds, what each total covers,
 * the sign convention). Pure and total: any grid in, tables out, never an exception.
 */
import { rangeToA1 } from '../address';
import type { Sheet, Workbook } from '../grid';
import { explanationMessages } from '../messages/explanations';
import { operationMessages } from '../messages/operations';
import type { ColumnOverride, MonitoringTable } from '../model';
import { scanSheet, type SheetScan } from './cells';
import { buildColumns, settleContextualRoles } from './columns';
import { settleAverageRows } from './averages';
import { settleBudgetColumns } from './budgets';
import { settleRows } from './coverage';
import { tableKindOf } from './kind';
import { type TableRegion, findRegions } from './regions';
import { rowContext, rowFacts } from './rows';
import { DEFAULT_SIGNS, detectSigns } from './signs';
import { normaliseText } from '../domain/labels';
import { textOf } from './text';
import { tableUnit } from './unit';

// Reports made before the "Check" column was named so called it "Rule"; both are the add-in's own.
const REPORT_COLUMNS = operationMessages.reportColumns().map(normaliseText);
const REPORT_CHECK_COLUMN = ['check', 'rule'];
// The add-in's drafted explanations quote the table's figures beside the officers' words: not a table either.
const EXPLANATION_COLUMNS = (['line', 'draft', 'reason', 'action', 'owner', 'status'] as const).map((k) => normaliseText(explanationMessages.headings[k]));

export interface ReadOptions {
  /** Roles the officer has set by hand, by sheet and column letter: they win over the guess. */
  readonly overrides?: readonly ColumnOverride[];
}

export function readTables(workbook: Workbook, options: ReadOptions = {}): MonitoringTable[] {
  const overrides = options.overrides ?? [];
  const tables: MonitoringTable[] = [];
  for (const sheet of workbook?.sheets ?? []) {
    try {
      tables.push(...readSheet(sheet, overrides));
    } catch {
      // Last line of defence for a malformed grid (e.g. a host handing over a non-array
      // row): that sheet yields no tables rather than breaking the officer's whole check.
    }
  }
  return tables;
}

export function readSheet(sheet: Sheet, overrides: readonly ColumnOverride[] = []): MonitoringTable[] {
  const scan = scanSheet(sheet);
  return findRegions(scan)
    .filter((region) => !isFindingsList(scan, region) && !isLinkedCopy(scan, region))
    .map((region) => readRegion(scan, region, overrides));
}

/** A formula that is one cell of this or another sheet and nothing else: `='Month 7'!$D$5`. */
const SINGLE_REFERENCE = /^=(?:(?:'(?:[^']|'')+'|[^!'=(),+\-*/]+)!)?\$?[A-Z]{1,3}\$?\d+$/;

/**
 * A block whose every cell, labels included, is a link to one cell elsewhere copies another
 * table (the chart's linked block is one): it has no arithmetic of its own, and whatever is
 * wrong in it is wrong, and reported, where it points. Typed labels make it a table again.
 */
function isLinkedCopy(scan: SheetScan, region: TableRegion): boolean {
  let links = 0;
  for (let r = region.firstRow; r <= region.lastRow; r++) {
    for (let c = region.firstCol; c <= region.lastCol; c++) {
      const cell = scan.sheet.rows[r]?.[c];
      if (!cell || (cell.formula === undefined && (cell.value === null || cell.value === ''))) continue;
      if (cell.formula === undefined || !SINGLE_REFERENCE.test(cell.formula)) return false;
      links++;
    }
  }
  return links > 0;
}

/**
 * The add-in's own validation report lists findings (severity, cell, expected, found), and
 * its drafted explanations quote a table's lines: their figures quote other tables, they are
 * not a table of their own to check.
 */
function isFindingsList(scan: SheetScan, region: TableRegion): boolean {
  // The column headings may be taken for the first body row, under a summary line read as the header.
  const top = region.titleRows[0] ?? region.headerRows[0] ?? region.firstRow;
  for (let r = top; r <= Math.min(region.firstRow + 1, region.lastRow); r++) {
    const texts = new Set((scan.sheet.rows[r] ?? []).map((cell) => normaliseText(textOf(cell?.value))));
    if (REPORT_COLUMNS.every((heading) => texts.has(heading) || (REPORT_CHECK_COLUMN.includes(heading) && REPORT_CHECK_COLUMN.some((h) => texts.has(h))))) return true;
    if (EXPLANATION_COLUMNS.every((heading) => texts.has(heading))) return true;
  }
  return false;
}

/** The texts of the title rows, within the columns that belong to the table. */
function titleTexts(scan: SheetScan, region: TableRegion): string[] {
  const [from, to] = region.titleCols ?? [0, Number.MAX_SAFE_INTEGER];
  const parts: string[] = [];
  for (const r of region.titleRows) {
    const row = scan.sheet.rows[r] ?? [];
    for (let c = from; c <= Math.min(to, row.length - 1); c++) {
      const t = textOf(row[c]?.value);
      if (t) parts.push(t);
    }
  }
  return parts;
}

function readRegion(scan: SheetScan, region: TableRegion, overrides: readonly ColumnOverride[]): MonitoringTable {
  const initial = buildColumns(scan, region, overrides);
  const labelHeader = initial.find((c) => c.role === 'label')?.header ?? '';
  const kind = tableKindOf(initial, labelHeader);
  const columns = settleContextualRoles(initial, kind);
  const ctx = rowContext(scan, columns, region.firstCol, region.lastCol);
  const facts = [];
  for (let r = region.firstRow; r <= region.lastRow; r++) facts.push(rowFacts(ctx, r));
  const rows = settleAverageRows(scan, settleRows(scan, facts, columns), columns);
  const settledColumns = settleBudgetColumns(scan, columns, rows);
  const top = region.headerRows[0] ?? region.firstRow;
  const range = rangeToA1({ start: { row: top, col: region.firstCol }, end: { row: region.lastRow, col: region.lastCol } });
  const titles = titleTexts(scan, region);
  const unit = tableUnit(scan, columns, titles, region.firstRow, region.lastRow);
  const title = titles.length > 0 ? titles.join(' ') : undefined;
  return {
    id: `${scan.sheet.name}!${range}`,
    sheet: scan.sheet.name,
    kind,
    ...(title !== undefined ? { title } : {}),
    headerRows: region.headerRows,
    firstRow: region.firstRow,
    lastRow: region.lastRow,
    firstCol: region.firstCol,
    lastCol: region.lastCol,
    range,
    ...(unit.unit ? { unit: unit.unit, unitSource: unit.source! } : {}),
    columns: settledColumns,
    rows,
    signs: rows.length > 0 ? detectSigns(scan, settledColumns, rows) : DEFAULT_SIGNS,
  };
}
