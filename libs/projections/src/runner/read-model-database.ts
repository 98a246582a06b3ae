import Database from 'better-sqlite3';

/**
 * Opens the SQLite database that holds the read models and the projections' checkpoints.
 * Read models are disposable (a rebuild replays the store), so `synchronous=NORMAL` is enough:
 * WAL keeps every transaction whole, and a lost tail is replayed from the checkpoint.
 */
export function openReadModelDatabase(filename: string): Database.Database {
  const db = new Database(filename);
  if (filename !== ':memory:') db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  return db;
}
