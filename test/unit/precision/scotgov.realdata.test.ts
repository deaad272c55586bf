/**
 * Scottish LFR Annex A (51 councils, service totals typed above their lines): no error on
 * any sheet; what remains is the total-formula warning on typed totals, which the spec asks for.
 */
import { type Checked, checkRealFile } from './realdata';

let checked: Checked;
beforeAll(async () => {
  checked = await checkRealFile('scotgov_LFR_annexA_service_analysis_2017-18.xlsx');
}, 300_000);

describe('scotgov LFR Annex A precision', () => {
  it('gives no error on any council sheet (TACTRAN row 22, an unlabelled row of zeros, is a spacer the total need not add)', () => {
    expect(checked.findings.filter((f) => f.severity === 'error').map((f) => `${f.sheet}!${f.cell} ${f.rule}`)).toEqual([]);
    expect(checked.findings.filter((f) => f.sheet === 'TACTRAN' && /^[BCD]96$/.test(f.cell)).map((f) => f.rule)).toEqual([]);
  });

  it('warns only that typed totals are not formulas, and never about a blank on an unlabelled row', () => {
    expect([...new Set(checked.findings.filter((f) => f.severity === 'warning').map((f) => f.rule))]).toEqual(['total-formula']);
    expect(checked.findings.filter((f) => f.rule === 'missing-figure')).toEqual([]);
  });
});
