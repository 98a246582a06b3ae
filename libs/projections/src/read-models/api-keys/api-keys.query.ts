import type Database from 'better-sqlite3';
import type { ActorRole } from '@billing/domain';
import { cached } from '../cached-statement';

export interface ApiKeyView {
  id: string;
  name: string;
  role: ActorRole;
  issuedAt: string;
}

export function findApiKeyByHash(db: Database.Database, keyHash: string): ApiKeyView | undefined {
  return cached<[string], ApiKeyView>(db, 'SELECT id, name, role, issued_at AS issuedAt FROM api_keys WHERE key_hash = ?').get(keyHash);
}
