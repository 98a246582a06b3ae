import type Database from 'better-sqlite3';
import type { Projection } from '../runner/projection';

/** The event types the runner's tests append. */
export const TEST_EVENT_TYPES = ['Odd', 'Even', 'Boom', 'Crash', 'CrashOnce'];

/**
 * A read model that would notice a double count: every event id is a primary key (a second
 * apply of the same event fails the transaction) and a per-type counter sums the rest.
 */
export function countingProjection(options: { name?: string; version?: number; delayPerEventMs?: number; canHandle?: readonly string[] } = {}): Projection {
  const name = options.name ?? 'counting';
  const seen = `${name}_seen`;
  const counts = `${name}_counts`;
  return {
    name,
    version: options.version ?? 1,
    tables: [seen, counts],
    canHandle: options.canHandle ?? TEST_EVENT_TYPES,
    open(db: Database.Database) {
      db.exec(`CREATE TABLE IF NOT EXISTS ${seen} (event_id TEXT PRIMARY KEY, stream_id TEXT NOT NULL, position INTEGER NOT NULL)`);
      db.exec(`CREATE TABLE IF NOT EXISTS ${counts} (type TEXT PRIMARY KEY, n INTEGER NOT NULL)`);
      const insertSeen = db.prepare(`INSERT INTO ${seen} (event_id, stream_id, position) VALUES (?, ?, ?)`);
      const bump = db.prepare(`INSERT INTO ${counts} (type, n) VALUES (?, 1) ON CONFLICT(type) DO UPDATE SET n = n + 1`);
      const pause = new Int32Array(new SharedArrayBuffer(4));
      return (event, recorded) => {
        insertSeen.run(recorded.id, recorded.streamId, Number(recorded.position));
        bump.run(event.type);
        if (options.delayPerEventMs) Atomics.wait(pause, 0, 0, options.delayPerEventMs);
      };
    },
  };
}
