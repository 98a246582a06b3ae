import Database from 'better-sqlite3';
import { decodeLedgerFold, encodeLedgerFold, LEDGER_SNAPSHOT_FORMAT } from './ledger-snapshot';
import type { AsOf } from './as-of';
import type { LedgerFold } from './ledger-fold';

/** Snapshots kept of one ledger: a 100,000-item ledger's is about 10 MB. */
export const MAX_SNAPSHOTS_PER_LEDGER = 8;

interface SnapshotRow {
  revision: bigint;
  position: bigint;
  event_id: string;
  recorded_at: string;
  state: string;
}

/**
 * Snapshots of ledgers folded up to a point, for as-of queries: derived data in a database of
 * their own (never events, never a read model), which may be deleted at any time. A snapshot is
 * read only by code of its format, and only after its last event is found in the store where it
 * was (see `LedgerReplays`); otherwise the ledger's snapshots are dropped.
 */
export class LedgerSnapshots {
  private readonly db: Database.Database;
  private readonly latestByPosition: Database.Statement<[string, string, bigint], SnapshotRow>;
  private readonly latestByRecordedAt: Database.Statement<[string, string, string], SnapshotRow>;
  private readonly revisions: Database.Statement<[string, string], { revision: bigint }>;
  private readonly deleteOne: Database.Statement<[string, bigint]>;
  private readonly insert: Database.Statement<[string, bigint, bigint, string, string, string, string]>;
  private readonly dropStream: Database.Statement<[string]>;

  constructor(filename: string) {
    this.db = new Database(filename);
    if (filename !== ':memory:') this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(`CREATE TABLE IF NOT EXISTS ledger_snapshots (
      stream_id TEXT NOT NULL, revision INTEGER NOT NULL, position INTEGER NOT NULL, event_id TEXT NOT NULL, recorded_at TEXT NOT NULL,
      format TEXT NOT NULL, state TEXT NOT NULL, PRIMARY KEY (stream_id, revision))`);
    // Snapshots of other code are never read again.
    this.db.prepare('DELETE FROM ledger_snapshots WHERE format != ?').run(LEDGER_SNAPSHOT_FORMAT);
    const columns = 'revision, position, event_id, recorded_at, state';
    this.latestByPosition = this.db
      .prepare<[string, string, bigint], SnapshotRow>(
        `SELECT ${columns} FROM ledger_snapshots WHERE stream_id = ? AND format = ? AND position <= ? ORDER BY revision DESC LIMIT 1`,
      )
      .safeIntegers(true);
    this.latestByRecordedAt = this.db
      .prepare<[string, string, string], SnapshotRow>(
        `SELECT ${columns} FROM ledger_snapshots WHERE stream_id = ? AND format = ? AND recorded_at < ? ORDER BY revision DESC LIMIT 1`,
      )
      .safeIntegers(true);
    this.revisions = this.db
      .prepare<[string, string], { revision: bigint }>('SELECT revision FROM ledger_snapshots WHERE stream_id = ? AND format = ? ORDER BY revision')
      .safeIntegers(true);
    this.deleteOne = this.db.prepare('DELETE FROM ledger_snapshots WHERE stream_id = ? AND revision = ?');
    this.insert = this.db.prepare(
      'INSERT OR IGNORE INTO ledger_snapshots (stream_id, revision, position, event_id, recorded_at, format, state) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    this.dropStream = this.db.prepare('DELETE FROM ledger_snapshots WHERE stream_id = ?');
  }

  /** The latest snapshot of the stream at or before `asOf`, with the event it ends on (to check against the store). */
  latest(streamId: string, asOf: AsOf): { fold: LedgerFold; eventId: string } | undefined {
    const row =
      asOf.kind === 'position'
        ? this.latestByPosition.get(streamId, LEDGER_SNAPSHOT_FORMAT, asOf.position)
        : this.latestByRecordedAt.get(streamId, LEDGER_SNAPSHOT_FORMAT, asOf.recordedBefore);
    if (!row) return undefined;
    const fold = decodeLedgerFold(row.state, { revision: row.revision, position: row.position, eventId: row.event_id, recordedAt: row.recorded_at });
    return { fold, eventId: row.event_id };
  }

  /**
   * Keeps the fold as a snapshot of the stream; beyond `MAX_SNAPSHOTS_PER_LEDGER`, the snapshot
   * closest to the one before it goes, so the ones kept stay spread over the ledger.
   */
  save(streamId: string, fold: LedgerFold): void {
    if (fold.eventId === null || fold.recordedAt === null) return;
    this.insert.run(
      streamId,
      fold.revision,
      fold.position,
      fold.eventId,
      new Date(fold.recordedAt).toISOString(),
      LEDGER_SNAPSHOT_FORMAT,
      encodeLedgerFold(fold),
    );
    const kept = this.revisionsOf(streamId);
    if (kept.length <= MAX_SNAPSHOTS_PER_LEDGER) return;
    let closest = 1;
    for (let i = 2; i < kept.length; i++) if (kept[i] - kept[i - 1] < kept[closest] - kept[closest - 1]) closest = i;
    this.deleteOne.run(streamId, kept[closest]);
  }

  /** The revisions the stream has snapshots at, oldest first. */
  revisionsOf(streamId: string): bigint[] {
    return this.revisions.all(streamId, LEDGER_SNAPSHOT_FORMAT).map((row) => row.revision);
  }

  /** Forgets every snapshot of the stream (its events are not where a snapshot says they were). */
  drop(streamId: string): void {
    this.dropStream.run(streamId);
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  /** Nest calls it when the service stops. */
  onApplicationShutdown(): void {
    this.close();
  }
}
