import type { Workbook } from '../../../src/engine/grid';
import { narrativeFiguresRule } from '../../../src/engine/rules';
import { validateWorkbook } from '../../../src/engine/validate';
import { FMT_THOUSANDS as K, GRID_FIXTURES, num, sheet } from '../../fixtures/grids';
import { SEED000_BULLETS, SEED000_EXPLANATIONS, seed000Narrative } from '../../fixtures/grids/seed000-narrative';
import { SEED003_COMMENTARY, seed003Workbook } from '../../fixtures/grids/seed003';
import { cellOf, findingsOf, ruleTester, withValue } from '../../support/rule-tester';

const M7 = 'Month 7';

/** A small £000 table with a comments column. */
function commented(home = 'Overspend of £450k due to demand for home care', day = 'Underspend of £0.12m from vacancies', total = ''): Workbook {
  return {
    sheets: [sheet('Q2', [
      ['Service', 'Net Budget £000', 'Forecast £000', 'Variance £000', 'Comments'],
      ['Home Care', num(10_000, K), num(10_450, K), num(450, K), home],
      ['Day Services', num(5_000, K), num(4_880, K), num(-120, K), day],
      ['Total', num(15_000, K), num(15_330, K), num(330, K), total],
    ])],
  };
}

/** Seed 000 with one narrative cell's words changed. */
function seed000With(cell: string, from: string, to: string): Workbook {
  const wb = seed000Narrative();
  const text = String(cellOf(wb, M7, cell).value);
  if (!text.includes(from)) throw new Error(`${cell} does not say ${from}`);
  return withValue(wb, M7, cell, text.replace(from, to));
}

function seed003With(index: number, from: string, to: string): Workbook {
  const text = SEED003_COMMENTARY[index]!;
  if (!text.includes(from)) throw new Error(`paragraph ${index} does not say ${from}`);
  return seed003Workbook(SEED003_COMMENTARY.map((t, i) => (i === index ? t.replace(from, to) : t)));
}

ruleTester(narrativeFiguresRule, {
  valid: [
    { name: 'comments that agree with their rows (£450k against 450 in £000, £0.12m against (120))', workbook: commented() },
    { name: 'a comment rounding as it likes: £0.5m is not a claim about 450 it can be held to … unless it disagrees', workbook: commented('Overspend of £0.45m') },
    { name: 'hedged and partial figures are left alone', workbook: commented('Overspend of around £600k, including an additional overspend of £90k on agency staff') },
    { name: 'a comment about another year', workbook: commented('Last year overspend of £700k; this year on track') },
    { name: 'a figure for something the table does not name', workbook: commented('There is an overspend of £0.9m in reablement') },
    { name: 'seed 000: headline bullets and key explanations as published', workbook: seed000Narrative() },
    { name: 'seed 003: the paper beside a table built from its figures (£9.6m against 9,600 in £000; £4.3 million against 4,312)', workbook: seed003Workbook() },
  ],
  invalid: [
    {
      name: 'a comment quoting the wrong overspend',
      workbook: commented('Overspend of £540k due to demand for home care'),
      errors: [{ cell: 'E2', messageId: 'mismatch', severity: 'error', message: 'E2 says the overspend for Home Care is £540k but D2 is 450 (£000)', expected: 450 }],
    },
    {
      name: 'a comment calling an underspend an overspend',
      workbook: commented(undefined, 'Overspend of £0.12m from vacancies'),
      errors: [{ cell: 'E3', messageId: 'wrongDirection', message: 'E3 calls the variance for Day Services an overspend of £0.12m but D3 is (120), an underspend (£000)', expected: 'underspend' }],
    },
    {
      name: 'seed 000: a changed quoted overspend (External Placements)',
      workbook: seed000With('A45', '£14.701m', '£14.801m'),
      errors: [{ cell: 'A45', messageId: 'mismatch', message: 'A45 says the overspend for External Placements is £14.801m but F11 is 14.701 (£m)', expected: 14.701 }],
    },
    {
      name: 'seed 000: the headline calls the overspend an underspend',
      workbook: seed000With('A2', 'an overspend of £8.380m', 'an underspend of £8.380m'),
      errors: [{ cell: 'A2', messageId: 'wrongDirection', message: 'A2 calls the variance for Children, Families & Education Services Total an underspend of £8.380m but F41 is 8.380, an overspend (£m)', expected: 'overspend' }],
    },
    {
      name: 'seed 000: the headline net budget mistyped',
      workbook: seed000With('A2', '£142.827m', '£124.827m'),
      errors: [{ cell: 'A2', messageId: 'mismatch', message: 'A2 says the net budget for Children, Families & Education Services Total is £124.827m but D41 is 142.827 (£m)', expected: 142.827 }],
    },
    {
      name: 'seed 000: an increase that was a decrease (the headline movement)',
      workbook: seed000With('A2', 'a decrease of £0.375m', 'an increase of £0.375m'),
      errors: [{ cell: 'A2', messageId: 'wrongChange', message: 'A2 says the overspend for Children, Families & Education Services Total increased by £0.375m since Quarter 2 but K41 is (0.375): it decreased (£m)', expected: 'decreased' }],
    },
    {
      name: 'seed 000: a decrease that was an increase (External Placements, carried from the sentence before)',
      workbook: seed000With('A45', 'This is an increase of £0.234m', 'This is a decrease of £0.234m'),
      errors: [{ cell: 'A45', messageId: 'wrongChange', message: 'A45 says the overspend for External Placements decreased by £0.234m since Quarter 2 but K11 is 0.234: it increased (£m)' }],
    },
    {
      name: 'seed 000: an underspend said to have increased when it fell (Fostering and Permanence)',
      workbook: seed000With('A52', 'a decrease of £0.102m', 'an increase of £0.102m'),
      errors: [{ cell: 'A52', messageId: 'wrongChange', message: 'A52 says the underspend for Fostering and Permanence increased by £0.102m since Quarter 2 but K10 is 0.102: it decreased (£m)' }],
    },
    {
      name: 'seed 000: the movement given from the wrong period (Quarter 1, where the column is from Month 6 = Quarter 2)',
      workbook: seed000With('A45', 'from Quarter 2', 'from Quarter 1'),
      errors: [{ cell: 'A45', messageId: 'wrongPeriod', severity: 'warning', message: 'A45 gives the movement for External Placements since Quarter 1 but the movement in K11 is since Month 6', expected: 'Month 6' }],
    },
    {
      name: 'seed 000: the mitigations paragraph quoting the directorate overspend wrongly',
      workbook: seed000With('A59', '£8.380m', '£8.5m'),
      errors: [{ cell: 'A59', messageId: 'mismatch', message: 'A59 says the overspend for Children, Families & Education Services Total is £8.5m but F41 is 8.380 (£m)' }],
    },
    {
      name: 'seed 003: the forecast variance quoted wrongly (on the Commentary sheet, against the Budget sheet)',
      workbook: seed003With(3, '£9.6m', '£9.9m'),
      errors: [{ sheet: 'Commentary', cell: 'A4', messageId: 'mismatch', message: 'A4 says the variance for the total is £9.9m but Budget!D10 is 9,600 (£000)', expected: 9600 }],
    },
    {
      name: 'seed 003: the placements overspend called an underspend (the heading names the line)',
      workbook: seed003With(7, 'an overspend of £4.3 million', 'an underspend of £4.3 million'),
      errors: [{ sheet: 'Commentary', cell: 'A8', messageId: 'wrongDirection', message: 'A8 calls the variance for Placement Cost of Children in Care an underspend of £4.3 million but Budget!D4 is 4,312, an overspend (£000)' }],
    },
    {
      name: 'seed 003: the placements overspend changed',
      workbook: seed003With(7, 'overspend of £4.3 million', 'overspend of £4.6 million'),
      errors: [{ sheet: 'Commentary', cell: 'A8', messageId: 'mismatch', message: 'A8 says the overspend for Placement Cost of Children in Care is £4.6 million but Budget!D4 is 4,312 (£000)', expected: 4312 }],
    },
  ],
});

describe('narrative-figures leaves alone what it cannot tie to one cell', () => {
  it('the fieldwork east and west budgets together, a net overspend, SEND (not a line label)', () => {
    for (const [cell, from, to] of [
      ['A50', '£1.382m', '£1.482m'],
      ['A45', 'net overspend of £11.846m', 'net overspend of £12.846m'],
      ['A57', '£0.334m', '£0.434m'],
      ['A3', '£127.1m', '£172.1m'],
    ] as const) {
      expect(findingsOf(narrativeFiguresRule, seed000With(cell, from, to)).map((f) => f.message)).toEqual([]);
    }
  });

  it('the seed text is what the fixture holds', () => {
    expect(String(cellOf(seed000Narrative(), M7, 'A2').value)).toBe(SEED000_BULLETS[0]);
    expect(String(cellOf(seed000Narrative(), M7, 'A45').value)).toBe(SEED000_EXPLANATIONS[2]);
  });
});

describe('seed fixtures as published', () => {
  it.each(Object.keys(GRID_FIXTURES))('%s: no narrative finding', (name) => {
    const findings = validateWorkbook(GRID_FIXTURES[name]!(), { rules: ['narrative-figures'] }).findings;
    expect(findings.map((f) => `${f.rule} ${f.sheet}!${f.cell} ${f.message}`)).toEqual([]);
  });

  it.each([['seed000-narrative', seed000Narrative], ['seed003', () => seed003Workbook()]] as const)('%s: no narrative or explanation findings', (_, make) => {
    const findings = validateWorkbook(make(), { rules: ['narrative-figures', 'variance-explained'] }).findings;
    expect(findings.map((f) => `${f.rule} ${f.sheet}!${f.cell} ${f.message}`)).toEqual([]);
  });
});
