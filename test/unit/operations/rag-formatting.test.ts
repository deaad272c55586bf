import { columnLetters } from '../../../src/engine/address';
import type { Edit } from '../../../src/engine/plan';
import { DEFAULT_RAG_POLICY, type RagPolicy, type RagStatus } from '../../../src/engine/policy';
import { ragStatusFor } from '../../../src/engine/domain/rag';
import { isRagPlanTitle, planRagFormatting, RAG_PALETTE, ragTag } from '../../../src/engine/operations/rag-formatting';
import { evaluateRules } from './cf-eval';
import { seed000Rows, seed000Workbook, tableOf, typeInto } from './seed-workbooks';

type CfEdit = Extract<Edit, { kind: 'addConditionalFormat' }>;

function contrast(a: string, b: string): number {
  const lum = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4)) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [x, y] = [lum(a), lum(b)];
  return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
}

describe('planRagFormatting on seed 000', () => {
  const workbook = seed000Workbook();
  const sheet = workbook.sheets.find((s) => s.name === 'Month 7')!;
  const table = tableOf(sheet);
  const result = planRagFormatting(table, DEFAULT_RAG_POLICY);
  const cfs = result.plan.edits.filter((e): e is CfEdit => e.kind === 'addConditionalFormat');

  it('first removes only its own rules for this table, then adds tagged rules', () => {
    expect(result.problems).toEqual([]);
    expect(result.plan.edits[0]).toEqual({ kind: 'removeConditionalFormats', sheet: 'Month 7', tag: ragTag(table) });
    expect(ragTag(table)).toBe('budget-monitor:rag@A3');
    expect(cfs.every((e) => e.tag === ragTag(table) && e.sheet === 'Month 7')).toBe(true);
  });

  it('colours the RAG column by each policy word, bounded to the table body', () => {
    const words = cfs.filter((e) => e.format.rule.type === 'text');
    expect(words.map((e) => e.range)).toEqual(Array(6).fill(`H4:H${table.lastRow + 1}`));
    expect(words.map((e) => [e.format.rule.type === 'text' && e.format.rule.text, e.format.style])).toEqual([
      ['Red', RAG_PALETTE.Red], ['R', RAG_PALETTE.Red], ['Amber', RAG_PALETTE.Amber], ['A', RAG_PALETTE.Amber], ['Green', RAG_PALETTE.Green], ['G', RAG_PALETTE.Green],
    ]);
  });

  it('puts three rules per level on the variance column: lines and sub totals over the body, told apart by label', () => {
    const formulaRules = cfs.filter((e) => e.format.rule.type === 'formula');
    expect(formulaRules.map((e) => e.range)).toEqual([...Array(6).fill('F5:F37'), 'F37', 'F37', 'F37']);
  });

  it('line-level rule converts the £100,000 limit into £m and takes 5% of |net budget|', () => {
    const red = cfs.find((e) => e.range === 'F5:F37' && e.format.style === RAG_PALETTE.Red)!;
    expect(red.format.rule).toEqual({
      type: 'formula',
      formula: '=AND(NOT(OR(TRIM($A5)="sub total",TRIM($A5)="Children, Families & Education Services Total")),ISNUMBER($F5),$F5>0,$F5>=MIN(0.1,0.05*ABS(N($D5))))',
    });
    const section = cfs.filter((e) => e.range === 'F5:F37' && e.format.style === RAG_PALETTE.Red)[1]!;
    expect(section.format.rule).toEqual({ type: 'formula', formula: '=AND(OR(TRIM($A5)="sub total"),ISNUMBER($F5),$F5>0,$F5>=MIN(0.25,0.05*ABS(N($D5))))' });
    const total = cfs.find((e) => e.range === 'F37' && e.format.style === RAG_PALETTE.Red)!;
    expect(total.format.rule).toEqual({ type: 'formula', formula: '=AND(ISNUMBER($F37),$F37>0,$F37>=MIN(1,0.005*ABS(N($D37))))' });
  });

  it('the rules, evaluated by a calculation engine, give every published RAG word of seed 000, one rule per cell', () => {
    const formulaRules = cfs.filter((e) => e.format.rule.type === 'formula');
    const results = evaluateRules(workbook, formulaRules);
    const statusOfRule = (e: CfEdit): RagStatus => (Object.keys(RAG_PALETTE) as RagStatus[]).find((s) => RAG_PALETTE[s] === e.format.style)!;
    // Exactly one rule is met on each row, so the colour does not depend on rule order.
    const shown = new Map<number, RagStatus>();
    formulaRules.forEach((rule, i) => {
      for (const [key, met] of results[i]!) {
        const row = Number(key.split(':')[1]);
        if (!met) continue;
        expect([row, shown.get(row)]).toEqual([row, undefined]);
        shown.set(row, statusOfRule(rule));
      }
    });
    const published = new Map<number, string>();
    for (const r of table.rows) if (r.kind !== 'section') published.set(r.row, String(sheet.rows[r.row]![7]!.value));
    expect(published.size).toBe(30);
    expect(Object.fromEntries(shown)).toEqual(Object.fromEntries(published));
  });

  it('every palette pair has at least 4.5:1 contrast, so words and figures stay readable', () => {
    for (const style of Object.values(RAG_PALETTE)) expect(contrast(style.fontColor, style.fill)).toBeGreaterThanOrEqual(4.5);
  });

  it('applying twice gives the same plan (reapplying replaces, never adds)', () => {
    expect(planRagFormatting(table, DEFAULT_RAG_POLICY)).toEqual(result);
  });

  it('writes nothing to the RAG words unless asked', () => {
    expect(result.plan.edits.some((e) => e.kind === 'setValues')).toBe(false);
  });
});

describe('planRagFormatting: writing the words from the policy', () => {
  it('corrects a wrong word and fills a blank one, leaving right words (and abbreviations) alone', () => {
    const base = seed000Workbook();
    // Leaving Care (row 14) should be Amber; CLA West (row 13) Red; CSC Management (row 15) Green.
    const faulty = typeInto(base, 'Month 7', { H14: 'Green', H13: null, H15: 'g' });
    const table = tableOf(faulty.sheets[1]!);
    const result = planRagFormatting(table, DEFAULT_RAG_POLICY, { workbook: faulty, writeWords: true });
    expect(result.plan.edits.filter((e) => e.kind === 'setValues')).toEqual([{ kind: 'setValues', sheet: 'Month 7', range: 'H13:H14', values: [['Red'], ['Amber']] }]);
    // Only the wrong word was the officer's to replace; the blank cell was empty.
    expect(result.overwrites).toEqual([{ sheet: 'Month 7', range: 'H14' }]);
  });

  it('uses gross budget, Amber floor and "whichever is higher" when the policy says so', () => {
    const policy: RagPolicy = {
      ...DEFAULT_RAG_POLICY,
      basis: 'gross',
      amberFromPercent: 0.02,
      red: { ...DEFAULT_RAG_POLICY.red, line: { money: 100_000, percent: 0.05, combine: 'higher' } },
    };
    const table = tableOf(seed000Workbook().sheets[1]!);
    const cfs = planRagFormatting(table, policy).plan.edits.filter((e): e is CfEdit => e.kind === 'addConditionalFormat' && e.range === 'F5:F37').slice(0, 3);
    const lines = 'NOT(OR(TRIM($A5)="sub total",TRIM($A5)="Children, Families & Education Services Total"))';
    expect(cfs.map((e) => e.format.rule.type === 'formula' && e.format.rule.formula)).toEqual([
      `=AND(${lines},ISNUMBER($F5),$F5>0,$F5>=MAX(0.1,0.05*ABS(N($B5))))`,
      `=AND(${lines},ISNUMBER($F5),$F5>0,$F5<MAX(0.1,0.05*ABS(N($B5))),$F5>=0.02*ABS(N($B5)))`,
      `=AND(${lines},ISNUMBER($F5),OR($F5<=0,AND($F5<MAX(0.1,0.05*ABS(N($B5))),$F5<0.02*ABS(N($B5)))))`,
    ]);
  });

  it('reads an underspend-positive variance as the opposite sign', () => {
    const table = { ...tableOf(seed000Workbook().sheets[1]!), signs: { income: 'negative', variance: 'underspendPositive' } } as const;
    const red = planRagFormatting(table, DEFAULT_RAG_POLICY).plan.edits.find((e): e is CfEdit => e.kind === 'addConditionalFormat' && e.range === 'F37')!;
    expect(red.format.rule).toEqual({ type: 'formula', formula: '=AND(ISNUMBER($F37),(-$F37)>0,(-$F37)>=MIN(1,0.005*ABS(N($D37))))' });
  });

  it('converts the money limit for a £000 table', () => {
    const table = { ...tableOf(seed000Workbook().sheets[1]!), unit: 'thousands' } as const;
    const red = planRagFormatting(table, DEFAULT_RAG_POLICY).plan.edits.filter((e): e is CfEdit => e.kind === 'addConditionalFormat' && e.range === 'F5:F37')[3]!;
    expect(red.format.rule.type === 'formula' && red.format.rule.formula).toBe('=AND(OR(TRIM($A5)="sub total"),ISNUMBER($F5),$F5>0,$F5>=MIN(250,0.05*ABS(N($D5))))');
  });

  it('refuses a table with nothing to colour, and notes a table without RAG words', () => {
    const table = tableOf(seed000Workbook().sheets[1]!);
    const bare = { ...table, columns: table.columns.filter((c) => c.role === 'label' || c.role === 'netBudget') };
    const refused = planRagFormatting(bare, DEFAULT_RAG_POLICY);
    expect(refused.plan.edits).toEqual([]);
    expect(refused.problems[0]).toContain('Month 7!A3:K37');
    const noWords = planRagFormatting({ ...table, columns: table.columns.filter((c) => c.role !== 'rag') }, DEFAULT_RAG_POLICY);
    expect(noWords.notes.join(' ')).toMatch(/no RAG column/);
  });
});

describe('planRagFormatting: labels that cannot tell the levels apart', () => {
  it('falls back to one set of rules per run of rows when a line shares the sub totals\' label', () => {
    const base = seed000Workbook();
    const odd = typeInto(base, 'Month 7', { A6: 'sub total' }); // a line called "sub total"
    const table = tableOf(odd.sheets[1]!);
    const lineRow = table.rows.find((r) => r.row === 5)!;
    const model = { ...table, rows: table.rows.map((r) => (r === lineRow ? { ...r, kind: 'line' as const, label: 'sub total' } : r)) };
    const ranges = [...new Set(planRagFormatting(model, DEFAULT_RAG_POLICY).plan.edits.flatMap((e) => (e.kind === 'addConditionalFormat' && e.format.rule.type === 'formula' ? [e.range] : [])))];
    expect(ranges).toEqual(['F5:F15', 'F18:F20', 'F23:F32', 'F35', 'F16', 'F21', 'F33', 'F36', 'F37']);
  });
});

describe('ragStatusFor', () => {
  it.each([
    [0.029, 2.469, 'line', 'Amber'],
    [0.168, 2.135, 'line', 'Red'],
    [0.097, -0.11, 'line', 'Red'],
    [0, 5, 'line', 'Green'],
    [-0.5, 5, 'line', 'Green'],
    [0.2, 10, 'section', 'Amber'],
    [0.714, 142.827, 'table', 'Amber'], // 0.5% of 142.827 is 0.714135
    [0.715, 142.827, 'table', 'Red'],
  ] as const)('overspend %p on budget %p at %p level is %p', (over, budget, level, status) => {
    expect(ragStatusFor(over, budget, level, DEFAULT_RAG_POLICY, 'millions')).toBe(status);
  });
  it('agrees with the published word on every row of seed 000', () => {
    const { rows } = seed000Rows();
    let checked = 0;
    for (const r of rows) {
      const [, , net, , variance, , rag] = r.cells;
      if (typeof variance !== 'number' || typeof rag !== 'string') continue;
      const level = /^sub total$/i.test(r.label) ? 'section' : /total$/i.test(r.label) ? 'table' : 'line';
      expect([r.label, ragStatusFor(variance, (net as number | null) ?? 0, level, DEFAULT_RAG_POLICY, 'millions')]).toEqual([r.label, rag]);
      checked++;
    }
    expect(checked).toBe(30);
    void columnLetters;
  });
});

describe('isRagPlanTitle', () => {
  it('knows the RAG plans by the titles Revert lists, one table or several, and nothing else', () => {
    expect(['Colour RAG on Month 7', 'RAG colours', 'Mitigation tracker on Mitigation Tracker', 'Fix sub total B16'].map(isRagPlanTitle)).toEqual([true, true, false, false]);
  });
});
