/** Numbers of benchmark reports: options from the environment, rounding, units, rates, percentiles. */

/** `value` (an environment variable) as a positive integer, or `fallback` when absent or not one. */
export function positiveInt(value: string | undefined, fallback: number): number {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

/** `x` rounded to `digits` decimal places. */
export function round(x: number, digits: number): number {
  return Math.round(x * 10 ** digits) / 10 ** digits;
}

/** Bytes in MiB, to one decimal place. */
export function mb(bytes: number): number {
  return round(bytes / 1024 / 1024, 1);
}

/** `count` things done in `ms` milliseconds, per second (a whole number). */
export function perSecond(count: number, ms: number): number {
  return Math.round((count * 1000) / ms);
}

export interface Percentiles {
  n: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  mean: number;
}

/** Nearest-rank percentiles of `samples` (not empty), each to two decimal places. */
export function percentiles(samples: readonly number[]): Percentiles {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
  return {
    n: sorted.length,
    p50: round(at(50), 2),
    p90: round(at(90), 2),
    p99: round(at(99), 2),
    max: round(sorted[sorted.length - 1], 2),
    mean: round(sorted.reduce((a, b) => a + b, 0) / sorted.length, 2),
  };
}
