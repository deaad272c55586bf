/** The fast reader = the exceljs path on the real public spreadsheets in ../shared/realdata (npm run test:slow). */
import path from 'node:path';
import { bothReaders, comparable } from './readers-compare';

const REALDATA = path.resolve(__dirname, '../../../../shared/realdata');

describe('fast reader = exceljs reader', () => {
  it.each(['dit_fft_budget_upload_bad_dash.xlsx', 'excelint_fin_accounts.xlsx', 'mhclg_RS_revenue_outturn_summary_2017-18.xlsx', 'scotgov_LFR_annexA_service_analysis_2017-18.xlsx'])(
    'realdata %s',
    async (name) => {
      const [fast, slow] = await bothReaders(path.join(REALDATA, name));
      expect(comparable(fast)).toEqual(comparable(slow));
    },
    60_000,
  );
});
