import { applyPlan } from '../../../src/engine/apply';
import type { Workbook } from '../../../src/engine/grid';
import type { Edit } from '../../../src/engine/plan';
import { planMitigationTracker, readMitigationTracker } from '../../../src/engine/operations/mitigation-tracker';
import { recalculate } from '../../../src/host/calc/recalculate';
import { evaluateRules } from './cf-eval';
import { formulaAt, seed000Mitigations, seed000Workbook, tableOf, typeInto, valueAt } from './seed-workbooks';

const SHEET = 'Mitigation Tracker';
const round3 = (v: unknown) => (typeof v === 'number' ? Math.round(v * 1000) / 1000 : v);
const tablesOf = (w: Workbook) => [tableOf(w.sheets.find((s) => s.name === 'Month 7')!)];

function generate(workbook: Workbook, options: Parameters<typeof planMitigationTracker>[2] = {}) {
  const result = planMitigationTracker(workbook, tablesOf(workbook), { section: 'Children & Families', previousPeriod: 'Quarter 2', ...options });
  return { result, after: recalculate(applyPlan(workbook, result.plan)) };
}

/** Types seed 000's Table 3 actions into the tracker's action rows, as an officer would. */
function typeSeedActions(workbook: Workbook, firstRow = 6): Workbook {
  const actions = seed000Mitigations().filter((r) => !/^(To be Mitigated|Total Mitigations|Still to be Mitigated)/.test(r.label));
  const entries: Record<string, string | number> = {};
  actions.forEach((a, i) => {
    const r = firstRow + i;
    entries[`A${r}`] = a.label;
    const [q2, m7, , oneOff, ongoing] = a.amounts;
    entries[`D${r}`] = q2!;
    entries[`E${r}`] = m7!;
    entries[`G${r}`] = oneOff!;
    entries[`H${r}`] = ongoing!;
    entries[`J${r}`] = a.comment;
  });
  return typeInto(workbook, SHEET, entries);
}

describe('mitigation tracker on seed 000 (Table 3 made live)', () => {
  const workbook = seed000Workbook();
  const { result, after } = generate(workbook);
  const published = new Map(seed000Mitigations().map((r) => [r.label, r] as const));

  it('adds the sheet after the monitoring table with the seed\'s headings', () => {
    expect(result.problems).toEqual([]);
    expect(result.plan.edits[0]).toEqual({ kind: 'addSheet', sheet: SHEET, after: 'Month 7' });
    expect(['A4', 'D4', 'E4', 'F4', 'G4', 'H4', 'J4'].map((a) => valueAt(after, SHEET, a))).toEqual([
      'In-Year Mitigation Proposed', 'Quarter 2 £m', 'Month 7 £m', 'Movement £m', 'One-Off Mitigation £m', 'Ongoing Mitigation £m', 'Comments',
    ]);
  });

  it('links To be Mitigated to the Children & Families sub total variance: 9.910 → 10.115, movement 0.205', () => {
    expect(formulaAt(after, SHEET, 'E5')).toBe("='Month 7'!F16");
    const tbm = published.get('To be Mitigated')!;
    expect(['A5', 'D5', 'E5', 'F5'].map((a) => round3(valueAt(after, SHEET, a)))).toEqual(['To be Mitigated', ...tbm.amounts.slice(0, 3)]);
    expect(valueAt(after, SHEET, 'J5')).toBe(tbm.comment);
  });

  it('with the seed\'s actions typed in, totals (0.378) and leaves 9.737 still to be mitigated, movement (0.173)', () => {
    const filled = recalculate(typeSeedActions(after));
    const totalRow = 6 + 10; // ten spare action rows from row 6
    expect(valueAt(filled, SHEET, `A${totalRow}`)).toBe('Total Mitigations Identified to be Actioned');
    const total = published.get('Total Mitigations Identified to be Actioned')!;
    const still = published.get('Still to be Mitigated')!;
    expect(['E', 'F', 'H'].map((c) => round3(valueAt(filled, SHEET, `${c}${totalRow}`)))).toEqual([total.amounts[1], total.amounts[2], total.amounts[4]]);
    expect(['D', 'E', 'F'].map((c) => round3(valueAt(filled, SHEET, `${c}${totalRow + 1}`)))).toEqual(still.amounts.slice(0, 3));
    expect(round3(valueAt(filled, SHEET, `E${totalRow + 1}`))).toBe(9.737);
    // Each action's movement formula gives the published movement where both periods are known.
    expect(round3(valueAt(filled, SHEET, 'F10'))).toBe(-0.235);
    expect(valueAt(filled, SHEET, 'F7')).toBe('');
  });

  it('flags only the action whose one-off + ongoing differs from this period', () => {
    const filled = recalculate(typeInto(typeSeedActions(after), SHEET, { G11: 0.01 }));
    const rule = result.plan.edits.filter((e): e is Extract<Edit, { kind: 'addConditionalFormat' }> => e.kind === 'addConditionalFormat');
    expect(rule.map((e) => e.range)).toEqual(['E6:E15']);
    const flagged = [...evaluateRules(filled, rule)[0]!].filter(([, met]) => met).map(([key]) => Number(key.split(':')[1]) + 1);
    expect(flagged).toEqual([11]);
  });

  it('lists the overspending lines with variance and RAG linked by formulas', () => {
    const start = 16 + 1 + 4 + 2; // total row 16, still 17, heading 21, header 22, lines from 23
    expect(valueAt(after, SHEET, 'A21')).toBe('Overspending lines (linked to the monitoring table)');
    const rows = Array.from({ length: 7 }, (_, i) => ['A', 'B', 'C'].map((c) => round3(valueAt(after, SHEET, `${c}${start + i}`))));
    expect(rows).toEqual([
      ['External Placements', 14.701, 'Red'], ['CLA West', 0.168, 'Red'], ['Leaving Care', 0.029, 'Amber'],
      ['Special Educational Needs and Disabilities', 0.181, 'Red'], ['Inclusion Strategic Management', 0.745, 'Red'],
      ['Curriculum and Literacy', 0.097, 'Red'], ['EPS Management', 0.393, 'Red'],
    ]);
    expect(formulaAt(after, SHEET, `B${start}`)).toBe("='Month 7'!F7");
  });

  it('gives the service line and status drop-downs', () => {
    const dv = result.plan.edits.filter((e) => e.kind === 'setDataValidation');
    expect(dv).toEqual([
      { kind: 'setDataValidation', sheet: SHEET, range: 'C6:C15', list: { source: '=$A$32:$A$56' } },
      { kind: 'setDataValidation', sheet: SHEET, range: 'I6:I15', list: ['Proposed', 'Agreed', 'In progress', 'Delivered', 'Not achievable'] },
    ]);
    expect(valueAt(after, SHEET, 'A31')).toBe('Service lines (for the drop-down list in Service Line)');
    expect([valueAt(after, SHEET, 'A32'), valueAt(after, SHEET, 'A56')]).toEqual(['Prevention Services', 'Children, Families & Education Team']);
  });

  it('regenerating in the same period keeps every typed entry and changes nothing else', () => {
    const filled = recalculate(typeInto(typeSeedActions(after), SHEET, { B6: 'J. Shelbourn-Barrow', I6: 'Agreed', C6: 'External Placements', K40: 'note off to the side' }));
    const again = generate(filled);
    expect(again.result.problems).toEqual([]);
    // Nothing changed, so no cell is written at all: the host never sees the officer's cells.
    expect(again.result.plan.edits.filter((e) => e.kind === 'setFormulas' || e.kind === 'setValues')).toEqual([]);
    expect(again.result.overwrites).toEqual([]);
    const a = again.after.sheets.find((s) => s.name === SHEET)!;
    const f = filled.sheets.find((s) => s.name === SHEET)!;
    const diffs: string[] = [];
    for (let r = 0; r < Math.max(a.rows.length, f.rows.length); r++) {
      for (let c = 0; c < 12; c++) {
        const x = a.rows[r]?.[c];
        const y = f.rows[r]?.[c];
        if (JSON.stringify(x ?? null) !== JSON.stringify(y ?? null)) diffs.push(`${r},${c}: ${JSON.stringify(y)} -> ${JSON.stringify(x)}`);
      }
    }
    expect(diffs).toEqual([]);
    expect(again.after).toEqual(filled);
    expect(applyPlan(again.after, again.result.plan)).toEqual(applyPlan(filled, again.result.plan));
  });

  it('rolling to Month 8 moves Month 7 into the previous column and archives Quarter 2', () => {
    const filled = recalculate(typeSeedActions(after));
    const rolled = generate(filled, { period: 'Month 8' });
    expect(rolled.result.notes).toEqual([
      'Month 7 amounts moved to the previous-period column; Month 8 starts from them for you to update.',
      'Amounts for Quarter 2 are kept in the history columns on the right.',
    ]);
    const a = rolled.after;
    // The headings and officer amounts replaced on purpose (Quarter 2 → Month 7 in column D), for the
    // host's allowOverwrite; TBC → TBC and - → - are left untouched.
    expect(rolled.result.overwrites).toEqual(['D4:E4', 'D6', 'D10', 'D11'].map((range) => ({ sheet: SHEET, range })));
    expect(['D4', 'E4', 'K4'].map((c) => valueAt(a, SHEET, c))).toEqual(['Month 7 £m', 'Month 8 £m', 'Quarter 2 £m']);
    expect(['A6', 'D6', 'E6', 'F6', 'K6'].map((c) => round3(valueAt(a, SHEET, c)))).toEqual([valueAt(filled, SHEET, 'A6'), -0.1, -0.1, 0, 'TBC']);
    expect(round3(valueAt(a, SHEET, 'D5'))).toBe(9.91); // still variance − movement: the table has not moved on
    const typed = readMitigationTracker(filled.sheets.find((s) => s.name === SHEET)!)!;
    const kept = readMitigationTracker(a.sheets.find((s) => s.name === SHEET)!)!;
    expect(kept.actions.map((x) => [x.entries.get(0), x.entries.get(9), x.history[0]])).toEqual(typed.actions.map((x) => [x.entries.get(0), x.entries.get(9), x.entries.get(3)]));
  });

  it('refuses, naming the cell, when the new layout would land on an officer\'s own entry', () => {
    const noted = recalculate(typeInto(typeSeedActions(after), SHEET, { K7: 'ask finance' }));
    const rolled = generate(noted, { period: 'Month 8' });
    expect(rolled.result.plan.edits).toEqual([]);
    expect(rolled.result.problems).toEqual(['Mitigation Tracker!K7 holds an entry the tracker layout would overwrite; move it elsewhere and try again.']);
  });

  it('refuses to take over a sheet of the same name that it did not make', () => {
    const other = { sheets: [...workbook.sheets, { name: SHEET, rows: [[{ value: 'my own notes' }]] }] };
    const r = planMitigationTracker(other, tablesOf(other));
    expect(r.plan.edits).toEqual([]);
    expect(r.problems).toEqual(['A sheet named "Mitigation Tracker" already exists and is not a tracker this add-in made; choose another sheet name.']);
  });

  it('says which landmark row was retyped, rather than guessing where the actions are', () => {
    const broken = recalculate(typeInto(after, SHEET, { A16: 'Total actions' }));
    expect(planMitigationTracker(broken, tablesOf(broken)).problems).toEqual([
      'The "Total Mitigations Identified to be Actioned" row on sheet "Mitigation Tracker" was changed or removed, so the tracker cannot be updated without risking your entries; type "Total Mitigations Identified to be Actioned" back in its row and try again.',
    ]);
  });

  it('refuses to update a tracker whose columns an officer moved, rather than mix up the entries', () => {
    // As if a "Priority" column were inserted before Owner: every heading from B onwards shifts right.
    const sheet = after.sheets.find((s) => s.name === SHEET)!;
    const shifted = { sheets: after.sheets.map((s) => (s !== sheet ? s : { ...s, rows: s.rows.map((r) => (r ? [r[0], { value: 'Priority' }, ...r.slice(1)] : r)) })) };
    expect(planMitigationTracker(shifted, tablesOf(shifted)).problems).toEqual([
      'The columns of sheet "Mitigation Tracker" have moved (the "Owner" column is not where the add-in put it), so it cannot be updated without mixing up your entries; put the columns back, or rename the sheet to keep it and make a new one.',
    ]);
  });

  it('links to the table total by default, and names a missing section plainly', () => {
    const byTotal = planMitigationTracker(workbook, tablesOf(workbook));
    const after2 = recalculate(applyPlan(workbook, byTotal.plan));
    expect([formulaAt(after2, SHEET, 'E5'), round3(valueAt(after2, SHEET, 'E5'))]).toEqual(["='Month 7'!F37", 8.38]);
    expect(planMitigationTracker(workbook, tablesOf(workbook), { section: 'Adult Social Care' }).problems).toEqual([
      'No section sub total called "Adult Social Care" was found in the table on Month 7.',
    ]);
  });
});
