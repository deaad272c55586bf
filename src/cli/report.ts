/** The two outputs of `check`: the JSON document of issue 7's schema, and text grouped by sheet. */
import { columnLetters, parseA1 } from '../engine/address';
import { summarise, type CauseRef, type Evidence, type Finding, type FindingSummary, type Severity } from '../engine/findings';
import type { Workbook } from '../engine/grid';
import { cliMessages } from '../engine/messages/cli';
import type { ColumnRole } from '../engine/model';
import type { Unit } from '../engine/units';
import type { ValidationResult } from './engine-port';

export interface JsonReport {
  readonly file: string;
  readonly tables: readonly { sheet: string; range: string; unit: Unit | null; columns: readonly { column: string; role: ColumnRole }[] }[];
  readonly findings: readonly { rule: string; severity: Severity; sheet: string; cell: string; message: string; expected: string | number | null; actual: string | number | null; evidence?: Evidence; causedBy?: CauseRef }[];
  readonly summary: FindingSummary;
}

/** Findings in workbook order: sheet tab order, then row, then column. */
export function sortFindings(findings: readonly Finding[], workbook: Workbook): Finding[] {
  const sheetOrder = new Map(workbook.sheets.map((s, i) => [s.name, i]));
  const key = (f: Finding): [number, number, number] => {
    const ref = parseA1(f.cell);
    return [sheetOrder.get(f.sheet) ?? Number.MAX_SAFE_INTEGER, ref?.row ?? 0, ref?.col ?? 0];
  };
  return [...findings].sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    return ka[0] - kb[0] || ka[1] - kb[1] || ka[2] - kb[2];
  });
}

export function jsonReport(file: string, result: ValidationResult, workbook: Workbook): JsonReport {
  return {
    file,
    tables: result.tables.map((t) => ({
      sheet: t.sheet,
      range: t.range,
      unit: t.unit ?? null,
      columns: t.columns.map((c) => ({ column: c.letter || columnLetters(c.col), role: c.role })),
    })),
    findings: sortFindings(result.findings, workbook).map((f) => ({
      rule: f.rule,
      severity: f.severity,
      sheet: f.sheet,
      cell: f.cell.replace(/\$/g, ''),
      message: f.message,
      expected: f.expected,
      actual: f.actual,
      ...(f.evidence ? { evidence: f.evidence } : {}),
      ...(f.causedBy ? { causedBy: f.causedBy } : {}),
    })),
    summary: summarise(result.findings),
  };
}

export function textReport(file: string, result: ValidationResult, workbook: Workbook): string {
  const t = cliMessages.text;
  const lines: string[] = [];
  if (result.tables.length === 0) lines.push(t.noTables(file));
  else lines.push(t.heading(file, result.tables.length, new Set(result.tables.map((x) => x.sheet)).size));

  const sorted = sortFindings(result.findings, workbook);
  if (sorted.length === 0) {
    lines.push('', t.noFindings);
  } else {
    const cellWidth = Math.max(...sorted.map((f) => f.cell.length));
    const sevWidth = Math.max(...sorted.map((f) => t.severity[f.severity].length));
    // Consequences are listed under their root finding, not on their own (one fault, one error).
    const under = new Map<string, Finding[]>();
    const rootKey = (rule: string, sheet: string, cell: string): string => `${rule}\u0000${sheet}\u0000${cell}`;
    for (const f of sorted) {
      if (!f.causedBy) continue;
      const key = rootKey(f.causedBy.rule, f.causedBy.sheet, f.causedBy.cell);
      under.set(key, [...(under.get(key) ?? []), f]);
    }
    let sheet: string | undefined;
    for (const f of sorted) {
      if (f.causedBy) continue;
      if (f.sheet !== sheet) {
        sheet = f.sheet;
        lines.push('', sheet);
      }
      lines.push(`  ${f.cell.replace(/\$/g, '').padEnd(cellWidth)}  ${t.severity[f.severity].padEnd(sevWidth)}  ${f.message}  [${f.rule}]`);
      if (f.evidence && f.evidence.confirmedBy.length > 0) lines.push(`  ${''.padEnd(cellWidth)}  ${''.padEnd(sevWidth)}  ${t.because(f.evidence.summary)}`);
      for (const c of under.get(rootKey(f.rule, f.sheet, f.cell)) ?? []) {
        lines.push(`  ${''.padEnd(cellWidth)}  ${''.padEnd(sevWidth)}  ${t.consequence(c.cell.replace(/\$/g, ''), c.message, c.rule)}`);
      }
    }
  }
  const s = summarise(result.findings);
  lines.push('');
  if (s.consequences > 0) lines.push(t.consequences(s.consequences));
  lines.push(t.summary(s.errors, s.warnings, s.infos));
  return `${lines.join('\n')}\n`;
}
