/**
 * validateWorkbook as the one entry point: rule selection, ordering, previous periods,
 * column overrides, failures turned into findings. The real spreadsheets are in
 * validate.realdata.test.ts (npm run test:slow).
 */
import { RULE_METAS, RuleContext, ruleById } from '../../../src/engine/rules';
import type { Rule } from '../../../src/engine/rules';
import { DEFAULT_RAG_POLICY } from '../../../src/engine/policy';
import { readTables } from '../../../src/engine/read';
import { runRule, validateWorkbook } from '../../../src/engine/validate';
import { seed000MonthsWorkbook, seed000Table1Values } from '../../fixtures/grids';
import { withValue } from '../../support/rule-tester';

const M7 = 'Month 7';

describe('the rule registry', () => {
  it('has one module per rule id, each with metadata and message templates', () => {
    const ids = RULE_METAS.map((m) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expect.arrayContaining([
      'total-sum', 'total-formula', 'sum-range', 'net-budget', 'variance', 'variance-label', 'rag-policy', 'pressure-split',
      'movement', 'savings-tracker', 'mitigation-tracker', 'error-value', 'number-as-text', 'unreadable-figure', 'missing-figure', 'mixed-units',
    ]));
    for (const meta of RULE_METAS) {
      expect(meta.description.length).toBeGreaterThan(10);
      expect(Object.keys(meta.messages).length).toBeGreaterThan(0);
      expect(ruleById(meta.id)?.meta).toBe(meta);
    }
    // Fixable rules are the ones that offer edit plans.
    expect(RULE_METAS.filter((m) => m.fixable).map((m) => m.id).sort()).toEqual(['number-as-text', 'rag-policy', 'sum-range', 'total-formula', 'total-sum', 'unreadable-figure', 'variance-label']);
  });
});

describe('validateWorkbook', () => {
  it('sorts findings by sheet order, then row, then column', () => {
    let wb = seed000MonthsWorkbook(); // sheets: Month 6, Month 7
    wb = withValue(wb, M7, 'H5', 'Red');
    wb = withValue(wb, M7, 'G5', 'Overspend');
    wb = withValue(wb, 'Month 6', 'G20', 'Overspend');
    const cells = validateWorkbook(wb).findings.filter((f) => f.severity === 'error').map((f) => `${f.sheet}!${f.cell}`);
    expect(cells).toEqual(['Month 6!G20', 'Month 7!G5', 'Month 7!H5']);
  });

  it('runs only the rules asked for', () => {
    const wb = withValue(withValue(seed000Table1Values(), M7, 'H5', 'Red'), M7, 'G5', 'Overspend');
    expect(validateWorkbook(wb, { rules: ['rag-policy'] }).findings.map((f) => f.rule)).toEqual(['rag-policy']);
    expect(validateWorkbook(wb, { rules: [] }).findings).toEqual([]);
  });

  it('returns the tables it read', () => {
    const { tables } = validateWorkbook(seed000Table1Values());
    expect(tables.map((t) => t.id)).toEqual(readTables(seed000Table1Values()).map((t) => t.id));
  });

  it('honours column overrides: a column marked as other numbers is not checked as a variance', () => {
    const wb = withValue(seed000Table1Values(), M7, 'F5', -0.157);
    expect(validateWorkbook(wb, { rules: ['variance'] }).findings.map((f) => f.cell)).toEqual(['F5']);
    expect(validateWorkbook(wb, { rules: ['variance'], overrides: [{ sheet: M7, column: 'F', role: 'otherNumber' }] }).findings).toEqual([]);
  });

  it('takes the previous period from a sheet the caller names', () => {
    const wb = withValue(seed000MonthsWorkbook(), M7, 'K7', 0.5);
    const named = validateWorkbook(wb, { rules: ['movement'], previous: { sheet: 'Month 6' } }).findings;
    expect(named.map((f) => `${f.sheet}!${f.cell}`)).toEqual(['Month 7!K7']);
  });

  it('turns a rule that throws into a warning naming the table, and keeps going', () => {
    const broken: Rule = { meta: { id: 'broken', title: 'Broken', why: 'It is a test.', many: '{count} broken', severity: 'error', description: 'always throws', fixable: false, messages: {} }, check: () => { throw new Error('boom'); } };
    const wb = seed000Table1Values();
    const table = readTables(wb)[0]!;
    const findings = runRule(broken, new RuleContext({ workbook: wb, sheet: wb.sheets[0]!, table, policy: DEFAULT_RAG_POLICY }));
    expect(findings).toEqual([{
      rule: 'broken', severity: 'warning', sheet: M7, cell: 'A3', expected: null, actual: null,
      message: `The broken check could not finish on the table at ${table.id} (boom); its other checks still ran. Please report this workbook.`,
    }]);
  });

  it('copes with an empty workbook and empty sheets', () => {
    expect(validateWorkbook({ sheets: [] })).toEqual({ tables: [], findings: [] });
    expect(validateWorkbook({ sheets: [{ name: 'Empty', rows: [] }] }).findings).toEqual([]);
  });
});
