import { applyPlan } from '../../../src/engine/apply';
import type { Workbook } from '../../../src/engine/grid';
import type { Edit } from '../../../src/engine/plan';
import { detectPreviousSheet } from '../../../src/engine/domain/periods';
import { planMovementAgainst } from '../../../src/engine/operations/movement';
import { recalculate } from '../../../src/host/calc/recalculate';
import { seed000PreviousSheet, seed000Rows, seed000Sheet, tableOf, typeInto, valueAt } from './seed-workbooks';

const sheetOf = (w: Workbook, name: string) => w.sheets.find((s) => s.name === name)!;
const round3 = (v: unknown) => Math.round((v as number) * 1000) / 1000 + 0; // + 0 turns -0 into 0

/** The published Movement column of seed 000, by row label (sub totals by their position). */
function publishedMovements(sheetRows: ReturnType<typeof seed000Sheet>['rows']): Map<number, number> {
  const { rows } = seed000Rows();
  const out = new Map<number, number>();
  let i = 0;
  sheetRows.forEach((cells, r) => {
    if (r < 3 || !cells) return;
    const seed = rows[i++]!;
    if (seed.cells.every((c) => c === null)) return;
    out.set(r, (seed.cells[9] as number | null) ?? 0);
  });
  return out;
}

function build(options: { movement?: boolean } = {}): Workbook {
  return recalculate({ sheets: [seed000PreviousSheet(), seed000Sheet('Month 7', options)] });
}

describe('planMovement on seed 000 against a "Month 6" sheet', () => {
  const workbook = build();
  const table = tableOf(sheetOf(workbook, 'Month 7'));
  const previous = { table: tableOf(sheetOf(workbook, 'Month 6')), sheet: sheetOf(workbook, 'Month 6') };
  const result = planMovementAgainst(table, workbook, previous);
  const after = recalculate(applyPlan(workbook, result.plan));

  it('writes live formulas against the matched row of the previous sheet into the movement column', () => {
    expect(result.problems).toEqual([]);
    const { results, ...first } = result.plan.edits.find((e) => e.kind === 'setFormulas')! as Extract<Edit, { kind: 'setFormulas' }>;
    // What the preview shows: the figures the formulas will give (seed 000's published movements).
    expect(results!.map(([v]) => round3(v!))).toEqual([0, 0.102, 0.234, -0.012, 0.052, 0.024, 0.001, -0.015, -0.026, -0.05, -0.105]);
    expect(first).toEqual({
      kind: 'setFormulas', sheet: 'Month 7', range: 'K5:K15',
      formulas: [
        ["=F5-'Month 6'!F5"], ["=F6-'Month 6'!F6"], ["=F7-'Month 6'!F7"], ["=F8-'Month 6'!F8"], ["=F9-'Month 6'!F9"], ["=F10-'Month 6'!F10"],
        ["=F11-'Month 6'!F11"], ["=F12-'Month 6'!F12"], ["=F13-'Month 6'!F13"], ["=F14-'Month 6'!F14"], ["=F15-'Month 6'!F15"],
      ],
    });
    // The sub totals and total already SUM exactly their rows, so they are left as they are.
    expect(result.plan.edits.some((e) => e.kind === 'setFormulas' && ['K16', 'K21', 'K33', 'K36', 'K37'].some((c) => e.range.includes(c)))).toBe(false);
    expect(result.plan.edits).toContainEqual({ kind: 'setFormulas', sheet: 'Month 7', range: 'K35', formulas: [["=F35-'Month 6'!F35"]], results: [[expect.any(Number)]] });
    expect(result.plan.edits).toContainEqual({ kind: 'setNumberFormat', sheet: 'Month 7', range: 'K5:K15', format: '#,##0.000;(#,##0.000);"-"' });
  });

  it('the formulas evaluate to every published movement, sub total and total of seed 000', () => {
    const published = publishedMovements(sheetOf(workbook, 'Month 7').rows);
    expect(published.size).toBe(30);
    for (const [row, movement] of published) expect([row, round3(valueAt(after, 'Month 7', `K${row + 1}`))]).toEqual([row, movement]);
    expect(round3(valueAt(after, 'Month 7', 'K37'))).toBe(-0.375);
    expect(round3(valueAt(after, 'Month 7', 'K16'))).toBe(0.205);
  });

  it('has nothing to report when the typed movements agree and every line matches', () => {
    expect(result.notes).toEqual([]);
  });

  it('lists the typed movements it replaces, for the host to allow', () => {
    // Every typed line movement (the sub totals' SUMs are left as they are), as column ranges.
    expect(result.overwrites).toEqual(['K5:K15', 'K18:K20', 'K23:K32', 'K35'].map((range) => ({ sheet: 'Month 7', range })));
  });

  it('applying twice equals applying once, and planning again on the result plans the same edits', () => {
    expect(applyPlan(applyPlan(workbook, result.plan), result.plan)).toEqual(applyPlan(workbook, result.plan));
    const again = planMovementAgainst(tableOf(sheetOf(after, 'Month 7')), after, { table: previous.table, sheet: sheetOf(after, 'Month 6') });
    expect(again.plan).toEqual(result.plan);
  });
});

describe('planMovement: lines renamed, added and removed between months', () => {
  const base = build();
  // Month 6 called SEND by an older name, had no "Education Places" line, and had a line since closed.
  const prev = typeInto(base, 'Month 6', { A23: 'Special Educational Needs & Disabilities (SEND)', A31: 'Schools Library Service' });
  const table = tableOf(sheetOf(prev, 'Month 7'));
  const previous = { table: tableOf(sheetOf(prev, 'Month 6')), sheet: sheetOf(prev, 'Month 6') };
  const result = planMovementAgainst(table, prev, previous);

  it('matches the rename, reports the new and the removed line, and writes nothing for the new one', () => {
    expect(result.notes).toEqual([
      '"Special Educational Needs and Disabilities" was matched to last period\'s "Special Educational Needs & Disabilities (SEND)".',
      'Month 7!K31 "Education Places" is a new line: it has no figure last period, so its movement was left for you to fill in.',
      '"Schools Library Service" was in Month 6 but is no longer in the table; its movement is not included.',
    ]);
    const formulas = result.plan.edits.filter((e) => e.kind === 'setFormulas').map((e) => e.range);
    expect(formulas).toEqual(['K5:K15', 'K18:K20', 'K23:K30', 'K32', 'K35']);
  });
});

describe('planMovement: a new movement column', () => {
  const workbook = build({ movement: false });
  const previous = { table: tableOf(sheetOf(workbook, 'Month 6')), sheet: sheetOf(workbook, 'Month 6') };

  it('keeps a plain heading plain', () => {
    const result = planMovementAgainst(tableOf(sheetOf(workbook, 'Month 7')), workbook, previous);
    expect(result.plan.edits[0]).toEqual({ kind: 'setValues', sheet: 'Month 7', range: 'K3', values: [['Movement From Month 6 £m']] });
    expect(result.plan.edits.some((e) => e.kind === 'setBold')).toBe(false);
  });

  it('goes in the first free column after the table, headed in the table\'s style', () => {
    // The header row in bold, as most councils have it: the new heading is bold too.
    const bold = { sheets: workbook.sheets.map((s) => (s.name !== 'Month 7' ? s : { ...s, rows: s.rows.map((r, i) => (i === 2 && r ? r.map((c) => c && { ...c, bold: true }) : r)) })) };
    const result = planMovementAgainst(tableOf(sheetOf(bold, 'Month 7')), bold, previous);
    expect(result.plan.edits.slice(0, 2)).toEqual([
      { kind: 'setValues', sheet: 'Month 7', range: 'K3', values: [['Movement From Month 6 £m']] },
      { kind: 'setBold', sheet: 'Month 7', range: 'K3', bold: true },
    ]);
    const after = recalculate(applyPlan(workbook, result.plan));
    expect(round3(valueAt(after, 'Month 7', 'K7'))).toBe(0.234);
    expect(round3(valueAt(after, 'Month 7', 'K37'))).toBe(-0.375);
  });

  it('never writes over an officer\'s note in that column: it moves one column on', () => {
    const noted = typeInto(workbook, 'Month 7', { K9: 'check with Jo' });
    const result = planMovementAgainst(tableOf(sheetOf(noted, 'Month 7')), noted, previous);
    const ranges = result.plan.edits.map((e) => ('range' in e ? e.range : ''));
    expect(ranges.every((r) => r.startsWith('L'))).toBe(true);
  });
});

describe('planMovement: against last month\'s file', () => {
  it('writes this month\'s variance less last month\'s figure, and says so', () => {
    const workbook = recalculate({ sheets: [seed000Sheet('Month 7')] });
    const lastFile = recalculate({ sheets: [seed000PreviousSheet('Month 6')] });
    const previous = { table: tableOf(sheetOf(lastFile, 'Month 6')), sheet: sheetOf(lastFile, 'Month 6'), fileName: 'CFE Month 6.xlsx' };
    const result = planMovementAgainst(tableOf(sheetOf(workbook, 'Month 7')), workbook, previous);
    const first = result.plan.edits.find((e) => e.kind === 'setFormulas')!;
    expect(first.kind === 'setFormulas' && first.formulas.slice(0, 3)).toEqual([['=F5-(-0.057)'], ['=F6-(-0.475)'], ['=F7-14.467']]);
    expect(result.notes).toEqual(['Last period\'s variances are taken from CFE Month 6.xlsx as figures (a formula cannot link to a file that is not open).']);
    const after = recalculate(applyPlan(workbook, result.plan));
    const published = publishedMovements(sheetOf(workbook, 'Month 7').rows);
    for (const [row, movement] of published) expect([row, round3(valueAt(after, 'Month 7', `K${row + 1}`))]).toEqual([row, movement]);
  });
});

describe('planMovement: what it reports', () => {
  it('notes a typed movement that disagrees with the two periods', () => {
    const workbook = typeInto(build(), 'Month 7', { K7: 0.5 });
    const table = tableOf(sheetOf(workbook, 'Month 7'));
    const result = planMovementAgainst(table, workbook, { table: tableOf(sheetOf(workbook, 'Month 6')), sheet: sheetOf(workbook, 'Month 6') });
    expect(result.notes).toEqual(['Month 7!K7 said 0.500; the movement worked out from the two periods is 0.234.']);
  });

  it('refuses a table without a variance column, with a message naming where', () => {
    const workbook = build();
    const table = tableOf(sheetOf(workbook, 'Month 7'));
    const noVariance = { ...table, columns: table.columns.filter((c) => c.role !== 'variance') };
    const result = planMovementAgainst(noVariance, workbook, { table: tableOf(sheetOf(workbook, 'Month 6')), sheet: sheetOf(workbook, 'Month 6') });
    expect(result.plan.edits).toEqual([]);
    expect(result.problems).toEqual(['The table at Month 7!A3:K37 has no variance column, so there is no movement to work out.']);
  });
});

describe('planMovement: a movement column still headed for an older period', () => {
  it('renames the heading to the period compared with, and lists it among the cells it replaces', () => {
    const workbook = typeInto(build(), 'Month 7', { K3: 'Movement From Month 5 £m' });
    const result = planMovementAgainst(tableOf(sheetOf(workbook, 'Month 7')), workbook, { table: tableOf(sheetOf(workbook, 'Month 6')), sheet: sheetOf(workbook, 'Month 6') });
    expect(result.plan.edits[0]).toEqual({ kind: 'setValues', sheet: 'Month 7', range: 'K3', values: [['Movement From Month 6 £m']] });
    expect(result.overwrites?.[0]).toEqual({ sheet: 'Month 7', range: 'K3' });
  });
});

describe('detectPreviousSheet', () => {
  it('finds the sheet the movement header names', () => {
    const workbook = build();
    expect(detectPreviousSheet(tableOf(sheetOf(workbook, 'Month 7')), workbook)).toBe('Month 6');
  });
  it('finds the month before the variance header\'s month when there is no movement column', () => {
    const workbook = recalculate({ sheets: [seed000PreviousSheet('MONTH 6'), seed000Sheet('Month 7', { movement: false })] });
    expect(detectPreviousSheet(tableOf(sheetOf(workbook, 'Month 7')), workbook)).toBe('MONTH 6');
  });
  it('finds nothing rather than guessing', () => {
    const workbook = recalculate({ sheets: [seed000PreviousSheet('Budget'), seed000Sheet('Month 7')] });
    expect(detectPreviousSheet(tableOf(sheetOf(workbook, 'Month 7')), workbook)).toBeUndefined();
  });
});
