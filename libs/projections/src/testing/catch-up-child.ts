/* A projection process for the kill test: catches up slowly so that it can be killed mid-way. */
import { SqliteEventStore } from '../../../event-store/src/sqlite/sqlite-event-store';
import { ProjectionRunner } from '../runner/projection-runner';
import { openReadModelDatabase } from '../runner/read-model-database';
import { countingProjection } from './counting-projection';

async function main(): Promise<void> {
  const [storeFile, readModelFile] = process.argv.slice(2);
  const store = new SqliteEventStore({ filename: storeFile });
  const db = openReadModelDatabase(readModelFile);
  const runner = new ProjectionRunner(store, db, [countingProjection({ delayPerEventMs: 1 })], { batchSize: 50 });
  await runner.catchUp();
  process.stdout.write('caught-up\n');
}

void main();
