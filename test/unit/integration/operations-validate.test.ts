/**
 * The operations and the validation agree end to end: what the add-in writes (RAG words
 * and colours, movement, the mitigation and savings trackers, the validation report)
 * validates clean, and leaves the officer's own sheets with no new findings. The trackers
 * are read as trackers (not skipped), so their rules really run on them.
 */
import { toA1 } from '../../../src/engine/address';
import { summarise } from '../../../src/engine/findings';
import type { Cell, Sheet, Workbook } from '../../../src/engine/grid';
import { detectPreviousSheet } from '../../../src/engine/domain/periods';
import { columnByRole, type MonitoringTable } from '../../../src/engine/model';
import { currentMonitoringTable, MITIGATION_SHEET, planMitigationTracker } from '../../../src/engine/operations/mitigation-tracker';
import { planMovement } from '../../../src/engine/operations/movement';
import { planRagFormatting } from '../../../src/engine/operations/rag-formatting';
import { planSavingsTracker, SAVINGS_SHEET } from '../../../src/engine/operations/savings-tracker';
import { planValidationReport, REPORT_SHEET } from '../../../src/engine/operations/validation-report';
import { EXPLANATIONS_SHEET, planVarianceExplanations } from '../../../src/engine/operations/variance-explanations';
import { explanationsNeeded } from '../../../src/engine/narrative/explanations';
import { DEFAULT_RAG_POLICY } from '../../../src/engine/policy';
import { readTables } from '../../../src/engine/read';
import { validateWorkbook } from '../../../src/engine/validate';
import { recalculate } from '../../../src/host/calc/recalculate';
import { GRID_FIXTURES, seed000Mitigations, seed000Table1Formulas, seed001MtfpTracker } from '../../fixtures/grids';
import { applyOperation, findingKey } from './pipeline';

const RUN_AT = '2026-11-22T09:00:00Z';

/** Each fixture with a monitoring table, plus seed 000's Table 1 beside seed 001's savings table (the only savings source). */
const SCENARIOS: Record<string, () => Workbook> = {
  ...Object.fromEntries(Object.entries(GRID_FIXTURES).filter(([, build]) => readTables(build()).some((t) => t.kind === 'monitoring'))),
  'seed000-table1-formulas + seed001-mtfp-tracker': () => ({ sheets: [...seed000Table1Formulas().sheets, ...seed001MtfpTracker().sheets] }),
};

interface Outcome {
  readonly before: Workbook;
  readonly after: Workbook;
  readonly written: readonly string[];
  readonly current: MonitoringTable | undefined;
}

/** Every operation the add-in offers, in the order an officer would run them, each applied and recalculated. */
function runEveryOperation(build: () => Workbook): Outcome {
  const before = recalculate(build());
  let wb = before;
  const current = currentMonitoringTable(wb, readTables(wb));
  if (current && columnByRole(current, 'variance')) {
    wb = applyOperation(wb, planRagFormatting(current, DEFAULT_RAG_POLICY, { workbook: wb, writeWords: true }));
    const reread = readTables(wb).find((t) => t.id === current.id)!;
    if (detectPreviousSheet(reread, wb)) wb = applyOperation(wb, planMovement(reread, wb));
    // A table with no total row: the officer chooses a section to mitigate instead (the first with a sub total).
    let tracker = planMitigationTracker(wb, readTables(wb));
    const section = reread.rows.find((r) => r.kind === 'section' && reread.rows.some((s) => s.kind === 'subtotal' && s.section === r.row));
    if (tracker.problems.length > 0 && !reread.rows.some((r) => r.kind === 'total') && section) tracker = planMitigationTracker(wb, readTables(wb), { section: section.label });
    wb = applyOperation(wb, tracker);
    const explanations = planVarianceExplanations(wb, readTables(wb));
    if (explanations.problems.length === 0) wb = applyOperation(wb, explanations);
  }
  const tables = readTables(wb);
  if (tables.some((t) => t.kind === 'savingsTracker')) wb = applyOperation(wb, planSavingsTracker(wb, tables));
  const { findings } = validateWorkbook(wb);
  wb = applyOperation(wb, planValidationReport(findings, summarise(findings), RUN_AT, { workbook: wb }));
  const names = new Set(before.sheets.map((s) => s.name));
  return { before, after: wb, written: wb.sheets.map((s) => s.name).filter((n) => !names.has(n)), current };
}

describe('operations then validation, on every fixture with a monitoring table', () => {
  it('covers the seed 000 tables and both layouts', () => {
    expect(Object.keys(SCENARIOS)).toEqual(expect.arrayContaining(['seed000-table1-formulas', 'seed000-table1-values', 'seed000-months', 'layout-adults-nested', 'layout-totals-above']));
  });

  it.each(Object.keys(SCENARIOS))('%s: the add-in’s sheets validate clean and the officer’s gain no findings', (name) => {
    const { before, after, written, current } = runEveryOperation(SCENARIOS[name]!);
    const { findings, tables } = validateWorkbook(after);
    const onWritten = findings.filter((f) => written.includes(f.sheet) && f.severity !== 'info').map((f) => `${findingKey(f)}: ${f.message}`);
    expect(onWritten).toEqual([]);
    const old = new Set(validateWorkbook(before).findings.map(findingKey));
    const fresh = findings.filter((f) => !written.includes(f.sheet) && !old.has(findingKey(f))).map((f) => `${findingKey(f)}: ${f.message}`);
    expect(fresh).toEqual([]);

    expect(written).toContain(REPORT_SHEET);
    // The report quotes other tables' figures: it is not itself a table to check.
    expect(tables.filter((t) => t.sheet === REPORT_SHEET)).toEqual([]);
    if (current && columnByRole(current, 'variance')) {
      expect(written).toContain(MITIGATION_SHEET);
      // The tracker is read whole, as a tracker: To be Mitigated, the blank action rows, the total and the balance.
      const tracker = tables.find((t) => t.sheet === MITIGATION_SHEET && t.kind === 'mitigationTracker')!;
      const labelled = tracker.rows.filter((r) => r.label !== '').map((r) => `${r.kind}:${r.label}`);
      expect(labelled).toEqual(['line:To be Mitigated', 'total:Total Mitigations Identified to be Actioned', 'total:Still to be Mitigated']);
      const still = tracker.rows.find((r) => r.label === 'Still to be Mitigated')!;
      const toBe = tracker.rows.find((r) => r.label === 'To be Mitigated')!;
      const total = tracker.rows.find((r) => r.label.startsWith('Total Mitigations'))!;
      expect(still.covers).toEqual([toBe.row, total.row]);
    } else {
      // Without a variance there is nothing to colour or mitigate: those operations are refused, not half-done.
      expect(written).not.toContain(MITIGATION_SHEET);
    }
    if (readTables(before).some((t) => t.kind === 'savingsTracker')) expect(written).toContain(SAVINGS_SHEET);
    // The drafted explanations: every line that needs one is explained, and every sentence agrees with the table.
    const needed = current ? explanationsNeeded(current, DEFAULT_RAG_POLICY, before.sheets.find((s) => s.name === current.sheet)) : [];
    if (needed.length > 0) {
      expect(written).toContain(EXPLANATIONS_SHEET);
      expect(findings.filter((f) => f.rule === 'variance-explained').map((f) => `${findingKey(f)}: ${f.message}`)).toEqual([]);
      expect(findings.filter((f) => f.rule === 'narrative-figures' && f.sheet === EXPLANATIONS_SHEET)).toEqual([]);
      expect(tables.filter((t) => t.sheet === EXPLANATIONS_SHEET)).toEqual([]);
    } else {
      expect(written).not.toContain(EXPLANATIONS_SHEET);
    }
  });
});

type MutableRows = (Cell | undefined)[][];

/** Types into a copy of the workbook as an officer would (values only), then recalculates. */
function typeInto(wb: Workbook, sheetName: string, entries: Record<string, number | string>): Workbook {
  const sheets = wb.sheets.map((s): Sheet => {
    if (s.name !== sheetName) return s;
    const rows = s.rows.map((r) => (r ? [...r] : [])) as MutableRows;
    for (const [a1, value] of Object.entries(entries)) {
      const m = /^([A-Z]+)(\d+)$/.exec(a1)!;
      const col = m[1]!.charCodeAt(0) - 65;
      const row = Number(m[2]) - 1;
      while (rows.length <= row) rows.push([]);
      rows[row]![col] = { ...(rows[row]![col] ?? {}), value, formula: undefined } as Cell;
      delete (rows[row]![col] as { formula?: string }).formula;
    }
    return { ...s, rows };
  });
  return recalculate({ sheets });
}

describe('the generated mitigation tracker, filled in by officers', () => {
  const generated = (): Workbook => runEveryOperation(GRID_FIXTURES['seed000-months']!).after;
  const trackerFindings = (wb: Workbook) => validateWorkbook(wb).findings.filter((f) => f.sheet === MITIGATION_SHEET).map((f) => `${f.severity} ${f.rule} ${f.cell}`);

  it('actions whose one-off and ongoing amounts add up validate clean, totals included', () => {
    // Row 6 and 7 are the first two action rows (row 5 is To be Mitigated).
    const wb = typeInto(generated(), MITIGATION_SHEET, {
      A6: 'Homes & Horizons occupancy', B6: 'Head of Service', C6: 'CLA West', D6: 0, E6: -0.235, G6: 0, H6: -0.235, I6: 'Agreed', J6: 'Occupancy rate up',
      A7: 'Housing benefit claims for UASC', D7: 0, E7: -0.043, G7: 0, H7: -0.043, I7: 'In progress',
      A8: 'Independent Foster Care Agencies - increase placements', D8: 'TBC', E8: 'TBC', G8: 'TBC', H8: 'TBC', I8: 'Proposed',
    });
    expect(trackerFindings(wb)).toEqual([]);
    const sheet = wb.sheets.find((s) => s.name === MITIGATION_SHEET)!;
    expect(sheet.rows[15]?.[4]?.value).toBeCloseTo(-0.278, 9); // E16: Total Mitigations
  });

  it('rolled on to the next period, the regenerated tracker still validates clean and keeps the actions', () => {
    const filled = typeInto(generated(), MITIGATION_SHEET, { A6: 'Homes & Horizons occupancy', D6: 0, E6: -0.235, G6: 0, H6: -0.235 });
    const rolled = applyOperation(filled, planMitigationTracker(filled, readTables(filled), { period: 'Month 8' }));
    expect(trackerFindings(rolled)).toEqual([]);
    const sheet = rolled.sheets.find((s) => s.name === MITIGATION_SHEET)!;
    expect([sheet.rows[5]?.[0]?.value, sheet.rows[5]?.[3]?.value, sheet.rows[5]?.[4]?.value]).toEqual(['Homes & Horizons occupancy', -0.235, -0.235]);
  });

  it('an action whose split does not add up is reported at its amount', () => {
    const wb = typeInto(generated(), MITIGATION_SHEET, { A6: 'Homes & Horizons occupancy', D6: 0, E6: -0.235, G6: -0.1, H6: -0.1 });
    expect(trackerFindings(wb)).toEqual(['error mitigation-tracker E6']);
  });

  it('a Still to be Mitigated typed over with a wrong figure is reported there', () => {
    const wb = typeInto(generated(), MITIGATION_SHEET, { A6: 'Homes & Horizons occupancy', D6: 0, E6: -0.235, G6: 0, H6: -0.235, E17: 9 });
    expect(trackerFindings(wb)).toEqual(expect.arrayContaining(['error mitigation-tracker E17']));
    expect(trackerFindings(wb).every((f) => f.endsWith('E17') || f.endsWith('F17'))).toBe(true);
  });
});

/** Seed 000 Table 3 as an officer lays it out by hand, with blank rows kept for new actions above the total. */
function handMadeTracker(spare: number): Workbook {
  const source = seed000Mitigations().sheets[0]!;
  const tableTop = source.rows.findIndex((r) => r?.[0]?.value === 'In-Year Mitigation Proposed');
  const totalRow = source.rows.findIndex((r) => String(r?.[0]?.value ?? '').startsWith('Total Mitigations'));
  // Moved up to the top of a sheet of its own, the movements are kept as the figures they show.
  const asValue = (c: Cell | undefined): Cell | undefined => (c ? { value: c.value, ...(c.format ? { format: c.format } : {}) } : c);
  const rows: (Cell | undefined)[][] = source.rows.slice(tableTop, totalRow).map((r) => (r ?? []).map(asValue));
  for (let i = 0; i < spare; i++) rows.push([]);
  const firstAction = 2; // sheet row of the first action (1-based): header, To be Mitigated, then actions
  const lastAction = rows.length;
  const total = lastAction + 1;
  const M = source.rows[totalRow]![1]!.format;
  const fx = (formula: string): Cell => ({ value: null, formula, ...(M ? { format: M } : {}) });
  const letters = ['B', 'C', 'D', 'E', 'F'];
  rows.push([{ value: 'Total Mitigations Identified to be Actioned' }, ...letters.map((l) => fx(`=SUM(${l}${firstAction + 1}:${l}${lastAction})`))]);
  rows.push([{ value: 'Still to be Mitigated' }, ...letters.slice(0, 3).map((l) => fx(`=${l}2+${l}${total}`))]);
  return recalculate({ sheets: [{ name: 'Mitigations', rows }] });
}

describe('an officer’s own tracker in seed 000 Table 3 layout, with blank rows for new actions', () => {
  it('is read as one tracker down to Still to be Mitigated, and validates clean', () => {
    const wb = handMadeTracker(4);
    const { tables, findings } = validateWorkbook(wb);
    expect(tables.map((t) => `${t.kind} ${t.range}`)).toEqual(['mitigationTracker A1:G14']);
    expect(findings.filter((f) => f.severity !== 'info')).toEqual([]);
    const rows = tables[0]!.rows;
    expect(rows.find((r) => r.label === 'Still to be Mitigated')?.covers).toEqual([1, 12]);
    expect(rows.find((r) => r.label.startsWith('Total Mitigations'))?.covers).toEqual([2, 3, 4, 5, 6, 7]);
  });

  it('a wrong typed total below the blank rows is reported at its cell', () => {
    const wb = typeInto(handMadeTracker(4), 'Mitigations', { C13: -0.4 });
    const errors = validateWorkbook(wb).findings.filter((f) => f.severity === 'error').map((f) => `${f.rule} ${f.cell} ${f.expected}`);
    expect(errors).toContain(`mitigation-tracker C13 ${-0.378}`);
  });
});

describe('the savings tracker the add-in writes, filled in', () => {
  it('a saving whose buckets do not add up to its target is reported at the target', () => {
    const { after } = runEveryOperation(SCENARIOS['seed000-table1-formulas + seed001-mtfp-tracker']!);
    const sheet = after.sheets.find((s) => s.name === SAVINGS_SHEET)!;
    const first = sheet.rows.findIndex((r, i) => i > 2 && typeof r?.[2]?.value === 'number');
    const target = sheet.rows[first]![2]!.value as number;
    const wb = typeInto(after, SAVINGS_SHEET, { [toA1(first, 5)]: target + 1000, [toA1(first, 6)]: 0, [toA1(first, 3)]: 0, [toA1(first, 4)]: 0 });
    const errors = validateWorkbook(wb).findings.filter((f) => f.sheet === SAVINGS_SHEET && f.severity === 'error').map((f) => `${f.rule} ${f.cell}`);
    expect(errors).toContain(`savings-tracker ${toA1(first, 2)}`);
  });
});
