/*
 * The entry of the projections' worker thread (see ProjectionWorker): its own connections to the
 * store and to the read-model database, and a ProjectionRunner between them.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { connectEventStoreDb, SqliteEventStore, type EventStore } from '@billing/event-store';
import type { Projection } from '../projection';
import { ProjectionRunner } from '../projection-runner';
import { openReadModelDatabase } from '../read-model-database';
import { ALL_PROJECTIONS } from '../../read-models';
import type { Command, FromWorker, ProjectionWorkerSetup, ToWorker } from './projection-worker.protocol';

const describe = (error: unknown) => (error instanceof Error ? (error.stack ?? error.message) : String(error));

async function openStore(setup: ProjectionWorkerSetup): Promise<EventStore> {
  return setup.store.kind === 'sqlite' ? new SqliteEventStore({ filename: setup.store.filename }) : connectEventStoreDb(setup.store.connectionString);
}

async function main(): Promise<void> {
  const port = parentPort!;
  const setup = workerData as ProjectionWorkerSetup;
  const send = (message: FromWorker) => port.postMessage(message);
  const projections: readonly Projection[] = setup.projectionsModule
    ? (require(setup.projectionsModule) as { PROJECTIONS: Projection[] }).PROJECTIONS
    : ALL_PROJECTIONS;

  const store = await openStore(setup);
  const db = openReadModelDatabase(setup.readModelFile);
  const runner: ProjectionRunner = new ProjectionRunner(store, db, projections, {
    batchSize: setup.batchSize,
    onError: (projection, error) => send({ type: 'failed', projection, error: describe(error) }),
    onProgress: () => send({ type: 'progress', progress: runner.progress() }),
    // Thrown out of the thread: the service starts a new worker after a pause, as for any death.
    onStoreFailure: (error) =>
      setImmediate(() => {
        throw error;
      }),
  });

  const perform = async (command: Command) => {
    switch (command.type) {
      case 'start':
        return runner.start();
      case 'stop':
        return runner.stop();
      case 'rebuild':
        return runner.rebuild(command.name);
      case 'close':
        await runner.stop();
        await store.close();
        db.close();
        return;
    }
  };

  // Commands run one after another, in the order sent.
  let queue = Promise.resolve();
  port.on('message', (message: ToWorker) => {
    if (message.type === 'appended') {
      if (store instanceof SqliteEventStore) store.notifyAppended();
      return;
    }
    queue = queue.then(async () => {
      try {
        await perform(message.command);
        send({ type: 'done', id: message.id, progress: runner.progress() });
      } catch (error) {
        send({ type: 'done', id: message.id, progress: runner.progress(), error: describe(error) });
      }
      if (message.command.type === 'close') port.close();
    });
  });
  send({ type: 'opened', progress: runner.progress() });
}

// A failure to open is thrown out of the thread: the service sees it as the worker's 'error'.
void main().catch((error: unknown) => {
  setImmediate(() => {
    throw error;
  });
});
