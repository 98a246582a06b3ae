import { billingProjection } from '../billing-projection';
import { occurredAt } from '../occurred-at';

export const apiKeysProjection = billingProjection({
  name: 'api-keys',
  version: 2,
  tables: ['api_keys'],
  canHandle: ['ApiKeyIssued', 'ApiKeyRevoked', 'ApiKeyRotated'],
  open(db) {
    db.exec(`CREATE TABLE IF NOT EXISTS api_keys (
      id TEXT PRIMARY KEY, key_hash TEXT NOT NULL UNIQUE, name TEXT NOT NULL, role TEXT NOT NULL, resource_id TEXT, bootstrap INTEGER NOT NULL,
      issued_at TEXT NOT NULL, rotated_at TEXT, revoked_at TEXT, revoked_by TEXT, revoked_reason TEXT)`);
    const insert = db.prepare('INSERT INTO api_keys (id, key_hash, name, role, resource_id, bootstrap, issued_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
    const revoke = db.prepare('UPDATE api_keys SET revoked_at = ?, revoked_by = ?, revoked_reason = ? WHERE id = ?');
    const rotate = db.prepare('UPDATE api_keys SET key_hash = ?, rotated_at = ? WHERE id = ?');
    return (event, recorded) => {
      switch (event.type) {
        case 'ApiKeyIssued': {
          const { apiKeyId, keyHash, name, role, resourceId, bootstrap } = event.data;
          insert.run(apiKeyId, keyHash, name, role, resourceId, bootstrap ? 1 : 0, occurredAt(recorded));
          return;
        }
        case 'ApiKeyRevoked':
          revoke.run(occurredAt(recorded), event.data.revokedBy, event.data.reason, event.data.apiKeyId);
          return;
        case 'ApiKeyRotated':
          rotate.run(event.data.keyHash, occurredAt(recorded), event.data.apiKeyId);
          return;
        default: {
          const unknown: never = event;
          return unknown;
        }
      }
    };
  },
});
