/**
 * MHCLG revenue outturn by council (£ thousand): a councils × services data table, not a
 * monitoring table. Its headers say "net", "income" and "expenditure" many times over, so
 * no row arithmetic may be guessed from them, and its blanks and ".." marks are normal.
 */
import { type Checked, checkRealFile } from './realdata';

let checked: Checked;
beforeAll(async () => {
  checked = await checkRealFile('mhclg_RS_revenue_outturn_summary_2017-18.xlsx');
}, 300_000);

const byRule = (rule: string): string[] => checked.findings.filter((f) => f.rule === rule).map((f) => `${f.sheet}!${f.cell}`);

describe('mhclg RS outturn: a wide data table is not checked as a budget', () => {
  it('reads several columns as net budget, expenditure and income on RS LA Data, so no net-budget identity is checked', () => {
    const t = checked.tables.find((x) => x.sheet === 'RS LA Data 2017-18' && x.range.startsWith('A7:'))!;
    expect(t.columns.filter((c) => c.role === 'netBudget').length).toBeGreaterThan(1);
    expect(byRule('net-budget')).toEqual([]);
  });

  it('reports no missing figure: blanks in a data table mean nothing was returned', () => {
    expect(byRule('missing-figure')).toEqual([]);
  });

  it('takes "..." (not available) as a statistical mark, not an unreadable figure', () => {
    expect(byRule('unreadable-figure').filter((c) => c.startsWith('RS LA Data 2017-18!'))).toEqual([]);
  });
});

describe('mhclg RS outturn: the LA drop-down summary', () => {
  it('takes the words on heading rows ("CHECKS", "Net Current Expenditure", "£ thousand") as words, not damaged figures', () => {
    expect(byRule('unreadable-figure').filter((c) => /^LA drop-down!(L13|E14|E15)$/.test(c))).toEqual([]);
  });

  it('reads column I (=I17+1, a lookup counter 4, 5, 6 …) as a reference, so its totals are not added up', () => {
    const t = checked.tables.find((x) => x.sheet === 'LA drop-down' && x.range.startsWith('C13:'))!;
    expect(t.columns.find((c) => c.letter === 'I')?.role).toBe('reference');
    expect(byRule('total-sum').filter((c) => /^LA drop-down!I(30|51|62|72|76|88)$/.test(c))).toEqual([]);
  });
});
