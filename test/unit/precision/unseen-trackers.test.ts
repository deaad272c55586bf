/**
 * Savings trackers, mitigation trackers and multi-year tables worded unlike the seeds
 * (test/fixtures/grids/unseen-trackers.ts): exact reading, no finding on the clean
 * version, and each injected fault reported at exactly its cell.
 */
import { validateWorkbook } from '../../../src/engine/validate';
import { calculate, unseenBudgetBuild, unseenMitigationPlan, unseenMtfsFourYear, unseenSavingsDelivery } from '../../fixtures/grids';
import { found, roles, shape, withCells } from './fault-injection';

describe('Savings tracker worded "Delivered / Forecast to Deliver / Undeliverable", £000 in the target header', () => {
  const clean = unseenSavingsDelivery();

  it('reads the three status columns as the buckets of the 2025/26 target', () => {
    const [t, ...rest] = validateWorkbook(clean).tables;
    expect(rest).toEqual([]);
    expect([t!.range, t!.kind, t!.unit]).toEqual(['A3:H10', 'savingsTracker', 'thousands']);
    expect(roles(t!)).toBe('A:reference B:label C:target D:achieved E:onTrack F:atRisk G:rag H:comments');
    expect(shape(t!)).toBe('4:line 5:line 6:line 7:line 8:line 9:line 10:total{4,5,6,7,8,9}');
  });

  it('gives no error and no warning when clean', () => {
    expect(found(clean)).toEqual([]);
  });

  it('a bucket that no longer adds up to its target is reported on that saving only, not echoed on TOTAL', () => {
    const f = validateWorkbook(withCells(clean, { E5: { value: 50 } })).findings.filter((x) => x.severity !== 'info');
    expect(f.map((x) => `${x.cell} ${x.rule} ${x.severity}`)).toEqual(['C5 savings-tracker error']);
    expect([f[0]!.expected, f[0]!.actual]).toEqual([850, 800]);
  });

  it('a typed TOTAL target is reported at that cell, with the SUM it should be', () => {
    expect(found(withCells(clean, { C10: { value: 3900 } }))).toEqual(['C10 total-formula warning', 'C10 total-sum error']);
  });

  it('a delivered figure stored as text is reported there, and the TOTAL Excel then shows short by it', () => {
    expect(found(withCells(clean, { D6: { value: '100' } }))).toEqual(['D10 total-sum error', 'D6 number-as-text error']);
  });
});

describe('The same tracker headed "Delivered to date", and a mitigation gap worded "Net overspend after mitigations"', () => {
  it('reads "Delivered to date" as the achieved bucket (not a year-to-date figure), so a bucket fault is still found', () => {
    const renamed = withCells(unseenSavingsDelivery(), { D3: { value: 'Delivered to date' } });
    const [t] = validateWorkbook(renamed).tables;
    expect(roles(t!)).toBe('A:reference B:label C:target D:achieved E:onTrack F:atRisk G:rag H:comments');
    expect(found(renamed)).toEqual([]);
    expect(found(withCells(renamed, { D8: { value: 10 } }))).toEqual(['C8 savings-tracker error']);
  });

  it('counts a fifth status column, "Slipped to 2026/27", beside "Undeliverable": clean, and its fault found', () => {
    // Row 8 (AH25-05, target 950): 0 delivered, 450 forecast, 500 undeliverable, split as 200 undeliverable + 300 slipped.
    const rows = unseenSavingsDelivery().sheets[0]!.rows.map((r) => [...(r ?? []).slice(0, 6), r?.[5] ? { ...r[5], value: 0 } : undefined, ...(r ?? []).slice(6)]);
    rows[2]![6] = { value: 'Slipped to 2026/27' };
    rows[7]![5] = { ...rows[7]![5]!, value: 200 };
    rows[7]![6] = { ...rows[7]![6]!, value: 300 };
    rows[9]![6] = { value: null, formula: '=SUM(G4:G9)', format: '#,##0;(#,##0);"-"' };
    const slipped = calculate({ sheets: [{ name: 'Savings Delivery', rows }] });
    const [t] = validateWorkbook(slipped).tables;
    expect(roles(t!)).toBe('A:reference B:label C:target D:achieved E:onTrack F:atRisk G:atRisk H:rag I:comments');
    expect(found(slipped)).toEqual([]);
    expect(found(withCells(slipped, { G8: { value: 250 } }))).toEqual(['C8 savings-tracker error']);
  });

  it('reads "Net overspend after mitigations" as the remaining balance: clean, and a typed wrong one is found there', () => {
    const renamed = withCells(unseenMitigationPlan(), { A10: { value: 'Net overspend after mitigations' } });
    expect(found(renamed)).toEqual([]);
    expect(found(withCells(renamed, { C10: { value: 2000 } }))).toEqual(['C10 mitigation-tracker error', 'C10 total-formula warning']);
  });
});

describe('Hand-made mitigation tracker: "Overspend to mitigate", actions, "Total mitigations", "Remaining gap"', () => {
  const clean = unseenMitigationPlan();

  it('reads the overspend as the opening figure, not an action, and the gap as overspend + mitigations', () => {
    const [t] = validateWorkbook(clean).tables;
    expect([t!.range, t!.kind, t!.unit]).toEqual(['A2:F10', 'mitigationTracker', 'thousands']);
    expect(roles(t!)).toBe('A:label B:otherText C:previousPeriod D:currentPeriod E:movement F:comments');
    expect(shape(t!)).toBe('3:line 4:line 5:line 6:line 7:line 8:line 9:total{4,5,6,7,8} 10:total{3,9}');
  });

  it('gives no error and no warning when clean (the TBC action adds nothing yet)', () => {
    expect(found(clean)).toEqual([]);
  });

  it('a typed remaining gap that is not overspend + mitigations is reported there only, not as a movement', () => {
    const f = validateWorkbook(withCells(clean, { D10: { value: 2300 } })).findings.filter((x) => x.severity === 'error');
    expect(f.map((x) => `${x.cell} ${x.rule}`)).toEqual(['D10 mitigation-tracker']);
    expect([f[0]!.expected, f[0]!.actual]).toEqual([3900 - 1700, 2300]);
  });

  it('a typed total of mitigations is reported there only', () => {
    expect(found(withCells(clean, { D9: { value: -1500 } }))).toEqual(['D9 mitigation-tracker error', 'D9 total-formula warning']);
  });

  it('an action amount stored as text is reported there, and the total Excel then shows short by it', () => {
    expect(found(withCells(clean, { D7: { value: '-310' } }))).toEqual(['D7 number-as-text error', 'D9 mitigation-tracker error']);
  });
});

describe('Four-year MTFS savings: brackets, un-subtotalled sub-headings, a Total column and a Total row', () => {
  const clean = unseenMtfsFourYear();

  it('reads the years, the Total column, the headings as sections and the Total as covering every proposal', () => {
    const [t] = validateWorkbook(clean).tables;
    expect([t!.range, t!.kind, t!.unit]).toEqual(['A2:F14', 'multiYear', 'thousands']);
    expect(roles(t!)).toBe('A:label B:year C:year D:year E:year F:rowTotal');
    expect(shape(t!)).toBe('3:section 4:line 5:line 6:line 7:section 8:line 9:line 10:line 11:section 12:line 13:line 14:total{4,5,6,8,9,10,12,13}');
  });

  it('gives no error and no warning when clean', () => {
    expect(found(clean)).toEqual([]);
  });

  it('a wrong row total across the years is reported at that row total, not again at the grand total', () => {
    const f = validateWorkbook(withCells(clean, { F5: { value: -1200 } })).findings.filter((x) => x.severity === 'error');
    expect(f.map((x) => `${x.cell} ${x.rule} ${String(x.expected)} ${String(x.actual)}`)).toEqual(['F5 total-sum -1250 -1200']);
  });

  it('a wrong column total is reported at that total, not again at the grand total', () => {
    expect(found(withCells(clean, { C14: { value: -5000 } }))).toEqual(['C14 total-formula warning', 'C14 total-sum error']);
  });

  it('a saving typed as text "(1,200)" is reported there, with the totals Excel then shows short', () => {
    expect(found(withCells(clean, { C9: { value: '(1,200)' } }))).toEqual(['C14 total-sum error', 'C9 number-as-text error', 'F9 total-sum error']);
  });
});

describe('Budget build: base b/f, pressures, savings, base c/f per year', () => {
  const clean = unseenBudgetBuild();

  it('reads the c/f as the total of b/f, total pressures and total savings', () => {
    const [t] = validateWorkbook(clean).tables;
    expect([t!.range, t!.kind, t!.unit]).toEqual(['A2:D13', 'multiYear', 'thousands']);
    expect(shape(t!)).toBe('3:line 4:section 5:line 6:line 7:line 8:subtotal{5,6,7} 9:section 10:line 11:line 12:subtotal{10,11} 13:total{3,8,12}');
  });

  it('gives no error and no warning when clean', () => {
    expect(found(clean)).toEqual([]);
  });

  it('a typed c/f and a typed total of pressures are each reported at their cell', () => {
    expect(found(withCells(clean, { D13: { value: 430000 } }))).toEqual(['D13 total-formula warning', 'D13 total-sum error']);
    expect(found(withCells(clean, { C8: { value: 19000 } }))).toEqual(['C8 total-formula warning', 'C8 total-sum error']);
  });

  it("a year's b/f typed instead of taken from the year before's c/f is reported at that b/f cell", () => {
    // B13 is 412,300 + 21,500 − 11,000 = 422,800; the officer typed last year's draft figure.
    const f = validateWorkbook(withCells(clean, { C3: { value: 420000 } })).findings.filter((x) => x.severity !== 'info');
    expect(f.map((x) => `${x.cell} ${x.rule} ${String(x.expected)} ${String(x.actual)}`)).toEqual(['C3 carry-forward 422800 420000']);
    expect(f[0]!.message).toBe('C3 ("Base budget b/f") is 420,000 but the base carried forward from the year before (B13) is 422,800 (£000)');
  });

  it('a typed c/f that the next b/f formula picks up is reported once, at the c/f', () => {
    expect(found(withCells(clean, { B13: { value: 423000 } }))).toEqual(['B13 total-formula warning', 'B13 total-sum error']);
  });
});
