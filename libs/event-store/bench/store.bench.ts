/*
 * Event-store benchmark: the embedded SQLite adapter (and the projection runner on top of it)
 * against the same work done with bare better-sqlite3 statements.
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
 * Every measurement runs in child processes of this script (the measurement's name as argument)
 * so that peak RSS is per run, on fresh temporary directories deleted afterwards. The files are on
 * disk, WAL, synchronous=FULL: what the adapter runs with. The disk's fsync latency drifts a lot on
 * a shared VM, so each comparison interleaves the two sides (adapter, bare, bare, adapter, …): the
 * appends in slices that continue the same file, the reads and catch-ups as whole repeated runs.
 * Progress goes to stderr; stdout gets one pretty-printed JSON object.
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { closeSync, copyFileSync, existsSync, fdatasyncSync, mkdirSync, mkdtempSync, openSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import type { EventData, RecordedEvent } from '../src/event-store.port';
import { SqliteEventStore } from '../src/sqlite/sqlite-event-store';
import type { Projection } from '../../projections/src/runner/projection';
import { ProjectionRunner } from '../../projections/src/runner/projection-runner';
import { openReadModelDatabase } from '../../projections/src/runner/read-model-database';

const EVENTS = positiveInt(process.env.BENCH_EVENTS, 100_000);
const SINGLE_BUDGET_MS = positiveInt(process.env.BENCH_SINGLE_BUDGET_MS, 20_000);
/** The reference run without fsync is short: it only shows what the fsync costs. */
const REFERENCE_BUDGET_MS = 3000;
const APPEND_BATCH = 100;
/** Append measurements: slices per side, interleaved ABBA. Reads and catch-ups: runs per side. */
const APPEND_SLICES = 4;
const READ_RUNS = 2;
/** The adapter's default page size and the runner's default batch size; the bare loops use the same. */
const PAGE_SIZE = 1000;
const CATCH_UP_BATCH = 1000;
const READ_RSS_LIMIT_MB = 200;
const REPO_ROOT = resolve(__dirname, '../../..');
const RESULT_PREFIX = 'BENCH_RESULT ';

function positiveInt(value: string | undefined, fallback: number): number {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

// ---------------------------------------------------------------------------------------------
// The workload
// ---------------------------------------------------------------------------------------------

/** A billing-sized event (~450 bytes of JSON); built the same way for the adapter and the bare runs. */
function makeEvent(i: number): EventData {
  return {
    id: randomUUID(),
    type: 'UsageLineRecorded',
    data: {
      accountId: `acct-${i >> 6}`,
      subscriptionId: `sub-${i >> 3}`,
      lineNo: i,
      sku: 'M365-BUSINESS-PREMIUM',
      quantity: (i % 17) + 1,
      unitPrice: '18.90',
      currency: 'EUR',
      period: { from: '2025-06-01', to: '2025-06-30' },
    },
    metadata: {
      actor: 'key_7f3a9c',
      actorRole: 'operator',
      correlationId: `corr-${i}`,
      causationId: `cmd-${i}`,
      occurredAt: '2025-06-30T12:00:00.000Z',
    },
  };
}

function batchOf(first: number, size: number): EventData[] {
  return Array.from({ length: size }, (_, k) => makeEvent(first + k));
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
  const insert = db.prepare(
    'INSERT INTO events (event_id, stream_id, revision, type, data, metadata, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
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

/**
 * The one-table read model: one row per usage line. Keyed by the event's position (rows go in in
 * order, like most per-event read models), or, as a variant, by the event id: a random UUID
 * primary key, whose index inserts land all over the b-tree.
 */
type ReadModelKey = 'position' | 'event_id';
const READ_MODEL_TABLE = 'bench_usage_lines';

function readModelDdl(key: ReadModelKey): string {
  return key === 'position'
    ? `CREATE TABLE IF NOT EXISTS ${READ_MODEL_TABLE} (position INTEGER PRIMARY KEY, event_id TEXT NOT NULL, account_id TEXT NOT NULL, line_no INTEGER NOT NULL, quantity INTEGER NOT NULL)`
    : `CREATE TABLE IF NOT EXISTS ${READ_MODEL_TABLE} (event_id TEXT PRIMARY KEY, position INTEGER NOT NULL, account_id TEXT NOT NULL, line_no INTEGER NOT NULL, quantity INTEGER NOT NULL)`;
}
const READ_MODEL_INSERT = `INSERT INTO ${READ_MODEL_TABLE} (event_id, account_id, line_no, quantity, position) VALUES (?, ?, ?, ?, ?)`;

interface UsageLine {
  accountId: string;
  lineNo: number;
  quantity: number;
}

/** The one-table projection the runner feeds. */
function usageLinesProjection(key: ReadModelKey): Projection {
  return {
    name: 'bench-usage-lines',
    version: 1,
    tables: [READ_MODEL_TABLE],
    open(db) {
      db.exec(readModelDdl(key));
      const insert = db.prepare(READ_MODEL_INSERT);
      return (event: RecordedEvent) => {
        const data = event.data as UsageLine;
        insert.run(event.id, data.accountId, data.lineNo, data.quantity, Number(event.position));
      };
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Child side: one measurement per process
// ---------------------------------------------------------------------------------------------

/** What a child is asked: append events [offset, offset + count) within budgetMs, or read what `dir` holds. */
interface Task {
  dir: string;
  offset: number;
  count: number;
  budgetMs: number;
}

interface Measured {
  /** Events the run handled (fewer than asked when an append run hit its time cap). */
  events: number;
  appends?: number;
  seconds: number;
  complete: boolean;
}

interface Memory {
  /** RSS after start-up (Node, better-sqlite3, the sampler thread), before the measured work. */
  baselineRssMB: number;
  /** Highest RSS seen by a 5 ms sampler thread calling process.memoryUsage.rss(). */
  sampledPeakRssMB: number;
  /** process.resourceUsage().maxRSS at the end (the kernel's high-water mark). */
  maxRssMB: number;
  /** The higher of the two. */
  peakRssMB: number;
  /** peakRssMB - baselineRssMB: what the measured work added. */
  peakAboveBaselineMB: number;
}

interface ChildResult extends Measured {
  /** CPU time of the measured section: unlike wall time, it does not include waiting for fsync. */
  cpuSeconds: number;
  memory: Memory;
}

type Measurement = (task: Task) => Promise<Measured>;

const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

/**
 * Samples RSS every 5 ms from a worker thread: the measured loops are synchronous SQLite calls and
 * microtasks, which would starve a timer on the main thread. RSS is per process, so the worker sees it all.
 */
function startRssSampler(): { stop: () => Promise<number> } {
  const shared = new Float64Array(new SharedArrayBuffer(8));
  const worker = new Worker(
    `const { workerData: peak } = require('node:worker_threads');
     const sample = () => { const rss = process.memoryUsage.rss(); if (rss > peak[0]) peak[0] = rss; };
     sample();
     setInterval(sample, 5);`,
    { eval: true, workerData: shared, execArgv: [] },
  );
  return {
    stop: async () => {
      await worker.terminate();
      return shared[0];
    },
  };
}

/** CPU time (user + system, all threads) spent inside `timed` sections of this process. */
let measuredCpuSeconds = 0;

async function timed<T>(run: () => Promise<T>): Promise<{ value: T; seconds: number }> {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const value = await run();
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  measuredCpuSeconds += (cpu.user + cpu.system) / 1e6;
  return { value, seconds };
}

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
      await append(`usage-${first}`, n === 1 ? [makeEvent(first)] : batchOf(first, n));
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
      checksum += (event.data as UsageLine).lineNo + (event.metadata.actor as string).length;
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
        const data = JSON.parse(row.data) as UsageLine;
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

function checkReadModel(db: Database.Database, checkpointName: string, events: number): void {
  const { n } = db.prepare(`SELECT COUNT(*) AS n FROM ${READ_MODEL_TABLE}`).get() as { n: number };
  expectCount('read-model rows', n, events);
  const checkpoint = db.prepare('SELECT position FROM projection_checkpoints WHERE name = ?').get(checkpointName) as { position: number };
  expectCount('checkpoint', checkpoint.position, events);
}

function catchUpAdapter(key: ReadModelKey): Measurement {
  return async (task) => {
    const store = new SqliteEventStore({ filename: join(task.dir, 'events.sqlite') });
    const db = openReadModelDatabase(join(task.dir, 'read-models.sqlite'));
    const projection = usageLinesProjection(key);
    const runner = new ProjectionRunner(store, db, [projection], { batchSize: CATCH_UP_BATCH });
    const { seconds } = await timed(() => runner.catchUp());
    checkReadModel(db, projection.name, task.count);
    db.close();
    await store.close();
    return { events: task.count, seconds, complete: true };
  };
}

/** The runner's work, bare: read a page, parse it, and in one transaction insert its rows and save the checkpoint. */
async function catchUpBare(task: Task): Promise<Measured> {
  const store = openBareStore(join(task.dir, 'events.sqlite'));
  const db = openReadModelDatabase(join(task.dir, 'read-models.sqlite'));
  db.exec('CREATE TABLE IF NOT EXISTS projection_checkpoints (name TEXT PRIMARY KEY, version INTEGER NOT NULL, position INTEGER NOT NULL)');
  db.exec(readModelDdl('position'));
  const page = store.prepare<[number, number], EventRow>('SELECT * FROM events WHERE position > ? ORDER BY position ASC LIMIT ?');
  const insert = db.prepare(READ_MODEL_INSERT);
  const saveCheckpoint = db.prepare(
    'INSERT INTO projection_checkpoints (name, version, position) VALUES (?, ?, ?) ON CONFLICT(name) DO UPDATE SET version = excluded.version, position = excluded.position',
  );
  const applyBatch = db.transaction((rows: EventRow[]) => {
    for (const row of rows) {
      const data = JSON.parse(row.data) as UsageLine;
      JSON.parse(row.metadata);
      insert.run(row.event_id, data.accountId, data.lineNo, data.quantity, row.position);
    }
    saveCheckpoint.run('bare', 1, rows[rows.length - 1].position);
  });
  const { seconds } = await timed(async () => {
    let cursor = 0;
    for (;;) {
      const rows = page.all(cursor, CATCH_UP_BATCH);
      if (rows.length) {
        applyBatch(rows);
        cursor = rows[rows.length - 1].position;
      }
      if (rows.length < CATCH_UP_BATCH) break;
    }
  });
  checkReadModel(db, 'bare', task.count);
  db.close();
  store.close();
  return { events: task.count, seconds, complete: true };
}

const MEASUREMENTS: Record<string, Measurement> = {
  'append-single-adapter': appendAdapter(1),
  'append-single-bare': appendBare(1),
  'append-single-bare-sync-normal': appendBare(1, 'NORMAL'),
  'append-batch-adapter': appendAdapter(APPEND_BATCH),
  'append-batch-bare': appendBare(APPEND_BATCH),
  /** Not compared: fills the store that the read and catch-up runs copy (through the adapter, so its schema). */
  populate: appendAdapter(APPEND_BATCH),
  'read-all-adapter': readAllAdapter,
  'read-all-bare': readAllBare,
  'catch-up-adapter': catchUpAdapter('position'),
  'catch-up-adapter-uuid-key': catchUpAdapter('event_id'),
  'catch-up-bare': catchUpBare,
};

async function child(name: string, task: Task): Promise<void> {
  const measure = MEASUREMENTS[name];
  if (!measure) throw new Error(`no measurement named ${name}`);
  const sampler = startRssSampler();
  await new Promise((r) => setTimeout(r, 20)); // let the sampler start
  const baseline = process.memoryUsage.rss();
  const measured = await measure(task);
  const sampledPeak = await sampler.stop();
  const maxRss = process.resourceUsage().maxRSS * 1024;
  const peak = Math.max(sampledPeak, maxRss);
  const result: ChildResult = {
    ...measured,
    cpuSeconds: measuredCpuSeconds,
    memory: {
      baselineRssMB: mb(baseline),
      sampledPeakRssMB: mb(sampledPeak),
      maxRssMB: mb(maxRss),
      peakRssMB: mb(peak),
      peakAboveBaselineMB: mb(peak - baseline),
    },
  };
  process.stdout.write(`${RESULT_PREFIX}${JSON.stringify(result)}\n`);
}

// ---------------------------------------------------------------------------------------------
// Parent side: runs the measurements, compares, prints one JSON object
// ---------------------------------------------------------------------------------------------

function log(message: string): void {
  process.stderr.write(`[bench:store] ${message}\n`);
}
// Progress is a courtesy: a closed stderr (`… 2>&1 | head`) must not end the run before it cleans up.
process.stderr.on('error', () => undefined);

/**
 * How the children run. By default this script and the sources it imports are compiled once to
 * plain JavaScript (with @swc/core, in a temporary directory) and the children run that with plain
 * node, so their RSS is the code's, not the in-process SWC compiler's (`-r @swc-node/register`
 * alone adds ~70 MB of RSS). BENCH_CHILD_RUNTIME=swc-node runs them through the register hook instead.
 */
interface ChildRuntime {
  argv: string[];
  env: Record<string, string>;
  description: string;
  dispose: () => void;
}

function prepareChildRuntime(): ChildRuntime {
  if (process.env.BENCH_CHILD_RUNTIME === 'swc-node') {
    return {
      argv: ['-r', '@swc-node/register', __filename],
      env: {},
      description: 'node -r @swc-node/register (the SWC compiler is in each measured process)',
      dispose: () => undefined,
    };
  }
  // Required here, not imported at the top: the children must not load the compiler.
  const { transformFileSync } = require('@swc/core') as typeof import('@swc/core');
  const outDir = mkdtempSync(join(tmpdir(), 'ledger-bench-js-'));
  const pending = [__filename];
  const done = new Set<string>();
  while (pending.length) {
    const file = pending.pop()!;
    if (done.has(file)) continue;
    done.add(file);
    const { code } = transformFileSync(file, {
      swcrc: false,
      jsc: { parser: { syntax: 'typescript', decorators: true }, target: 'es2022', keepClassNames: true },
      module: { type: 'commonjs' },
    });
    const out = join(outDir, relative(REPO_ROOT, file)).replace(/\.ts$/, '.js');
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, code);
    for (const [, specifier] of code.matchAll(/require\("(\.\.?\/[^"]+)"\)/g)) {
      const base = resolve(dirname(file), specifier);
      const source = [`${base}.ts`, join(base, 'index.ts')].find((candidate) => existsSync(candidate));
      if (!source) throw new Error(`cannot find the source of ${specifier} imported by ${file}`);
      pending.push(source);
    }
  }
  return {
    argv: [join(outDir, relative(REPO_ROOT, __filename)).replace(/\.ts$/, '.js')],
    env: { NODE_PATH: join(REPO_ROOT, 'node_modules') },
    description: `plain node on this script and its imports precompiled with @swc/core (${done.size} files)`,
    dispose: () => rmSync(outDir, { recursive: true, force: true }),
  };
}

let childRuntime: ChildRuntime;

function runChild(name: string, task: Task): Promise<ChildResult> {
  return new Promise((resolvePromise, reject) => {
    const args = [name, task.dir, String(task.offset), String(task.count), String(task.budgetMs)];
    const proc = spawn(process.execPath, [...childRuntime.argv, ...args], {
      cwd: REPO_ROOT,
      env: { ...process.env, ...childRuntime.env },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    proc.stdout.setEncoding('utf8');
    proc.stdout.on('data', (chunk: string) => (out += chunk));
    proc.on('error', reject);
    proc.on('close', (code, signal) => {
      const line = out.split('\n').find((l) => l.startsWith(RESULT_PREFIX));
      if (code !== 0 || !line) return reject(new Error(`${name} failed (code ${code}, signal ${signal}): ${out.trim()}`));
      resolvePromise(JSON.parse(line.slice(RESULT_PREFIX.length)) as ChildResult);
    });
  });
}

/** Every temporary directory made, so that an interrupted run still deletes them. */
const tempDirs = new Set<string>();

function tempDir(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), `ledger-bench-${name}-`));
  tempDirs.add(dir);
  return dir;
}

function removeTempDirs(): void {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
  tempDirs.clear();
}

const round = (x: number, digits = 3) => Math.round(x * 10 ** digits) / 10 ** digits;

/** Several runs of one side, summed: rates are total events over total measured seconds. */
interface Side {
  events: number;
  appends?: number;
  seconds: number;
  eventsPerSec: number;
  appendsPerSec?: number;
  /** CPU (user + system) per event in the measured sections, in microseconds: robust to fsync latency drift. */
  cpuMicrosPerEvent: number;
  /** Whether every run did all it was asked (an append side can hit its time cap). */
  complete: boolean;
  /** events/s of each run (or slice), in the order run: the spread shows the machine's noise. */
  runsEventsPerSec: number[];
  /** Highest of the runs. */
  memory: Memory;
}

function summarise(runs: ChildResult[]): Side {
  const events = runs.reduce((sum, r) => sum + r.events, 0);
  const seconds = runs.reduce((sum, r) => sum + r.seconds, 0);
  const appends = runs[0].appends === undefined ? undefined : runs.reduce((sum, r) => sum + (r.appends ?? 0), 0);
  const highest = (pick: (m: Memory) => number) => Math.max(...runs.map((r) => pick(r.memory)));
  return {
    events,
    ...(appends !== undefined ? { appends } : {}),
    seconds: round(seconds),
    eventsPerSec: Math.round(events / seconds),
    ...(appends !== undefined ? { appendsPerSec: Math.round(appends / seconds) } : {}),
    cpuMicrosPerEvent: round((runs.reduce((sum, r) => sum + r.cpuSeconds, 0) / events) * 1e6, 1),
    complete: runs.every((r) => r.complete),
    runsEventsPerSec: runs.map((r) => Math.round(r.events / r.seconds)),
    memory: {
      baselineRssMB: highest((m) => m.baselineRssMB),
      sampledPeakRssMB: highest((m) => m.sampledPeakRssMB),
      maxRssMB: highest((m) => m.maxRssMB),
      peakRssMB: highest((m) => m.peakRssMB),
      peakAboveBaselineMB: highest((m) => m.peakAboveBaselineMB),
    },
  };
}

/** ABBA…: adapter, bare, bare, adapter, adapter, bare, … so that a drifting machine favours neither. */
function abba(n: number): Array<'adapter' | 'bare'> {
  return Array.from({ length: 2 * n }, (_, i) => ((i + 1) >> 1) % 2 === 0 ? 'adapter' : 'bare');
}

interface Comparison {
  adapter: Side;
  bare: Side;
  /** Throughput ratio adapter/bare: 1 = as fast as bare, 0.5 = half as fast ("2x slower"). */
  ratioAdapterToBare: number;
  adapterSlowdown: number;
  /** CPU per event, adapter/bare: the adapter's own overhead, whatever the disk does (1.2 = 20% more CPU). */
  cpuPerEventAdapterToBare: number;
}

function compare(adapter: Side, bare: Side): Comparison {
  const ratio = adapter.eventsPerSec / bare.eventsPerSec;
  return {
    adapter,
    bare,
    ratioAdapterToBare: round(ratio),
    adapterSlowdown: round(1 / ratio),
    cpuPerEventAdapterToBare: round(adapter.cpuMicrosPerEvent / bare.cpuMicrosPerEvent),
  };
}

function logRun(name: string, r: ChildResult): void {
  const cpu = Math.round((r.cpuSeconds / r.events) * 1e6);
  log(`${name}: ${r.events} events in ${round(r.seconds)} s = ${Math.round(r.events / r.seconds)} events/s, ${cpu} µs CPU/event, peak RSS ${r.memory.peakRssMB} MB`);
}

/**
 * Appends EVENTS events per side in `slices` child runs that continue the same file (so the store
 * grows to EVENTS as in one run), the sides interleaved. `budgetMs` caps each side's total time.
 */
async function compareAppends(name: string, slices: number, budgetMs: number): Promise<Comparison> {
  const dirs = { adapter: tempDir(`${name}-adapter`), bare: tempDir(`${name}-bare`) };
  const done = { adapter: 0, bare: 0 };
  const runs: Record<'adapter' | 'bare', ChildResult[]> = { adapter: [], bare: [] };
  try {
    for (const side of abba(slices)) {
      const slice = runs[side].length;
      const target = Math.round((EVENTS * (slice + 1)) / slices);
      const result = await runChild(`${name}-${side}`, { dir: dirs[side], offset: done[side], count: target - done[side], budgetMs: budgetMs / slices });
      done[side] += result.events;
      runs[side].push(result);
      logRun(`${name}-${side} slice ${slice + 1}/${slices}`, result);
    }
  } finally {
    rmSync(dirs.adapter, { recursive: true, force: true });
    rmSync(dirs.bare, { recursive: true, force: true });
  }
  return compare(summarise(runs.adapter), summarise(runs.bare));
}

/** `runs` whole runs per side, each on a fresh copy of the populated store, interleaved. */
async function compareReads(name: string, template: string, runs: number): Promise<Comparison> {
  const results: Record<'adapter' | 'bare', ChildResult[]> = { adapter: [], bare: [] };
  for (const side of abba(runs)) results[side].push(await runOnCopy(`${name}-${side}`, template));
  return compare(summarise(results.adapter), summarise(results.bare));
}

async function runOnCopy(name: string, template: string): Promise<ChildResult> {
  const dir = tempDir(name);
  try {
    const file = join(dir, 'events.sqlite');
    copyFileSync(template, file);
    syncFile(file); // so that no write-back of the copy competes with the measurement
    const result = await runChild(name, { dir, offset: 0, count: EVENTS, budgetMs: 0 });
    logRun(name, result);
    return result;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function syncFile(filename: string): void {
  const fd = openSync(filename, 'r+');
  fdatasyncSync(fd);
  closeSync(fd);
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
    rmSync(dir, { recursive: true, force: true });
  }
}

/** How many 4 KiB write+fdatasync pairs the disk does per second: the ceiling of durable single appends. */
function deviceFsyncsPerSec(): number {
  const dir = tempDir('fsync');
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

async function parent(): Promise<void> {
  const started = performance.now();
  childRuntime = prepareChildRuntime();
  const interrupted = (signal: NodeJS.Signals) => {
    childRuntime.dispose();
    removeTempDirs();
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.once('SIGINT', interrupted).once('SIGTERM', interrupted);
  try {
    await measureAll(started);
  } finally {
    childRuntime.dispose();
    removeTempDirs();
  }
}

async function measureAll(started: number): Promise<void> {
  log(`${EVENTS} events per measurement; single-event appends capped at ${SINGLE_BUDGET_MS} ms per side; children: ${childRuntime.description}`);
  const { schemaMatchesAdapter, sqliteVersion } = await preflight();
  if (!schemaMatchesAdapter) log('WARNING: the bare schema or pragmas differ from the adapter’s');
  const fsyncsBefore = deviceFsyncsPerSec();
  log(`device: ${fsyncsBefore} write+fdatasync/s`);

  const single = await compareAppends('append-single', APPEND_SLICES, SINGLE_BUDGET_MS);
  // Reference only, so a short run: the same bare appends without an fsync per commit.
  const noFsyncDir = tempDir('append-single-bare-sync-normal');
  let bareNoFsync: ChildResult;
  try {
    bareNoFsync = await runChild('append-single-bare-sync-normal', { dir: noFsyncDir, offset: 0, count: EVENTS, budgetMs: REFERENCE_BUDGET_MS });
    logRun('append-single-bare-sync-normal', bareNoFsync);
  } finally {
    rmSync(noFsyncDir, { recursive: true, force: true });
  }
  const batch = await compareAppends('append-batch', APPEND_SLICES, Number.MAX_SAFE_INTEGER);

  const templateDir = tempDir('template');
  let readAll: Comparison;
  let catchUp: Comparison;
  let catchUpUuidKey: ChildResult;
  try {
    await runChild('populate', { dir: templateDir, offset: 0, count: EVENTS, budgetMs: Number.MAX_SAFE_INTEGER });
    log(`populated ${EVENTS} events for the read and catch-up runs`);
    const template = join(templateDir, 'events.sqlite');
    readAll = await compareReads('read-all', template, READ_RUNS);
    catchUp = await compareReads('catch-up', template, READ_RUNS);
    catchUpUuidKey = await runOnCopy('catch-up-adapter-uuid-key', template);
  } finally {
    rmSync(templateDir, { recursive: true, force: true });
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
      target: 'projection catch-up through ProjectionRunner >= 50,000 events/s',
      measured: catchUp.adapter.eventsPerSec,
      met: catchUp.adapter.eventsPerSec >= 50_000,
    },
    {
      target: `readAll of ${EVENTS} events through the adapter: peak RSS < ${READ_RSS_LIMIT_MB} MB`,
      measured: readAll.adapter.memory.peakRssMB,
      met: readAll.adapter.memory.peakRssMB < READ_RSS_LIMIT_MB,
    },
  ];

  const report = {
    benchmark: 'event store: SqliteEventStore (+ ProjectionRunner) vs bare better-sqlite3, same schema, pragmas and transaction pattern',
    machine: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model,
      totalMemoryMB: Math.round(totalmem() / 1024 / 1024),
      node: process.version,
      platform: `${process.platform}-${process.arch}`,
      sqlite: sqliteVersion,
      deviceWriteFdatasyncPerSec: { before: fsyncsBefore, after: fsyncsAfter },
    },
    config: {
      events: EVENTS,
      appendBatchSize: APPEND_BATCH,
      readPageSize: PAGE_SIZE,
      catchUpBatchSize: CATCH_UP_BATCH,
      journalMode: 'WAL',
      synchronous: 'FULL (read models: NORMAL, as openReadModelDatabase)',
      interleaving: `appends: ${APPEND_SLICES} slices per side continuing one file; reads and catch-ups: ${READ_RUNS} runs per side on fresh copies; order adapter, bare, bare, adapter, …`,
      singleAppendBudgetMsPerSide: SINGLE_BUDGET_MS,
      schemaMatchesAdapter,
      childProcesses: childRuntime.description,
    },
    results: {
      appendSingleEvent: {
        ...single,
        note: single.adapter.complete && single.bare.complete
          ? 'one event per append, each to a new stream; one fsync per append'
          : `one event per append; a side hit its ${SINGLE_BUDGET_MS} ms cap before ${EVENTS} events: rates are over what it did`,
        fsyncBound: {
          bareWithSynchronousNormal: { events: bareNoFsync.events, eventsPerSec: Math.round(bareNoFsync.events / bareNoFsync.seconds) },
          bareFullOverNormal: round(single.bare.eventsPerSec / (bareNoFsync.events / bareNoFsync.seconds)),
          note: `reference only, a ${REFERENCE_BUDGET_MS} ms run (the adapter stays synchronous=FULL): the same bare appends without an fsync per commit`,
        },
      },
      appendBatchOf100: { ...batch, note: '100 events per append, each append to a new stream' },
      readAll: { ...readAll, note: 'adapter: for await over readAll(); bare: paged SELECT (1000 rows) + JSON.parse of data and metadata' },
      projectionCatchUp: {
        ...catchUp,
        note: 'ProjectionRunner.catchUp() vs a bare page-read + insert + checkpoint loop; read model: one table, one row per event, keyed by position (INTEGER PRIMARY KEY); read-model database WAL, synchronous=NORMAL',
        readModelKeyedByEventId: {
          adapter: summarise([catchUpUuidKey]),
          note: 'the same projection through ProjectionRunner with the table keyed by event id (random UUID TEXT PRIMARY KEY): what that index costs',
        },
      },
    },
    targets,
    allTargetsMet: targets.every((t) => t.met),
    totalSeconds: round((performance.now() - started) / 1000, 1),
  };
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
}

const [measurement, dir, offset, count, budgetMs] = process.argv.slice(2);
(measurement ? child(measurement, { dir, offset: Number(offset), count: Number(count), budgetMs: Number(budgetMs) }) : parent()).catch(
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
