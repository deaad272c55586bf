/** Results marked out of date on a change, and validated again once the officer pauses. */
import { ChangeWatcher, OWN_WRITE_ECHO_MS, REVALIDATE_AFTER_MS } from '../../../src/taskpane/change-watch';

function setUp() {
  let now = 10_000;
  let busy = false;
  let results = true;
  const log: string[] = [];
  const timers = new Map<number, { at: number; callback: () => void }>();
  let nextTimer = 1;
  const watcher = new ChangeWatcher({
    isBusy: () => busy,
    hasResults: () => results,
    markStale: () => log.push('stale'),
    revalidate: () => log.push('validate'),
    now: () => now,
    setTimer: (callback, ms) => { timers.set(nextTimer, { at: now + ms, callback }); return nextTimer++; },
    clearTimer: (id) => { timers.delete(id as number); },
  });
  const advance = (ms: number) => {
    now += ms;
    for (const [id, t] of [...timers]) if (t.at <= now) { timers.delete(id); t.callback(); }
  };
  return { watcher, log, advance, setBusy: (b: boolean) => { busy = b; }, setResults: (r: boolean) => { results = r; }, pending: () => timers.size };
}

describe('ChangeWatcher', () => {
  it('marks the results stale at once and validates once after the last of several changes', () => {
    const t = setUp();
    t.watcher.changed();
    t.advance(REVALIDATE_AFTER_MS - 1);
    t.watcher.changed();
    t.advance(REVALIDATE_AFTER_MS - 1);
    expect(t.log).toEqual(['stale', 'stale']);
    t.advance(1);
    expect(t.log).toEqual(['stale', 'stale', 'validate']);
  });

  it('lets the pane’s own writes pass: while busy and just after', () => {
    const t = setUp();
    t.setBusy(true);
    t.watcher.changed();
    t.setBusy(false);
    t.watcher.workEnded();
    t.advance(OWN_WRITE_ECHO_MS - 1);
    t.watcher.changed();
    expect(t.log).toEqual([]);
    t.advance(1);
    t.watcher.changed();
    expect(t.log).toEqual(['stale']);
  });

  it('takes a change the host knows the officer made at once, however soon after the pane’s work', () => {
    const t = setUp();
    t.watcher.workEnded();
    t.watcher.changed(true);
    expect(t.log).toEqual(['stale']);
  });

  it('does nothing before the workbook was validated', () => {
    const t = setUp();
    t.setResults(false);
    t.watcher.changed();
    t.advance(REVALIDATE_AFTER_MS);
    expect(t.log).toEqual([]);
  });

  it('waits for work in progress before validating again, and stop cancels', () => {
    const t = setUp();
    t.watcher.changed();
    t.setBusy(true);
    t.advance(REVALIDATE_AFTER_MS);
    expect(t.log).toEqual(['stale']);
    t.setBusy(false);
    t.advance(REVALIDATE_AFTER_MS);
    expect(t.log).toEqual(['stale', 'validate']);
    t.watcher.changed();
    t.watcher.stop();
    expect(t.pending()).toBe(0);
  });
});
