/** Every operation over the shared grid fixtures, through the real table reader. */
import { parseRange } from '../../../src/engine/address';
import { applyPlan } from '../../../src/engine/apply';
import type { Workbook } from '../../../src/engine/grid';
import { planMitigationTracker } from '../../../src/engine/operations/mitigation-tracker';
import { planMovement } from '../../../src/engine/operations/movement';
import { planRagFormatting } from '../../../src/engine/operations/rag-formatting';
import { DEFAULT_RAG_POLICY } from '../../../src/engine/policy';
import { readTables } from '../../../src/engine/read';
import { recalculate } from '../../../src/host/calc/recalculate';
import { isErrorValue } from '../../../src/engine/grid';
import { summarise } from '../../../src/engine/findings';
import { planSavingsTracker } from '../../../src/engine/operations/savings-tracker';
import type { OperationResult } from '../../../src/engine/operations/shared';
import { planValidationReport } from '../../../src/engine/operations/validation-report';
import { validateWorkbook } from '../../../src/engine/validate';
import { GRID_FIXTURES, seed000MonthsWorkbook, seed000Table1Values } from '../../fixtures/grids';
import { formulaAt, valueAt } from './seed-workbooks';

const round3 = (v: unknown) => (typeof v === 'number' ? Math.round(v * 1000) / 1000 : v);

describe.each(Object.entries(GRID_FIXTURES))('fixture %s', (_name, make) => {
  const workbook = make();
  const tables = readTables(workbook);

  it('RAG formatting plans, or explains, for every table; every rule stays inside the table', () => {
    for (const table of tables) {
      const result = planRagFormatting(table, DEFAULT_RAG_POLICY, { workbook, writeWords: true });
      if (result.problems.length > 0) {
        expect(result.plan.edits).toEqual([]);
        expect(result.problems[0]).toContain(table.sheet);
        continue;
      }
      for (const edit of result.plan.edits) {
        if (edit.kind !== 'addConditionalFormat' && edit.kind !== 'setValues') continue;
        const ref = parseRange(edit.range)!;
        expect(ref.start.row).toBeGreaterThanOrEqual(table.firstRow);
        expect(ref.end.row).toBeLessThanOrEqual(table.lastRow);
        expect(ref.start.col).toBeGreaterThanOrEqual(table.firstCol);
        expect(ref.end.col).toBeLessThanOrEqual(table.lastCol);
      }
    }
  });

  it('every operation plans or explains, and every formula it writes calculates without an error value', () => {
    const results: [string, OperationResult][] = [
      ['mitigation', planMitigationTracker(workbook, tables)],
      ['savings', planSavingsTracker(workbook, tables)],
      ['report', (() => {
        const { findings } = validateWorkbook(workbook);
        return planValidationReport(findings, summarise(findings), '2026-11-22T08:00:00Z', { workbook });
      })()],
      ...tables.map((t): [string, OperationResult] => [`movement ${t.id}`, planMovement(t, workbook)]),
      ...tables.map((t): [string, OperationResult] => [`rag ${t.id}`, planRagFormatting(t, DEFAULT_RAG_POLICY, { workbook, writeWords: true })]),
    ];
    for (const [what, result] of results) {
      if (result.problems.length > 0) {
        expect([what, result.plan.edits]).toEqual([what, []]);
        continue;
      }
      const after = recalculate(applyPlan(workbook, result.plan));
      for (const edit of result.plan.edits) {
        if (edit.kind !== 'setFormulas') continue;
        const ref = parseRange(edit.range)!;
        const sheet = after.sheets.find((x) => x.name === edit.sheet)!;
        for (let r = ref.start.row; r <= ref.end.row; r++) {
          for (let c = ref.start.col; c <= ref.end.col; c++) {
            const cell = sheet.rows[r]?.[c];
            if (cell?.formula && isErrorValue(cell.value)) throw new Error(`${what}: ${edit.sheet} row ${r + 1} col ${c + 1} ${cell.formula} → ${cell.value.error}`);
          }
        }
      }
    }
  });

  it('movement either plans against an earlier sheet or says plainly there is none', () => {
    for (const table of tables.filter((t) => t.kind === 'monitoring')) {
      const result = planMovement(table, workbook);
      if (result.problems.length > 0) expect(result.problems).toEqual([`No previous period was found for ${table.sheet}: choose the earlier sheet, or last month's file.`]);
    }
  });
});

describe('operations through the reader on seed 000', () => {
  it('movement finds "Month 6" itself and its formulas give the published Movement column', () => {
    const typed = seed000Table1Values();
    const month6 = seed000MonthsWorkbook().sheets.find((s) => s.name === 'Month 6')!;
    const workbook: Workbook = { sheets: [month6, ...typed.sheets] };
    const table = readTables(workbook).find((t) => t.sheet === 'Month 7')!;
    const result = planMovement(table, workbook);
    expect(result.problems).toEqual([]);
    expect(result.notes).toEqual([]);
    const after = recalculate(applyPlan(workbook, result.plan));
    const bodyRows = table.rows.filter((r) => r.kind !== 'section');
    expect(bodyRows).toHaveLength(30);
    for (const r of bodyRows) {
      const published = valueAt(typed, 'Month 7', `K${r.row + 1}`);
      expect([r.label, round3(valueAt(after, 'Month 7', `K${r.row + 1}`))]).toEqual([r.label, published === '-' ? 0 : published]);
    }
  });

  it('movement on a workbook that already has the live formulas changes nothing and overwrites nothing of the officer\'s', () => {
    const workbook = seed000MonthsWorkbook();
    const table = readTables(workbook).find((t) => t.sheet === 'Month 7')!;
    const result = planMovement(table, workbook, { sheet: 'Month 6' });
    expect(result.overwrites).toEqual([]);
    expect(applyPlan(workbook, result.plan).sheets[1]!.rows.map((r) => r?.[10]?.formula)).toEqual(workbook.sheets[1]!.rows.map((r) => r?.[10]?.formula));
  });

  it('movement against a missing sheet names it', () => {
    const workbook = seed000Table1Values();
    const table = readTables(workbook)[0]!;
    expect(planMovement(table, workbook, { sheet: 'Month 5' }).problems).toEqual(['There is no sheet named "Month 5" in this workbook to take last period\'s figures from.']);
  });

  it('the mitigation tracker links to this month, not to the "Month 6" sheet before it', () => {
    const workbook = seed000MonthsWorkbook();
    const result = planMitigationTracker(workbook, readTables(workbook), { section: 'Children & Families' });
    const after = recalculate(applyPlan(workbook, result.plan));
    expect([formulaAt(after, 'Mitigation Tracker', 'E5'), round3(valueAt(after, 'Mitigation Tracker', 'E5'))]).toEqual(["='Month 7'!F16", 10.115]);
  });

  it('the mitigation tracker links to 10.115, the Children & Families sub total variance', () => {
    const workbook = GRID_FIXTURES['seed000-table1-formulas']!();
    const result = planMitigationTracker(workbook, readTables(workbook), { section: 'Children & Families' });
    expect(result.problems).toEqual([]);
    const after = recalculate(applyPlan(workbook, result.plan));
    expect(round3(valueAt(after, 'Mitigation Tracker', 'E5'))).toBe(10.115);
    expect(round3(valueAt(after, 'Mitigation Tracker', 'D5'))).toBe(9.91);
  });
});
