import { billingProjection } from '../billing-projection';
import { occurredAt } from '../occurred-at';

/** Registered webhooks as finance and auditors see them: never their secret. */
export const webhooksProjection = billingProjection({
  name: 'webhooks',
  version: 1,
  tables: ['webhooks'],
  canHandle: ['WebhookRegistered', 'WebhookPaused', 'WebhookResumed', 'WebhookRemoved'],
  open(db) {
    db.exec(`CREATE TABLE IF NOT EXISTS webhooks (
      id TEXT PRIMARY KEY, url TEXT NOT NULL, types TEXT NOT NULL, secret_generated INTEGER NOT NULL, status TEXT NOT NULL,
      registered_at TEXT NOT NULL, registered_position INTEGER NOT NULL, revision INTEGER NOT NULL,
      paused_at TEXT, pause_reason TEXT, resumed_at TEXT, removed_at TEXT, removed_reason TEXT)`);
    const insert = db.prepare(
      `INSERT INTO webhooks (id, url, types, secret_generated, status, registered_at, registered_position, revision) VALUES (?, ?, ?, ?, 'active', ?, ?, ?)`,
    );
    const pause = db.prepare(`UPDATE webhooks SET status = 'paused', paused_at = ?, pause_reason = ?, revision = ? WHERE id = ?`);
    const resume = db.prepare(`UPDATE webhooks SET status = 'active', resumed_at = ?, revision = ? WHERE id = ?`);
    const remove = db.prepare(`UPDATE webhooks SET status = 'removed', removed_at = ?, removed_reason = ?, revision = ? WHERE id = ?`);
    return (event, recorded) => {
      const at = occurredAt(recorded);
      const revision = Number(recorded.revision);
      switch (event.type) {
        case 'WebhookRegistered': {
          const { webhookId, url, types, secretGenerated } = event.data;
          insert.run(webhookId, url, JSON.stringify(types), secretGenerated ? 1 : 0, at, Number(recorded.position), revision);
          return;
        }
        case 'WebhookPaused':
          pause.run(at, event.data.reason, revision, event.data.webhookId);
          return;
        case 'WebhookResumed':
          resume.run(at, revision, event.data.webhookId);
          return;
        case 'WebhookRemoved':
          remove.run(at, event.data.reason, revision, event.data.webhookId);
          return;
        default: {
          const unknown: never = event;
          return unknown;
        }
      }
    };
  },
});
