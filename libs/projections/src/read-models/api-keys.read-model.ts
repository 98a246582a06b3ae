import type Database from 'better-sqlite3';
import { cached } from './cached-statement';
import type { ActorRole, ApiKeyEvent } from '@billing/domain';
import type { Projection } from '../runner/projection';
import { domainEvent, occurredAt } from './domain-event';

export interface ApiKeyView {
  id: string;
  name: string;
  role: ActorRole;
  issuedAt: string;
}

export const apiKeysProjection: Projection = {
  name: 'api-keys',
  version: 1,
  tables: ['api_keys'],
  open(db) {
    db.exec(`CREATE TABLE IF NOT EXISTS api_keys (
      id TEXT PRIMARY KEY, key_hash TEXT NOT NULL UNIQUE, name TEXT NOT NULL, role TEXT NOT NULL, issued_at TEXT NOT NULL)`);
    const insert = db.prepare('INSERT INTO api_keys (id, key_hash, name, role, issued_at) VALUES (?, ?, ?, ?, ?)');
    return (recorded) => {
      const event = domainEvent<ApiKeyEvent>(recorded);
      switch (event.type) {
        case 'ApiKeyIssued':
          insert.run(event.data.apiKeyId, event.data.keyHash, event.data.name, event.data.role, occurredAt(recorded));
          return;
      }
    };
  },
};

export function findApiKeyByHash(db: Database.Database, keyHash: string): ApiKeyView | undefined {
  return cached<[string], ApiKeyView>(db, 'SELECT id, name, role, issued_at AS issuedAt FROM api_keys WHERE key_hash = ?').get(keyHash);
}
