import type Database from 'better-sqlite3';
import type { ActorRole } from '@billing/domain';
import { cached } from '../cached-statement';

/** A key as callers and finance see it: never its hash. */
export interface ApiKeyView {
  id: string;
  name: string;
  role: ActorRole;
  /** The person a technician key acts for; null for other roles. */
  resourceId: string | null;
  bootstrap: boolean;
  issuedAt: string;
  rotatedAt: string | null;
  revokedAt: string | null;
  revokedBy: string | null;
  revokedReason: string | null;
}

type ApiKeyRow = Omit<ApiKeyView, 'bootstrap'> & { bootstrap: number };

const COLUMNS = `id, name, role, resource_id AS resourceId, bootstrap, issued_at AS issuedAt, rotated_at AS rotatedAt,
  revoked_at AS revokedAt, revoked_by AS revokedBy, revoked_reason AS revokedReason`;

const view = (row: ApiKeyRow): ApiKeyView => ({ ...row, bootstrap: row.bootstrap === 1 });

/** The key with this hash, revoked or not (the caller tells the two apart). */
export function findApiKeyByHash(db: Database.Database, keyHash: string): ApiKeyView | undefined {
  const row = cached<[string], ApiKeyRow>(db, `SELECT ${COLUMNS} FROM api_keys WHERE key_hash = ?`).get(keyHash);
  return row && view(row);
}

export function findApiKey(db: Database.Database, id: string): ApiKeyView | undefined {
  const row = cached<[string], ApiKeyRow>(db, `SELECT ${COLUMNS} FROM api_keys WHERE id = ?`).get(id);
  return row && view(row);
}

/** Every key, working ones first, then by when they were issued. */
export function listApiKeys(db: Database.Database): ApiKeyView[] {
  return cached<[], ApiKeyRow>(db, `SELECT ${COLUMNS} FROM api_keys ORDER BY revoked_at IS NOT NULL, issued_at, id`).all().map(view);
}

/** How many finance keys work, leaving one out. */
export function countWorkingFinanceKeysExcept(db: Database.Database, id: string): number {
  return cached<[string], { n: number }>(db, `SELECT COUNT(*) AS n FROM api_keys WHERE role = 'finance' AND revoked_at IS NULL AND id <> ?`).get(id)!.n;
}
