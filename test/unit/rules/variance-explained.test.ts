import type { Workbook } from '../../../src/engine/grid';
import { explanationsNeeded } from '../../../src/engine/narrative/explanations';
import { parseRagPolicy, ragPolicyToJson } from '../../../src/engine/policy-json';
import { DEFAULT_RAG_POLICY, type RagPolicy } from '../../../src/engine/policy';
import { readTables } from '../../../src/engine/read';
import { varianceExplainedRule } from '../../../src/engine/rules';
import { validateWorkbook } from '../../../src/engine/validate';
import { FMT_THOUSANDS as K, layoutAdultsNested, num, seed000Table1Values, sheet } from '../../fixtures/grids';
import { findingsOf, ruleTester } from '../../support/rule-tester';

/** A £000 table with RAG and comments: Home Care Red (+450), Day Services (120) Green, Respite +40 Amber. */
function table(comments: readonly (string | null)[] = ['Demand above plan', 'Vacancies', null], withComments = true): Workbook {
  const row = (label: string, budget: number, forecast: number, rag: string, comment: string | null) =>
    [label, num(budget, K), num(forecast, K), num(forecast - budget, K), rag, ...(withComments ? [comment] : [])];
  return {
    sheets: [sheet('P6', [
      ['Service', 'Net Budget £000', 'Forecast £000', 'Variance £000', 'RAG', ...(withComments ? ['Comments'] : [])],
      row('Home Care', 10_000, 10_450, 'Red', comments[0] ?? null),
      row('Day Services', 5_000, 4_880, 'Green', comments[1] ?? null),
      row('Respite', 2_000, 2_040, 'Amber', comments[2] ?? null),
      ['Total', num(17_000, K), num(17_370, K), num(370, K), 'Red', ...(withComments ? [null] : [])],
    ])],
  };
}

function withExplanationSheet(wb: Workbook, rows: readonly [string, string][]): Workbook {
  return { sheets: [...wb.sheets, sheet('Variance explanations', [['Line', 'Variance £000', 'Explanation'], ...rows.map(([l, t]) => [l, null, t])])] };
}

const policy = (explanations: unknown): RagPolicy => {
  const p = parseRagPolicy({ explanations });
  if (!p.ok) throw new Error(p.problems.join(' '));
  return p.policy;
};

ruleTester(varianceExplainedRule, {
  valid: [
    { name: 'every Red or £100,000 line has a comment (Respite, +40 Amber, needs none)', workbook: table() },
    { name: 'no comments column and no explanation sheet: not reported (seed 000 as published)', workbook: seed000Table1Values() },
    { name: 'no comments column, but the explanation sheet names each line', workbook: withExplanationSheet(table([], false), [['Home Care', 'Demand'], ['Day Services', 'Vacancies']]) },
    { name: 'a policy of £500,000 and Red only: Day Services (120) needs none', workbook: table(['Demand', null, null]), options: { policy: policy({ red: true, money: 500_000 }) } },
    { name: 'the check turned off', workbook: table([null, null, null]), options: { policy: policy({ red: false, money: null }) } },
  ],
  invalid: [
    {
      name: 'a Red line with a blank comment',
      workbook: table([null, 'Vacancies', null]),
      errors: [{ cell: 'D2', messageId: 'unexplained', severity: 'warning', message: 'D2: the overspend of 450 (£000) on Home Care needs an explanation (its RAG is Red and it is at least £100,000); there is none in its comments cell F2', expected: 'an explanation' }],
    },
    {
      name: 'an underspend of £120,000 with "-" and TBC as its comment, and a Red line with TBC',
      workbook: table(['TBC', '-', null]),
      errors: [
        { cell: 'D2', messageId: 'unexplained' },
        { cell: 'D3', messageId: 'unexplained', message: 'D3: the underspend of 120 (£000) on Day Services needs an explanation (it is at least £100,000); there is none in its comments cell F3' },
      ],
    },
    {
      name: 'an explanation sheet that leaves a line out',
      workbook: withExplanationSheet(table([], false), [['Home Care', 'Demand above plan']]),
      errors: [{ cell: 'D3', messageId: 'unexplained', message: 'D3: the underspend of 120 (£000) on Day Services needs an explanation (it is at least £100,000); there is none in the "Variance explanations" sheet' }],
    },
    {
      name: 'the layout fixture: Supported Living (Red) and Home Care (380 under) have no comment; underspend-positive signs read',
      workbook: layoutAdultsNested(),
      errors: [
        { sheet: 'Adults P6', cell: 'F7', messageId: 'unexplained', message: 'F7: the underspend of 380 (£000) on Home Care needs an explanation (it is at least £100,000); there is none in its comments cell H7' },
        { sheet: 'Adults P6', cell: 'F12', messageId: 'unexplained', message: 'F12: the overspend of 750 (£000) on Supported Living needs an explanation (its RAG is Red and it is at least £100,000); there is none in its comments cell H12' },
      ],
    },
  ],
});

describe('explanationsNeeded', () => {
  it('lists the lines the policy names, with their variance and RAG', () => {
    const wb = table();
    const [t] = readTables(wb);
    expect(explanationsNeeded(t!, DEFAULT_RAG_POLICY, wb.sheets[0]!)).toEqual([
      { row: 1, cell: 'D2', label: 'Home Care', variance: 450, rag: 'Red', reasons: ['red', 'money'] },
      { row: 2, cell: 'D3', label: 'Day Services', variance: -120, rag: 'Green', reasons: ['money'] },
    ]);
  });

  it('seed 000: every Red line and every variance of £0.1m or more, in £m', () => {
    const wb = seed000Table1Values();
    const [t] = readTables(wb);
    expect(explanationsNeeded(t!, DEFAULT_RAG_POLICY, wb.sheets[0]!).map((n) => `${n.label} ${n.variance} ${n.rag} ${n.reasons.join('+')}`)).toEqual([
      'Fostering and Permanence -0.373 Green money',
      'External Placements 14.701 Red red+money',
      'Fieldwork East -0.427 Green money',
      'Fieldwork West -0.955 Green money',
      'Disabilities -0.5 Green money',
      'CLA West 0.168 Red red+money',
      'CSC Management -2.402 Green money',
      'C&P Commissioning -0.105 Green money',
      'Performance and Transformation -0.427 Green money',
      'Special Educational Needs and Disabilities 0.181 Red red+money',
      'Inclusion Transformation and Partnerships -0.852 Green money',
      'Inclusion Strategic Management 0.745 Red red+money',
      'Education Leadership -0.177 Green money',
      'Education Operations -0.138 Green money',
      'Curriculum and Literacy 0.097 Red red',
      'Education Places -1.008 Green money',
      'EPS Management 0.393 Red red+money',
      'Children, Families & Education Team -0.245 Green money',
    ]);
  });

  it('is empty without the sheet or a variance column', () => {
    const [t] = readTables(table());
    expect(explanationsNeeded(t!, DEFAULT_RAG_POLICY)).toEqual([]);
  });
});

describe('the explanations policy setting', () => {
  it('defaults to Red and £100,000, and reads what a council states', () => {
    expect(parseRagPolicy({})).toEqual({ ok: true, policy: DEFAULT_RAG_POLICY });
    expect(DEFAULT_RAG_POLICY.explanations).toEqual({ red: true, money: 100_000 });
    expect(policy({ money: 250_000 }).explanations).toEqual({ red: true, money: 250_000 });
    expect(policy({ red: false }).explanations).toEqual({ red: false, money: 100_000 });
    expect(policy({ money: null }).explanations).toEqual({ red: true, money: null });
  });

  it('says in plain words what is wrong with a bad value', () => {
    expect(parseRagPolicy({ explanations: 5 })).toEqual({ ok: false, problems: ['"explanations" must be an object such as {"red": true, "money": 100000}'] });
    expect(parseRagPolicy({ explanations: { red: 'yes' } })).toEqual({ ok: false, problems: ['"explanations.red" must be true or false'] });
    expect(parseRagPolicy({ explanations: { money: -1 } })).toEqual({ ok: false, problems: ['"explanations.money" must be an amount in pounds of 0 or more, or null for no amount'] });
    expect(parseRagPolicy({ explanations: { money: '100k' } })).toEqual({ ok: false, problems: ['"explanations.money" must be an amount in pounds of 0 or more, or null for no amount'] });
    expect(parseRagPolicy({ explanations: { amount: 1 } })).toEqual({ ok: false, problems: ['unknown field "explanations.amount"'] });
  });

  it('round-trips through JSON', () => {
    const p = policy({ red: false, money: null });
    expect(parseRagPolicy(JSON.parse(JSON.stringify(ragPolicyToJson(p))))).toEqual({ ok: true, policy: p });
    expect(ragPolicyToJson(DEFAULT_RAG_POLICY)).toMatchObject({ explanations: { red: true, money: 100_000 } });
  });

  it('an older saved policy without the setting still validates with the default', () => {
    const { explanations: _, ...old } = DEFAULT_RAG_POLICY;
    expect(findingsOf(varianceExplainedRule, table([null, null, null]), { policy: old }).map((f) => f.cell)).toEqual(['D2', 'D3']);
    expect(validateWorkbook(table(), { policy: old, rules: ['variance-explained'] }).findings).toEqual([]);
  });
});

describe('a footnote reference in the comments cell', () => {
  it.each([[3], ['Note 3'], ['see note 12']])('%p: the explanation is in the paper’s notes, so nothing is claimed missing', (note) => {
    const [t] = readTables(table());
    const sheet = table().sheets[0]!;
    const rows = sheet.rows.map((r) => [...(r ?? [])]);
    const row = t!.rows.find((x) => x.label === 'Day Services')!.row;
    const comments = t!.columns.find((c) => c.role === 'comments')!.col;
    rows[row]![comments] = { value: note };
    const workbook = { sheets: [{ ...sheet, rows }] };
    const found = validateWorkbook(workbook, { rules: ['variance-explained'] }).findings.filter((f) => f.message.includes('Day Services'));
    expect(found).toEqual([]);
  });
});
