/**
 * Timing for the benchmark suites: warm-up runs first (JIT, caches), then N timed runs,
 * reported as best and median of wall time and of CPU time. The machine is shared, so the
 * load average is printed beside the figures: wall time on a busy machine is inflated,
 * CPU time much less so (it still includes the garbage collector's helper threads).
 */
import os from 'node:os';

export interface Timing {
  /** Wall-clock milliseconds of each timed run. */
  readonly runs: readonly number[];
  readonly bestMs: number;
  readonly medianMs: number;
  /** Process CPU milliseconds (user + system) of each timed run. */
  readonly cpuRuns: readonly number[];
  readonly bestCpuMs: number;
  readonly medianCpuMs: number;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Runs `work` `warmups` times untimed, then `runs` times timed. */
export function timeRuns(work: () => unknown, runs: number, warmups = 1): Timing {
  for (let i = 0; i < warmups; i++) work();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    work();
    wall.push(performance.now() - t0);
    const used = process.cpuUsage(cpu0);
    cpu.push((used.user + used.system) / 1000);
  }
  return { runs: wall, bestMs: Math.min(...wall), medianMs: median(wall), cpuRuns: cpu, bestCpuMs: Math.min(...cpu), medianCpuMs: median(cpu) };
}

/** The 1, 5 and 15 minute load averages and the core count, e.g. `load 1.92 2.40 3.10 on 2 cores`. */
export function loadText(): string {
  return `load ${os.loadavg().map((x) => x.toFixed(2)).join(' ')} on ${os.cpus().length} cores`;
}

/** The load averages for a JSON line. */
export function loadFigures(): { load1: number; load5: number; load15: number; cores: number } {
  const [load1 = 0, load5 = 0, load15 = 0] = os.loadavg();
  return { load1: round2(load1), load5: round2(load5), load15: round2(load15), cores: os.cpus().length };
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
