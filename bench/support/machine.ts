/** The machine a benchmark runs on, for its report. */
import { closeSync, fdatasyncSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

export function machineInfo(): { cpus: number; cpuModel: string | undefined; totalMemoryMB: number; node: string; platform: string } {
  return {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model,
    totalMemoryMB: Math.round(totalmem() / 1024 / 1024),
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
  };
}

/**
 * How many 4 KiB write+fdatasync pairs the temporary directory's disk does per second, over one
 * second: the ceiling of durable single-write commits. It drifts a lot on a shared VM, so a report
 * takes it before and after.
 */
export function deviceFsyncsPerSec(): number {
  const dir = mkdtempSync(join(tmpdir(), 'bench-fsync-'));
  try {
    const fd = openSync(join(dir, 'probe'), 'w');
    const block = Buffer.alloc(4096, 1);
    const t0 = performance.now();
    let n = 0;
    while (performance.now() - t0 < 1000) {
      writeSync(fd, block);
      fdatasyncSync(fd);
      n += 1;
    }
    closeSync(fd);
    return Math.round(n / ((performance.now() - t0) / 1000));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
