import { cpSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import request from 'supertest';
import { ACTOR_ROLES } from '@billing/domain';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * Tamper evidence (issue 10, item 6): events written through the service into the SQLite file,
 * then edited by hand with better-sqlite3 as someone with access to the file could. Each edit is
 * made on a copy of one untouched data folder (store, read models, signing key), so each case
 * stands alone and a digest signed before the edits can be checked after each.
 */
describe('tamper evidence: hash chains, verify, signed digests', () => {
  let pristine: string;
  let digest: Record<string, unknown>;
  let counts: { events: number; streams: number; head: number };
  /** The contract stream's events: revision → position, and the data of each. */
  let contract: { position: number; data: Record<string, unknown> }[];
  const copies: string[] = [];

  const eventsFile = (dir: string) => join(dir, 'ledger.sqlite');

  beforeAll(async () => {
    // given: a block-hours contract with three purchases, written through the service
    pristine = mkdtempSync(join(tmpdir(), 'ledger-tamper-'));
    const t = await startTestApp({ dataDir: pristine });
    await t.as().post('/api/accounts').send({ id: 'acme', name: 'Acme' }).expect(201);
    await t
      .as()
      .post('/api/contracts')
      .send({ id: 'blk', accountId: 'acme', name: 'Block', type: 'BLOCK_HOURS', startDate: '2026-01-01', endDate: '2026-12-31' })
      .expect(201);
    for (const [id, hours] of [
      ['b1', '10'],
      ['b2', '20'],
      ['b3', '30'],
    ]) {
      await t
        .as()
        .post('/api/contracts/blk/block-purchases')
        .send({ id, hours, hourlyRate: '100', startDate: '2026-11-01', endDate: '2026-11-30' })
        .expect(201);
    }
    digest = (await t.as().get('/api/audit/digest').expect(200)).body;
    await t.dispose();

    const db = new Database(eventsFile(pristine), { readonly: true });
    counts = db.prepare('SELECT COUNT(*) AS events, COUNT(DISTINCT stream_id) AS streams, MAX(position) AS head FROM events').get() as typeof counts;
    contract = (
      db.prepare("SELECT position, data FROM events WHERE stream_id = 'contract-blk' ORDER BY revision").all() as { position: number; data: string }[]
    ).map((row) => ({ position: row.position, data: JSON.parse(row.data) }));
    db.close();
  }, 60_000);

  afterAll(() => {
    for (const dir of [pristine, ...copies]) rmSync(dir, { recursive: true, force: true });
  });

  /** A copy of the untouched data folder, edited by hand, and the service started on it. */
  async function startOnEditedCopy(edit: (db: Database.Database) => void): Promise<TestApp> {
    const dir = mkdtempSync(join(tmpdir(), 'ledger-tampered-'));
    copies.push(dir);
    cpSync(pristine, dir, { recursive: true });
    const db = new Database(eventsFile(dir));
    edit(db);
    db.close();
    return startTestApp({ dataDir: dir });
  }

  async function checks(t: TestApp) {
    const verify = (await t.as().get('/api/audit/verify').expect(200)).body;
    const digestCheck = (await t.as().post('/api/audit/digest/verify').send(digest).expect(200)).body;
    return { verify, digestCheck };
  }

  it('the untouched store verifies, and so does the digest signed over it, after a restart on the same data folder', async () => {
    // given: the contract stream as written
    expect(contract.map((e) => e.data.hours ?? null)).toEqual([null, '10', '20', '30']);
    // when
    const t = await startTestApp({ dataDir: pristine });
    try {
      const { verify, digestCheck } = await checks(t);
      // then
      expect(verify).toEqual({ ok: true, eventsChecked: counts.events, streams: counts.streams, position: String(counts.head), unchainedEvents: 0, breaks: 0 });
      expect(digest).toMatchObject({ format: 'ledger-heads-digest/1', position: String(counts.head), streams: counts.streams, algorithm: 'Ed25519' });
      expect(digestCheck).toMatchObject({
        valid: true,
        signatureValid: true,
        signedByThisLedger: true,
        storeMatches: true,
        recomputed: { merkleRoot: digest.merkleRoot },
      });
      // and the key is the one made on the first start, kept in the data folder for its owner alone
      expect((await t.as().get('/api/audit/digest').expect(200)).body).toMatchObject({ keyId: digest.keyId, publicKey: digest.publicKey });
      expect(statSync(join(pristine, 'signing-key.pem')).mode & 0o777).toBe(0o600);
    } finally {
      await t.close();
    }
  });

  it('a changed amount: the first break is at that event, and the digest no longer verifies', async () => {
    // when: block b2 says 200 hours instead of 20
    const t = await startOnEditedCopy((db) =>
      db.prepare("UPDATE events SET data = json_set(data, '$.hours', '200') WHERE stream_id = 'contract-blk' AND revision = 2").run(),
    );
    try {
      const { verify, digestCheck } = await checks(t);
      // then
      expect(verify).toMatchObject({ ok: false, eventsChecked: counts.events, breaks: 1 });
      expect(verify.firstBreak).toMatchObject({ streamId: 'contract-blk', revision: '2', position: String(contract[2].position), reason: 'hash-mismatch' });
      expect(digestCheck).toMatchObject({ valid: false, signatureValid: true, signedByThisLedger: true, storeMatches: false });
      expect(digestCheck.chain.firstBreak).toMatchObject({ streamId: 'contract-blk', revision: '2' });
      // and no new digest is signed over the broken chain
      expect((await t.as().get('/api/audit/digest').expect(409)).body).toMatchObject({ error: 'conflict', code: 'chain-broken' });
    } finally {
      await t.close();
    }
  });

  it('a deleted event: the first break is the missing revision, and the digest no longer verifies', async () => {
    // when: block b1 (revision 1) deleted
    const t = await startOnEditedCopy((db) => db.prepare("DELETE FROM events WHERE stream_id = 'contract-blk' AND revision = 1").run());
    try {
      const { verify, digestCheck } = await checks(t);
      // then: revision 2 stands where revision 1 should
      expect(verify).toMatchObject({ ok: false, eventsChecked: counts.events - 1 });
      expect(verify.firstBreak).toMatchObject({ streamId: 'contract-blk', revision: '1', position: String(contract[2].position), reason: 'missing-revision' });
      expect(digestCheck).toMatchObject({ valid: false, signatureValid: true, storeMatches: false });
    } finally {
      await t.close();
    }
  });

  it('a swapped pair (data and metadata): the first break is at the first of the two', async () => {
    // when: blocks b1 and b2 exchange their data and metadata (stored hashes included)
    const t = await startOnEditedCopy((db) => {
      const read = db.prepare<[number], { data: string; metadata: string }>(
        "SELECT data, metadata FROM events WHERE stream_id = 'contract-blk' AND revision = ?",
      );
      const write = db.prepare("UPDATE events SET data = ?, metadata = ? WHERE stream_id = 'contract-blk' AND revision = ?");
      const [one, two] = [read.get(1)!, read.get(2)!];
      write.run(two.data, two.metadata, 1);
      write.run(one.data, one.metadata, 2);
    });
    try {
      const { verify, digestCheck } = await checks(t);
      // then
      expect(verify.firstBreak).toMatchObject({ streamId: 'contract-blk', revision: '1', position: String(contract[1].position), reason: 'hash-mismatch' });
      expect(digestCheck).toMatchObject({ valid: false, storeMatches: false });
    } finally {
      await t.close();
    }
  });

  it('a swapped pair (revisions): the first break is at the first of the two places', async () => {
    // when: blocks b1 and b2 exchange their revisions (through a free one: stream and revision are unique)
    const t = await startOnEditedCopy((db) => {
      const move = db.prepare("UPDATE events SET revision = ? WHERE stream_id = 'contract-blk' AND revision = ?");
      move.run(-1, 1);
      move.run(1, 2);
      move.run(2, -1);
    });
    try {
      const { verify, digestCheck } = await checks(t);
      // then: at b1's position the walk finds revision 2 where revision 1 should be
      expect(verify.firstBreak).toMatchObject({ streamId: 'contract-blk', revision: '1', position: String(contract[1].position), reason: 'missing-revision' });
      expect(digestCheck).toMatchObject({ valid: false, storeMatches: false });
    } finally {
      await t.close();
    }
  });

  it('a deleted last event breaks no chain, but the digest no longer verifies', async () => {
    // when: block b3, the contract stream's last event, deleted
    const t = await startOnEditedCopy((db) => db.prepare("DELETE FROM events WHERE stream_id = 'contract-blk' AND revision = 3").run());
    try {
      const { verify, digestCheck } = await checks(t);
      // then
      expect(verify).toMatchObject({ ok: true, eventsChecked: counts.events - 1 });
      expect(digestCheck).toMatchObject({ valid: false, signatureValid: true, chain: { ok: true }, storeMatches: false });
      expect(digestCheck.recomputed.merkleRoot).not.toBe(digest.merkleRoot);
    } finally {
      await t.close();
    }
  });

  it('a digest whose fields were changed does not verify its signature', async () => {
    const t = await startTestApp({ dataDir: pristine });
    try {
      const forged = { ...digest, position: String(counts.head - 1) };
      const answer = (await t.as().post('/api/audit/digest/verify').send(forged).expect(200)).body;
      expect(answer).toMatchObject({ valid: false, signatureValid: false, signedByThisLedger: false });
      // and a body that is not a digest is refused field by field
      const refused = (
        await t
          .as()
          .post('/api/audit/digest/verify')
          .send({ ...digest, merkleRoot: 'xyz', extra: 1 })
          .expect(400)
      ).body;
      expect(refused.details.map((d: { field: string }) => d.field).sort()).toEqual(['extra', 'merkleRoot']);
    } finally {
      await t.close();
    }
  });

  it('an auditor reads verify and digest and checks a digest; every other role but finance is refused (403), no key is 401', async () => {
    const t = await startTestApp({ dataDir: pristine });
    try {
      // given
      const auditor = await t.keyFor('auditor');
      // then
      expect((await t.as(auditor).get('/api/audit/verify').expect(200)).body.ok).toBe(true);
      expect((await t.as(auditor).get('/api/audit/digest').expect(200)).body.keyId).toBe(digest.keyId);
      expect((await t.as(auditor).post('/api/audit/digest/verify').send(digest).expect(200)).body.valid).toBe(true);
      for (const role of ACTOR_ROLES.filter((r) => r !== 'finance' && r !== 'auditor')) {
        const key = await t.keyFor(role);
        await t.as(key).get('/api/audit/verify').expect(403);
        await t.as(key).get('/api/audit/digest').expect(403);
        await t.as(key).post('/api/audit/digest/verify').send(digest).expect(403);
      }
      await request(t.app.getHttpServer()).get('/api/audit/digest').expect(401);
    } finally {
      await t.close();
    }
  });
});
