import { billingProjection } from '../billing-projection';
import { occurredAt } from '../occurred-at';

export const apiKeysProjection = billingProjection({
  name: 'api-keys',
  version: 1,
  tables: ['api_keys'],
  canHandle: ['ApiKeyIssued'],
  open(db) {
    db.exec(`CREATE TABLE IF NOT EXISTS api_keys (
      id TEXT PRIMARY KEY, key_hash TEXT NOT NULL UNIQUE, name TEXT NOT NULL, role TEXT NOT NULL, issued_at TEXT NOT NULL)`);
    const insert = db.prepare('INSERT INTO api_keys (id, key_hash, name, role, issued_at) VALUES (?, ?, ?, ?, ?)');
    return (event, recorded) => {
      switch (event.type) {
        case 'ApiKeyIssued':
          insert.run(event.data.apiKeyId, event.data.keyHash, event.data.name, event.data.role, occurredAt(recorded));
          return;
        default: {
          const unknown: never = event.type;
          return unknown;
        }
      }
    };
  },
});
