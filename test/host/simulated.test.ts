/** The simulated Excel keeps Office's semantics; these tests stop them being lost silently. */
import { sheetFromValues } from '../../src/engine/grid';
import { PAYLOAD_LIMIT_BYTES, SimulatedExcel } from '../../src/host/simulated';
import { failure } from './helpers';

function excel(): SimulatedExcel {
  return SimulatedExcel.fromWorkbook({ sheets: [sheetFromValues('Data', [['Line', 'Budget'], ['Fostering', 13.528], ['CLA West', 2.135]])] });
}

const run = <T>(sim: SimulatedExcel, batch: (context: Excel.RequestContext) => Promise<T>) => sim.run({}, batch);

describe('loading', () => {
  test('reading a property that was not loaded and synced throws PropertyNotLoaded', async () => {
    const sim = excel();
    await run(sim, async (context) => {
      const range = context.workbook.worksheets.getItem('Data').getRange('A1:B3');
      expect(() => range.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      range.load('values');
      expect(() => range.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' })); // loaded but not yet synced
      await context.sync();
      expect(range.values).toEqual([['Line', 'Budget'], ['Fostering', 13.528], ['CLA West', 2.135]]);
      expect(() => range.formulas).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' })); // only what was asked for
    });
  });

  test('collections, null objects and method results are unreadable until synced', async () => {
    await run(excel(), async (context) => {
      const sheets = context.workbook.worksheets.load('items/name');
      const missing = context.workbook.worksheets.getItemOrNullObject('Gone').load('name');
      const props = context.workbook.worksheets.getItem('Data').getRange('A1').getCellProperties({ format: { font: { bold: true } } });
      expect(() => sheets.items).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      expect(() => missing.isNullObject).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      expect(() => props.value).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      await context.sync();
      expect(sheets.items.map((s) => s.name)).toEqual(['Data']);
      expect(missing.isNullObject).toBe(true);
      expect(props.value).toEqual([[{ format: { font: { bold: false } } }]]);
    });
  });

  test('formulas are calculated by HyperFormula when values are read', async () => {
    await run(excel(), async (context) => {
      const ws = context.workbook.worksheets.getItem('Data');
      ws.getRange('B4').formulas = [['=SUM(B2:B3)']];
      const total = ws.getRange('B4').load('values,formulas,valueTypes');
      await context.sync();
      expect(total.formulas).toEqual([['=SUM(B2:B3)']]);
      expect(total.values[0]![0]).toBeCloseTo(15.663, 9);
      ws.getRange('B5').formulas = [['=1/0']];
      const error = ws.getRange('B5').load('values,valueTypes');
      await context.sync();
      expect(error.values).toEqual([['#DIV/0!']]);
      expect(error.valueTypes).toEqual([['Error']]);
    });
  });
});

describe('writing', () => {
  test('writes are queued until sync; null leaves a cell unchanged', async () => {
    const sim = excel();
    await run(sim, async (context) => {
      context.workbook.worksheets.getItem('Data').getRange('B2:B3').values = [[null], [9]];
      expect(sim.sheet('Data').rows[2]![1]).toEqual({ value: 2.135 });
      await context.sync();
    });
    expect(sim.sheet('Data').rows[1]![1]).toEqual({ value: 13.528 });
    expect(sim.sheet('Data').rows[2]![1]).toEqual({ value: 9 });
  });

  test('errors surface at sync with Office codes; the calls before the failing one stay applied', async () => {
    const sim = excel();
    const error = await failure(
      run(sim, async (context) => {
        context.workbook.worksheets.getItem('Data').getRange('C1').values = [['kept']];
        context.workbook.worksheets.getItem('Gone').getRange('A1').values = [[1]]; // no throw here
        context.workbook.worksheets.getItem('Data').getRange('C2').values = [['never']];
        await context.sync();
      }),
    );
    expect(error).toMatchObject({ code: 'ItemNotFound' });
    expect(sim.sheet('Data').rows[0]![2]).toEqual({ value: 'kept' });
    expect(sim.sheet('Data').rows[1]![2]).toBeUndefined();
  });

  test('a protected sheet rejects writes with AccessDenied, but can be read', async () => {
    const sim = excel();
    sim.protectSheet('Data');
    const error = await failure(
      run(sim, async (context) => {
        const range = context.workbook.worksheets.getItem('Data').getRange('A1').load('values');
        await context.sync();
        expect(range.values).toEqual([['Line']]);
        range.values = [['Changed']];
        await context.sync();
      }),
    );
    expect(error).toMatchObject({ code: 'AccessDenied' });
    expect(sim.sheet('Data').rows[0]![0]).toEqual({ value: 'Line' });
  });

  test('an array of the wrong size is an InvalidArgument', async () => {
    const error = await failure(
      run(excel(), async (context) => {
        context.workbook.worksheets.getItem('Data').getRange('A1:B2').values = [[1, 2]];
        await context.sync();
      }),
    );
    expect(error).toMatchObject({ code: 'InvalidArgument' });
  });
});

describe('payload limits and counters', () => {
  test('a request over 5 MB is refused whole with RequestPayloadSizeLimitExceeded', async () => {
    const sim = excel();
    const big = Array.from({ length: 60_000 }, (_, r) => [`${r}`.padEnd(100, '.')]);
    const error = await failure(
      run(sim, async (context) => {
        context.workbook.worksheets.getItem('Data').getRange('A1').values = [['first']];
        context.workbook.worksheets.getItem('Data').getRange('D1:D60000').values = big;
        await context.sync();
      }),
    );
    expect(error).toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
    expect(sim.sheet('Data').rows[0]![0]).toEqual({ value: 'Line' });
    expect(sim.stats.maxRequestBytes).toBeGreaterThan(PAYLOAD_LIMIT_BYTES);
  });

  test('a response over 5 MB is refused with ResponsePayloadSizeLimitExceeded', async () => {
    const sim = SimulatedExcel.fromWorkbook({ sheets: [sheetFromValues('Big', Array.from({ length: 60_000 }, (_, r) => [`${r}`.padEnd(100, '.')]))] });
    const error = await failure(
      run(sim, async (context) => {
        context.workbook.worksheets.getItem('Big').getRange('A1:A60000').load('values');
        await context.sync();
      }),
    );
    expect(error).toMatchObject({ code: 'ResponsePayloadSizeLimitExceeded' });
  });

  test('counts syncs and payload bytes', async () => {
    const sim = excel();
    await run(sim, async (context) => {
      context.workbook.worksheets.getItem('Data').getRange('A1:B3').load('values');
      await context.sync();
      await context.sync();
    });
    expect(sim.stats.syncs).toBe(2);
    expect(sim.stats.responseBytes).toBe(JSON.stringify([{ values: [['Line', 'Budget'], ['Fostering', 13.528], ['CLA West', 2.135]] }]).length + JSON.stringify([]).length);
    expect(sim.stats.requestBytes).toBeGreaterThan(0);
  });

  test('adds the configured delay to every sync', async () => {
    jest.useFakeTimers();
    try {
      const sim = excel();
      sim.syncDelayMs = 200;
      let done = false;
      const pending = run(sim, async (context) => {
        await context.sync();
        done = true;
      });
      await jest.advanceTimersByTimeAsync(199);
      expect(done).toBe(false);
      await jest.advanceTimersByTimeAsync(1);
      await pending;
      expect(done).toBe(true);
    } finally {
      jest.useRealTimers();
    }
  });
});
