/*
 * Event-store benchmark: the embedded SQLite adapter against the same work done with bare
 * better-sqlite3 statements: appends (one event, and batches of 100) and readAll.
 *
 *   npm run bench:store                         # 100,000 events per measurement
 *   BENCH_EVENTS=10000 npm run -s bench:store   # a quick trial (-s: only the JSON on stdout)
 *
 * Environment:
 *   BENCH_EVENTS             events per measurement (default 100000)
 *   BENCH_SINGLE_BUDGET_MS   time cap of all single-event append runs of one side (adapter or bare),
 *                            which fsync once per append (default 20000); a capped side reports what it did
 *   BENCH_CHILD_RUNTIME      `swc-node` to run the children through `-r @swc-node/register` rather
 *                            than precompiled (their RSS then includes the SWC compiler, ~70 MB)
 *
 * Every measurement runs in child processes of this script (bench/support/child-processes.ts) so
 * that peak RSS is per run, on fresh temporary directories deleted afterwards. The files are on
 * disk, WAL, synchronous=FULL: what the adapter runs with. The disk's fsync latency drifts a lot on
 * a shared VM, so each comparison interleaves the two sides (adapter, bare, bare, adapter, …): the
 * appends in slices that continue the same file, the reads as whole repeated runs.
 * Progress goes to stderr; stdout gets one pretty-printed JSON object.
 *
 * Projection catch-up over this store is measured by the projections' own benchmark
 * (libs/projections/bench/catch-up.bench.ts): the store knows nothing of projections.
 */
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import type { EventData } from '../src/event-store.port';
import { SqliteEventStore } from '../src/sqlite/sqlite-event-store';
import {
  runBenchmark,
  removeTempDir,
  tempDir,
  type ChildResult,
  type Children,
  type Measured,
  type Measurement,
  type Task,
} from '../../../bench/support/child-processes';
import { abba, compare, compareOnCopies, describeRun, summarise, type Comparison, type SideName } from '../../../bench/support/compare';
import { deviceFsyncsPerSec, machineInfo } from '../../../bench/support/machine';
import { positiveInt, round } from '../../../bench/support/numbers';
import { progressLog } from '../../../bench/support/progress';
import { timed } from '../../../bench/support/timing';
import { sampleEvent, type SampleUsageLine } from '../../../bench/support/sample-event';

const EVENTS = positiveInt(process.env.BENCH_EVENTS, 100_000);
const SINGLE_BUDGET_MS = positiveInt(process.env.BENCH_SINGLE_BUDGET_MS, 20_000);
/** The reference run without fsync is short: it only shows what the fsync costs. */
const REFERENCE_BUDGET_MS = 3000;
const APPEND_BATCH = 100;
/** Append measurements: slices per side, interleaved ABBA. Reads: runs per side. */
const APPEND_SLICES = 4;
const READ_RUNS = 2;
/** The adapter's default page size; the bare loop uses the same. */
const PAGE_SIZE = 1000;
const READ_RSS_LIMIT_MB = 200;

const log = progressLog('bench:store');

// ---------------------------------------------------------------------------------------------
// The workload
// ---------------------------------------------------------------------------------------------

function batchOf(first: number, size: number): EventData[] {
  return Array.from({ length: size }, (_, k) => sampleEvent(first + k));
}

// The adapter's schema and pragmas, repeated for the bare runs (checked against the adapter's in `preflight`).
const BARE_SCHEMA = `
CREATE TABLE IF NOT EXISTS events (
  position    INTEGER PRIMARY KEY AUTOINCREMENT,
  event_id    TEXT    NOT NULL,
  stream_id   TEXT    NOT NULL,
  revision    INTEGER NOT NULL,
  type        TEXT    NOT NULL,
  data        TEXT    NOT NULL,
  metadata    TEXT    NOT NULL,
  recorded_at TEXT    NOT NULL,
  UNIQUE (stream_id, revision)
);
CREATE INDEX IF NOT EXISTS events_by_stream_event ON events (stream_id, event_id);
`;

function openBareStore(filename: string, synchronous: 'FULL' | 'NORMAL' = 'FULL'): Database.Database {
  const db = new Database(filename);
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${synchronous}`);
  db.pragma('busy_timeout = 5000');
  db.exec(BARE_SCHEMA);
  return db;
}

interface EventRow {
  position: number;
  event_id: string;
  stream_id: string;
  revision: number;
  type: string;
  data: string;
  metadata: string;
  recorded_at: string;
}

/** The adapter's append, bare: an immediate transaction that reads the stream's last revision, checks it, inserts. */
function bareAppender(db: Database.Database): (stream: string, events: EventData[], expected: 'no_stream' | number) => number {
  const lastRevision = db.prepare<[string], { revision: number | null }>('SELECT MAX(revision) AS revision FROM events WHERE stream_id = ?');
  const insert = db.prepare('INSERT INTO events (event_id, stream_id, revision, type, data, metadata, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
  return db.transaction((stream: string, events: EventData[], expected: 'no_stream' | number) => {
    const last = lastRevision.get(stream)?.revision ?? null;
    if (expected === 'no_stream' ? last !== null : last !== expected) throw new Error(`wrong expected revision on ${stream}`);
    let revision = last ?? -1;
    const recordedAt = new Date().toISOString();
    for (const event of events) {
      revision += 1;
      insert.run(event.id, stream, revision, event.type, JSON.stringify(event.data), JSON.stringify(event.metadata ?? {}), recordedAt);
    }
    return revision;
  }).immediate;
}

// ---------------------------------------------------------------------------------------------
// Child side: one measurement per process
// ---------------------------------------------------------------------------------------------

function expectCount(what: string, actual: number, expected: number): void {
  if (actual !== expected) throw new Error(`${what}: ${actual}, expected ${expected}`);
}

function countEvents(filename: string): number {
  const db = new Database(filename, { readonly: true });
  const { n } = db.prepare('SELECT COUNT(*) AS n FROM events').get() as { n: number };
  db.close();
  return n;
}

/** Appends [offset, offset + count) in appends of `size` events, one new stream per append, until done or out of time. */
async function appendLoop(task: Task, size: number, append: (stream: string, events: EventData[]) => unknown): Promise<Measured> {
  const { value, seconds } = await timed(async () => {
    const deadline = performance.now() + task.budgetMs;
    const end = task.offset + task.count;
    let first = task.offset;
    let appends = 0;
    while (first < end && !((appends & 63) === 0 && appends > 0 && performance.now() > deadline)) {
      const n = Math.min(size, end - first);
      await append(`usage-${first}`, n === 1 ? [sampleEvent(first)] : batchOf(first, n));
      first += n;
      appends += 1;
    }
    return { events: first - task.offset, appends };
  });
  return { ...value, seconds, complete: value.events === task.count };
}

function appendAdapter(size: number): Measurement {
  return async (task) => {
    const filename = join(task.dir, 'events.sqlite');
    const store = new SqliteEventStore({ filename });
    const measured = await appendLoop(task, size, (stream, events) => store.appendToStream(stream, events, { expectedRevision: 'no_stream' }));
    await store.close();
    expectCount('events stored', countEvents(filename), task.offset + measured.events);
    return measured;
  };
}

function appendBare(size: number, synchronous: 'FULL' | 'NORMAL' = 'FULL'): Measurement {
  return async (task) => {
    const filename = join(task.dir, 'events.sqlite');
    const db = openBareStore(filename, synchronous);
    const append = bareAppender(db);
    const measured = await appendLoop(task, size, (stream, events) => append(stream, events, 'no_stream'));
    db.close();
    expectCount('events stored', countEvents(filename), task.offset + measured.events);
    return measured;
  };
}

async function readAllAdapter(task: Task): Promise<Measured> {
  const store = new SqliteEventStore({ filename: join(task.dir, 'events.sqlite') });
  const { value, seconds } = await timed(async () => {
    let n = 0;
    let checksum = 0;
    for await (const event of store.readAll()) {
      n += 1;
      checksum += (event.data as SampleUsageLine).lineNo + (event.metadata.actor as string).length;
    }
    return { n, checksum };
  });
  await store.close();
  expectCount('events read', value.n, task.count);
  return { events: value.n, seconds, complete: true };
}

async function readAllBare(task: Task): Promise<Measured> {
  const db = openBareStore(join(task.dir, 'events.sqlite'));
  const page = db.prepare<[number, number], EventRow>('SELECT * FROM events WHERE position > ? ORDER BY position ASC LIMIT ?');
  const { value, seconds } = await timed(async () => {
    let n = 0;
    let checksum = 0;
    let cursor = 0;
    for (;;) {
      const rows = page.all(cursor, PAGE_SIZE);
      for (const row of rows) {
        const data = JSON.parse(row.data) as SampleUsageLine;
        const metadata = JSON.parse(row.metadata) as { actor: string };
        n += 1;
        checksum += data.lineNo + metadata.actor.length;
      }
      if (rows.length) cursor = rows[rows.length - 1].position;
      if (rows.length < PAGE_SIZE) break;
    }
    return { n, checksum };
  });
  db.close();
  expectCount('events read', value.n, task.count);
  return { events: value.n, seconds, complete: true };
}

const MEASUREMENTS: Record<string, Measurement> = {
  'append-single-adapter': appendAdapter(1),
  'append-single-bare': appendBare(1),
  'append-single-bare-sync-normal': appendBare(1, 'NORMAL'),
  'append-batch-adapter': appendAdapter(APPEND_BATCH),
  'append-batch-bare': appendBare(APPEND_BATCH),
  /** Not compared: fills the store that the read runs copy (through the adapter, so its schema). */
  populate: appendAdapter(APPEND_BATCH),
  'read-all-adapter': readAllAdapter,
  'read-all-bare': readAllBare,
};

// ---------------------------------------------------------------------------------------------
// Parent side: runs the measurements, compares, prints one JSON object
// ---------------------------------------------------------------------------------------------

/**
 * Appends EVENTS events per side in `slices` child runs that continue the same file (so the store
 * grows to EVENTS as in one run), the sides interleaved. `budgetMs` caps each side's total time.
 */
async function compareAppends(children: Children, name: string, slices: number, budgetMs: number): Promise<Comparison> {
  const dirs = { adapter: tempDir(`${name}-adapter`), bare: tempDir(`${name}-bare`) };
  const done = { adapter: 0, bare: 0 };
  const runs: Record<SideName, ChildResult[]> = { adapter: [], bare: [] };
  try {
    for (const side of abba(slices)) {
      const slice = runs[side].length;
      const target = Math.round((EVENTS * (slice + 1)) / slices);
      const result = await children.run(`${name}-${side}`, { dir: dirs[side], offset: done[side], count: target - done[side], budgetMs: budgetMs / slices });
      done[side] += result.events;
      runs[side].push(result);
      log(describeRun(`${name}-${side} slice ${slice + 1}/${slices}`, result));
    }
  } finally {
    removeTempDir(dirs.adapter);
    removeTempDir(dirs.bare);
  }
  return compare(summarise(runs.adapter), summarise(runs.bare));
}

/** The adapter's schema and pragmas are the ones the bare runs use. */
async function preflight(): Promise<{ schemaMatchesAdapter: boolean; sqliteVersion: string }> {
  const dir = tempDir('preflight');
  try {
    const inspect = (filename: string) => {
      const db = new Database(filename);
      const schema = db.prepare("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name").all();
      const journalMode = db.pragma('journal_mode', { simple: true });
      const version = (db.prepare('SELECT sqlite_version() AS v').get() as { v: string }).v;
      db.close();
      return { fingerprint: JSON.stringify({ schema, journalMode }), version };
    };
    await new SqliteEventStore({ filename: join(dir, 'adapter.sqlite') }).close();
    openBareStore(join(dir, 'bare.sqlite')).close();
    const adapter = inspect(join(dir, 'adapter.sqlite'));
    return { schemaMatchesAdapter: adapter.fingerprint === inspect(join(dir, 'bare.sqlite')).fingerprint, sqliteVersion: adapter.version };
  } finally {
    removeTempDir(dir);
  }
}

async function measureAll(children: Children): Promise<void> {
  const started = performance.now();
  log(`${EVENTS} events per measurement; single-event appends capped at ${SINGLE_BUDGET_MS} ms per side; children: ${children.description}`);
  const { schemaMatchesAdapter, sqliteVersion } = await preflight();
  if (!schemaMatchesAdapter) log('WARNING: the bare schema or pragmas differ from the adapter’s');
  const fsyncsBefore = deviceFsyncsPerSec();
  log(`device: ${fsyncsBefore} write+fdatasync/s`);

  const single = await compareAppends(children, 'append-single', APPEND_SLICES, SINGLE_BUDGET_MS);
  // Reference only, so a short run: the same bare appends without an fsync per commit.
  const noFsyncDir = tempDir('append-single-bare-sync-normal');
  let bareNoFsync: ChildResult;
  try {
    bareNoFsync = await children.run('append-single-bare-sync-normal', { dir: noFsyncDir, offset: 0, count: EVENTS, budgetMs: REFERENCE_BUDGET_MS });
    log(describeRun('append-single-bare-sync-normal', bareNoFsync));
  } finally {
    removeTempDir(noFsyncDir);
  }
  const batch = await compareAppends(children, 'append-batch', APPEND_SLICES, Number.MAX_SAFE_INTEGER);

  const templateDir = tempDir('template');
  let readAll: Comparison;
  try {
    await children.run('populate', { dir: templateDir, offset: 0, count: EVENTS, budgetMs: Number.MAX_SAFE_INTEGER });
    log(`populated ${EVENTS} events for the read runs`);
    readAll = await compareOnCopies(children, 'read-all', join(templateDir, 'events.sqlite'), READ_RUNS, EVENTS, log);
  } finally {
    removeTempDir(templateDir);
  }
  const fsyncsAfter = deviceFsyncsPerSec();

  const targets = [
    {
      target: 'single-event appends: adapter within 2x of bare (throughput ratio >= 0.5)',
      measured: single.ratioAdapterToBare,
      met: single.ratioAdapterToBare >= 0.5,
    },
    {
      target: '100-event appends: adapter within 2x of bare (throughput ratio >= 0.5)',
      measured: batch.ratioAdapterToBare,
      met: batch.ratioAdapterToBare >= 0.5,
    },
    {
      target: 'readAll: adapter within 1.5x of bare (throughput ratio >= 0.667)',
      measured: readAll.ratioAdapterToBare,
      met: readAll.ratioAdapterToBare >= 1 / 1.5,
    },
    {
      target: `readAll of ${EVENTS} events through the adapter: peak RSS < ${READ_RSS_LIMIT_MB} MB`,
      measured: readAll.adapter.memory.peakRssMB,
      met: readAll.adapter.memory.peakRssMB < READ_RSS_LIMIT_MB,
    },
  ];

  const report = {
    benchmark: 'event store: SqliteEventStore vs bare better-sqlite3, same schema, pragmas and transaction pattern',
    machine: {
      ...machineInfo(),
      sqlite: sqliteVersion,
      deviceWriteFdatasyncPerSec: { before: fsyncsBefore, after: fsyncsAfter },
    },
    config: {
      events: EVENTS,
      appendBatchSize: APPEND_BATCH,
      readPageSize: PAGE_SIZE,
      journalMode: 'WAL',
      synchronous: 'FULL',
      interleaving: `appends: ${APPEND_SLICES} slices per side continuing one file; reads: ${READ_RUNS} runs per side on fresh copies; order adapter, bare, bare, adapter, …`,
      singleAppendBudgetMsPerSide: SINGLE_BUDGET_MS,
      schemaMatchesAdapter,
      childProcesses: children.description,
    },
    results: {
      appendSingleEvent: {
        ...single,
        note:
          single.adapter.complete && single.bare.complete
            ? 'one event per append, each to a new stream; one fsync per append'
            : `one event per append; a side hit its ${SINGLE_BUDGET_MS} ms cap before ${EVENTS} events: rates are over what it did`,
        fsyncBound: {
          bareWithSynchronousNormal: { events: bareNoFsync.events, eventsPerSec: Math.round(bareNoFsync.events / bareNoFsync.seconds) },
          bareFullOverNormal: round(single.bare.eventsPerSec / (bareNoFsync.events / bareNoFsync.seconds), 3),
          note: `reference only, a ${REFERENCE_BUDGET_MS} ms run (the adapter stays synchronous=FULL): the same bare appends without an fsync per commit`,
        },
      },
      appendBatchOf100: { ...batch, note: '100 events per append, each append to a new stream' },
      readAll: { ...readAll, note: 'adapter: for await over readAll(); bare: paged SELECT (1000 rows) + JSON.parse of data and metadata' },
    },
    targets,
    allTargetsMet: targets.every((t) => t.met),
    totalSeconds: round((performance.now() - started) / 1000, 1),
  };
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
}

runBenchmark({ script: __filename, measurements: MEASUREMENTS, parent: measureAll });
