/** Resident memory (RSS) of a benchmark process: samplers and the peak-memory report. */
import { Worker } from 'node:worker_threads';
import { mb } from './numbers';

/** A process's memory over a measurement, in MiB. */
export interface Memory {
  /** RSS after start-up, before the measured work. */
  baselineRssMB: number;
  /** Highest RSS the sampler saw. */
  sampledPeakRssMB: number;
  /** process.resourceUsage().maxRSS at the end (the kernel's high-water mark). */
  maxRssMB: number;
  /** The higher of the two. */
  peakRssMB: number;
  /** peakRssMB - baselineRssMB: what the measured work added. */
  peakAboveBaselineMB: number;
}

/**
 * Samples RSS every `intervalMs` from a worker thread, for measured work that is synchronous
 * (or microtasks) and would starve a timer on the main thread. RSS is per process, so the worker
 * sees it all; it adds its own few MB, which are in the baseline too. `stop` answers the peak, in bytes.
 */
export function startWorkerRssSampler(intervalMs = 5): { stop: () => Promise<number> } {
  const shared = new Float64Array(new SharedArrayBuffer(8));
  const worker = new Worker(
    `const { workerData: { peak, intervalMs } } = require('node:worker_threads');
     const sample = () => { const rss = process.memoryUsage.rss(); if (rss > peak[0]) peak[0] = rss; };
     sample();
     setInterval(sample, intervalMs);`,
    { eval: true, workerData: { peak: shared, intervalMs }, execArgv: [] },
  );
  return {
    stop: async () => {
      await worker.terminate();
      return shared[0];
    },
  };
}

/** The peaks a timer sampler has seen, in bytes: of the whole process, and since the last `restartWindow`. */
export interface TimerRssSampler {
  readonly peak: number;
  readonly windowPeak: number;
  /** Starts a new window at the current RSS (e.g. when a run starts). */
  restartWindow(): void;
}

/**
 * Samples RSS every `intervalMs` with a timer on this thread (unref'd: it keeps no process
 * alive), for work that yields to the event loop; a long synchronous stretch goes unsampled.
 */
export function startTimerRssSampler(intervalMs: number): TimerRssSampler {
  let peak = process.memoryUsage().rss;
  let windowPeak = peak;
  const timer = setInterval(() => {
    const rss = process.memoryUsage.rss(); // the cheap form: no walk of the heap spaces
    peak = Math.max(peak, rss);
    windowPeak = Math.max(windowPeak, rss);
  }, intervalMs);
  timer.unref();
  return {
    get peak() {
      return peak;
    },
    get windowPeak() {
      return windowPeak;
    },
    restartWindow() {
      windowPeak = process.memoryUsage().rss;
    },
  };
}

/** The report of a measurement that started at `baselineRss` and in which a sampler saw `sampledPeakRss` (bytes). */
export function memorySince(baselineRss: number, sampledPeakRss: number): Memory {
  const maxRss = process.resourceUsage().maxRSS * 1024;
  const peak = Math.max(sampledPeakRss, maxRss);
  return {
    baselineRssMB: mb(baselineRss),
    sampledPeakRssMB: mb(sampledPeakRss),
    maxRssMB: mb(maxRss),
    peakRssMB: mb(peak),
    peakAboveBaselineMB: mb(peak - baselineRss),
  };
}

/** Field by field, the highest of several reports. */
export function highestMemory(memories: readonly Memory[]): Memory {
  const highest = (pick: (m: Memory) => number) => Math.max(...memories.map(pick));
  return {
    baselineRssMB: highest((m) => m.baselineRssMB),
    sampledPeakRssMB: highest((m) => m.sampledPeakRssMB),
    maxRssMB: highest((m) => m.maxRssMB),
    peakRssMB: highest((m) => m.peakRssMB),
    peakAboveBaselineMB: highest((m) => m.peakAboveBaselineMB),
  };
}
