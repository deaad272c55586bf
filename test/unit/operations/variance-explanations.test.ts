import { applyPlan } from '../../../src/engine/apply';
import type { Workbook } from '../../../src/engine/grid';
import { planVarianceExplanations, readExplanationSheet } from '../../../src/engine/operations/variance-explanations';
import { DEFAULT_RAG_POLICY } from '../../../src/engine/policy';
import { readTables } from '../../../src/engine/read';
import { validateWorkbook } from '../../../src/engine/validate';
import { recalculate } from '../../../src/host/calc/recalculate';
import { GRID_FIXTURES } from '../../fixtures/grids';
import { formulaAt, seed000Workbook, typeInto, valueAt } from './seed-workbooks';

const SHEET = 'Variance explanations';
type Options = Parameters<typeof planVarianceExplanations>[2];

function generate(workbook: Workbook, options: Options = {}) {
  const result = planVarianceExplanations(workbook, readTables(workbook), options);
  return { result, after: recalculate(applyPlan(workbook, result.plan)) };
}

const row = (wb: Workbook, r: number) => ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I'].map((c) => {
  const v = valueAt(wb, SHEET, `${c}${r}`);
  return typeof v === 'number' ? Math.round(v * 1000) / 1000 : v;
});
const lines = (wb: Workbook) => {
  const out: string[] = [];
  for (let r = 5; typeof valueAt(wb, SHEET, `A${r}`) === 'string'; r++) out.push(String(valueAt(wb, SHEET, `A${r}`)));
  return out;
};
const findingsOn = (wb: Workbook) =>
  validateWorkbook(wb).findings.filter((f) => f.rule === 'variance-explained' || f.rule === 'narrative-figures' || f.sheet === SHEET).map((f) => `${f.rule} ${f.sheet}!${f.cell}`);

describe('drafted explanations on seed 000 Month 7', () => {
  const workbook = seed000Workbook();
  const { result, after } = generate(workbook);

  it('adds the sheet after the table: title, note, headings, one row per line that needs an explanation', () => {
    expect(result.problems).toEqual([]);
    expect(result.plan.edits[0]).toEqual({ kind: 'addSheet', sheet: SHEET, after: 'Month 7' });
    expect(valueAt(after, SHEET, 'A1')).toBe('Variance explanations: 2024/25 Children, Families & Education Services as at the end of October 2024 (Month 7)');
    expect(valueAt(after, SHEET, 'A2')).toBe(
      'Linked to the table on Month 7. A line is listed when its RAG is Red or its variance is £100,000 or more. The draft follows the figures; type over it to use your own words, and fill in Reason, Action and Owner. Regenerating keeps what you type.',
    );
    expect(row(after, 4)).toEqual(['Line', 'Variance £m', 'RAG', 'Movement from Month 6 £m', 'Draft explanation', 'Reason', 'Action', 'Owner', 'Needed because']);
    // Every Red line and every variance of £0.100m or more, in table order (Leaving Care, Amber 0.029, is not listed).
    expect(lines(after)).toEqual([
      'Fostering and Permanence', 'External Placements', 'Fieldwork East', 'Fieldwork West', 'Disabilities', 'CLA West', 'CSC Management',
      'C&P Commissioning', 'Performance and Transformation', 'Special Educational Needs and Disabilities', 'Inclusion Transformation and Partnerships',
      'Inclusion Strategic Management', 'Education Leadership', 'Education Operations', 'Curriculum and Literacy', 'Education Places', 'EPS Management',
      'Children, Families & Education Team',
    ]);
  });

  it('External Placements in the seed\'s words, its figures linked to the table', () => {
    expect(row(after, 6)).toEqual([
      'External Placements', 14.701, 'Red', 0.234,
      'The External Placements budget is forecasting an overspend of £14.701m and is rated Red. This is an increase of £0.234m from Month 6.',
      null, null, null, 'Red under the RAG policy; £100,000 or more',
    ]);
    expect(['B6', 'C6', 'D6'].map((a) => formulaAt(after, SHEET, a))).toEqual(["='Month 7'!F7", "='Month 7'!H7", "='Month 7'!K7"]);
    expect(formulaAt(after, SHEET, 'E6')).toBe(
      `=IF(N('Month 7'!F7)=0,"The "&TRIM('Month 7'!A7)&" budget is forecasting "&"to break even.","The "&TRIM('Month 7'!A7)&" budget is forecasting "` +
        `&IF(N('Month 7'!D7)<=0,IF('Month 7'!F7>0,"an underachievement","an overachievement"),IF('Month 7'!F7>0,"an overspend","an underspend"))` +
        `&" of "&"£"&TEXT(ROUND(ABS('Month 7'!F7),3),"0.000")&"m"&IF(TRIM('Month 7'!H7)="",""," and is rated "&TRIM('Month 7'!H7))&".")` +
        `&IF(OR(NOT(ISNUMBER('Month 7'!K7)),N('Month 7'!F7)=0),"",IF('Month 7'!K7=0," This is unchanged from Month 6."," This is "` +
        `&IF(SIGN('Month 7'!K7)<>SIGN('Month 7'!F7),"a decrease",IF(ABS('Month 7'!K7)>ABS('Month 7'!F7),"a change","an increase"))` +
        `&" of "&"£"&TEXT(ROUND(ABS('Month 7'!K7),3),"0.000")&"m"&" from Month 6."))`,
    );
  });

  it('underspends, income lines, a shrinking overspend and an unchanged variance in their own words', () => {
    expect(valueAt(after, SHEET, 'E5')).toBe('The Fostering and Permanence budget is forecasting an underspend of £0.373m and is rated Green. This is a decrease of £0.102m from Month 6.');
    expect(valueAt(after, SHEET, 'E10')).toBe('The CLA West budget is forecasting an overspend of £0.168m and is rated Red. This is a decrease of £0.026m from Month 6.');
    expect(valueAt(after, SHEET, 'E13')).toBe('The Performance and Transformation budget is forecasting an underspend of £0.427m and is rated Green. This is unchanged from Month 6.');
    expect(valueAt(after, SHEET, 'E16')).toBe('The Inclusion Strategic Management budget is forecasting an underachievement of £0.745m and is rated Red. This is an increase of £0.032m from Month 6.');
    expect(valueAt(after, SHEET, 'E17')).toBe('The Education Leadership budget is forecasting an overachievement of £0.177m and is rated Green. This is an increase of £0.002m from Month 6.');
    expect(row(after, 19).slice(0, 5)).toEqual(['Curriculum and Literacy', 0.097, 'Red', 0.004, 'The Curriculum and Literacy budget is forecasting an underachievement of £0.097m and is rated Red. This is an increase of £0.004m from Month 6.']);
    expect(valueAt(after, SHEET, 'I19')).toBe('Red under the RAG policy');
  });

  it('names the previous period as asked: "… from Quarter 2", as the seed does', () => {
    const quarter = generate(workbook, { previousPeriod: 'Quarter 2' }).after;
    expect(valueAt(quarter, SHEET, 'D4')).toBe('Movement from Quarter 2 £m');
    expect(valueAt(quarter, SHEET, 'E6')).toBe('The External Placements budget is forecasting an overspend of £14.701m and is rated Red. This is an increase of £0.234m from Quarter 2.');
  });

  it('satisfies both rules: every variance explained, every sentence agreeing with the table', () => {
    expect(findingsOn(workbook)).toEqual([]); // no place for explanations yet: nothing asked
    expect(findingsOn(after)).toEqual([]);
  });

  it('a wrong figure typed over a draft is caught by narrative-figures', () => {
    const typed = recalculate(typeInto(after, SHEET, { E6: 'The External Placements budget is forecasting an overspend of £15.701m.' }));
    expect(findingsOn(typed)).toEqual(['narrative-figures Variance explanations!E6']);
  });

  it('the sentence follows a later edit of the table', () => {
    // The forecast for External Placements cut to 60.000: variance 14.084, then to 45.500: an underspend of 0.416.
    const cut = recalculate(typeInto(after, 'Month 7', { E7: 60 }));
    expect(row(cut, 6).slice(1, 5)).toEqual([14.084, 'Red', 0.234, 'The External Placements budget is forecasting an overspend of £14.084m and is rated Red. This is an increase of £0.234m from Month 6.']);
    const under = recalculate(typeInto(after, 'Month 7', { E7: 45.5, H7: 'Green', K7: -0.1 }));
    expect(valueAt(under, SHEET, 'E6')).toBe('The External Placements budget is forecasting an underspend of £0.416m and is rated Green. This is an increase of £0.100m from Month 6.');
    // Last period an overspend of 0.084, now an underspend: neither an increase nor a decrease.
    const crossed = recalculate(typeInto(after, 'Month 7', { E7: 45.5, H7: 'Green', K7: -0.5 }));
    expect(valueAt(crossed, SHEET, 'E6')).toBe('The External Placements budget is forecasting an underspend of £0.416m and is rated Green. This is a change of £0.500m from Month 6.');
    const even = recalculate(typeInto(after, 'Month 7', { E7: 45.916 }));
    expect(valueAt(even, SHEET, 'E6')).toBe('The External Placements budget is forecasting to break even.');
    expect(findingsOn(cut)).toEqual([]);
  });
});

describe('regenerating keeps every word officers typed', () => {
  const first = generate(seed000Workbook()).after;
  // Officers fill in External Placements and rewrite Fieldwork West's draft in their own words, and type a note beside the list.
  const typed = typeInto(first, SHEET, {
    F6: 'Lack of foster carers: children placed in external residential placements.',
    G6: 'Recruit foster carers; review placements at the Recovery Board.',
    H6: 'Jayne Shelbourn-Barrow',
    E8: 'Fieldwork West is underspending by £0.955m because of vacancies.',
    K6: 'Ask finance',
  });
  // Next, the table changes: Leaving Care now overspends by 0.231 (needs one), Fieldwork East only by 0.050 under (no longer).
  const changed = recalculate(typeInto(typed, 'Month 7', { E14: 2.7, E8: 4.928 }));
  const { result, after } = generate(changed);

  it('keeps Reason, Action, Owner, the rewritten draft and the note; refreshes only the add-in\'s own cells', () => {
    expect(result.problems).toEqual([]);
    expect(row(after, 6)).toEqual([
      'External Placements', 14.701, 'Red', 0.234,
      'The External Placements budget is forecasting an overspend of £14.701m and is rated Red. This is an increase of £0.234m from Month 6.',
      'Lack of foster carers: children placed in external residential placements.', 'Recruit foster carers; review placements at the Recovery Board.', 'Jayne Shelbourn-Barrow',
      'Red under the RAG policy; £100,000 or more',
    ]);
    expect(valueAt(after, SHEET, 'E8')).toBe('Fieldwork West is underspending by £0.955m because of vacancies.');
    expect(valueAt(after, SHEET, 'K6')).toBe('Ask finance');
    expect(result.notes).toEqual([
      '1 line added.',
      'No longer needing an explanation (kept, marked): Fieldwork East.',
      '1 explanation you wrote yourself kept as written.',
    ]);
  });

  it('marks the line that no longer needs one, keeps its row, and adds the new one at the end (Red under the policy, though its RAG word says Amber)', () => {
    expect(row(after, 7)).toEqual([
      'Fieldwork East', -0.05, 'Green', -0.012,
      'The Fieldwork East budget is forecasting an underspend of £0.050m and is rated Green. This is an increase of £0.012m from Month 6.',
      null, null, null, 'No longer needed',
    ]);
    expect(lines(after)).toHaveLength(19);
    expect(row(after, 23)).toEqual([
      'Leaving Care', 0.231, 'Amber', -0.05,
      'The Leaving Care budget is forecasting an overspend of £0.231m and is rated Amber. This is a decrease of £0.050m from Month 6.',
      null, null, null, 'Red under the RAG policy; £100,000 or more',
    ]);
  });

  it('writes only what changed: nothing the officers typed is in the plan', () => {
    const written = result.plan.edits.filter((e) => e.kind === 'setFormulas').map((e) => e.range);
    expect(written).toEqual(['I7', 'A23:E23', 'I23']);
    expect(result.overwrites).toEqual([{ sheet: SHEET, range: 'I7' }]);
  });

  it('regenerating again changes no cell', () => {
    const again = planVarianceExplanations(after, readTables(after));
    expect(again.plan.edits.filter((e) => e.kind === 'setFormulas' || e.kind === 'addSheet')).toEqual([]);
    expect(again.notes).toEqual(['No longer needing an explanation (kept, marked): Fieldwork East.', '1 explanation you wrote yourself kept as written.']);
  });

  it('a renamed line keeps its row (matched by the cell its figures link to); a line gone from the table is kept and marked', () => {
    const renamed = recalculate(typeInto(typeInto(typed, 'Month 7', { A7: 'External Placements (residential)' }), SHEET, { A23: 'Old line', F23: 'Typed reason' }));
    const { result: r, after: a } = generate(renamed);
    expect(r.problems).toEqual([]);
    expect(row(a, 6).slice(0, 8)).toEqual([
      'External Placements (residential)', 14.701, 'Red', 0.234,
      'The External Placements (residential) budget is forecasting an overspend of £14.701m and is rated Red. This is an increase of £0.234m from Month 6.',
      'Lack of foster carers: children placed in external residential placements.', 'Recruit foster carers; review placements at the Recovery Board.', 'Jayne Shelbourn-Barrow',
    ]);
    expect(row(a, 23)).toEqual(['Old line', null, null, null, null, 'Typed reason', null, null, 'Not in the table on Month 7']);
    expect(r.notes).toContain('"External Placements" is now "External Placements (residential)" in the table.');
    expect(r.notes).toContain('No longer in the table (kept, marked): Old line.');
  });

  it('the add-in\'s drafts follow a new period name; an officer\'s formula of their own is kept', () => {
    const own = recalculate(typeInto(first, SHEET, { E10: `="CLA West: "&TEXT('Month 7'!F10,"0.000")` }));
    const { after: a } = generate(own, { previousPeriod: 'Quarter 2' });
    expect(valueAt(a, SHEET, 'E6')).toBe('The External Placements budget is forecasting an overspend of £14.701m and is rated Red. This is an increase of £0.234m from Quarter 2.');
    expect(formulaAt(a, SHEET, 'E10')).toBe(`="CLA West: "&TEXT('Month 7'!F10,"0.000")`);
  });

  it('reads back its own sheet', () => {
    const sheet = after.sheets.find((s) => s.name === SHEET)!;
    const read = readExplanationSheet(sheet)!;
    expect(read.headerRow).toBe(3);
    expect(read.rows.map((r) => r.row)).toEqual(Array.from({ length: 19 }, (_, i) => 4 + i));
    expect(read.rows[1]).toMatchObject({ line: 'External Placements', linked: { sheet: 'Month 7', row: 6 } });
  });
});

describe('other tables, policies and refusals', () => {
  it('a £000 table whose variances are underspend-positive: the words follow its convention', () => {
    const wb = recalculate(GRID_FIXTURES['layout-adults-nested']!());
    const { result, after } = generate(wb);
    expect(result.problems).toEqual([]);
    expect(lines(after)).toEqual(['Residential Care', 'Home Care', 'Supported Living']);
    expect(valueAt(after, SHEET, 'D4')).toBe('Movement £000');
    // Residential Care −1,650 in an underspend-positive table is an overspend of £1.650m.
    expect(String(valueAt(after, SHEET, 'E5'))).toMatch(/^The Residential Care budget is forecasting an overspend of £1\.650m and is rated \w+\.$/);
    expect(String(valueAt(after, SHEET, 'E6'))).toMatch(/^The Home Care budget is forecasting an underspend of £380k and is rated \w+\.$/);
    expect(findingsOn(after)).toEqual([]);
  });

  it('a table in pounds, underspends positive: whole pounds, its own RAG word', () => {
    const wb = recalculate(GRID_FIXTURES['unseen-underspend-positive']!());
    const { result, after } = generate(wb);
    expect(result.problems).toEqual([]);
    expect(lines(after)).toEqual(['ICT', 'Procurement']);
    expect(valueAt(after, SHEET, 'E5')).toBe('The ICT budget is forecasting an overspend of £185,000 and is rated R.');
    expect(findingsOn(after)).toEqual([]);
  });

  it('a table without a RAG column: the RAG worked out live from the policy, and following the figures', () => {
    const wb = recalculate(GRID_FIXTURES['unseen-three-levels']!());
    const { result, after } = generate(wb);
    expect(result.problems).toEqual([]);
    expect(lines(after)).toEqual(['Residential Care', 'Home Care']);
    expect(['C5', 'E5', 'C6', 'E6'].map((a) => valueAt(after, SHEET, a))).toEqual([
      'Red', 'The Residential Care budget is forecasting an overspend of £750k and is rated Red.',
      'Green', 'The Home Care budget is forecasting an underspend of £180k and is rated Green.',
    ]);
    expect(findingsOn(after)).toEqual([]);
  });

  it('refuses a sheet of that name it did not make, a policy that asks for nothing, and a workbook with no variance', () => {
    const wb = seed000Workbook();
    const theirs = { sheets: [...wb.sheets, { name: SHEET, rows: [[{ value: 'My notes' }]] }] };
    expect(planVarianceExplanations(theirs, readTables(theirs)).problems).toEqual([
      'A sheet named "Variance explanations" already exists and is not one this add-in drafted; rename it, or choose another sheet name.',
    ]);
    const off = planVarianceExplanations(wb, readTables(wb), { policy: { ...DEFAULT_RAG_POLICY, explanations: { red: false, money: null } } });
    expect(off.problems).toHaveLength(1);
    expect(off.plan.edits).toEqual([]);
    const none = GRID_FIXTURES['seed001-mtfp-tracker']!();
    expect(planVarianceExplanations(none, readTables(none)).problems).toEqual(['No monitoring table with a variance column was found to explain.']);
  });

  it('a policy amount of £1m lists only the Red lines and the variances of £1m or more', () => {
    const wb = seed000Workbook();
    const { after } = generate(wb, { policy: { ...DEFAULT_RAG_POLICY, explanations: { red: false, money: 1_000_000 } } });
    expect(lines(after)).toEqual(['External Placements', 'CSC Management', 'Education Places']);
    expect(valueAt(after, SHEET, 'I5')).toBe('£1,000,000 or more');
  });
});
