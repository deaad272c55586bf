/**
 * Watching for the officer's edits. Microsoft's client delivers events only inside an Office
 * host, so these tests stand a small event source in for the worksheets collection: what is
 * tested is which events the adapter asks for on each API level, what it reports, and that it
 * removes its handlers in the context that added them.
 */
import { createOfficeHost, type ExcelApi } from '../../src/host/office';
import type { WorkbookChange } from '../../src/host/host';

type Listener = (args: Record<string, unknown>) => Promise<void>;

class EventSource {
  readonly listeners: Listener[] = [];
  removed = 0;
  constructor(private readonly context: object) {}
  add(listener: Listener) {
    this.listeners.push(listener);
    return { context: this.context, remove: () => { this.removed += 1; } };
  }
  async fire(args: Record<string, unknown>) {
    for (const listener of this.listeners) await listener(args);
  }
}

function fakeExcel(levels: readonly string[]) {
  const context: Record<string, unknown> = {};
  const sheet = (id: string, name: string) => ({ id, name, onChanged: new EventSource(context) });
  const items = [sheet('{1}', 'Month 6'), sheet('{2}', 'Month 7')];
  const worksheets = { items, load: () => worksheets, onChanged: new EventSource(context), onAdded: new EventSource(context), onDeleted: new EventSource(context) };
  let syncs = 0;
  Object.assign(context, { workbook: { worksheets }, sync: () => { syncs += 1; return Promise.resolve(); } });
  const ranIn: object[] = [];
  const api: ExcelApi = {
    run: (_options, batch) => batch(context as unknown as Excel.RequestContext),
    isSetSupported: (name, version) => name === 'ExcelApi' && levels.includes(version),
    runIn: (kept, batch) => { ranIn.push(kept); return batch(kept); },
  };
  return { api, worksheets, items, context, ranIn, syncs: () => syncs };
}

describe('watchChanges', () => {
  it('with ExcelApi 1.9 listens once for every sheet, names the sheet and skips its own writes', async () => {
    const excel = fakeExcel(['1.7', '1.9']);
    const host = createOfficeHost(excel.api);
    const seen: WorkbookChange[] = [];
    await host.watchChanges!((c) => seen.push(c));

    expect(excel.worksheets.onChanged.listeners).toHaveLength(1);
    expect(excel.items.map((s) => s.onChanged.listeners.length)).toEqual([0, 0]);
    await excel.worksheets.onChanged.fire({ worksheetId: '{2}', address: 'C5', triggerSource: 'Unknown' });
    await excel.worksheets.onChanged.fire({ worksheetId: '{1}', address: 'D9:D12', triggerSource: 'ThisLocalAddin' });
    await excel.worksheets.onAdded.fire({ worksheetId: '{9}' });
    await excel.worksheets.onDeleted.fire({ worksheetId: '{1}' });
    expect(seen).toEqual([{ sheet: 'Month 7', address: 'C5' }, {}, { sheet: 'Month 6' }]);
  });

  it('with ExcelApi 1.7 listens on each sheet', async () => {
    const excel = fakeExcel(['1.7']);
    const seen: WorkbookChange[] = [];
    await createOfficeHost(excel.api).watchChanges!((c) => seen.push(c));

    expect(excel.worksheets.onChanged.listeners).toHaveLength(0);
    expect(excel.items.map((s) => s.onChanged.listeners.length)).toEqual([1, 1]);
    await excel.items[0]!.onChanged.fire({ worksheetId: '{1}', address: 'B4' });
    expect(seen).toEqual([{ sheet: 'Month 6', address: 'B4' }]);
  });

  it('is not offered before ExcelApi 1.7, where Excel raises no change events', () => {
    expect(createOfficeHost(fakeExcel([]).api).watchChanges).toBeUndefined();
  });

  it('stops by removing every handler in the context that added them', async () => {
    const excel = fakeExcel(['1.7', '1.9']);
    const stop = await createOfficeHost(excel.api).watchChanges!(() => undefined);
    const syncsBefore = excel.syncs();
    await stop();
    expect(excel.ranIn).toEqual([excel.context]);
    expect([excel.worksheets.onChanged.removed, excel.worksheets.onAdded.removed, excel.worksheets.onDeleted.removed]).toEqual([1, 1, 1]);
    expect(excel.syncs() - syncsBefore).toBe(1);
  });
});
