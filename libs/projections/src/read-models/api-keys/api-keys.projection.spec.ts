import type Database from 'better-sqlite3';
import type { ApiKeyIssued } from '@billing/domain';
import { projectionSpec } from '../../testing/projection-spec';
import { apiKeysProjection } from './api-keys.projection';
import { findApiKeyByHash } from './api-keys.query';

const HASH_CI = 'a3f1c2d4e5b60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90';
const HASH_AUDIT = '0f9e8d7c6b5a49382716f5e4d3c2b1a00f9e8d7c6b5a49382716f5e4d3c2b1a0';

const issued = (apiKeyId: string, name: string, role: ApiKeyIssued['data']['role'], keyHash: string, occurredAt: string) => ({
  event: { type: 'ApiKeyIssued', data: { apiKeyId, name, role, keyHash, bootstrap: false } } satisfies ApiKeyIssued,
  streamId: `apiKey-${apiKeyId}`,
  occurredAt,
});

const events = [
  issued('k-ci', 'CI pipeline', 'integration', HASH_CI, '2026-02-01T08:00:00.000Z'),
  issued('k-audit', 'Auditor', 'auditor', HASH_AUDIT, '2026-02-03T08:00:00.000Z'),
];

describe('api-keys read model', () => {
  it('finds a key by its hash: id, name, role and when it was issued, never the hash', async () => {
    // given
    const spec = projectionSpec(apiKeysProjection).given(events);
    // then: toEqual, so a `keyHash` (or any other field) in the answer fails
    await spec.then((db) => findApiKeyByHash(db, HASH_CI), { id: 'k-ci', name: 'CI pipeline', role: 'integration', issuedAt: '2026-02-01T08:00:00.000Z' });
    await spec.then((db) => findApiKeyByHash(db, HASH_AUDIT), { id: 'k-audit', name: 'Auditor', role: 'auditor', issuedAt: '2026-02-03T08:00:00.000Z' });
  });

  it('finds nothing for a hash no key has, nor by the key id', async () => {
    // given
    const db = await projectionSpec(apiKeysProjection).given(events).readModel();
    // then
    expect(findApiKeyByHash(db, HASH_CI.toUpperCase())).toBeUndefined();
    expect(findApiKeyByHash(db, 'k-ci')).toBeUndefined();
  });

  it('a rebuild from the same events gives identical rows', async () => {
    // given
    const dump = (db: Database.Database) => apiKeysProjection.tables.map((table) => db.prepare(`SELECT * FROM ${table} ORDER BY 1`).all());
    const spec = projectionSpec(apiKeysProjection).given(events);
    // when
    const first = dump(await spec.readModel());
    const second = dump(await spec.readModel());
    // then
    expect(first[0]).toHaveLength(2);
    expect(second).toEqual(first);
  });
});
