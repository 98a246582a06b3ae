import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { SqliteEventStore } from '@billing/event-store';
import { countingProjection } from '../testing/counting-projection';
import { ProjectionRunner } from './projection-runner';
import { openReadModelDatabase } from './read-model-database';

async function fill(store: SqliteEventStore, streams: number, perStream: number): Promise<void> {
  for (let s = 0; s < streams; s++) {
    const events = Array.from({ length: perStream }, (_, i) => ({
      id: randomUUID(),
      type: i % 2 ? 'Odd' : 'Even',
      data: { s, i },
      metadata: {},
    }));
    await store.appendToStream(`thing-${s}`, events, { expectedRevision: 'no_stream' });
  }
}

function dump(db: Database.Database, table: string): unknown[] {
  return db.prepare(`SELECT * FROM ${table} ORDER BY 1`).all();
}

describe('ProjectionRunner', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ledger-projections-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('catches up, then applies live events, and reports its lag', async () => {
    // given
    const store = new SqliteEventStore({ filename: ':memory:' });
    await fill(store, 10, 10);
    const db = openReadModelDatabase(':memory:');
    const runner = new ProjectionRunner(store, db, [countingProjection()], { batchSize: 7 });
    // when
    runner.start();
    expect(await runner.waitForPosition(100n)).toBe(true);
    const { position } = await store.appendToStream('thing-live', [{ id: randomUUID(), type: 'Odd', data: {}, metadata: {} }], {
      expectedRevision: 'no_stream',
    });
    expect(await runner.waitForPosition(position)).toBe(true);
    // then
    expect(dump(db, 'counting_counts')).toEqual([
      { type: 'Even', n: 50 },
      { type: 'Odd', n: 51 },
    ]);
    const [status] = await runner.status();
    expect(status).toMatchObject({ name: 'counting', state: 'live', position: '101', lag: '0' });
    await runner.stop();
    await store.appendToStream('thing-late', [{ id: randomUUID(), type: 'Odd', data: {}, metadata: {} }], { expectedRevision: 'no_stream' });
    expect((await runner.status())[0]).toMatchObject({ state: 'stopped', lag: '1' });
    await store.close();
  });

  it('lets the event loop turn between live batches of a backlog, so its timers and messages are not kept waiting to the end', async () => {
    // given: a live runner taking batches of 10
    const store = new SqliteEventStore({ filename: ':memory:' });
    await fill(store, 1, 1);
    const db = openReadModelDatabase(':memory:');
    const runner = new ProjectionRunner(store, db, [countingProjection()], { batchSize: 10 });
    runner.start();
    expect(await runner.waitForPosition(1n)).toBe(true);
    // when: 2,000 events arrive at once, and a callback is queued for the loop's next turn
    await store.appendToStream(
      'backlog',
      Array.from({ length: 2000 }, () => ({ id: randomUUID(), type: 'Odd', data: {}, metadata: {} })),
      {
        expectedRevision: 'no_stream',
      },
    );
    const positionAtNextTurn = await new Promise<string>((resolve) => setImmediate(() => resolve(runner.progress()[0].position)));
    // then: the callback ran while the backlog was still being applied, and all of it was applied
    expect(BigInt(positionAtNextTurn)).toBeLessThan(2001n);
    expect(await runner.waitForPosition(2001n)).toBe(true);
    expect(dump(db, 'counting_counts')).toEqual([
      { type: 'Even', n: 1 },
      { type: 'Odd', n: 2000 },
    ]);
    await runner.stop();
    await store.close();
  });

  it('hands a projection only the event types it can handle; its checkpoint passes the rest', async () => {
    // given: 10 events, 5 Odd and 5 Even; a projection of Odd events only beside one of both
    const store = new SqliteEventStore({ filename: ':memory:' });
    await fill(store, 1, 10);
    const db = openReadModelDatabase(':memory:');
    const odd = countingProjection({ name: 'odd', canHandle: ['Odd'] });
    const runner = new ProjectionRunner(store, db, [odd, countingProjection()]);
    // when
    await runner.catchUp();
    // then
    expect(dump(db, 'odd_counts')).toEqual([{ type: 'Odd', n: 5 }]);
    expect(dump(db, 'counting_counts')).toEqual([
      { type: 'Even', n: 5 },
      { type: 'Odd', n: 5 },
    ]);
    expect(runner.progress().map((p) => [p.name, p.position])).toEqual([
      ['odd', '10'],
      ['counting', '10'],
    ]);
    await store.close();
  });

  it('waitForPosition gives up after its bound', async () => {
    const store = new SqliteEventStore({ filename: ':memory:' });
    const runner = new ProjectionRunner(store, openReadModelDatabase(':memory:'), [countingProjection()]);
    expect(await runner.waitForPosition(5n, 50)).toBe(false);
    await store.close();
  });

  it('a projection killed mid-catch-up and restarted counts every event exactly once', async () => {
    // given: 4,000 events, and a projection process that applies them slowly
    const storeFile = join(dir, 'events.sqlite');
    const readModelFile = join(dir, 'read-models.sqlite');
    const store = new SqliteEventStore({ filename: storeFile });
    await fill(store, 40, 100);
    await store.close();
    const child = spawn(process.execPath, ['-r', '@swc-node/register', join(__dirname, '../testing/catch-up-child.ts'), storeFile, readModelFile], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));

    // when: it is killed once it has committed part of the catch-up
    let checkpoint = 0;
    while (checkpoint < 500) {
      await new Promise((r) => setTimeout(r, 20));
      try {
        const peek = new Database(readModelFile, { readonly: true, fileMustExist: true });
        checkpoint = (peek.prepare('SELECT position FROM projection_checkpoints').get() as { position: number } | undefined)?.position ?? 0;
        peek.close();
      } catch {
        // the child has not created the database yet
      }
    }
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    expect(checkpoint).toBeLessThan(4000);

    // then: a restarted runner finishes the job without counting anything twice
    const reopened = new SqliteEventStore({ filename: storeFile });
    const db = openReadModelDatabase(readModelFile);
    const runner = new ProjectionRunner(reopened, db, [countingProjection()]);
    await runner.catchUp();
    expect(db.prepare('SELECT COUNT(*) AS n FROM counting_seen').get()).toEqual({ n: 4000 });
    expect(dump(db, 'counting_counts')).toEqual([
      { type: 'Even', n: 2000 },
      { type: 'Odd', n: 2000 },
    ]);
    expect((await runner.status())[0]).toMatchObject({ position: '4000', lag: '0' });
    db.close();
    await reopened.close();
  });

  it('a rebuild produces identical rows', async () => {
    // given
    const store = new SqliteEventStore({ filename: ':memory:' });
    await fill(store, 25, 8);
    const db = openReadModelDatabase(':memory:');
    const runner = new ProjectionRunner(store, db, [countingProjection()], { batchSize: 33 });
    await runner.catchUp();
    const before = { seen: dump(db, 'counting_seen'), counts: dump(db, 'counting_counts') };
    // when
    await runner.rebuild('counting');
    // then
    expect({ seen: dump(db, 'counting_seen'), counts: dump(db, 'counting_counts') }).toEqual(before);
    expect(before.seen).toHaveLength(200);
    await store.close();
  });

  it('rebuilds a projection whose version changed', async () => {
    const store = new SqliteEventStore({ filename: ':memory:' });
    await fill(store, 2, 3);
    const db = openReadModelDatabase(':memory:');
    await new ProjectionRunner(store, db, [countingProjection({ version: 1 })]).catchUp();
    db.exec("UPDATE counting_counts SET n = 999 WHERE type = 'Odd'"); // stale rows a new version must not keep
    await new ProjectionRunner(store, db, [countingProjection({ version: 2 })]).catchUp();
    expect(dump(db, 'counting_counts')).toEqual([
      { type: 'Even', n: 4 },
      { type: 'Odd', n: 2 },
    ]);
    expect(db.prepare('SELECT version FROM projection_checkpoints').get()).toEqual({ version: 2 });
    await store.close();
  });

  it('a failing projection stops with its error while the others keep going', async () => {
    const store = new SqliteEventStore({ filename: ':memory:' });
    await fill(store, 1, 3);
    const db = openReadModelDatabase(':memory:');
    const broken = {
      ...countingProjection({ name: 'broken' }),
      open: () => () => {
        throw new Error('boom');
      },
    };
    const errors: string[] = [];
    const runner = new ProjectionRunner(store, db, [countingProjection(), broken], { onError: (name) => errors.push(name) });
    runner.start();
    expect(await runner.waitForPosition(3n, 2000)).toBe(false);
    const status = await runner.status();
    expect(status.find((s) => s.name === 'broken')).toMatchObject({ state: 'failed', error: 'boom', position: '0' });
    expect(status.find((s) => s.name === 'counting')).toMatchObject({ position: '3' });
    expect(errors).toEqual(['broken']);
    await runner.stop();
    await store.close();
  });

  it('a store that fails stops every projection with its error; the next start resumes', async () => {
    // given: a store whose first read fails
    const store = new SqliteEventStore({ filename: ':memory:' });
    await fill(store, 1, 3);
    const readAll = store.readAll.bind(store);
    let failures = 1;
    store.readAll = (options) => {
      if (failures-- > 0) throw new Error('disk unavailable');
      return readAll(options);
    };
    const stopped: unknown[] = [];
    const runner = new ProjectionRunner(store, openReadModelDatabase(':memory:'), [countingProjection()], { onStoreFailure: (error) => stopped.push(error) });
    // when
    runner.start();
    // then: failed, with the store's error, and said once
    expect(await runner.waitForPosition(3n, 2000)).toBe(false);
    expect((await runner.status())[0]).toMatchObject({ state: 'failed', error: 'disk unavailable', position: '0' });
    expect(stopped).toHaveLength(1);
    // and a second start catches up
    runner.start();
    expect(await runner.waitForPosition(3n, 2000)).toBe(true);
    expect((await runner.status())[0]).toMatchObject({ state: 'live', position: '3' });
    await runner.stop();
    await store.close();
  });
});
