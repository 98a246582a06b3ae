import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { SqliteEventStore } from '@billing/event-store';
import { openReadModelDatabase } from '../read-model-database';
import { ProjectionWorker } from './projection-worker.client';

/** The projections in their worker thread, fed from a store file this thread writes to. */
describe('ProjectionWorker', () => {
  let dir: string;
  let store: SqliteEventStore;
  let db: Database.Database;
  let worker: ProjectionWorker;
  const errors: string[] = [];

  const append = async (type: string, data: Record<string, unknown> = {}) =>
    (await store.appendToStream(`thing-${randomUUID()}`, [{ id: randomUUID(), type, data, metadata: {} }], { expectedRevision: 'any' })).position;
  const counts = () => db.prepare('SELECT type, n FROM counting_counts ORDER BY type').all();

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ledger-worker-'));
    store = new SqliteEventStore({ filename: join(dir, 'ledger.sqlite') });
    db = openReadModelDatabase(join(dir, 'read-models.sqlite'));
    errors.length = 0;
    worker = new ProjectionWorker({
      setup: {
        store: { kind: 'sqlite', filename: join(dir, 'ledger.sqlite') },
        readModelFile: join(dir, 'read-models.sqlite'),
        projectionsModule: join(__dirname, '../../testing/worker-projections.ts'),
      },
      headPosition: () => store.headPosition(),
      onAppended: (listener) => store.onAppended(listener),
      onError: (projection, error) => errors.push(`${projection}: ${error.split('\n')[0]}`),
    });
  });
  afterEach(async () => {
    await worker.close();
    await store.close();
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('catches up, then applies what this thread appends; this thread reads the rows it wrote', async () => {
    // given: events before the worker starts
    await append('Even');
    await append('Odd');
    // when
    await worker.start();
    const live = await append('Odd');
    // then
    expect(await worker.waitForPosition(live)).toBe(true);
    expect(counts()).toEqual([
      { type: 'Even', n: 1 },
      { type: 'Odd', n: 2 },
    ]);
    expect((await worker.status()).map((s) => [s.name, s.state, s.position, s.lag])).toEqual([
      ['counting', 'live', '3', '0'],
      ['failing', 'live', '3', '0'],
      ['crashing', 'live', '3', '0'],
      ['crashing-once', 'live', '3', '0'],
    ]);
  });

  it('closing it on purpose reports no error, also when the thread exits before it answers (the service logs every report as a stopped projection)', async () => {
    // given: a live worker, and one whose thread will exit on the close instead of answering it
    await worker.start();
    expect(await worker.waitForPosition(await append('Odd'))).toBe(true);
    await worker.close();
    await worker.start();
    const thread = (worker as unknown as { worker: import('node:worker_threads').Worker }).worker;
    const postMessage = thread.postMessage.bind(thread);
    thread.postMessage = (message: { command?: { type: string } }) => (message.command?.type === 'close' ? void thread.terminate() : postMessage(message));
    // when
    await worker.close();
    await new Promise((resolve) => setTimeout(resolve, 50));
    // then
    expect(errors).toEqual([]);
  });

  it('stops, reports its lag, and rebuilds a projection to the same rows', async () => {
    await worker.start();
    await append('Even');
    expect(await worker.waitForPosition(await append('Odd'))).toBe(true);
    const before = db.prepare('SELECT * FROM counting_seen ORDER BY position').all();
    // when: stopped, an event arrives
    await worker.stop();
    await append('Even');
    // then: behind by one, until a rebuild replays everything
    expect((await worker.status())[0]).toMatchObject({ name: 'counting', state: 'stopped', lag: '1' });
    await worker.rebuild('counting');
    expect(db.prepare('SELECT * FROM counting_seen ORDER BY position').all()).toEqual([...before, expect.objectContaining({ position: 3 })]);
    await expect(worker.rebuild('nothing')).rejects.toThrow('no projection named nothing');
  });

  it('a failing projection is reported with its error; the others go on', async () => {
    await worker.start();
    const boom = await append('Boom');
    // then: the failure is known here, and a wait for that position answers false rather than hang
    expect(await worker.waitForPosition(boom, 2000)).toBe(false);
    // the runner retries the batch without the failed projection: counting gets there a moment later
    const countingAt = async () => (await worker.status()).find((s) => s.name === 'counting')!.position;
    for (let tries = 0; tries < 100 && (await countingAt()) !== String(boom); tries++) await new Promise((resolve) => setTimeout(resolve, 20));
    const status = await worker.status();
    expect(status.find((s) => s.name === 'failing')).toMatchObject({ state: 'failed', error: 'boom' });
    expect(status.find((s) => s.name === 'counting')).toMatchObject({ state: 'live', position: String(boom) });
    expect(errors).toEqual(['failing: Error: boom']);
  });

  it('a worker that dies marks every projection failed, with the reason, and is started again', async () => {
    // given: a crash the first time the worker meets the event only
    await worker.start();
    const crash = await append('CrashOnce', { marker: join(dir, 'crashed') });
    // then: every projection shows the failure at once
    expect(await worker.waitForPosition(crash, 2000)).toBe(false);
    expect((await worker.status()).map((s) => [s.name, s.state, s.error])).toEqual(
      ['counting', 'failing', 'crashing', 'crashing-once'].map((name) => [name, 'failed', 'exited with code 4; restarting in 1 s']),
    );
    expect(errors).toEqual(['all: exited with code 4; restarting in 1 s']);
    // and a second later a new worker resumes from the checkpoints, past the event
    for (let tries = 0; tries < 100 && !(await worker.status()).every((s) => s.state === 'live'); tries++)
      await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await worker.waitForPosition(crash, 2000)).toBe(true);
    expect(counts()).toEqual([{ type: 'CrashOnce', n: 1 }]);
  });

  it('a worker that dies again before it is live waits twice as long each time', async () => {
    await worker.start();
    await append('Crash');
    for (let tries = 0; tries < 100 && errors.length < 2; tries++) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(errors).toEqual(['all: exited with code 3; restarting in 1 s', 'all: exited with code 3; restarting in 2 s']);
    expect((await worker.status())[0]).toMatchObject({ state: 'failed', error: 'exited with code 3; restarting in 2 s' });
  });

  it('a worker that cannot open its store makes start fail', async () => {
    const broken = new ProjectionWorker({
      setup: { store: { kind: 'sqlite', filename: join(dir, 'missing', 'ledger.sqlite') }, readModelFile: join(dir, 'rm2.sqlite') },
      headPosition: async () => 0n,
    });
    await expect(broken.start()).rejects.toThrow(/cannot open the event store/);
    await broken.close();
  });
});
