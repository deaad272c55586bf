/** The two outputs of `check`: one JSON document ({ file, tables, findings, summary }), and text grouped by sheet. */
import { type CauseRef, columnLetters, type ColumnRole, type Evidence, type Finding, type FindingSummary, type Severity, summarise, type Unit, type ValidationResult } from '../engine';
import { cliMessages } from './messages';

export interface JsonReport {
  readonly file: string;
  readonly tables: readonly { sheet: string; range: string; unit: Unit | null; columns: readonly { column: string; role: ColumnRole }[] }[];
  readonly findings: readonly { rule: string; severity: Severity; sheet: string; cell: string; message: string; expected: string | number | null; actual: string | number | null; evidence?: Evidence; causedBy?: CauseRef }[];
  readonly summary: FindingSummary;
}

/** The findings come from the engine in workbook order: sheet tab order, then row, then column. */
export function jsonReport(file: string, result: ValidationResult): JsonReport {
  return {
    file,
    tables: result.tables.map((t) => ({
      sheet: t.sheet,
      range: t.range,
      unit: t.unit ?? null,
      columns: t.columns.map((c) => ({ column: c.letter || columnLetters(c.col), role: c.role })),
    })),
    findings: result.findings.map((f) => ({
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

export function textReport(file: string, result: ValidationResult): string {
  const t = cliMessages.text;
  const lines: string[] = [];
  if (result.tables.length === 0) lines.push(t.noTables(file));
  else lines.push(t.heading(file, result.tables.length, new Set(result.tables.map((x) => x.sheet)).size));

  const sorted = result.findings;
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
