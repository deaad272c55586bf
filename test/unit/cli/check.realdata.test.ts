/** `check` on the real public spreadsheets in ../shared/realdata (npm run test:slow). */
import path from 'node:path';
import { checkJson, runWith } from './run-cli';

const REALDATA = path.resolve(__dirname, '../../../../shared/realdata');
const READABLE_REALDATA = ['dit_fft_budget_upload_bad_dash.xlsx', 'excelint_fin_accounts.xlsx', 'mhclg_RS_revenue_outturn_summary_2017-18.xlsx', 'scotgov_LFR_annexA_service_analysis_2017-18.xlsx'];

describe('check: realdata', () => {
  it.each(READABLE_REALDATA)('%s, text and json', async (name) => {
    const file = path.join(REALDATA, name);
    const { doc } = await checkJson(file);
    const text = await runWith(['check', file]);
    expect(text.stderr).toBe('');
    expect(text.code).toBe(doc.summary.errors > 0 ? 1 : 0);
    expect(text.stdout.trimEnd().split('\n').pop()).toMatch(/^\d+ errors?, \d+ warnings?, \d+ notes?: (ready|not ready) to submit\.$/);
  }, 60_000);

  it('excelint_FinalBudget.xlsx (exceljs throws on its drawings) is still checked: the fast reader needs no drawings', async () => {
    const file = path.join(REALDATA, 'excelint_FinalBudget.xlsx');
    const { doc } = await checkJson(file);
    const text = await runWith(['check', file]);
    expect(text.stderr).toBe('');
    expect(text.code).toBe(doc.summary.errors > 0 ? 1 : 0);
  });

  it('the statswales CSV is read as a one-sheet workbook: its total row comes first and adds up (rounding notes only)', async () => {
    const file = path.join(REALDATA, 'statswales_parking_expenditure_2005-2019.csv');
    const { doc } = await checkJson(file);
    expect((doc.tables as { sheet: string; range: string }[]).map((t) => `${t.sheet}!${t.range}`)).toEqual(['statswales_parking_expenditure_!A1:P24']);
    expect(doc.summary.errors).toBe(0);
    // The total row is typed, not a formula: one warning per year column.
    expect(doc.findings.filter((f) => f.severity === 'warning').map((f) => `${f.rule} ${f.cell}`)).toEqual('CDEFGHIJKLMNOP'.split('').map((c) => `total-formula ${c}2`));
  });
});
