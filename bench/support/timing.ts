/** Clocks of benchmarks: wall time, and the CPU time of measured sections. */
import { performance } from 'node:perf_hooks';

/** The monotonic clock, in nanoseconds. */
export const now = (): bigint => process.hrtime.bigint();

/** Milliseconds since `start` (a reading of `now`). */
export const msSince = (start: bigint): number => Number(now() - start) / 1e6;

/** CPU time (user + system, all threads) spent inside `timed` sections of this process. */
let cpuSecondsInTimed = 0;

/** Runs `run`, timing it (wall seconds); its CPU time is added to `measuredCpuSeconds`. */
export async function timed<T>(run: () => Promise<T>): Promise<{ value: T; seconds: number }> {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const value = await run();
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  cpuSecondsInTimed += (cpu.user + cpu.system) / 1e6;
  return { value, seconds };
}

/** The CPU seconds (user + system) of every `timed` section so far: unlike wall time, no waiting for fsync. */
export function measuredCpuSeconds(): number {
  return cpuSecondsInTimed;
}
