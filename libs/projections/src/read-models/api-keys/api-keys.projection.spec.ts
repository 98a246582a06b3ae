import type Database from 'better-sqlite3';
import type { ApiKeyEvent, ApiKeyIssued } from '@billing/domain';
import { projectionSpec } from '../../testing/projection-spec';
import { apiKeysProjection } from './api-keys.projection';
import { countWorkingFinanceKeysExcept, findApiKey, findApiKeyByHash, listApiKeys } from './api-keys.query';

const HASH_CI = 'a3f1c2d4e5b60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90';
const HASH_AUDIT = '0f9e8d7c6b5a49382716f5e4d3c2b1a00f9e8d7c6b5a49382716f5e4d3c2b1a0';
const HASH_ANN = '1111111111111111111111111111111111111111111111111111111111111111';
const HASH_ANN_NEW = '2222222222222222222222222222222222222222222222222222222222222222';

const recorded = (event: ApiKeyEvent, occurredAt: string) => ({ event, streamId: `apiKey-${event.data.apiKeyId}`, occurredAt });
const issued = (apiKeyId: string, name: string, role: ApiKeyIssued['data']['role'], keyHash: string, occurredAt: string, resourceId: string | null = null) =>
  recorded({ type: 'ApiKeyIssued', data: { apiKeyId, name, role, keyHash, bootstrap: false, resourceId } }, occurredAt);

const events = [
  issued('k-ci', 'CI pipeline', 'integration', HASH_CI, '2026-02-01T08:00:00.000Z'),
  issued('k-audit', 'Auditor', 'auditor', HASH_AUDIT, '2026-02-03T08:00:00.000Z'),
];
const annIssued = issued('k-ann', 'Ann', 'technician', HASH_ANN, '2026-02-04T08:00:00.000Z', 'r-ann');
const annRotated = recorded(
  { type: 'ApiKeyRotated', data: { apiKeyId: 'k-ann', keyHash: HASH_ANN_NEW, rotatedBy: 'k-fin', reason: 'pasted in a ticket' } },
  '2026-02-05T08:00:00.000Z',
);
const ciRevoked = recorded({ type: 'ApiKeyRevoked', data: { apiKeyId: 'k-ci', revokedBy: 'k-fin', reason: 'pipeline retired' } }, '2026-02-06T08:00:00.000Z');

const working = { bootstrap: false, rotatedAt: null, revokedAt: null, revokedBy: null, revokedReason: null };

describe('api-keys read model', () => {
  it('finds a key by its hash: id, name, role, resource and when it was issued, never the hash', async () => {
    // given
    const spec = projectionSpec(apiKeysProjection).given([...events, annIssued]);
    // then: toEqual, so a `keyHash` (or any other field) in the answer fails
    await spec.then((db) => findApiKeyByHash(db, HASH_CI), {
      id: 'k-ci',
      name: 'CI pipeline',
      role: 'integration',
      resourceId: null,
      issuedAt: '2026-02-01T08:00:00.000Z',
      ...working,
    });
    await spec.then((db) => findApiKeyByHash(db, HASH_ANN), {
      id: 'k-ann',
      name: 'Ann',
      role: 'technician',
      resourceId: 'r-ann',
      issuedAt: '2026-02-04T08:00:00.000Z',
      ...working,
    });
  });

  it('finds nothing for a hash no key has, nor by the key id', async () => {
    // given
    const db = await projectionSpec(apiKeysProjection).given(events).readModel();
    // then
    expect(findApiKeyByHash(db, HASH_CI.toUpperCase())).toBeUndefined();
    expect(findApiKeyByHash(db, 'k-ci')).toBeUndefined();
  });

  it('a v1 key, stored before keys named a person, is read through the upcaster with no resource', async () => {
    // given: the data exactly as v1 wrote it
    const { resourceId: _none, ...v1 } = events[0].event.data as ApiKeyIssued['data'];
    const db = await projectionSpec(apiKeysProjection)
      .given([{ event: { type: 'ApiKeyIssued', data: v1 } as ApiKeyIssued, streamId: 'apiKey-k-ci', schemaVersion: 1 }])
      .readModel();
    // then
    expect(findApiKeyByHash(db, HASH_CI)).toMatchObject({ id: 'k-ci', role: 'integration', resourceId: null });
  });

  it('a rotated key is found by its new hash only', async () => {
    // given
    const db = await projectionSpec(apiKeysProjection)
      .given([...events, annIssued, annRotated])
      .readModel();
    // then
    expect(findApiKeyByHash(db, HASH_ANN)).toBeUndefined();
    expect(findApiKeyByHash(db, HASH_ANN_NEW)).toMatchObject({ id: 'k-ann', rotatedAt: '2026-02-05T08:00:00.000Z', revokedAt: null });
  });

  it('a revoked key is still found, marked revoked with who and why, and listed after the working ones', async () => {
    // given
    const db = await projectionSpec(apiKeysProjection)
      .given([...events, annIssued, ciRevoked])
      .readModel();
    // then
    expect(findApiKeyByHash(db, HASH_CI)).toMatchObject({ revokedAt: '2026-02-06T08:00:00.000Z', revokedBy: 'k-fin', revokedReason: 'pipeline retired' });
    expect(listApiKeys(db).map((k) => k.id)).toEqual(['k-audit', 'k-ann', 'k-ci']);
    expect(findApiKey(db, 'k-ann')?.name).toBe('Ann');
  });

  it('counts the working finance keys other than one', async () => {
    // given
    const finance = (id: string, hash: string, at: string) => issued(id, id, 'finance', hash, at);
    const db = await projectionSpec(apiKeysProjection)
      .given([
        finance('f1', HASH_CI, '2026-02-01T08:00:00.000Z'),
        finance('f2', HASH_AUDIT, '2026-02-02T08:00:00.000Z'),
        finance('f3', HASH_ANN, '2026-02-03T08:00:00.000Z'),
        recorded({ type: 'ApiKeyRevoked', data: { apiKeyId: 'f3', revokedBy: 'f1', reason: 'x' } }, '2026-02-04T08:00:00.000Z'),
      ])
      .readModel();
    // then: f3 is revoked, so f1 and f2 are the working ones
    expect(countWorkingFinanceKeysExcept(db, 'f1')).toBe(1);
    expect(countWorkingFinanceKeysExcept(db, 'f3')).toBe(2);
  });

  it('a rebuild from the same events gives identical rows', async () => {
    // given
    const dump = (db: Database.Database) => apiKeysProjection.tables.map((table) => db.prepare(`SELECT * FROM ${table} ORDER BY 1`).all());
    const spec = projectionSpec(apiKeysProjection).given([...events, annIssued, annRotated, ciRevoked]);
    // when
    const first = dump(await spec.readModel());
    const second = dump(await spec.readModel());
    // then
    expect(first[0]).toHaveLength(3);
    expect(second).toEqual(first);
  });
});
