/**
 * MHCLG revenue outturn by council (£ thousand): a councils × services data table, not a
 * monitoring table. Its headers say "net", "income" and "expenditure" many times over, so
 * no row arithmetic may be guessed from them, and its blanks and ".." marks are normal.
 */
import { type Checked, checkRealFile, rowAt } from './realdata';

let checked: Checked;
beforeAll(async () => {
  checked = await checkRealFile('mhclg_RS_revenue_outturn_summary_2017-18.xlsx');
}, 300_000);

const byRule = (rule: string): string[] => checked.findings.filter((f) => f.rule === rule).map((f) => `${f.sheet}!${f.cell}`);

describe('mhclg RS outturn: a wide data table is not checked as a budget', () => {
  it('keeps at most one of its many budget-like columns as the budget, and checks no net-budget identity there', () => {
    const t = checked.tables.find((x) => x.sheet === 'RS LA Data 2017-18' && x.range.startsWith('A7:'))!;
    expect(t.columns.filter((c) => c.role === 'netBudget').length).toBeLessThanOrEqual(1);
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

describe('mhclg RS outturn: the Access pivot tables and the PHE Check sheet', () => {
  const pivots = ['Access (Col 1)', 'Access (Col 2)', 'Access (Col 3)', 'Access (Col 4)', 'Access (Col 5)', 'Access (Col 6)', 'Access (Col 7)', 'Access (Col 8)', 'Access (Col 99)'];

  it('reads the rows down to "Row Labels" (codes, captions, filters) as notes, not lines the Grand Total adds', () => {
    for (const sheet of pivots) {
      const t = checked.tables.find((x) => x.sheet === sheet)!;
      const kinds = t.rows.filter((r) => r.row <= 6).map((r) => r.kind);
      expect([sheet, kinds.every((k) => k === 'note' || k === 'blank')]).toEqual([sheet, true]);
      const grand = t.rows.find((r) => r.label === 'Grand Total' && r.row === 452)!;
      // Excel rows 8-452, less any council row with no figures at all (read as a heading).
      const figureless = t.rows.filter((r) => r.row >= 7 && r.row <= 451 && r.kind !== 'line').length;
      expect([sheet, grand.covers?.[0], grand.covers?.at(-1), grand.covers?.length]).toEqual([sheet, 7, 451, 445 - figureless]);
    }
  });

  it('gives no error on any pivot sheet: the typed Grand Totals add up (and are warned about as typed)', () => {
    expect(checked.findings.filter((f) => pivots.includes(f.sheet) && f.severity === 'error')).toEqual([]);
    expect([...new Set(checked.findings.filter((f) => pivots.includes(f.sheet) && f.severity === 'warning').map((f) => f.rule))]).toEqual(['total-formula']);
  });

  it('takes "Error" returned by the sheet\'s own check formulas (=IF(…,"Error")) as words, not a damaged figure', () => {
    expect(byRule('unreadable-figure').filter((c) => c.startsWith('PHE Check!'))).toEqual([]);
  });
});

describe('mhclg RS outturn: the errors that remain', () => {
  it('are only COUNCIL TAX REQUIREMENT, which is real: the sheet\'s own CHECKS cell L88 shows the same 1,506 gap', () => {
    const errors = checked.findings.filter((f) => f.severity === 'error').map((f) => `${f.sheet}!${f.cell} ${f.rule}`);
    // "(total of lines 805 to 880)": lines 805-880 (with "870 & 885" taken as line 870) add up to
    // 27,632,217 where the total is 27,630,711; =E88-SUM(E76:E86) in L88 shows -1,506 too.
    expect(errors).toEqual(['LA drop-down!E88 total-sum']);
  });

  it('reads typed "Total …" figures that add nothing of their own as lines, and the total after them as adding them', () => {
    expect([131, 132, 145, 146].map((r) => rowAt(checked.tables, 'LA drop-down', r)?.kind)).toEqual(['line', 'line', 'line', 'line']);
    expect(rowAt(checked.tables, 'LA drop-down', 147)?.covers?.map((r) => r + 1)).toEqual([145, 146]);
  });

  it('reads line numbers left of the labels (931 … 939) as references even under a heading, so they are not added up', () => {
    const t = checked.tables.find((x) => x.sheet === 'LA drop-down' && x.range.startsWith('C104:'))!;
    expect(t.columns.find((c) => c.letter === 'C')?.role).toBe('reference');
  });
});
