/*
 * Comparisons of a library's code ("adapter") with the same work done by hand with the bare
 * underlying calls ("bare"), run in child processes (child-processes.ts) and interleaved so that a
 * machine whose speed drifts (a shared VM's disk, its neighbours) favours neither side.
 */
import type { Children, ChildResult } from './child-processes';
import { highestMemory, type Memory } from './memory';
import { round } from './numbers';

export type SideName = 'adapter' | 'bare';

/** Several runs of one side, summed: rates are total events over total measured seconds. */
export interface Side {
  events: number;
  appends?: number;
  seconds: number;
  eventsPerSec: number;
  appendsPerSec?: number;
  /** CPU (user + system) per event in the measured sections, in microseconds: robust to fsync latency drift. */
  cpuMicrosPerEvent: number;
  /** Whether every run did all it was asked (a capped run can run out of time). */
  complete: boolean;
  /** events/s of each run (or slice), in the order run: the spread shows the machine's noise. */
  runsEventsPerSec: number[];
  /** Highest of the runs. */
  memory: Memory;
}

export interface Comparison {
  adapter: Side;
  bare: Side;
  /** Throughput ratio adapter/bare: 1 = as fast as bare, 0.5 = half as fast ("2x slower"). */
  ratioAdapterToBare: number;
  adapterSlowdown: number;
  /** CPU per event, adapter/bare: the adapter's own overhead, whatever the disk does (1.2 = 20% more CPU). */
  cpuPerEventAdapterToBare: number;
}

/** ABBA…: adapter, bare, bare, adapter, adapter, bare, … (`n` runs of each side). */
export function abba(n: number): SideName[] {
  return Array.from({ length: 2 * n }, (_, i) => (((i + 1) >> 1) % 2 === 0 ? 'adapter' : 'bare'));
}

export function summarise(runs: readonly ChildResult[]): Side {
  const events = runs.reduce((sum, r) => sum + r.events, 0);
  const seconds = runs.reduce((sum, r) => sum + r.seconds, 0);
  const appends = runs[0].appends === undefined ? undefined : runs.reduce((sum, r) => sum + (r.appends ?? 0), 0);
  return {
    events,
    ...(appends !== undefined ? { appends } : {}),
    seconds: round(seconds, 3),
    eventsPerSec: Math.round(events / seconds),
    ...(appends !== undefined ? { appendsPerSec: Math.round(appends / seconds) } : {}),
    cpuMicrosPerEvent: round((runs.reduce((sum, r) => sum + r.cpuSeconds, 0) / events) * 1e6, 1),
    complete: runs.every((r) => r.complete),
    runsEventsPerSec: runs.map((r) => Math.round(r.events / r.seconds)),
    memory: highestMemory(runs.map((r) => r.memory)),
  };
}

export function compare(adapter: Side, bare: Side): Comparison {
  const ratio = adapter.eventsPerSec / bare.eventsPerSec;
  return {
    adapter,
    bare,
    ratioAdapterToBare: round(ratio, 3),
    adapterSlowdown: round(1 / ratio, 3),
    cpuPerEventAdapterToBare: round(adapter.cpuMicrosPerEvent / bare.cpuMicrosPerEvent, 3),
  };
}

/** One line of progress about a run. */
export function describeRun(name: string, r: ChildResult): string {
  const cpu = Math.round((r.cpuSeconds / r.events) * 1e6);
  return `${name}: ${r.events} events in ${round(r.seconds, 3)} s = ${Math.round(r.events / r.seconds)} events/s, ${cpu} µs CPU/event, peak RSS ${r.memory.peakRssMB} MB`;
}

/**
 * `runs` whole runs per side, interleaved ABBA, each on a fresh copy of `file`: the child
 * measurements `<name>-adapter` and `<name>-bare`, asked for `count` events. `log` gets a line per run.
 */
export async function compareOnCopies(
  children: Children,
  name: string,
  file: string,
  runs: number,
  count: number,
  log: (message: string) => void,
): Promise<Comparison> {
  const results: Record<SideName, ChildResult[]> = { adapter: [], bare: [] };
  for (const side of abba(runs)) {
    const result = await children.runOnCopy(`${name}-${side}`, file, { offset: 0, count, budgetMs: 0 });
    log(describeRun(`${name}-${side}`, result));
    results[side].push(result);
  }
  return compare(summarise(results.adapter), summarise(results.bare));
}
