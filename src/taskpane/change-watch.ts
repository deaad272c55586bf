/**
 * Keeps the Validate tab true to the workbook: when the officer changes figures after
 * validating, the results are marked out of date at once and validated again after a short
 * pause (so typing a column of figures costs one re-validate, not one per cell).
 */

/** Quiet time after the last change before validating again. */
export const REVALIDATE_AFTER_MS = 1500;
/**
 * Changes arriving this soon after the pane's own write are taken as that write's echo: Excel
 * before ExcelApi 1.14 cannot say who made a change, and its events trail the write.
 */
export const OWN_WRITE_ECHO_MS = 1000;

export interface ChangeWatchPorts {
  /** Whether the pane is reading or writing now (its own changes are not the officer's). */
  isBusy(): boolean;
  /** Whether there are results on show that a change would leave out of date. */
  hasResults(): boolean;
  markStale(): void;
  revalidate(): void;
  now(): number;
  setTimer(callback: () => void, ms: number): unknown;
  clearTimer(timer: unknown): void;
}

export class ChangeWatcher {
  private timer: unknown = undefined;
  private lastWorkEnded = Number.NEGATIVE_INFINITY;

  constructor(private readonly ports: ChangeWatchPorts) {}

  /** The pane finished a piece of work (its writes' change events may still be on their way). */
  workEnded(): void {
    this.lastWorkEnded = this.ports.now();
  }

  /** `byOfficer`: the host knows the officer made the change, so it cannot be the pane's echo. */
  changed(byOfficer = false): void {
    const { ports } = this;
    if (ports.isBusy() || (!byOfficer && ports.now() - this.lastWorkEnded < OWN_WRITE_ECHO_MS)) return;
    if (!ports.hasResults()) return;
    ports.markStale();
    this.schedule();
  }

  stop(): void {
    if (this.timer !== undefined) this.ports.clearTimer(this.timer);
    this.timer = undefined;
  }

  private schedule(): void {
    this.stop();
    this.timer = this.ports.setTimer(() => {
      this.timer = undefined;
      // Never validate over the pane's own work: wait for it, then look again.
      if (this.ports.isBusy()) this.schedule();
      else this.ports.revalidate();
    }, REVALIDATE_AFTER_MS);
  }
}
