/*
 * Projection catch-up benchmark: ProjectionRunner.catchUp() over the embedded SQLite store into a
 * one-table read model, against the same work done with bare better-sqlite3 statements (read a
 * page of the store's events, parse it, insert its rows and save the checkpoint in one transaction).
 *
 *   npm run bench:projections                         # 100,000 events
 *   BENCH_EVENTS=10000 npm run -s bench:projections   # a quick trial (-s: only the JSON on stdout)
 *
 * Environment:
 *   BENCH_EVENTS          events in the store (default 100000)
 *   BENCH_CHILD_RUNTIME   `swc-node` to run the children through `-r @swc-node/register` rather
 *                         than precompiled (their RSS then includes the SWC compiler, ~70 MB)
 *
 * A child fills one store through SqliteEventStore; every catch-up then runs in a child process of
 * its own (bench/support/child-processes.ts), so that peak RSS is per run, on a fresh copy of that
 * store and a new read-model database, both deleted afterwards. The store is WAL,
 * synchronous=FULL (the adapter's); the read models WAL, synchronous=NORMAL (openReadModelDatabase).
 * The runner and the bare loop alternate (runner, bare, bare, runner) so that a drifting machine
 * favours neither. Progress goes to stderr; stdout gets one pretty-printed JSON object.
 */
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { SqliteEventStore } from '@billing/event-store';
import type { Projection } from '../src/runner/projection';
import { ProjectionRunner } from '../src/runner/projection-runner';
import { openReadModelDatabase } from '../src/runner/read-model-database';
import {
  removeTempDir,
  runBenchmark,
  tempDir,
  type ChildResult,
  type Children,
  type Measured,
  type Measurement,
  type Task,
} from '../../../bench/support/child-processes';
import { compareOnCopies, describeRun, summarise, type Comparison } from '../../../bench/support/compare';
import { deviceFsyncsPerSec, machineInfo } from '../../../bench/support/machine';
import { positiveInt, round } from '../../../bench/support/numbers';
import { progressLog } from '../../../bench/support/progress';
import { timed } from '../../../bench/support/timing';
import { SAMPLE_EVENT_TYPE, sampleEvent, type SampleUsageLine } from '../../../bench/support/sample-event';

const EVENTS = positiveInt(process.env.BENCH_EVENTS, 100_000);
/** Runs per side, interleaved ABBA. */
const CATCH_UP_RUNS = 2;
/** The runner's default batch size; the bare loop reads pages of the same size. */
const CATCH_UP_BATCH = 1000;
/** How the store is filled (not measured). */
const POPULATE_BATCH = 100;
/** The target: catch-up through the runner at this rate or better. */
const TARGET_EVENTS_PER_SEC = 50_000;

const log = progressLog('bench:projections');

// ---------------------------------------------------------------------------------------------
// The workload
// ---------------------------------------------------------------------------------------------

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

/** The one-table projection the runner feeds: the event's data (upcast) and the store's id and position. */
function usageLinesProjection(key: ReadModelKey): Projection {
  return {
    name: 'bench-usage-lines',
    version: 1,
    tables: [READ_MODEL_TABLE],
    canHandle: [SAMPLE_EVENT_TYPE],
    open(db) {
      db.exec(readModelDdl(key));
      const insert = db.prepare(READ_MODEL_INSERT);
      return (event, recorded) => {
        const data = event.data as SampleUsageLine;
        insert.run(recorded.id, data.accountId, data.lineNo, data.quantity, Number(recorded.position));
      };
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Child side: one measurement per process
// ---------------------------------------------------------------------------------------------

const STORE_FILE = 'events.sqlite';
const READ_MODEL_FILE = 'read-models.sqlite';

function expectCount(what: string, actual: number, expected: number): void {
  if (actual !== expected) throw new Error(`${what}: ${actual}, expected ${expected}`);
}

/** Fills the store with events [0, count) through the adapter, 100 to an append, one new stream per append. */
async function populate(task: Task): Promise<Measured> {
  const store = new SqliteEventStore({ filename: join(task.dir, STORE_FILE) });
  const { seconds } = await timed(async () => {
    for (let first = 0; first < task.count; first += POPULATE_BATCH) {
      const events = Array.from({ length: Math.min(POPULATE_BATCH, task.count - first) }, (_, k) => sampleEvent(first + k));
      await store.appendToStream(`usage-${first}`, events, { expectedRevision: 'no_stream' });
    }
  });
  expectCount('events stored', Number(await store.headPosition()), task.count);
  await store.close();
  return { events: task.count, seconds, complete: true };
}

function checkReadModel(db: Database.Database, checkpointName: string, events: number): void {
  const { n } = db.prepare(`SELECT COUNT(*) AS n FROM ${READ_MODEL_TABLE}`).get() as { n: number };
  expectCount('read-model rows', n, events);
  const checkpoint = db.prepare('SELECT position FROM projection_checkpoints WHERE name = ?').get(checkpointName) as { position: number };
  expectCount('checkpoint', checkpoint.position, events);
}

function catchUpRunner(key: ReadModelKey): Measurement {
  return async (task) => {
    const store = new SqliteEventStore({ filename: join(task.dir, STORE_FILE) });
    const db = openReadModelDatabase(join(task.dir, READ_MODEL_FILE));
    const projection = usageLinesProjection(key);
    const runner = new ProjectionRunner(store, db, [projection], { batchSize: CATCH_UP_BATCH });
    const { seconds } = await timed(() => runner.catchUp());
    checkReadModel(db, projection.name, task.count);
    db.close();
    await store.close();
    return { events: task.count, seconds, complete: true };
  };
}

/** The columns of the store's events table that the bare loop reads. */
interface EventRow {
  position: number;
  event_id: string;
  data: string;
  metadata: string;
}

/** The runner's work, bare: read a page, parse it, and in one transaction insert its rows and save the checkpoint. */
async function catchUpBare(task: Task): Promise<Measured> {
  // The store's file with the adapter's pragmas (WAL, synchronous=FULL), read with its own SQL.
  const store = new Database(join(task.dir, STORE_FILE));
  store.pragma('journal_mode = WAL');
  store.pragma('synchronous = FULL');
  store.pragma('busy_timeout = 5000');
  const db = openReadModelDatabase(join(task.dir, READ_MODEL_FILE));
  db.exec('CREATE TABLE IF NOT EXISTS projection_checkpoints (name TEXT PRIMARY KEY, version INTEGER NOT NULL, position INTEGER NOT NULL)');
  db.exec(readModelDdl('position'));
  const page = store.prepare<[number, number], EventRow>('SELECT * FROM events WHERE position > ? ORDER BY position ASC LIMIT ?');
  const insert = db.prepare(READ_MODEL_INSERT);
  const saveCheckpoint = db.prepare(
    'INSERT INTO projection_checkpoints (name, version, position) VALUES (?, ?, ?) ON CONFLICT(name) DO UPDATE SET version = excluded.version, position = excluded.position',
  );
  const applyBatch = db.transaction((rows: EventRow[]) => {
    for (const row of rows) {
      const data = JSON.parse(row.data) as SampleUsageLine;
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
  /** Not compared: fills the store that the catch-up runs copy. */
  populate,
  'catch-up-adapter': catchUpRunner('position'),
  'catch-up-adapter-uuid-key': catchUpRunner('event_id'),
  'catch-up-bare': catchUpBare,
};

// ---------------------------------------------------------------------------------------------
// Parent side: runs the measurements, compares, prints one JSON object
// ---------------------------------------------------------------------------------------------

async function measureAll(children: Children): Promise<void> {
  const started = performance.now();
  log(`${EVENTS} events; children: ${children.description}`);
  const fsyncsBefore = deviceFsyncsPerSec();
  log(`device: ${fsyncsBefore} write+fdatasync/s`);

  const templateDir = tempDir('template');
  let sqliteVersion: string;
  let catchUp: Comparison;
  let uuidKey: ChildResult;
  try {
    const populated = await children.run('populate', { dir: templateDir, offset: 0, count: EVENTS, budgetMs: 0 });
    log(`populated ${populated.events} events in ${round(populated.seconds, 1)} s`);
    const template = join(templateDir, STORE_FILE);
    const db = new Database(template, { readonly: true });
    sqliteVersion = (db.prepare('SELECT sqlite_version() AS v').get() as { v: string }).v;
    db.close();
    catchUp = await compareOnCopies(children, 'catch-up', template, CATCH_UP_RUNS, EVENTS, log);
    uuidKey = await children.runOnCopy('catch-up-adapter-uuid-key', template, { offset: 0, count: EVENTS, budgetMs: 0 });
    log(describeRun('catch-up-adapter-uuid-key', uuidKey));
  } finally {
    removeTempDir(templateDir);
  }
  const fsyncsAfter = deviceFsyncsPerSec();

  const targets = [
    {
      target: 'projection catch-up through ProjectionRunner >= 50,000 events/s',
      measured: catchUp.adapter.eventsPerSec,
      met: catchUp.adapter.eventsPerSec >= TARGET_EVENTS_PER_SEC,
    },
  ];

  const report = {
    benchmark: 'projection catch-up: ProjectionRunner over SqliteEventStore vs bare better-sqlite3, same store file, same read-model table',
    machine: {
      ...machineInfo(),
      sqlite: sqliteVersion,
      deviceWriteFdatasyncPerSec: { before: fsyncsBefore, after: fsyncsAfter },
    },
    config: {
      events: EVENTS,
      catchUpBatchSize: CATCH_UP_BATCH,
      journalMode: 'WAL',
      synchronous: 'store FULL (the adapter’s); read models NORMAL (openReadModelDatabase)',
      interleaving: `${CATCH_UP_RUNS} runs per side, each on a fresh copy of one populated store and a new read-model database; order adapter, bare, bare, adapter, …`,
      childProcesses: children.description,
    },
    results: {
      projectionCatchUp: {
        ...catchUp,
        note: `adapter: ProjectionRunner.catchUp() (SqliteEventStore.readAll, upcast, apply) with one projection that reads ${SAMPLE_EVENT_TYPE}; bare: paged SELECT + JSON.parse + insert + checkpoint, one transaction per ${CATCH_UP_BATCH} events; read model: one table, one row per event, keyed by position (INTEGER PRIMARY KEY)`,
        readModelKeyedByEventId: {
          adapter: summarise([uuidKey]),
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

runBenchmark({ script: __filename, measurements: MEASUREMENTS, parent: measureAll });
