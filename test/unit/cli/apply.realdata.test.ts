/** `apply` on a real public spreadsheet in ../shared/realdata (npm run test:slow). */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expectOneLineError, runWith } from './run-cli';

let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'bm-apply-'));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe('apply refuses, writing nothing', () => {
  it('a file exceljs cannot open for rewriting (realdata excelint_FinalBudget.xlsx, drawings)', async () => {
    const out = path.join(dir, 'out.xlsx');
    const file = path.resolve(__dirname, '../../../../shared/realdata/excelint_FinalBudget.xlsx');
    expectOneLineError(
      await runWith(['apply', file, '--out', out, '--fix']),
      /excelint_FinalBudget\.xlsx could not be read as a workbook: it contains a part \(such as a drawing or chart\) that this tool cannot read\. Open it in Excel and save it again, then retry\./,
    );
    expect(await fs.readdir(dir)).toEqual([]);
  });
});
