/**
 * The table's columns: header text (header rows joined), the role its words name or,
 * failing that, what its cells hold; the line label column; the caller's overrides;
 * and the few roles that depend on the table around them (period columns, a savings
 * tracker's target).
 */
import { columnIndex, columnLetters } from '../address';
import type { ColumnOverride, ColumnRole, TableColumn, TableKind } from '../model';
import { unitInText } from '../units';
import { CellKind, type SheetScan } from './cells';
import type { TableRegion } from './regions';
import { type HeaderRole, labelScore, roleOfHeader } from './roles';
import { textOf } from './text';

/** Local copy: reading a constant through a module binding costs a call per cell under CommonJS. */
const KIND = { ...CellKind };

interface ColumnProfile {
  readonly col: number;
  readonly header: string;
  readonly named?: HeaderRole;
  readonly figures: number;
  readonly texts: number;
  readonly textLength: number;
  /** Whole numbers rising down the column: line numbers, not money. */
  readonly lineNumbers: boolean;
}

function profileColumn(scan: SheetScan, region: TableRegion, col: number): ColumnProfile {
  const header = region.headerRows
    .map((r) => textOf(scan.sheet.rows[r]?.[col]?.value))
    .filter((t) => t !== '')
    .join(' ');
  let figures = 0;
  let texts = 0;
  let textLength = 0;
  let integers = 0;
  let rising = 0;
  let previous = Number.NEGATIVE_INFINITY;
  for (let r = region.firstRow; r <= region.lastRow; r++) {
    const k = scan.kindAt(r, col);
    if (k === KIND.Empty) continue;
    if (k === KIND.Text || k === KIND.Boolean || k === KIND.Date) {
      texts++;
      textLength += textOf(scan.sheet.rows[r]?.[col]?.value).length;
    } else if (k === KIND.DigitText) {
      // Damaged figures in a figure column, codes ("24S207") in a text column: decided by the majority.
      texts += 0.5;
      figures += 0.5;
    } else {
      figures++;
      const v = scan.sheet.rows[r]?.[col]?.value;
      if (typeof v === 'number' && Number.isInteger(v) && v > 0) {
        integers++;
        if (v > previous) rising++;
        previous = v;
      }
    }
  }
  const lineNumbers = integers >= 3 && integers >= 0.8 * figures && rising >= 0.9 * integers;
  const named = roleOfHeader(header);
  return { col, header, ...(named ? { named } : {}), figures, texts, textLength, lineNumbers };
}

function isTextColumn(p: ColumnProfile): boolean {
  return p.texts > 0 && p.texts >= p.figures;
}

/** The line label column: the text column whose header names labels best, else the one labelling most rows. */
function chooseLabelColumn(profiles: readonly ColumnProfile[]): number | undefined {
  let best: ColumnProfile | undefined;
  let bestScore = -1;
  for (const p of profiles) {
    if (p.named || !isTextColumn(p)) continue;
    // Header words first, then the column labelling the most rows, then the longer text.
    const score = labelScore(p.header) * 1e9 + p.texts * 100 + Math.min(p.textLength / Math.max(p.texts, 1), 99);
    if (score > bestScore) {
      best = p;
      bestScore = score;
    }
  }
  return best?.col;
}

function guessedRole(p: ColumnProfile, labelCol: number | undefined): ColumnRole {
  if (p.col === labelCol) return 'label';
  if (p.named) return p.named.role;
  if (isTextColumn(p)) return 'otherText';
  if (p.lineNumbers && p.header === '') return 'reference';
  return p.figures > 0 ? 'otherNumber' : 'otherText';
}

export function buildColumns(scan: SheetScan, region: TableRegion, overrides: readonly ColumnOverride[]): TableColumn[] {
  const profiles: ColumnProfile[] = [];
  for (let c = region.firstCol; c <= region.lastCol; c++) profiles.push(profileColumn(scan, region, c));
  // Overrides for this sheet naming a real column; a malformed letter is ignored, not fatal.
  const mine = overrides.filter((o) => o.sheet === scan.sheet.name && safeColumnIndex(o.column) >= 0);
  const overriddenLabel = mine.find((o) => o.role === 'label');
  let labelCol = chooseLabelColumn(profiles);
  if (overriddenLabel) labelCol = safeColumnIndex(overriddenLabel.column);
  return profiles.map((p) => {
    const override = mine.find((o) => safeColumnIndex(o.column) === p.col);
    let role = guessedRole(p, labelCol);
    if (role === 'label' && overriddenLabel && p.col !== labelCol) role = 'otherText';
    const unit = unitInText(p.header);
    const column: TableColumn = {
      col: p.col,
      letter: columnLetters(p.col),
      header: p.header,
      role: override ? override.role : role,
      overridden: override !== undefined,
      ...(p.named?.period ? { period: p.named.period } : {}),
      ...(p.named?.year ? { year: p.named.year } : {}),
      ...(unit ? { unit } : {}),
    };
    return column;
  });
}

function safeColumnIndex(letters: string): number {
  if (!/^\s*[A-Za-z]{1,3}\s*$/.test(letters)) return -1;
  return columnIndex(letters.trim());
}

const SAVINGS_STATUS: ReadonlySet<ColumnRole> = new Set(['overAchieved', 'achieved', 'onTrack', 'atRisk']);

/**
 * Roles that depend on the whole table: of several period columns only the rightmost is
 * the current one; a savings tracker's first money column before its status columns is
 * the target ("£", "24/25 £").
 */
export function settleContextualRoles(columns: readonly TableColumn[], kind: TableKind): TableColumn[] {
  const out = [...columns];
  const periods = out.filter((c) => c.role === 'currentPeriod' && !c.overridden);
  for (const c of periods.slice(0, -1)) out[out.indexOf(c)] = { ...c, role: 'previousPeriod' };
  if (kind === 'savingsTracker' && !out.some((c) => c.role === 'target')) {
    const firstStatus = out.findIndex((c) => SAVINGS_STATUS.has(c.role));
    for (let i = firstStatus - 1; i >= 0; i--) {
      const c = out[i]!;
      if (c.role === 'label' || c.role === 'reference' || c.role === 'otherText') break;
      if (!c.overridden && (c.role === 'year' || c.role === 'otherNumber' || c.role === 'netBudget')) {
        out[i] = { ...c, role: 'target' };
        break;
      }
    }
  }
  return out;
}
