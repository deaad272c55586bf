/**
 * Draft variance explanations: the sheet "Variance explanations", one row for every line
 * the council's policy says needs an explanation (explanationsNeeded: Red lines, and
 * variances of at least the policy's amount), each with a drafted sentence in a committee
 * paper's words whose figures are live formulas against the table ("The External
 * Placements budget is forecasting an overspend of £14.701m and is rated Red. This is an
 * increase of £0.234m from Month 6."), and empty Reason, Action and Owner cells for the
 * officer.
 *
 * Regenerating keeps every word officers typed: Reason, Action, Owner and anything they
 * typed beside the list stay where they are; a draft they rewrote (their own text, or a
 * formula they changed) is kept as theirs, and only the add-in's own draft is refreshed.
 * Lines that newly need an explanation are added at the end; lines that no longer need
 * one, or are no longer in the table, keep their row, marked in "Needed because".
 *
 * The sheet is what the variance-explained rule looks for (a sheet named for explanations,
 * with a Line column and an explanation column), and its sentences are what the
 * narrative-figures rule checks: both are satisfied by what this writes.
 */
import { columnLetters, quoteSheetName, splitQualified, parseA1, toA1 } from '../address';
import { cellAt, findSheet, type Sheet, type Workbook } from '../grid';
import { explanationMessages as msg } from '../messages/explanations';
import { columnByRole, type MonitoringTable, type TableRow } from '../model';
import { explanationsNeeded, type NeededExplanation } from '../narrative/explanations';
import { moneyWordsFormula } from '../narrative/headline';
import type { Edit } from '../plan';
import { DEFAULT_RAG_POLICY, explanationPolicyOf, type RagPolicy } from '../policy';
import { UNIT_LABEL } from '../units';
import { findRow, headingWithUnit, labelIs, movedColumn } from './existing-sheet';
import { normaliseLabel } from '../domain/labels';
import { movementPeriod } from '../domain/periods';
import { moneyInUnit, ragBudgetColumn } from '../domain/rag';
import { currentMonitoringTable } from './mitigation-tracker';
import { cellEntry, cellText, columnFormat, hasContent, numberLiteral, refused, type OperationResult } from './shared';
import { planSheetWrite, SheetDraft, type CellEntry } from './tracker-sheet';

export const EXPLANATIONS_SHEET = 'Variance explanations';

/** Column positions of the sheet (0-based). */
export const EXPLANATION_COLUMNS = { line: 0, variance: 1, rag: 2, movement: 3, draft: 4, reason: 5, action: 6, owner: 7, status: 8 } as const;
const C = EXPLANATION_COLUMNS;
const LAST_COL = C.status;
/** The header row (0-based): title, note, a blank row, then the headings. */
export const EXPLANATION_HEADER_ROW = 3;
const H = msg.headings;
/** Headings at fixed columns; variance and movement carry a unit or period after their word. */
const HEADINGS: readonly (readonly [number, string])[] = [
  [C.line, H.line], [C.variance, H.variance], [C.rag, H.rag], [C.movement, H.movement], [C.draft, H.draft],
  [C.reason, H.reason], [C.action, H.action], [C.owner, H.owner], [C.status, H.status],
];

export interface VarianceExplanationsOptions {
  /** Default "Variance explanations". */
  readonly sheetName?: string;
  /** Which table to explain (its id); default the current period's monitoring table. */
  readonly tableId?: string;
  /** Which lines need an explanation (`explanations`), and the RAG when the table has no RAG column. */
  readonly policy?: RagPolicy;
  /** The period the movement is from, as the sentence should name it; default the movement column's ("Month 6"). */
  readonly previousPeriod?: string;
}

/** One row of an explanation sheet the add-in drafted earlier. */
export interface ExplanationRow {
  readonly row: number;
  /** The Line cell as it shows. */
  readonly line: string;
  /** The table cell the Variance cell links to (`{ sheet, row }`), when it is a plain link. */
  readonly linked?: { readonly sheet: string; readonly row: number };
  readonly entries: readonly CellEntry[];
}

export interface ExistingExplanations {
  readonly headerRow: number;
  readonly rows: readonly ExplanationRow[];
  /** Whether a cell of the old sheet is the add-in's layout (title, note, headings, the list). */
  readonly owns: (row: number, col: number) => boolean;
}

/** Reads an explanation sheet this add-in drafted; undefined when the sheet is not one. */
export function readExplanationSheet(sheet: Sheet): ExistingExplanations | undefined {
  const headerRow = findRow(sheet, C.line, labelIs(H.line), 0, Math.min(sheet.rows.length - 1, 9));
  if (headerRow === undefined || movedColumn(sheet, headerRow, HEADINGS) !== undefined) return undefined;
  const rows: ExplanationRow[] = [];
  let r = headerRow + 1;
  for (; hasContent(cellAt(sheet, r, C.line)); r++) {
    const entries: CellEntry[] = [];
    for (let c = 0; c <= LAST_COL; c++) {
      const cell = cellAt(sheet, r, c);
      entries.push(hasContent(cell) ? cellEntry(cell) : null);
    }
    rows.push({ row: r, line: cellText(cellAt(sheet, r, C.line)), ...linkOf(cellAt(sheet, r, C.variance).formula), entries });
  }
  const last = r - 1;
  return {
    headerRow,
    rows,
    owns: (row, col) => (row < headerRow ? col === 0 && row <= 1 : row <= last && col <= LAST_COL),
  };
}

/** `='Month 7'!F7` → Month 7, row 6. */
function linkOf(formula: string | undefined): Pick<ExplanationRow, 'linked'> {
  const m = formula && /^=\s*((?:'(?:[^']|'')+'|[^'!=\s]+)![$]?[A-Z]{1,3}[$]?\d+)\s*$/i.exec(formula);
  if (!m) return {};
  const { sheet, address } = splitQualified(m[1]!);
  const ref = parseA1(address.replace(/\$/g, ''));
  return sheet !== undefined && ref ? { linked: { sheet, row: ref.row } } : {};
}

interface Refs {
  readonly label: string;
  readonly variance: string;
  readonly movement?: string;
  readonly net?: string;
  readonly rag?: string;
}

/** Ties the formulas of one line to the table: its cells, sheet-qualified. */
function refsOf(table: MonitoringTable, row: TableRow): Refs {
  const at = (col: number) => `${quoteSheetName(table.sheet)}!${toA1(row.row, col)}`;
  const col = (role: Parameters<typeof columnByRole>[1]) => columnByRole(table, role)?.col;
  const label = col('label') ?? table.firstCol;
  const [movement, net, rag] = [col('movement'), col('netBudget'), col('rag')];
  return {
    label: at(label),
    variance: at(col('variance')!),
    ...(movement !== undefined ? { movement: at(movement) } : {}),
    ...(net !== undefined ? { net: at(net) } : {}),
    ...(rag !== undefined ? { rag: at(rag) } : {}),
  };
}

/** Excel text literal. */
function str(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/** The RAG as the policy gives it, live from the line's figures (for a table with no RAG column). */
function policyRagFormula(table: MonitoringTable, row: TableRow, policy: RagPolicy, over: string): string {
  const budgetCol = ragBudgetColumn(table, policy);
  const budget = budgetCol ? `ABS(N(${quoteSheetName(table.sheet)}!${toA1(row.row, budgetCol.col)}))` : undefined;
  const red = policy.red.line;
  const money = numberLiteral(moneyInUnit(red.money, table.unit));
  const threshold = budget ? `${red.combine === 'lower' ? 'MIN' : 'MAX'}(${money},${numberLiteral(red.percent)}*${budget})` : money;
  const amber = policy.amberFromPercent > 0 && budget ? `${numberLiteral(policy.amberFromPercent)}*${budget}` : '0';
  return `IF(${over}<=0,"Green",IF(${over}>=${threshold},"Red",IF(${over}>=${amber},"Amber","Green")))`;
}

/** The RAG cell of the sheet: a link to the table's RAG word, else the policy's status worked out live. */
function ragEntry(table: MonitoringTable, row: TableRow, refs: Refs, policy: RagPolicy): string {
  return refs.rag ? `=${refs.rag}` : `=${policyRagFormula(table, row, policy, overOf(table, refs.variance))}`;
}

function overOf(table: MonitoringTable, variance: string): string {
  return table.signs.variance === 'underspendPositive' ? `(-${variance})` : variance;
}

/**
 * The drafted sentence for one line, as a formula: "The <label> budget is forecasting an
 * overspend of £14.701m and is rated Red. This is an increase of £0.234m from Month 6."
 * Overspend / underspend by the table's sign convention; underachievement /
 * overachievement on an income line (net budget of nil or less); the movement sentence only
 * where the table has a movement column; the RAG from the table's RAG column (or the policy).
 */
export function draftExplanationFormula(table: MonitoringTable, row: TableRow, options: { readonly policy?: RagPolicy; readonly previousPeriod?: string } = {}): string {
  const refs = refsOf(table, row);
  const policy = options.policy ?? DEFAULT_RAG_POLICY;
  const v = refs.variance;
  const over = overOf(table, v);
  const spend = `IF(${over}>0,"an overspend","an underspend")`;
  const kind = refs.net ? `IF(N(${refs.net})<=0,IF(${over}>0,"an underachievement","an overachievement"),${spend})` : spend;
  const money = (ref: string) => moneyWordsFormula(ref, table.unit);
  const name = `"The "&TRIM(${refs.label})&" budget is forecasting "`;
  const rag = refs.rag
    ? `IF(TRIM(${refs.rag})="","",${str(' and is rated ')}&TRIM(${refs.rag}))`
    : `${str(' and is rated ')}&${policyRagFormula(table, row, policy, over)}`;
  const first = `IF(N(${v})=0,${name}&"to break even.",${name}&${kind}&" of "&${money(v)}&${rag}&".")`;
  const movementCol = columnByRole(table, 'movement');
  if (!refs.movement || !movementCol) return `=${first}`;
  const m = refs.movement;
  const period = options.previousPeriod ?? movementPeriod(movementCol) ?? 'the last report';
  // Same words as changeWords: a decrease when the movement goes against the variance, a change when it crossed over.
  const change = `IF(SIGN(${m})<>SIGN(${v}),"a decrease",IF(ABS(${m})>ABS(${v}),"a change","an increase"))`;
  const second = `IF(OR(NOT(ISNUMBER(${m})),N(${v})=0),"",IF(${m}=0,${str(` This is unchanged from ${period}.`)}," This is "&${change}&" of "&${money(m)}&${str(` from ${period}.`)}))`;
  return `=${first}&${second}`;
}

/**
 * A formula with its references, numbers and period names taken out: the add-in's own draft
 * stays the same shape when the table moves to another sheet, the policy changes or a new
 * period starts; any word an officer changes makes it theirs.
 */
function draftShape(formula: string): string {
  return formula
    .replace(/(?:'(?:[^']|'')+'|[A-Za-z0-9_.]+)!\$?[A-Z]{1,3}\$?\d+/g, '#')
    .replace(/\b(?:month|quarter|period|q|p|m)\s*\d{1,2}\b|the last report/gi, '~')
    .replace(/\d+(?:\.\d+)?/g, '0')
    .replace(/\s+/g, '');
}

/** The officer's own draft: text, or a formula that is not the add-in's sentence. */
function isOfficersDraft(old: CellEntry, drafted: string): boolean {
  if (old === null || old === '') return false;
  if (typeof old !== 'string' || !old.startsWith('=')) return true;
  return draftShape(old) !== draftShape(drafted);
}

function reasonText(n: NeededExplanation, money: string): string {
  return n.reasons.map((r) => (r === 'red' ? msg.neededRed : msg.neededMoney(money))).join('; ');
}

export function planVarianceExplanations(workbook: Workbook, tables: readonly MonitoringTable[], options: VarianceExplanationsOptions = {}): OperationResult {
  const sheetName = options.sheetName ?? EXPLANATIONS_SHEET;
  const title = msg.title(sheetName);
  const policy = options.policy ?? DEFAULT_RAG_POLICY;
  const table = options.tableId ? tables.find((t) => t.id === options.tableId) : currentMonitoringTable(workbook, tables);
  const variance = table && columnByRole(table, 'variance');
  const tableSheet = table && findSheet(workbook, table.sheet);
  if (!table || !variance || !tableSheet) return refused(title, [msg.noTable()]);
  const setting = explanationPolicyOf(policy);
  if (!setting.red && setting.money === null) return refused(title, [msg.policyOff()]);

  const oldSheet = findSheet(workbook, sheetName);
  const existing = oldSheet ? readExplanationSheet(oldSheet) : undefined;
  if (oldSheet && !existing && oldSheet.rows.some((r) => r?.some((c) => c && hasContent(c)))) {
    const header = findRow(oldSheet, C.line, labelIs(H.line), 0, 9);
    const moved = header === undefined ? undefined : movedColumn(oldSheet, header, HEADINGS);
    return refused(title, [moved ? msg.columnsMoved(sheetName, moved) : msg.sheetNotOurs(sheetName)]);
  }

  const needed = explanationsNeeded(table, policy, tableSheet);
  if (needed.length === 0 && (existing?.rows.length ?? 0) === 0) return refused(title, [msg.nothingNeeded(table.sheet)]);
  const neededByRow = new Map(needed.map((n) => [n.row, n] as const));
  const lines = table.rows.filter((r) => r.kind === 'line');
  const moneyText = setting.money === null ? '' : `£${setting.money.toLocaleString('en-GB')}`;

  // Match the old rows to the table's lines: by label, else by the row their figures link to (a renamed line).
  const byLabel = new Map<string, TableRow[]>();
  for (const line of lines) {
    const key = normaliseLabel(line.label);
    byLabel.set(key, [...(byLabel.get(key) ?? []), line]);
  }
  const taken = new Set<number>();
  const matched = new Map<number, TableRow>(); // old sheet row → table line
  const notes: string[] = [];
  for (const old of existing?.rows ?? []) {
    const line = (byLabel.get(normaliseLabel(old.line)) ?? []).find((l) => !taken.has(l.row));
    if (line) {
      taken.add(line.row);
      matched.set(old.row, line);
    }
  }
  for (const old of existing?.rows ?? []) {
    if (matched.has(old.row) || !old.linked || old.linked.sheet !== table.sheet) continue;
    const line = lines.find((l) => l.row === old.linked!.row && !taken.has(l.row));
    if (line) {
      taken.add(line.row);
      matched.set(old.row, line);
      notes.push(msg.renamed(old.line, line.label));
    }
  }

  const draft = new SheetDraft();
  const unit = table.unit ? UNIT_LABEL[table.unit] : '';
  const movementCol = columnByRole(table, 'movement');
  const rule = [setting.red ? msg.ruleRed : '', setting.money !== null ? msg.ruleMoney(moneyText) : ''].filter(Boolean).join(' or ');
  draft.set(0, 0, msg.sheetTitle(table.title ?? table.sheet));
  draft.set(1, 0, msg.note(table.sheet, rule || msg.ruleNone));
  draft.setRow(EXPLANATION_HEADER_ROW, 0, [
    H.line, headingWithUnit(H.variance, unit), H.rag,
    headingWithUnit(movementCol ? `${H.movement} from ${options.previousPeriod ?? movementPeriod(movementCol) ?? 'last report'}` : H.movement, unit),
    H.draft, H.reason, H.action, H.owner, H.status,
  ]);

  const write = (sheetRow: number, line: TableRow, old: ExplanationRow | undefined): 'kept' | 'drafted' => {
    const refs = refsOf(table, line);
    const formula = draftExplanationFormula(table, line, { policy, ...(options.previousPeriod ? { previousPeriod: options.previousPeriod } : {}) });
    const n = neededByRow.get(line.row);
    const oldDraft = old?.entries[C.draft] ?? null;
    const own = isOfficersDraft(oldDraft, formula);
    draft.setRow(sheetRow, 0, [
      line.label,
      `=${refs.variance}`,
      ragEntry(table, line, refs, policy),
      refs.movement ? `=${refs.movement}` : null,
      own ? oldDraft : formula,
      old?.entries[C.reason] ?? null,
      old?.entries[C.action] ?? null,
      old?.entries[C.owner] ?? null,
      n ? reasonText(n, moneyText) : msg.noLongerNeeded,
    ]);
    return own ? 'kept' : 'drafted';
  };

  let kept = 0;
  const noLonger: string[] = [];
  const gone: string[] = [];
  let next = EXPLANATION_HEADER_ROW + 1;
  for (const old of existing?.rows ?? []) {
    const line = matched.get(old.row);
    if (line) {
      if (write(old.row, line, old) === 'kept') kept++;
      if (!neededByRow.has(line.row)) noLonger.push(line.label);
    } else {
      // No longer in the table: the row as it was, marked.
      old.entries.forEach((e, c) => draft.set(old.row, c, e));
      draft.set(old.row, C.status, msg.notInTable(table.sheet));
      gone.push(old.line);
    }
    next = Math.max(next, old.row + 1);
  }
  const listed = new Set(matched.values());
  let added = 0;
  for (const n of needed) {
    const line = lines.find((l) => l.row === n.row);
    if (!line || listed.has(line)) continue;
    write(next++, line, undefined);
    added++;
  }
  const lastRow = next - 1;

  const written = planSheetWrite(sheetName, oldSheet, draft, existing?.owns ?? (() => false), table.sheet);
  if ('conflict' in written) return refused(title, [msg.cellInTheWay(sheetName, written.conflict)]);

  if (existing && added > 0) notes.push(msg.added(added));
  if (noLonger.length > 0) notes.push(msg.noLonger(noLonger));
  if (gone.length > 0) notes.push(msg.gone(gone));
  if (kept > 0) notes.push(msg.keptOwnDraft(kept));

  const format = columnFormat(tableSheet, table, variance);
  const first = EXPLANATION_HEADER_ROW + 2;
  const edits: Edit[] = [
    ...written.edits,
    ...(lastRow >= first - 1
      ? (['variance', 'movement'] as const).map((k): Edit => ({ kind: 'setNumberFormat', sheet: sheetName, range: `${columnLetters(C[k])}${first}:${columnLetters(C[k])}${lastRow + 1}`, format }))
      : []),
    { kind: 'setBold', sheet: sheetName, range: 'A1', bold: true },
    { kind: 'setBold', sheet: sheetName, range: `A${EXPLANATION_HEADER_ROW + 1}:${toA1(EXPLANATION_HEADER_ROW, LAST_COL)}`, bold: true },
    ...(oldSheet
      ? []
      : ([[C.line, 180], [C.draft, 420], [C.reason, 240], [C.action, 240]] as const).map(([col, width]): Edit => ({ kind: 'setColumnWidth', sheet: sheetName, column: columnLetters(col), width }))),
  ];
  return {
    plan: { title, description: msg.description(sheetName, needed.length, `${quoteSheetName(table.sheet)}!${table.range}`), edits },
    notes,
    problems: [],
    overwrites: written.overwrites,
  };
}
