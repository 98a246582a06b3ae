import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import Database from 'better-sqlite3';
import { DURABILITY_STREAMS, durabilityBatchSizeOf, durabilityStreamOf, type DurabilityEventData } from '../testing/durability-child';
import { SqliteEventStore } from './sqlite-event-store';

/**
 * Crash durability of the embedded adapter: a writer process is SIGKILLed in the middle of its
 * appends, three times in a row on the same file, and after each kill the reopened store must
 * hold every append the writer saw acknowledged, whole, and no append in part.
 *
 * A SIGKILL is a process crash: the kernel keeps what the process wrote, so this tests SQLite's
 * atomic commit and WAL recovery as the adapter uses them, not fsync against power loss
 * (synchronous=OFF would pass it too).
 */

const CHILD = join(__dirname, '../testing/durability-child.ts');
const KILLS = 3;
const MIN_ACKS_BEFORE_KILL = 300;
const WRITER_TIMEOUT_MS = 8000;

interface Ack {
  stream: string;
  n: number;
}

interface ChildRun {
  acks: Map<number, Ack>;
  signal: NodeJS.Signals | null;
  code: number | null;
}

/** Runs the writer from `firstBatchNo`, SIGKILLs it once it has acknowledged `killAfter` batches. */
function runWriterUntilKilled(file: string, firstBatchNo: number, killAfter: number): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-r', '@swc-node/register', CHILD, file, String(firstBatchNo)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const acks = new Map<number, Ack>();
    let killed = false;
    let failed = false;
    let exit: { code: number | null; signal: NodeJS.Signals | null } | undefined;
    let linesDone = false;
    const fail = (error: Error) => {
      if (failed) return;
      failed = true;
      clearTimeout(watchdog);
      if (!exit) child.kill('SIGKILL');
      reject(error);
    };
    const finish = () => {
      if (exit && linesDone && !failed) {
        clearTimeout(watchdog);
        resolve({ acks, ...exit });
      }
    };
    // Never leave a writer behind: give up well before Jest's own timeout.
    const watchdog = setTimeout(() => fail(new Error(`the writer acknowledged only ${acks.size} batches in ${WRITER_TIMEOUT_MS} ms`)), WRITER_TIMEOUT_MS);
    const lines = createInterface({ input: child.stdout });
    lines.on('line', (line) => {
      const match = /^acked (\d+) (\S+) (\d+)$/.exec(line);
      if (!match) return fail(new Error(`unexpected line from the writer: ${JSON.stringify(line)}`));
      // Lines the child wrote before it died still count: each is an append it saw resolve.
      acks.set(Number(match[1]), { stream: match[2], n: Number(match[3]) });
      if (!killed && acks.size >= killAfter) {
        killed = true;
        child.kill('SIGKILL');
      }
    });
    lines.on('close', () => {
      linesDone = true;
      finish();
    });
    child.on('error', fail);
    child.on('exit', (code, signal) => {
      exit = { code, signal };
      if (!killed) fail(new Error(`the writer exited by itself (code ${code}, signal ${signal}) after ${acks.size} acks`));
      finish();
    });
  });
}

interface StoreCheck {
  problems: string[];
  /** The highest batch number in the store (-1 when empty). */
  maxBatchNo: number;
  events: number;
}

/** Reopens the file (WAL recovery happens here) and checks what the store holds against the acks so far. */
async function checkStore(file: string, acked: Map<number, Ack>): Promise<StoreCheck> {
  const problems: string[] = [];
  const store = new SqliteEventStore({ filename: file });
  const batches = new Map<number, { stream: string; size: number; events: Array<{ index: number; revision: bigint }> }>();
  const nextRevision = new Map<string, bigint>();
  let lastPosition = 0n;
  let events = 0;
  for await (const event of store.readAll()) {
    events += 1;
    if (event.position <= lastPosition) problems.push(`position ${event.position} comes after ${lastPosition}`);
    lastPosition = event.position;
    const expectedRevision = nextRevision.get(event.streamId) ?? 0n;
    if (event.revision !== expectedRevision) problems.push(`${event.streamId}: revision ${event.revision} where ${expectedRevision} was due`);
    nextRevision.set(event.streamId, event.revision + 1n);

    const { batchNo, indexInBatch, batchSize } = event.data as DurabilityEventData;
    let batch = batches.get(batchNo);
    if (!batch) batches.set(batchNo, (batch = { stream: event.streamId, size: batchSize, events: [] }));
    if (event.streamId !== batch.stream || batchSize !== batch.size) problems.push(`batch ${batchNo} is spread over streams or sizes`);
    batch.events.push({ index: indexInBatch, revision: event.revision });
  }

  // Each stream read on its own agrees with the global log: revisions 0..n-1, nothing else.
  for (const stream of DURABILITY_STREAMS) {
    let expected = 0n;
    for await (const event of store.readStream(stream)) {
      if (event.revision !== expected) problems.push(`readStream(${stream}): revision ${event.revision} where ${expected} was due`);
      expected += 1n;
    }
    if (expected !== (nextRevision.get(stream) ?? 0n)) problems.push(`readStream(${stream}) has ${expected} events, readAll ${nextRevision.get(stream) ?? 0n}`);
  }
  await store.close();

  const raw = new Database(file, { readonly: true });
  const integrity = raw.pragma('integrity_check', { simple: true });
  raw.close();
  if (integrity !== 'ok') problems.push(`integrity_check: ${String(integrity)}`);

  // No batch is there in part: all its events, in order, at consecutive revisions of the stream it belongs to.
  for (const [batchNo, batch] of batches) {
    if (batch.size !== durabilityBatchSizeOf(batchNo) || batch.stream !== durabilityStreamOf(batchNo)) {
      problems.push(`batch ${batchNo} is not the batch the writer builds (${batch.stream}, ${batch.size} events)`);
    }
    if (batch.events.length !== batch.size) problems.push(`batch ${batchNo} is partly there: ${batch.events.length} of ${batch.size} events`);
    batch.events.forEach((event, i) => {
      if (event.index !== i) problems.push(`batch ${batchNo}: event ${event.index} at place ${i}`);
      if (event.revision !== batch.events[0].revision + BigInt(i)) problems.push(`batch ${batchNo}: revisions are not consecutive`);
    });
  }

  // The writer awaits each append before the next: the store holds batches 0..max with no hole.
  const maxBatchNo = batches.size ? Math.max(...batches.keys()) : -1;
  if (batches.size !== maxBatchNo + 1) problems.push(`batches 0..${maxBatchNo} should be there, ${batches.size} are`);

  // Every acknowledged batch is there, as acknowledged; beyond them at most the one append in flight.
  for (const [batchNo, ack] of acked) {
    const batch = batches.get(batchNo);
    if (!batch) problems.push(`acknowledged batch ${batchNo} is lost`);
    else if (batch.stream !== ack.stream || batch.events.length !== ack.n) problems.push(`acknowledged batch ${batchNo} differs from its ack`);
  }
  const maxAcked = acked.size ? Math.max(...acked.keys()) : -1;
  if (maxBatchNo > maxAcked + 1) problems.push(`batch ${maxBatchNo} is there but the last ack was ${maxAcked}`);

  return { problems, maxBatchNo, events };
}

describe('SqliteEventStore durability (writer SIGKILLed mid-append)', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ledger-durability-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it(`keeps every acknowledged append, whole, and no append in part, across ${KILLS} kills on the same file`, async () => {
    const file = join(dir, 'events.sqlite');
    const acked = new Map<number, Ack>();
    let nextBatchNo = 0;
    let events = 0;
    for (let kill = 1; kill <= KILLS; kill++) {
      // given: a writer continuing from what the store holds
      // when: it is killed after some hundreds of acknowledged batches (a different number each time)
      const run = await runWriterUntilKilled(file, nextBatchNo, MIN_ACKS_BEFORE_KILL + (kill - 1) * 37);
      expect(run.signal).toBe('SIGKILL');
      expect(run.acks.size).toBeGreaterThanOrEqual(MIN_ACKS_BEFORE_KILL);
      expect(Math.min(...run.acks.keys())).toBe(nextBatchNo);
      for (const [batchNo, ack] of run.acks) acked.set(batchNo, ack);

      // then: the reopened store holds all of it, whole
      const check = await checkStore(file, acked);
      expect({ kill, problems: check.problems }).toEqual({ kill, problems: [] });
      expect(check.events).toBeGreaterThan(events);
      events = check.events;
      nextBatchNo = check.maxBatchNo + 1;
    }
    expect(nextBatchNo).toBeGreaterThanOrEqual(KILLS * MIN_ACKS_BEFORE_KILL);
  });
});
