/** Payload limits: large sheets are read and written in blocks, and a failed block leaves nothing behind. */
import { sheetFromValues, type Workbook } from '../../src/engine/grid';
import { LEDGER_KEY } from '../../src/host/office';
import { PAYLOAD_LIMIT_BYTES } from '../../src/host/simulated';
import { differingCells, expectSameState, failure, officeClientHost } from './helpers';

function tall(rows: number, width: (r: number) => (string | number)[]): Workbook {
  return { sheets: [sheetFromValues('Lines', Array.from({ length: rows }, (_, r) => width(r)))] };
}

describe('a 200,000-row sheet', () => {
  const ROWS = 200_000;
  const source = tall(ROWS, (r) => [`Cost centre ${r}`, r * 1.5, -r, `Note ${r % 97}`]);

  test('is read in blocks, each sync under 5 MB, to the same grid', async () => {
    const { excel, host } = officeClientHost(source);
    const read = await host.readWorkbook();
    expect(excel.stats.maxResponseBytes).toBeLessThanOrEqual(PAYLOAD_LIMIT_BYTES);
    expect(excel.stats.responseBytes).toBeGreaterThan(2 * PAYLOAD_LIMIT_BYTES);
    // 3 syncs plus at most one per further 4 MB of payload.
    expect(excel.stats.syncs).toBeGreaterThan(3);
    expect(excel.stats.syncs).toBeLessThanOrEqual(3 + Math.ceil(excel.stats.responseBytes / (4 * 1024 * 1024)));
    const sheet = read.workbook.sheets[0]!;
    expect(sheet.rows).toHaveLength(ROWS);
    expect(sheet.rows[ROWS - 1]).toEqual([{ value: `Cost centre ${ROWS - 1}` }, { value: (ROWS - 1) * 1.5 }, { value: -(ROWS - 1) }, { value: `Note ${(ROWS - 1) % 97}` }]);
    expect(differingCells(read.workbook, source)).toEqual([]);
  });

  test('is refused when its Undo record would not fit in the workbook, and written in blocks (each request under 5 MB) without Undo when the officer agrees', async () => {
    const { excel, host } = officeClientHost(source);
    const before = excel.snapshot();
    const values = Array.from({ length: ROWS }, (_, r) => [`checked ${r}`, r % 2 === 0]);
    const plan = { title: 'Mark lines', edits: [{ kind: 'setValues' as const, sheet: 'Lines', range: `E1:F${ROWS}`, values }] };
    // Real Excel keeps about 1 MB a setting: a record of 200,000 rows does not fit, so nothing is written.
    expect(await failure(host.applyPlan(plan))).toMatchObject({ code: 'undoTooLarge' });
    expectSameState(excel.snapshot(), before);
    await host.applyPlan(plan, { withoutUndo: true });
    expect(excel.stats.maxRequestBytes).toBeLessThanOrEqual(PAYLOAD_LIMIT_BYTES);
    const lines = excel.sheet('Lines');
    expect(lines.rows[0]![4]).toEqual({ value: 'checked 0' });
    expect(lines.rows[ROWS - 1]![5]).toEqual({ value: false });
    expect(await host.appliedPlans()).toEqual([]);
  });
});

test('a block that hits the payload limit is read again at half size', async () => {
  const big = 'x'.repeat(2000);
  const source = tall(3000, (r) => [`${r}${big}`, `${big}${r}`]);
  const { excel, host } = officeClientHost(source);
  const read = await host.readWorkbook();
  expect(excel.stats.payloadErrors).toBeGreaterThan(0);
  expect(differingCells(read.workbook, source)).toEqual([]);
});

test('a failure injected at any sync of a multi-block write leaves the workbook as it was', async () => {
  const ROWS = 30_000;
  const source = tall(ROWS, (r) => [`Line ${r}`, r]);
  const text = (r: number, c: number) => `Commentary for line ${r}, column ${c}: within budget`;
  const plan = {
    title: 'Comment every line',
    edits: [{ kind: 'setValues' as const, sheet: 'Lines', range: `C1:E${ROWS}`, values: Array.from({ length: ROWS }, (_, r) => [text(r, 1), text(r, 2), text(r, 3)]) }],
  };
  const probe = officeClientHost(source);
  await probe.host.applyPlan(plan);
  const syncs = probe.excel.stats.syncs;
  // One read sync, then the write in at least two blocks (and the ledger).
  expect(probe.excel.stats.requestBytes).toBeGreaterThan(4 * 1024 * 1024);
  expect(syncs).toBeGreaterThanOrEqual(3);
  for (let at = 1; at <= syncs; at++) {
    const { excel, host } = officeClientHost(source);
    const before = excel.snapshot();
    excel.injectFailure({ atSync: at, code: 'GeneralException' });
    const error = await failure(host.applyPlan(plan));
    expect(error.code).toBe('general');
    expectSameState(excel.snapshot(), before);
    expect(excel.settings()[LEDGER_KEY]).toBeUndefined();
  }
});

test('a write of several blocks whose record fits is reverted exactly', async () => {
  const ROWS = 30_000;
  const source = tall(ROWS, (r) => [`Line ${r}`, r]);
  const text = (r: number) => `Commentary for line ${r}: within budget, no action needed this month`;
  const plan = { title: 'Comment every line', edits: [{ kind: 'setValues' as const, sheet: 'Lines', range: `C1:D${ROWS}`, values: Array.from({ length: ROWS }, (_, r) => [text(r), text(r + 1)]) }] };
  const { excel, host } = officeClientHost(source);
  const before = excel.snapshot();
  const applied = await host.applyPlan(plan);
  expect(excel.stats.requestBytes).toBeGreaterThan(4 * 1024 * 1024);
  expect(excel.stats.maxRequestBytes).toBeLessThanOrEqual(PAYLOAD_LIMIT_BYTES);
  await host.revert(applied.id);
  expect(excel.sheet('Lines').rows[ROWS - 1]![2]?.value).toBeUndefined();
  // Every cell as it was (the workbook's settings keep the ledger's bookkeeping).
  expectSameState(excel.snapshot().sheets, before.sheets);
});
