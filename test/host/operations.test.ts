/**
 * Every operation through the simulated Excel and the Office adapter: apply, the
 * formulas calculate to the expected figures, applying twice equals applying once,
 * revert gives the workbook back exactly, and a protected sheet or the officer's own data
 * in a target stops the plan with a clear message and nothing written.
 */
import type { Workbook } from '../../src/engine/grid';
import { summarise } from '../../src/engine/findings';
import { planMitigationTracker } from '../../src/engine/operations/mitigation-tracker';
import { planMovement } from '../../src/engine/operations/movement';
import { planRagFormatting } from '../../src/engine/operations/rag-formatting';
import { planSavingsTracker } from '../../src/engine/operations/savings-tracker';
import type { OperationResult } from '../../src/engine/operations/shared';
import { planValidationReport } from '../../src/engine/operations/validation-report';
import { planVarianceExplanations } from '../../src/engine/operations/variance-explanations';
import { DEFAULT_RAG_POLICY } from '../../src/engine/policy';
import { readTables } from '../../src/engine/read';
import { validateWorkbook } from '../../src/engine/validate';
import type { ExcelHost } from '../../src/host/host';
import type { SimulatedExcel } from '../../src/host/simulated';
import { GRID_FIXTURES, seed000MonthsWorkbook, seed000Table1Values } from '../fixtures/grids';
import { failure, officeClientHost } from './helpers';

const round3 = (v: unknown) => (typeof v === 'number' ? Math.round(v * 1000) / 1000 : v);
const value = (excel: SimulatedExcel, sheet: string, a1: string) => excel.snapshot().sheets.find((s) => s.name === sheet)?.cells[a1]?.value ?? null;

/** Month 6 beside the typed Month 7 of seed 000: movements typed, to be replaced by live formulas. */
function typedMonths(): Workbook {
  const month6 = seed000MonthsWorkbook().sheets.find((s) => s.name === 'Month 6')!;
  return { sheets: [month6, ...seed000Table1Values().sheets] };
}

type Operation = (workbook: Workbook) => OperationResult;
type Snapshot = ReturnType<SimulatedExcel['snapshot']>;

/** A snapshot with each sheet's conditional formats and validations sorted. */
function unordered(snapshot: Snapshot): Snapshot {
  const key = (x: unknown) => JSON.stringify(x);
  return {
    ...snapshot,
    sheets: snapshot.sheets.map((s) => ({
      ...s,
      conditionalFormats: [...s.conditionalFormats].sort((a, b) => key(a).localeCompare(key(b))),
      validations: [...s.validations].sort((a, b) => key(a).localeCompare(key(b))),
    })),
  };
}

const OPERATIONS: Record<string, { fixture: () => Workbook; plan: Operation }> = {
  'RAG formatting with words': {
    fixture: () => GRID_FIXTURES['seed000-table1-formulas']!(),
    plan: (w) => planRagFormatting(readTables(w).find((t) => t.sheet === 'Month 7')!, DEFAULT_RAG_POLICY, { workbook: w, writeWords: true }),
  },
  movement: { fixture: typedMonths, plan: (w) => planMovement(readTables(w).find((t) => t.sheet === 'Month 7')!, w) },
  'mitigation tracker': {
    fixture: () => GRID_FIXTURES['seed000-table1-formulas']!(),
    plan: (w) => planMitigationTracker(w, readTables(w), { section: 'Children & Families', previousPeriod: 'Quarter 2' }),
  },
  'variance explanations': { fixture: () => GRID_FIXTURES['seed000-table1-formulas']!(), plan: (w) => planVarianceExplanations(w, readTables(w)) },
  'savings tracker': { fixture: () => GRID_FIXTURES['seed001-mtfp-tracker']!(), plan: (w) => planSavingsTracker(w, readTables(w), { year: '24/25' }) },
  'validation report': {
    fixture: () => GRID_FIXTURES['seed000-table1-values']!(),
    plan: (w) => {
      const { findings } = validateWorkbook(w);
      return planValidationReport(findings, summarise(findings), '2026-11-22T08:00:00Z', { workbook: w });
    },
  },
};

async function planFromHost(host: ExcelHost, operation: Operation): Promise<OperationResult> {
  const { workbook } = await host.readWorkbook();
  const result = operation(workbook);
  expect(result.problems).toEqual([]);
  return result;
}

const apply = (host: ExcelHost, result: OperationResult) => host.applyPlan(result.plan, { allowOverwrite: result.overwrites ?? [] });

describe.each(Object.entries(OPERATIONS))('%s through the simulated Excel', (_name, { fixture, plan }) => {
  test('applying twice equals applying once, and revert gives the workbook back exactly', async () => {
    const { excel, host } = officeClientHost(fixture());
    const before = excel.snapshot();
    const first = await apply(host, await planFromHost(host, plan));
    const once = excel.snapshot();
    expect(once).not.toEqual(before);
    const second = await apply(host, await planFromHost(host, plan));
    expect(excel.snapshot()).toEqual(once);
    await host.revert(second.id);
    // Reverting the second apply restores the same rules; the adapter may restore them in
    // another order (reported to the host's owner), so that step compares rule sets.
    expect(unordered(excel.snapshot())).toEqual(unordered(once));
    await host.revert(first.id);
    expect(excel.snapshot()).toEqual(before);
  });
});

describe('the officer\'s own conditional formats', () => {
  test('survive RAG formatting applied twice and its revert', async () => {
    const { excel, host } = officeClientHost(OPERATIONS['RAG formatting with words']!.fixture());
    const officers = { type: 'Custom' as const, formula: '=$F5>1', fill: '#0000FF', fontColor: null, bold: null, stopIfTrue: false };
    excel.addOfficerConditionalFormat('Month 7', 'F5:F15', officers);
    const plan = OPERATIONS['RAG formatting with words']!.plan;
    await apply(host, await planFromHost(host, plan));
    await apply(host, await planFromHost(host, plan));
    const formats = excel.snapshot().sheets.find((s) => s.name === 'Month 7')!.conditionalFormats;
    expect(formats.filter((f) => !String(f.formula).includes('budget-monitor:'))).toEqual([{ ...officers, range: 'F5:F15' }]);
    // 6 word rules on the RAG column, 3 per level on the variances.
    expect(formats.filter((f) => String(f.formula).includes('budget-monitor:rag'))).toHaveLength(15);
  });
});

describe('figures calculated by the simulated Excel', () => {
  test('movement: the live formulas give seed 000\'s published movements, and the typed ones needed the officer\'s say-so', async () => {
    const source = typedMonths();
    const { excel, host } = officeClientHost(source);
    const result = await planFromHost(host, OPERATIONS.movement!.plan);
    const before = excel.snapshot();
    // Without the officer's agreement to replace the typed movements, the host refuses.
    const refused = await failure(host.applyPlan(result.plan));
    expect(refused).toMatchObject({ code: 'officerData', sheet: 'Month 7' });
    expect(excel.snapshot()).toEqual(before);
    await apply(host, result);
    const published = source.sheets[1]!.rows.map((r) => r?.[10]?.value);
    const table = readTables(source).find((t) => t.sheet === 'Month 7')!;
    for (const row of table.rows.filter((r) => r.kind !== 'section')) {
      const expected = published[row.row];
      expect([row.label, round3(value(excel, 'Month 7', `K${row.row + 1}`))]).toEqual([row.label, expected === '-' ? 0 : expected]);
    }
  });

  test('mitigation tracker: 10.115 to mitigate; with the seed\'s actions typed in Excel, 9.737 still to be mitigated; regenerating keeps them', async () => {
    const { excel, host } = officeClientHost(OPERATIONS['mitigation tracker']!.fixture());
    await apply(host, await planFromHost(host, OPERATIONS['mitigation tracker']!.plan));
    expect(round3(value(excel, 'Mitigation Tracker', 'E5'))).toBe(10.115);
    const actions: [string, string | number, string | number, string | number, string | number][] = [
      ['In-house Foster Care - increase number of children in in-house fostering', 'TBC', -0.1, '-', -0.1],
      ['Independent Foster Care Agencies (IFA) - Increase placements', 'TBC', 'TBC', 'TBC', 'TBC'],
      ['Homes & Horizons - Increase occupancy rates - NEW', '-', -0.235, '-', -0.235],
      ['Housing benefit claims for UASC - NEW', '-', -0.043, '-', -0.043],
    ];
    actions.forEach(([label, q2, m7, oneOff, ongoing], i) => {
      const r = 6 + i;
      excel.typeInto('Mitigation Tracker', `A${r}`, label);
      excel.typeInto('Mitigation Tracker', `D${r}`, q2);
      excel.typeInto('Mitigation Tracker', `E${r}`, m7);
      excel.typeInto('Mitigation Tracker', `G${r}`, oneOff);
      excel.typeInto('Mitigation Tracker', `H${r}`, ongoing);
    });
    excel.typeInto('Mitigation Tracker', 'J6', 'Mitigation is based on moving 1 child');
    expect(round3(value(excel, 'Mitigation Tracker', 'E16'))).toBe(-0.378);
    expect(round3(value(excel, 'Mitigation Tracker', 'E17'))).toBe(9.737);
    expect(round3(value(excel, 'Mitigation Tracker', 'F17'))).toBe(-0.173);
    const typed = excel.snapshot().sheets.find((s) => s.name === 'Mitigation Tracker')!.cells;

    const regenerated = await apply(host, await planFromHost(host, OPERATIONS['mitigation tracker']!.plan));
    const after = excel.snapshot().sheets.find((s) => s.name === 'Mitigation Tracker')!.cells;
    for (const a1 of ['A6', 'D6', 'E6', 'G6', 'H6', 'J6', 'A9', 'E9']) expect([a1, after[a1]]).toEqual([a1, typed[a1]]);
    expect(round3(value(excel, 'Mitigation Tracker', 'E17'))).toBe(9.737);
    await host.revert(regenerated.id);
    expect(excel.snapshot().sheets.find((s) => s.name === 'Mitigation Tracker')!.cells).toEqual(typed);
  });

  test('variance explanations: the sentences calculated by Excel follow an edit of the table; regenerating keeps what officers typed', async () => {
    const { excel, host } = officeClientHost(OPERATIONS['variance explanations']!.fixture());
    const plan = OPERATIONS['variance explanations']!.plan;
    await apply(host, await planFromHost(host, plan));
    const S = 'Variance explanations';
    expect(value(excel, S, 'E6')).toBe('The External Placements budget is forecasting an overspend of £14.701m and is rated Red. This is an increase of £0.234m from Month 6.');
    excel.typeInto(S, 'F6', 'Lack of foster carers');
    excel.typeInto(S, 'G6', 'Recruit foster carers');
    excel.typeInto(S, 'H6', 'Head of Service');
    excel.typeInto(S, 'E8', 'Fieldwork West is underspending because of vacancies.');
    excel.typeInto('Month 7', 'E7', 60);
    expect(value(excel, S, 'E6')).toBe('The External Placements budget is forecasting an overspend of £14.084m and is rated Red. This is an increase of £0.234m from Month 6.');
    const typed = excel.snapshot().sheets.find((s) => s.name === S)!.cells;

    const regenerated = await apply(host, await planFromHost(host, plan));
    const after = excel.snapshot().sheets.find((s) => s.name === S)!.cells;
    for (const a1 of ['E6', 'F6', 'G6', 'H6', 'E8']) expect([a1, after[a1]]).toEqual([a1, typed[a1]]);
    await host.revert(regenerated.id);
    expect(excel.snapshot().sheets.find((s) => s.name === S)!.cells).toEqual(typed);
  });

  test('savings tracker: the TOTALS row calculates to seed 001\'s totals, overall RAG Red', async () => {
    const { excel, host } = officeClientHost(OPERATIONS['savings tracker']!.fixture());
    await apply(host, await planFromHost(host, OPERATIONS['savings tracker']!.plan));
    expect(['B29', 'C29', 'E29', 'F29', 'G29', 'I29', 'J29'].map((a) => value(excel, 'Savings Tracker', a))).toEqual(['TOTALS', 9_568_900, 1_371_200, 4_166_400, 4_031_300, 0, 'Red']);
  });
});

describe('refusals: a clear message and nothing written', () => {
  test('RAG words on a protected sheet', async () => {
    const { excel, host } = officeClientHost(OPERATIONS['RAG formatting with words']!.fixture());
    const result = await planFromHost(host, OPERATIONS['RAG formatting with words']!.plan);
    excel.protectSheet('Month 7');
    const before = excel.snapshot();
    const error = await failure(apply(host, result));
    expect(error).toMatchObject({ code: 'sheetProtected', sheet: 'Month 7' });
    expect(error.message).toContain('Month 7');
    expect(excel.snapshot()).toEqual(before);
  });

  test('a movement column planned into a free column the officer has since typed into', async () => {
    const source = { sheets: [seed000MonthsWorkbook().sheets[0]!, { ...seed000Table1Values().sheets[0]!, rows: seed000Table1Values().sheets[0]!.rows.map((r) => r?.slice(0, 10)) }] };
    const { excel, host } = officeClientHost(source);
    const result = await planFromHost(host, (w) => planMovement(readTables(w).find((t) => t.sheet === 'Month 7')!, w));
    expect(result.plan.edits[0]).toMatchObject({ kind: 'setValues', range: 'K3' });
    excel.typeInto('Month 7', 'K9', 'query with Jo');
    const before = excel.snapshot();
    const error = await failure(apply(host, result));
    expect(error).toMatchObject({ code: 'officerData', sheet: 'Month 7', cell: 'K9' });
    expect(excel.snapshot()).toEqual(before);
  });

  test('the mitigation tracker on a protected tracker sheet', async () => {
    const { excel, host } = officeClientHost(OPERATIONS['mitigation tracker']!.fixture());
    await apply(host, await planFromHost(host, OPERATIONS['mitigation tracker']!.plan));
    excel.typeInto('Mitigation Tracker', 'A6', 'New action');
    excel.protectSheet('Mitigation Tracker');
    const result = await planFromHost(host, (w) => planMitigationTracker(w, readTables(w), { section: 'Children & Families', period: 'Month 8' }));
    const before = excel.snapshot();
    const error = await failure(apply(host, result));
    expect(error).toMatchObject({ code: 'sheetProtected', sheet: 'Mitigation Tracker' });
    expect(excel.snapshot()).toEqual(before);
  });
});
