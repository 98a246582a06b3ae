import type Database from 'better-sqlite3';
import type { WebhookStatus } from '@billing/domain';
import { cached } from '../cached-statement';

/** A webhook as finance and auditors see it; its secret never. */
export interface WebhookView {
  id: string;
  url: string;
  /** The event types it receives, or `['*']` for every type. */
  types: string[];
  status: WebhookStatus;
  /** Whether the server made its secret (shown once, when it was registered). */
  secretGenerated: boolean;
  registeredAt: string;
  /** Where it starts: the events after its registration's global position are delivered to it. */
  registeredPosition: string;
  pausedAt: string | null;
  pauseReason: string | null;
  resumedAt: string | null;
  removedAt: string | null;
  removedReason: string | null;
}

/** What the dispatcher looks at to notice a registration, a pause, a resume or a removal. */
export interface WebhookRevision {
  id: string;
  status: WebhookStatus;
  /** The revision of its stream's last event the read model has applied. */
  revision: bigint;
}

type WebhookRow = Omit<WebhookView, 'types' | 'secretGenerated' | 'registeredPosition'> & {
  types: string;
  secretGenerated: number;
  registeredPosition: number;
};

const COLUMNS = `id, url, types, status, secret_generated AS secretGenerated, registered_at AS registeredAt, registered_position AS registeredPosition,
  paused_at AS pausedAt, pause_reason AS pauseReason, resumed_at AS resumedAt, removed_at AS removedAt, removed_reason AS removedReason`;

const view = (row: WebhookRow): WebhookView => ({
  ...row,
  types: JSON.parse(row.types) as string[],
  secretGenerated: row.secretGenerated === 1,
  registeredPosition: String(row.registeredPosition),
});

export function findWebhook(db: Database.Database, id: string): WebhookView | undefined {
  const row = cached<[string], WebhookRow>(db, `SELECT ${COLUMNS} FROM webhooks WHERE id = ?`).get(id);
  return row && view(row);
}

/** Every webhook, removed ones last, then in the order they were registered. */
export function listWebhooks(db: Database.Database): WebhookView[] {
  return cached<[], WebhookRow>(db, `SELECT ${COLUMNS} FROM webhooks ORDER BY status = 'removed', registered_position, id`).all().map(view);
}

/** Every webhook's status and revision, for the dispatcher to compare with what it runs. */
export function webhookRevisions(db: Database.Database): WebhookRevision[] {
  return cached<[], { id: string; status: WebhookStatus; revision: number }>(db, 'SELECT id, status, revision FROM webhooks ORDER BY registered_position')
    .all()
    .map((row) => ({ ...row, revision: BigInt(row.revision) }));
}
