/*
 * A writer process for the durability test (`sqlite/sqlite-durability.int-spec.ts`), which
 * SIGKILLs it while it appends.
 *
 *   node -r @swc-node/register durability-child.ts <file> <firstBatchNo>
 *
 * Appends batch after batch, forever, to a few streams; batch `b` goes to `durabilityStreamOf(b)`
 * and holds `durabilityBatchSizeOf(b)` events whose data carry (batchNo, indexInBatch, batchSize).
 * Each append states the revision it expects (read back from the store at start), and only after
 * its promise resolves does the child write `acked <batchNo> <streamId> <n>` to stdout (a pipe:
 * synchronous on Linux, so a line the parent reads is an append the store reported as done).
 */
import { randomUUID } from 'node:crypto';
import type { ExpectedRevision } from '../event-store.port';
import { SqliteEventStore } from '../sqlite/sqlite-event-store';

export const DURABILITY_STREAMS = ['durability-a', 'durability-b', 'durability-c', 'durability-d'] as const;

/** A deterministic scramble of the batch number, so sizes and streams vary without a seed. */
function mix(batchNo: number): number {
  let x = Math.imul(batchNo ^ 0x9e3779b9, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

/** 1..20 events. */
export function durabilityBatchSizeOf(batchNo: number): number {
  return (mix(batchNo) % 20) + 1;
}

export function durabilityStreamOf(batchNo: number): string {
  return DURABILITY_STREAMS[(mix(batchNo) >>> 8) % DURABILITY_STREAMS.length];
}

export interface DurabilityEventData {
  batchNo: number;
  indexInBatch: number;
  batchSize: number;
  /** Padding so that a batch spans several database pages (and WAL frames). */
  pad: string;
}

async function main(): Promise<void> {
  const [file, first] = process.argv.slice(2);
  if (!file || first === undefined) throw new Error('usage: durability-child.ts <file> <firstBatchNo>');
  const store = new SqliteEventStore({ filename: file });

  const expected = new Map<string, ExpectedRevision>();
  for (const stream of DURABILITY_STREAMS) {
    let last: ExpectedRevision = 'no_stream';
    for await (const event of store.readStream(stream, { direction: 'backwards', maxCount: 1 })) last = event.revision;
    expected.set(stream, last);
  }

  for (let batchNo = Number(first); ; batchNo++) {
    const stream = durabilityStreamOf(batchNo);
    const batchSize = durabilityBatchSizeOf(batchNo);
    const events = Array.from({ length: batchSize }, (_, indexInBatch) => ({
      id: randomUUID(),
      type: 'DurabilityProbed',
      data: { batchNo, indexInBatch, batchSize, pad: 'x'.repeat(200 + ((batchNo * 31 + indexInBatch * 17) % 400)) } satisfies DurabilityEventData,
      metadata: { actor: 'durability-child', pid: process.pid },
    }));
    const result = await store.appendToStream(stream, events, { expectedRevision: expected.get(stream)! });
    expected.set(stream, result.nextExpectedRevision);
    process.stdout.write(`acked ${batchNo} ${stream} ${batchSize}\n`);
  }
}

// The test imports the helpers above; only a process started on this file appends.
if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`durability-child: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  });
}
