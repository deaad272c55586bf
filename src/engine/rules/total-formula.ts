/**
 * total-formula: a total typed in as a number rather than a formula goes stale the
 * moment a line changes. Fix: the SUM of what it covers.
 */
import { toA1 } from '../address';
import { columnsByRole } from '../model';
import type { Finding } from '../findings';
import type { RuleContext } from './context';
import { rowNoun, summedColumns } from './utils/figures';
import { rowSumFormulaFor, sumFormulaFor } from '../domain/sum-formulas';
import type { Rule } from './types';

export const totalFormulaRule: Rule = {
  meta: {
    id: 'total-formula',
    title: 'Typed totals',
    why: 'A typed total does not follow its lines when they change.',
    many: '{count} totals are typed numbers, not formulas',
    severity: 'warning',
    description: 'A total is a formula, not a typed number.',
    fixable: true,
    messages: {
      typed: '{noun} {cell} is the typed number {actual}, not a formula: it will not follow changes to its lines. Use {expected}',
      typedRowTotal: 'Row total {cell} is the typed number {actual}, not a formula: it will not follow changes to its years. Use {expected}',
      fixTitle: 'Make {cell} a formula',
      fixDescription: 'Replace the typed {actual} in {cell} with {expected}',
    },
  },
  check(context) {
    return [...columnTotals(context), ...rowTotals(context)];
  },
};

/** Blank and section rows add nothing, so a SUM may span them. */
export function bridgeable(ctx: RuleContext, col: number): (row: number) => boolean {
  return (row) => {
    const kind = ctx.rowAt(row)?.kind;
    return (kind === 'blank' || kind === 'section') && ctx.isBlank(row, col);
  };
}

function typedNumber(ctx: RuleContext, row: number, col: number): number | undefined {
  const cell = ctx.cell(row, col);
  if (cell.formula !== undefined) return undefined;
  const f = ctx.figure(row, col);
  return f.kind === 'number' && !f.storedAsText ? f.value : undefined;
}

function columnTotals(ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  for (const total of ctx.table.rows) {
    const covers = ctx.covered(total);
    if (covers.length === 0) continue;
    for (const column of summedColumns(ctx.table)) {
      const value = typedNumber(ctx, total.row, column.col);
      if (value === undefined) continue;
      const formula = sumFormulaFor(column.col, covers, bridgeable(ctx, column.col));
      out.push(finding(ctx, 'typed', rowNoun(total), total.row, column.col, value, formula));
    }
  }
  return out;
}

function rowTotals(ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  const years = columnsByRole(ctx.table, 'year').map((c) => c.col);
  if (years.length === 0) return out;
  for (const totalColumn of columnsByRole(ctx.table, 'rowTotal')) {
    for (const row of ctx.table.rows) {
      if (row.kind === 'section' || row.kind === 'blank' || row.kind === 'note') continue;
      // A total row's row-total cell is reported once, as a column total.
      if (ctx.covered(row).length > 0) continue;
      const value = typedNumber(ctx, row.row, totalColumn.col);
      if (value === undefined) continue;
      out.push(finding(ctx, 'typedRowTotal', 'Row total', row.row, totalColumn.col, value, rowSumFormulaFor(row.row, years)));
    }
  }
  return out;
}

function finding(ctx: RuleContext, messageId: string, noun: string, row: number, col: number, value: number, formula: string): Finding {
  const meta = totalFormulaRule.meta;
  const cell = toA1(row, col);
  return ctx.report(meta, {
    messageId,
    data: { noun, actual: ctx.show(value, row, col), expected: formula },
    row,
    col,
    expected: formula,
    actual: value,
    fix: {
      title: ctx.text(meta, 'fixTitle', { cell }),
      description: ctx.text(meta, 'fixDescription', { cell, actual: ctx.show(value, row, col), expected: formula }),
      edits: [{ kind: 'setFormulas', sheet: ctx.table.sheet, range: cell, formulas: [[formula]] }],
    },
  });
}
