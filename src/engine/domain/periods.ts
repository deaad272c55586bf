/**
 * Reporting periods and years as workbooks name them ("Month 6", "Quarter 2", "2024/25"),
 * and how a table names the period it is compared with: the reader reads headers with
 * them, the movement rule and the movement operation find last period's sheet and table
 * with them, so a rule and an operation never pick different previous periods.
 */
import type { Workbook } from '../grid';
import { columnByRole, type MonitoringTable, type TableColumn } from '../model';
import { normaliseLabel } from './labels';

// "2024/25", "24/25", "2024-25", "2024/2025", "24 / 25", "26/ 27", "1996 to 1997": two consecutive years.
const YEAR_RE = /(?:^|[^\d])((?:19|20)?(\d{2})\s*(?:[/-]|\sto\s)\s*(?:(?:19|20)(\d{2})|(\d{2})))(?![\d])/;

/** The financial year named in the text, as written without spaces ("2024/25"), if any. */
export function yearIn(text: string): string | undefined {
  const m = YEAR_RE.exec(text);
  if (!m) return undefined;
  const first = Number(m[2]);
  const second = Number(m[3] ?? m[4]);
  if ((first + 1) % 100 !== second) return undefined;
  return m[1]!.replace(/\s+to\s+/, '-').replace(/\s+/g, '');
}

const NAMED_PERIOD_RE = /\b(quarter|qtr|q|month|period|p)\s*(\d{1,2})\b/i;

/** The reporting period named in the text ("Month 6", "Quarter 2", "Period 3"), if any. */
export function periodIn(text: string): string | undefined {
  const m = NAMED_PERIOD_RE.exec(text);
  if (!m) return undefined;
  const word = m[1]!.toLowerCase();
  const name = word === 'q' || word === 'qtr' || word === 'quarter' ? 'Quarter' : word === 'month' ? 'Month' : 'Period';
  return `${name} ${Number(m[2])}`;
}

/** A period as headers write it in short or long form ("Month 7", "M7", "Q2", "P5"). */
const HEADER_PERIOD_RE = /\b(month\s*\d{1,2}|quarter\s*\d|q[1-4]|period\s*\d{1,2}|p\d{1,2}|m\d{1,2})\b/i;

/** The period a movement column says it is measured from: "Movement From Month 6 £m" → "Month 6". */
export function movementPeriod(column: TableColumn): string | undefined {
  if (column.period) return column.period;
  const m = /movement\s+(?:from|since|on|vs\.?|versus)\s+(.+?)\s*(?:£.*|\(.*)?$/i.exec(column.header);
  return m?.[1]?.trim() || undefined;
}

/** The period a table reports: "Month 7 Variance £m" → "Month 7". */
export function tablePeriod(table: MonitoringTable): string | undefined {
  const variance = columnByRole(table, 'variance');
  return variance ? HEADER_PERIOD_RE.exec(variance.header)?.[1] : undefined;
}

/**
 * The earlier sheet to compare with: the one the movement header names ("Movement From
 * Month 6" with a sheet "Month 6"), else the month before the one the variance header names.
 */
export function detectPreviousSheet(table: MonitoringTable, workbook: Workbook): string | undefined {
  const others = workbook.sheets.filter((s) => s.name !== table.sheet);
  // The same name, else a sheet naming the same period ("Change since P5" → "Period 5" → sheet "P5").
  const byName = (name: string): string | undefined => {
    const wanted = normaliseLabel(name);
    const exact = others.find((s) => normaliseLabel(s.name) === wanted);
    if (exact) return exact.name;
    const period = periodIn(name);
    return period ? others.find((s) => periodIn(s.name) === period)?.name : undefined;
  };
  const movement = columnByRole(table, 'movement');
  const named = movement && movementPeriod(movement);
  if (named && byName(named)) return byName(named);
  const current = tablePeriod(table);
  const m = current && /^(month|period|p|m)\s*(\d{1,2})$/i.exec(current.trim());
  if (m && Number(m[2]) > 1) {
    const word = m[1]!;
    for (const candidate of [`${word} ${Number(m[2]) - 1}`, `${word}${Number(m[2]) - 1}`]) {
      const found = byName(candidate);
      if (found) return found;
    }
  }
  return undefined;
}

/** The previous table that shares most line labels with this one (and has a variance column). */
export function bestPreviousTable(table: MonitoringTable, candidates: readonly MonitoringTable[]): MonitoringTable | undefined {
  const labels = new Set(table.rows.filter((r) => r.kind === 'line').map((r) => normaliseLabel(r.label)));
  let best: MonitoringTable | undefined;
  let bestScore = -1;
  for (const t of candidates) {
    if (!columnByRole(t, 'variance')) continue;
    const score = t.rows.filter((r) => r.kind === 'line' && labels.has(normaliseLabel(r.label))).length;
    if (score > bestScore) {
      best = t;
      bestScore = score;
    }
  }
  return best;
}
