import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import type { PageBounds, RowPage } from '@billing/projections';

export type DeliveryStatus = 'pending' | 'retrying' | 'paused' | 'delivered';
/** `live`: an event in its turn after the checkpoint; `replay`: one sent again on request. */
export type DeliveryKind = 'live' | 'replay';
export const DELIVERY_STATUSES: readonly DeliveryStatus[] = ['pending', 'retrying', 'paused', 'delivered'];

/** One event to one webhook, with every attempt's outcome so far. */
export interface DeliveryView {
  id: string;
  webhookId: string;
  eventId: string;
  eventType: string;
  streamId: string;
  revision: string;
  position: string;
  kind: DeliveryKind;
  /** The delivery a replay sends again. */
  replayOf: string | null;
  status: DeliveryStatus;
  attempts: number;
  lastAttemptAt: string | null;
  lastStatusCode: number | null;
  lastError: string | null;
  /** When it is tried next; null once delivered or while its webhook is paused. */
  nextAttemptAt: string | null;
  deliveredAt: string | null;
  createdAt: string;
}

/** Where a webhook's deliveries stand. */
export interface Checkpoint {
  /** Every matching event up to this global position has been acknowledged. */
  position: bigint;
  consecutiveFailures: number;
}

export interface NewDelivery {
  webhookId: string;
  eventId: string;
  eventType: string;
  streamId: string;
  revision: bigint;
  position: bigint;
  kind: DeliveryKind;
  replayOf: string | null;
}

/** Acknowledged deliveries kept per webhook in the log; older ones are dropped (the checkpoint keeps the progress). */
export const DELIVERIES_KEPT = 10_000;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS webhook_checkpoints (
  webhook_id           TEXT PRIMARY KEY,
  position             INTEGER NOT NULL,
  consecutive_failures INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS webhook_deliveries (
  seq              INTEGER PRIMARY KEY AUTOINCREMENT,
  id               TEXT NOT NULL UNIQUE,
  webhook_id       TEXT NOT NULL,
  event_id         TEXT NOT NULL,
  event_type       TEXT NOT NULL,
  stream_id        TEXT NOT NULL,
  revision         INTEGER NOT NULL,
  position         INTEGER NOT NULL,
  kind             TEXT NOT NULL,
  replay_of        TEXT,
  status           TEXT NOT NULL,
  attempts         INTEGER NOT NULL DEFAULT 0,
  last_attempt_at  TEXT,
  last_status_code INTEGER,
  last_error       TEXT,
  next_attempt_at  TEXT,
  delivered_at     TEXT,
  created_at       TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS webhook_deliveries_by_webhook ON webhook_deliveries (webhook_id, seq);
CREATE INDEX IF NOT EXISTS webhook_deliveries_to_send ON webhook_deliveries (webhook_id, status, seq);
`;

const COLUMNS = `id, webhook_id AS webhookId, event_id AS eventId, event_type AS eventType, stream_id AS streamId, revision, position, kind,
  replay_of AS replayOf, status, attempts, last_attempt_at AS lastAttemptAt, last_status_code AS lastStatusCode, last_error AS lastError,
  next_attempt_at AS nextAttemptAt, delivered_at AS deliveredAt, created_at AS createdAt`;

type DeliveryRow = Omit<DeliveryView, 'revision' | 'position'> & { revision: number; position: number };

const view = (row: DeliveryRow): DeliveryView => ({ ...row, revision: String(row.revision), position: String(row.position) });

/**
 * The webhooks' delivery progress on this instance, in a SQLite file of its own beside the store
 * (not among the read models: a rebuild of those must not send every event again). Like a
 * projection's checkpoint, a webhook's checkpoint is committed in the same transaction as the
 * acknowledgement that moves it, so a restart resumes exactly after the last acknowledged event.
 */
export class DeliveryLog {
  private readonly db: Database.Database;
  private readonly statements = new Map<string, Database.Statement>();

  constructor(filename: string) {
    this.db = new Database(filename);
    if (filename !== ':memory:') this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(SCHEMA);
  }

  checkpoint(webhookId: string): Checkpoint | undefined {
    const row = this.statement<[string], { position: number; failures: number }>(
      'SELECT position, consecutive_failures AS failures FROM webhook_checkpoints WHERE webhook_id = ?',
    ).get(webhookId);
    return row && { position: BigInt(row.position), consecutiveFailures: row.failures };
  }

  /** The webhook's checkpoint, starting at `position` (its registration) the first time. */
  startAt(webhookId: string, position: bigint): Checkpoint {
    this.statement('INSERT OR IGNORE INTO webhook_checkpoints (webhook_id, position) VALUES (?, ?)').run(webhookId, Number(position));
    return this.checkpoint(webhookId)!;
  }

  /** Where to read the store from for the next live delivery: after the checkpoint and after any live delivery already made. */
  readFrom(webhookId: string): bigint {
    const row = this.statement<[string, string], { position: number }>(
      `SELECT MAX(position) AS position FROM (SELECT position FROM webhook_checkpoints WHERE webhook_id = ?
         UNION ALL SELECT MAX(position) FROM webhook_deliveries WHERE webhook_id = ? AND kind = 'live')`,
    ).get(webhookId, webhookId);
    return BigInt(row?.position ?? 0);
  }

  /** The oldest delivery still to send (never a paused one): deliveries go out one at a time, in the order they were made. */
  nextToSend(webhookId: string): DeliveryView | undefined {
    const row = this.statement<[string], DeliveryRow>(
      `SELECT ${COLUMNS} FROM webhook_deliveries WHERE webhook_id = ? AND status IN ('pending', 'retrying') ORDER BY seq LIMIT 1`,
    ).get(webhookId);
    return row && view(row);
  }

  add(delivery: NewDelivery, at: Date): DeliveryView {
    const id = randomUUID();
    this.statement(
      `INSERT INTO webhook_deliveries (id, webhook_id, event_id, event_type, stream_id, revision, position, kind, replay_of, status, next_attempt_at, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?)`,
    ).run(
      id,
      delivery.webhookId,
      delivery.eventId,
      delivery.eventType,
      delivery.streamId,
      Number(delivery.revision),
      Number(delivery.position),
      delivery.kind,
      delivery.replayOf,
      at.toISOString(),
      at.toISOString(),
    );
    return this.find(delivery.webhookId, id)!;
  }

  /** Several deliveries at once, in their order (a replay of a range). */
  addAll(deliveries: readonly NewDelivery[], at: Date): void {
    this.db.transaction(() => deliveries.forEach((delivery) => this.add(delivery, at)))();
  }

  /** Acknowledged: the delivery is done and, for a live one, the checkpoint moves to its event, in one transaction. */
  delivered(delivery: DeliveryView, statusCode: number, at: Date): void {
    this.db.transaction(() => {
      this.statement(
        `UPDATE webhook_deliveries SET status = 'delivered', attempts = attempts + 1, last_attempt_at = ?, last_status_code = ?, last_error = NULL,
           next_attempt_at = NULL, delivered_at = ? WHERE id = ?`,
      ).run(at.toISOString(), statusCode, at.toISOString(), delivery.id);
      if (delivery.kind === 'live')
        this.statement('UPDATE webhook_checkpoints SET position = MAX(position, ?), consecutive_failures = 0 WHERE webhook_id = ?').run(
          Number(delivery.position),
          delivery.webhookId,
        );
      else this.statement('UPDATE webhook_checkpoints SET consecutive_failures = 0 WHERE webhook_id = ?').run(delivery.webhookId);
    })();
  }

  /** A failed attempt: retried at `nextAttemptAt`, or held (`paused`) until the webhook is resumed when that is null. */
  failed(
    delivery: DeliveryView,
    failure: { statusCode: number | null; error: string },
    at: Date,
    consecutiveFailures: number,
    nextAttemptAt: Date | null,
  ): void {
    this.db.transaction(() => {
      this.statement(
        `UPDATE webhook_deliveries SET status = ?, attempts = attempts + 1, last_attempt_at = ?, last_status_code = ?, last_error = ?, next_attempt_at = ?
           WHERE id = ?`,
      ).run(
        nextAttemptAt ? 'retrying' : 'paused',
        at.toISOString(),
        failure.statusCode,
        failure.error.slice(0, 500),
        nextAttemptAt?.toISOString() ?? null,
        delivery.id,
      );
      this.statement('UPDATE webhook_checkpoints SET consecutive_failures = ? WHERE webhook_id = ?').run(consecutiveFailures, delivery.webhookId);
    })();
  }

  /** After a resume: held deliveries are due now, and the failures are counted from zero again. */
  resume(webhookId: string, at: Date): void {
    this.db.transaction(() => {
      this.statement(`UPDATE webhook_deliveries SET status = 'retrying', next_attempt_at = ? WHERE webhook_id = ? AND status = 'paused'`).run(
        at.toISOString(),
        webhookId,
      );
      this.statement('UPDATE webhook_checkpoints SET consecutive_failures = 0 WHERE webhook_id = ?').run(webhookId);
    })();
  }

  /** The checkpoint, the deliveries not yet acknowledged, and when the next of them is tried. */
  summary(webhookId: string): { checkpoint: Checkpoint | undefined; undelivered: number; nextAttemptAt: string | null } {
    return this.db.transaction(() => {
      const { undelivered } = this.statement<[string], { undelivered: number }>(
        `SELECT COUNT(*) AS undelivered FROM webhook_deliveries WHERE webhook_id = ? AND status <> 'delivered'`,
      ).get(webhookId)!;
      return { checkpoint: this.checkpoint(webhookId), undelivered, nextAttemptAt: this.nextToSend(webhookId)?.nextAttemptAt ?? null };
    })();
  }

  hasPaused(webhookId: string): boolean {
    return this.statement(`SELECT 1 FROM webhook_deliveries WHERE webhook_id = ? AND status = 'paused' LIMIT 1`).get(webhookId) !== undefined;
  }

  find(webhookId: string, deliveryId: string): DeliveryView | undefined {
    const row = this.statement<[string, string], DeliveryRow>(`SELECT ${COLUMNS} FROM webhook_deliveries WHERE webhook_id = ? AND id = ?`).get(
      webhookId,
      deliveryId,
    );
    return row && view(row);
  }

  /** A webhook's deliveries, newest first. */
  page(webhookId: string, status: DeliveryStatus | undefined, { limit, offset }: PageBounds): RowPage<DeliveryView> {
    const where = status ? 'webhook_id = ? AND status = ?' : 'webhook_id = ?';
    const params = status ? [webhookId, status] : [webhookId];
    return this.db.transaction(() => ({
      rows: this.statement<unknown[], DeliveryRow>(`SELECT ${COLUMNS} FROM webhook_deliveries WHERE ${where} ORDER BY seq DESC LIMIT ? OFFSET ?`)
        .all(...params, limit, offset)
        .map(view),
      total: this.statement<unknown[], { total: number }>(`SELECT COUNT(*) AS total FROM webhook_deliveries WHERE ${where}`).get(...params)!.total,
    }))();
  }

  /** Drops the acknowledged deliveries of a webhook beyond the newest `keep`. */
  prune(webhookId: string, keep = DELIVERIES_KEPT): void {
    this.statement(
      `DELETE FROM webhook_deliveries WHERE webhook_id = ? AND status = 'delivered'
         AND seq < (SELECT seq FROM webhook_deliveries WHERE webhook_id = ? ORDER BY seq DESC LIMIT 1 OFFSET ?)`,
    ).run(webhookId, webhookId, keep - 1);
  }

  /** Each SQL text prepared once. */
  private statement<Params extends unknown[] = unknown[], Row = unknown>(sql: string): Database.Statement<Params, Row> {
    let prepared = this.statements.get(sql);
    if (!prepared) this.statements.set(sql, (prepared = this.db.prepare(sql)));
    return prepared as unknown as Database.Statement<Params, Row>;
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
