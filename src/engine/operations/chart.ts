/**
 * Insert chart: the budget-versus-forecast chart of the monitoring table (seed 000's
 * "Chart 1: Budget versus forecast outturn graph"), as native charts linked to the
 * workbook's cells, so they follow later edits:
 *   (a) net budget against forecast outturn, clustered bars, one category per line or per
 *       section (the sub totals, labelled by their section's heading);
 *   (b) the variance of each line (or section), each bar filled with its RAG colour.
 *
 * Non-contiguous categories. Lines with sub totals between them are several areas of a
 * column. Excel's own series formulas accept a union (`('Month 7'!$A$5:$A$15,…)`), but
 * Office.js's `ChartSeries.setValues` / `setXAxisValues` take one Range, and LibreOffice
 * does not reliably keep a union from an .xlsx chart. So where the categories are one run
 * of rows the charts read the table itself; otherwise (and always for sections, whose labels
 * and figures are on different rows) the plan writes a small linked block — one row per
 * category, `='Month 7'!A5`, `='Month 7'!D5`, … — and every series reads one area of it. The
 * block is formulas, so the chart still follows every edit of the table; it is recorded and
 * reverted like any other write, and the ownership check refuses it over the officer's cells.
 *
 * Placement: beside the table (right of the last used column of its rows) or on a "Charts"
 * sheet. Regenerating first removes the add-in's own charts of this table (by name prefix)
 * from both places; the officer's charts are never touched.
 */
import { columnLetters, quoteSheetName, toA1 } from '../address';
import { type ChartAnchor, type ChartSeriesSpec, type ChartSpec, CHART_NAME_PREFIX } from '../chart';
import { cellAt, findSheet, type Sheet, type Workbook } from '../grid';
import { chartMessages as msg } from '../messages/charts';
import { columnByRole, type MonitoringTable, type TableColumn, type TableRow } from '../model';
import { figureOf, numericValue } from '../numbers';
import type { Edit } from '../plan';
import { DEFAULT_RAG_POLICY, type RagPolicy, type RagStatus } from '../policy';
import { UNIT_LABEL } from '../units';
import { ragBudgetColumn, ragStatusFor } from '../domain/rag';
import { contiguousRuns } from '../domain/sum-formulas';
import { cellText, columnFormat, refused, type OperationResult } from './shared';

export type ChartCategories = 'lines' | 'sections';
export type ChartPlacement = 'beside' | 'sheet';

export interface ChartOptions {
  /** One bar per line (default) or per section sub total. */
  readonly per?: ChartCategories;
  /** Beside the table (default) or on the "Charts" sheet. */
  readonly placement?: ChartPlacement;
  readonly policy?: RagPolicy;
  /** Bar colours by RAG status. */
  readonly colours?: Readonly<Record<RagStatus, string>>;
  /** The name of the charts sheet. */
  readonly chartsSheet?: string;
}

/** Strong fills for bars (the cell palette's pastels are too faint on a chart); the words stay in the table. */
export const RAG_BAR_COLOURS: Readonly<Record<RagStatus, string>> = { Red: '#C00000', Amber: '#FFC000', Green: '#00B050' };
export const BUDGET_COLOUR = '#4472C4';
export const FORECAST_COLOUR = '#ED7D31';

/** Columns a chart spans, and rows per category (at the default row height, two bars a category). */
const CHART_COLUMNS = 9;
const MIN_CHART_ROWS = 14;

/** What sets this table's charts apart from other tables': its sheet and the header's top-left cell. */
export function chartPrefix(table: MonitoringTable): string {
  return `${CHART_NAME_PREFIX}${table.sheet} ${toA1(table.headerRows[0] ?? table.firstRow, table.firstCol)} `;
}

interface Category {
  /** Row of the label (a section heading for sections, else the line itself). */
  readonly labelRow: number;
  /** Row of the figures. */
  readonly figureRow: number;
  readonly level: 'line' | 'section';
}

function categoriesOf(table: MonitoringTable, per: ChartCategories): Category[] {
  if (per === 'lines') return table.rows.filter((r) => r.kind === 'line').map((r) => ({ labelRow: r.row, figureRow: r.row, level: 'line' }));
  const heading = (r: TableRow): number => {
    const section = r.section !== undefined ? table.rows.find((s) => s.row === r.section && s.kind === 'section') : undefined;
    return section ? section.row : r.row;
  };
  return table.rows.filter((r) => r.kind === 'subtotal').map((r) => ({ labelRow: heading(r), figureRow: r.row, level: 'section' }));
}

const abs = (sheet: string, letter: string, top: number, bottom: number): string => `${quoteSheetName(sheet)}!$${letter}$${top + 1}:$${letter}$${bottom + 1}`;

/** The last column holding anything on the table's rows (header to last row). */
function lastUsedColumn(sheet: Sheet | undefined, table: MonitoringTable): number {
  let last = table.lastCol;
  if (!sheet) return last;
  const top = Math.min(table.firstRow, ...table.headerRows);
  for (let r = top; r <= table.lastRow; r++) {
    const row = sheet.rows[r];
    if (!row) continue;
    for (let c = row.length - 1; c > last; c--) {
      const cell = row[c];
      if (cell && (cell.formula !== undefined || (cell.value !== null && cellText(cell) !== ''))) {
        last = c;
        break;
      }
    }
  }
  return last;
}

/**
 * The column of the linked block an earlier chart of this table wrote beside it (its heading
 * on the header row, a link to the table's sheet below), so regenerating writes it in the
 * same place rather than after it.
 */
function existingBlockColumn(sheet: Sheet | undefined, table: MonitoringTable, headerRow: number): number | undefined {
  const row = sheet?.rows[headerRow];
  if (!sheet || !row) return undefined;
  const link = `=${quoteSheetName(table.sheet)}!`.toLowerCase();
  const headings = new Set([msg.categoryHeading('lines'), msg.categoryHeading('sections')]);
  for (let c = table.lastCol + 1; c < row.length; c++) {
    if (!headings.has(cellText(cellAt(sheet, headerRow, c)))) continue;
    if (cellAt(sheet, headerRow + 1, c).formula?.toLowerCase().startsWith(link)) return c;
  }
  return undefined;
}

export function planChart(workbook: Workbook, table: MonitoringTable, options: ChartOptions = {}): OperationResult {
  const per = options.per ?? 'lines';
  const placement = options.placement ?? 'beside';
  const policy = options.policy ?? DEFAULT_RAG_POLICY;
  const colours = options.colours ?? RAG_BAR_COLOURS;
  const chartsSheet = options.chartsSheet ?? msg.chartsSheet;
  const title = msg.title(table.sheet);
  const sheet = findSheet(workbook, table.sheet);

  const labelCol = columnByRole(table, 'label');
  const budgetCol = columnByRole(table, 'netBudget');
  const forecastCol = columnByRole(table, 'forecast');
  const varianceCol = columnByRole(table, 'variance');
  const hasBudgetChart = budgetCol !== undefined && forecastCol !== undefined;
  if (!hasBudgetChart && !varianceCol) return refused(title, [msg.noFigures(table.sheet, table.range)]);
  const categories = categoriesOf(table, per);
  if (categories.length === 0) return refused(title, [per === 'lines' ? msg.noLines(table.sheet, table.range) : msg.noSections(table.sheet, table.range)]);

  const notes: string[] = [];
  if (!hasBudgetChart) notes.push(msg.noBudgetChart(table.sheet));
  if (!varianceCol) notes.push(msg.noVarianceChart(table.sheet));

  const edits: Edit[] = [];
  const prefix = chartPrefix(table);
  const chartsSheetExists = findSheet(workbook, chartsSheet) !== undefined;
  // Regenerating replaces the add-in's own charts of this table, wherever they were put.
  edits.push({ kind: 'removeCharts', sheet: table.sheet, prefix });
  if (chartsSheetExists && chartsSheet.toLowerCase() !== table.sheet.toLowerCase()) edits.push({ kind: 'removeCharts', sheet: chartsSheet, prefix });

  const target = placement === 'sheet' ? chartsSheet : table.sheet;
  if (placement === 'sheet' && !chartsSheetExists) edits.unshift({ kind: 'addSheet', sheet: chartsSheet, after: table.sheet });

  // Where the figures are read from: the table itself when the categories are one run of
  // rows, else a linked block (see the module comment).
  const direct = per === 'lines' && contiguousRuns(categories.map((c) => c.figureRow)).length === 1;
  const headerRow = table.headerRows[table.headerRows.length - 1] ?? Math.max(0, table.firstRow - 1);
  let blockTop: number;
  let blockCol: number;
  if (placement === 'sheet') {
    blockTop = 0;
    blockCol = 0;
  } else {
    blockTop = headerRow;
    blockCol = existingBlockColumn(sheet, table, headerRow) ?? lastUsedColumn(sheet, table) + 2;
  }
  const valueCols = [budgetCol && forecastCol ? budgetCol : undefined, budgetCol && forecastCol ? forecastCol : undefined, varianceCol].filter((c): c is TableColumn => c !== undefined);

  let categoriesRef: string;
  const seriesRef = new Map<TableColumn, string>();
  let chartCol: number;
  const first = categories[0]!.figureRow;
  const last = categories[categories.length - 1]!.figureRow;
  if (direct && labelCol) {
    categoriesRef = abs(table.sheet, labelCol.letter, first, last);
    for (const col of valueCols) seriesRef.set(col, abs(table.sheet, col.letter, first, last));
    chartCol = placement === 'sheet' ? 1 : lastUsedColumn(sheet, table) + 2;
  } else {
    // The block: a heading row, then one row per category; padded with blanks to the longer
    // of the two choices, so switching lines ↔ sections leaves no stale rows behind.
    const padTo = Math.max(categoriesOf(table, 'lines').length, categoriesOf(table, 'sections').length, categories.length);
    const unit = table.unit ? ` ${UNIT_LABEL[table.unit]}` : '';
    const heading: (string | null)[] = [msg.categoryHeading(per), ...valueCols.map((c) => c.header || `${c.letter}${unit}`)];
    const ref = (row: number, col: TableColumn | undefined) => (col ? `=${quoteSheetName(table.sheet)}!${col.letter}${row + 1}` : null);
    const rows: (string | number | null)[][] = [heading];
    for (let i = 0; i < padTo; i++) {
      const c = categories[i];
      rows.push(c ? [ref(c.labelRow, labelCol) ?? '', ...valueCols.map((col) => ref(c.figureRow, col))] : [null, ...valueCols.map(() => null)]);
    }
    const lastCol = blockCol + valueCols.length;
    const range = `${toA1(blockTop, blockCol)}:${toA1(blockTop + padTo, lastCol)}`;
    edits.push({ kind: 'setFormulas', sheet: target, range, formulas: rows });
    const format = columnFormat(sheet, table, valueCols[0]);
    edits.push({ kind: 'setNumberFormat', sheet: target, range: `${toA1(blockTop + 1, blockCol + 1)}:${toA1(blockTop + padTo, lastCol)}`, format });
    // No bold heading: bold is put back cell by cell only with ExcelApi 1.9, and charts need only 1.7.
    const top = blockTop + 1;
    const bottom = blockTop + categories.length;
    categoriesRef = abs(target, columnLetters(blockCol), top, bottom);
    valueCols.forEach((col, i) => seriesRef.set(col, abs(target, columnLetters(blockCol + 1 + i), top, bottom)));
    notes.push(msg.linkedBlock(target, range));
    chartCol = lastCol + 2;
  }

  const labels = categories.map((c) => (labelCol && sheet ? cellText(cellAt(sheet, c.labelRow, labelCol.col)) : ''));
  const valuesOf = (col: TableColumn): (number | null)[] => categories.map((c) => (sheet ? numericValue(figureOf(cellAt(sheet, c.figureRow, col.col))) ?? null : null));
  const chartTop = placement === 'sheet' ? 1 : headerRow;
  const rowsTall = Math.max(MIN_CHART_ROWS, Math.ceil(categories.length * 1.6) + 5);
  const anchorAt = (row: number): ChartAnchor => ({ from: { row, col: chartCol }, to: { row: row + rowsTall, col: chartCol + CHART_COLUMNS } });
  const unitTitle = table.unit ? UNIT_LABEL[table.unit] : undefined;

  const specs: ChartSpec[] = [];
  if (hasBudgetChart) {
    const series: ChartSeriesSpec[] = [
      { name: msg.budgetSeries, values: seriesRef.get(budgetCol)!, color: BUDGET_COLOUR, cached: valuesOf(budgetCol) },
      { name: msg.forecastSeries, values: seriesRef.get(forecastCol)!, color: FORECAST_COLOUR, cached: valuesOf(forecastCol) },
    ];
    specs.push({
      name: `${prefix}budget`, kind: 'budgetForecast', type: 'BarClustered', title: msg.budgetChartTitle,
      categories: categoriesRef, cachedCategories: labels, series, anchor: anchorAt(chartTop), ...(unitTitle ? { valueAxisTitle: unitTitle } : {}),
    });
  }
  if (varianceCol) {
    const variances = valuesOf(varianceCol);
    const budgetForRag = ragBudgetColumn(table, policy);
    const pointColors = categories.map((c, i) => {
      const v = variances[i];
      if (v === null || v === undefined) return colours.Green;
      const overspend = table.signs.variance === 'overspendPositive' ? v : -v;
      const budget = budgetForRag && sheet ? numericValue(figureOf(cellAt(sheet, c.figureRow, budgetForRag.col))) ?? 0 : 0;
      return colours[ragStatusFor(overspend, budget, c.level, policy, table.unit)];
    });
    specs.push({
      name: `${prefix}variance`, kind: 'varianceRag', type: 'BarClustered', title: per === 'lines' ? msg.varianceChartTitle : msg.varianceSectionChartTitle,
      categories: categoriesRef, cachedCategories: labels,
      series: [{ name: msg.varianceSeries, values: seriesRef.get(varianceCol)!, pointColors, cached: variances }],
      anchor: anchorAt(hasBudgetChart ? chartTop + rowsTall + 2 : chartTop), ...(unitTitle ? { valueAxisTitle: unitTitle } : {}),
    });
    notes.push(msg.staticColours);
  }
  for (const chart of specs) edits.push({ kind: 'addChart', sheet: target, chart });
  notes.push(msg.replaces);

  const firstChart = specs[0]!;
  const cell = toA1(firstChart.anchor.from.row, firstChart.anchor.from.col);
  const where = placement === 'sheet' ? msg.placeSheet(target, cell) : msg.placeBeside(cell);
  const description = msg.preview(hasBudgetChart ? { title: msg.budgetChartTitle, count: categories.length, per, where } : undefined, varianceCol !== undefined);
  return { plan: { title, description: hasBudgetChart ? description : `${description.replace(/\.$/, '')}, ${where}.`, edits }, notes, problems: [], overwrites: [] };
}
