import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { EventData } from '../event-store.port';
import { SqliteEventStore } from '../sqlite/sqlite-event-store';
import { verifyChains, walkChains, type ChainWalkProgress } from './verify-chains';

describe('verifyChains over the SQLite store (a file, edited by hand)', () => {
  let dir: string;
  let file: string;
  let store: SqliteEventStore;
  let n = 0;
  const event = (amount: string): EventData => ({ id: `e-${++n}`, type: 'AmountSet', data: { amount }, metadata: { actor: 'key-1' } });

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ledger-chain-'));
    file = join(dir, 'events.sqlite');
    store = new SqliteEventStore({ filename: file });
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Runs SQL on the file through a connection of its own, as someone with the file would. */
  function byHand(sql: string, ...params: unknown[]): void {
    const db = new Database(file);
    db.prepare(sql).run(...params);
    db.close();
  }

  function swapContent(position1: number, position2: number): void {
    const db = new Database(file);
    const read = db.prepare<[number], { data: string; metadata: string }>('SELECT data, metadata FROM events WHERE position = ?');
    const write = db.prepare('UPDATE events SET data = ?, metadata = ? WHERE position = ?');
    const [one, two] = [read.get(position1)!, read.get(position2)!];
    write.run(two.data, two.metadata, position1);
    write.run(one.data, one.metadata, position2);
    db.close();
  }

  it('appends made together in one group commit, one of them refused, leave unbroken chains', async () => {
    // given: appends in one tick to the same streams (group commit: one transaction, a savepoint each)
    await store.appendToStream('a', [event('1.00')], { expectedRevision: 'no_stream' });
    const outcomes = await Promise.allSettled([
      store.appendToStream('a', [event('2.00'), event('3.00')], { expectedRevision: 0n }),
      store.appendToStream('a', [event('9.99')], { expectedRevision: 0n }),
      store.appendToStream('b', [event('4.00')], { expectedRevision: 'no_stream' }),
      store.appendToStream('a', [event('5.00')], { expectedRevision: 'any' }),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
    // when
    const report = await verifyChains(store);
    // then
    expect(report).toEqual({ ok: true, eventsChecked: 5, streams: 2, position: 5n, unchainedEvents: 0, breaks: 0 });
  });

  it('an idempotent retry of the same event ids stays a no-op and leaves the chain unbroken', async () => {
    const batch = [event('1.00'), event('2.00')];
    await store.appendToStream('a', batch, { expectedRevision: 'no_stream' });
    await store.appendToStream('a', batch, { expectedRevision: 'no_stream' });
    await store.appendToStream('a', [event('3.00')], { expectedRevision: 1n });
    expect(await verifyChains(store)).toMatchObject({ ok: true, eventsChecked: 3 });
  });

  it('reports the first break of a changed amount, a deleted event and a swapped pair, each edited into the file', async () => {
    // given: a 0..3 at positions 1, 3, 5, 7 and b 0..3 at 2, 4, 6, 8
    for (let r = 0; r < 4; r++) {
      await store.appendToStream('a', [event(`${r}.00`)], { expectedRevision: r === 0 ? 'no_stream' : BigInt(r - 1) });
      await store.appendToStream('b', [event(`${r}.50`)], { expectedRevision: r === 0 ? 'no_stream' : BigInt(r - 1) });
    }
    expect(await verifyChains(store)).toMatchObject({ ok: true, eventsChecked: 8, streams: 2 });

    // when: b-2's amount changed
    byHand(`UPDATE events SET data = json_set(data, '$.amount', '2.51') WHERE stream_id = 'b' AND revision = 2`);
    // then
    expect((await verifyChains(store)).firstBreak).toMatchObject({ streamId: 'b', revision: 2n, position: 6n, reason: 'hash-mismatch' });
    byHand(`UPDATE events SET data = json_set(data, '$.amount', '2.50') WHERE stream_id = 'b' AND revision = 2`);
    expect(await verifyChains(store)).toMatchObject({ ok: true });

    // when: a-0 and a-1 swap data and metadata (their stored hashes go with them)
    swapContent(1, 3);
    // then: the first of the two
    expect(await verifyChains(store)).toMatchObject({ ok: false, firstBreak: { streamId: 'a', revision: 0n, position: 1n, reason: 'hash-mismatch' } });
    swapContent(1, 3);
    expect(await verifyChains(store)).toMatchObject({ ok: true });

    // when: b-1 deleted
    byHand(`DELETE FROM events WHERE stream_id = 'b' AND revision = 1`);
    // then: b-2, at position 6, stands where b-1 should
    expect(await verifyChains(store)).toMatchObject({
      ok: false,
      breaks: 1,
      firstBreak: { streamId: 'b', revision: 1n, position: 6n, reason: 'missing-revision' },
    });
  });

  it('events stored before the chain existed are counted as unchained; the chain starts over after them, and an unchained event after it is a break', async () => {
    // given: two events of stream a written by an older version (no hash)
    await store.appendToStream('seed', [event('0.00')], { expectedRevision: 'no_stream' });
    byHand(
      `INSERT INTO events (event_id, stream_id, revision, type, data, metadata, recorded_at) VALUES ('old-1', 'a', 0, 'AmountSet', '{"amount":"1.00"}', '{"actor":"old"}', '2025-01-01T00:00:00.000Z')`,
    );
    byHand(
      `INSERT INTO events (event_id, stream_id, revision, type, data, metadata, recorded_at) VALUES ('old-2', 'a', 1, 'AmountSet', '{"amount":"2.00"}', '{"actor":"old"}', '2025-01-01T00:00:00.000Z')`,
    );
    // when: the store appends after them
    await store.appendToStream('a', [event('3.00')], { expectedRevision: 1n });
    // then
    expect(await verifyChains(store)).toEqual({ ok: true, eventsChecked: 4, streams: 2, position: 4n, unchainedEvents: 2, breaks: 0 });
    // and an unchained event written after the chained one is a break
    byHand(
      `INSERT INTO events (event_id, stream_id, revision, type, data, metadata, recorded_at) VALUES ('old-3', 'a', 3, 'AmountSet', '{"amount":"4.00"}', '{"actor":"old"}', '2025-01-01T00:00:00.000Z')`,
    );
    expect((await verifyChains(store)).firstBreak).toMatchObject({ streamId: 'a', revision: 3n, position: 5n, reason: 'unchained-after-chained' });
  });

  it('stops at the position asked for, and tells its progress', async () => {
    for (let i = 0; i < 25; i++) await store.appendToStream(`s-${i % 3}`, [event(`${i}.00`)], { expectedRevision: 'any' });
    const progress: ChainWalkProgress[] = [];
    const walk = await walkChains(store, { toPosition: 20n, progressEvery: 10, onProgress: (p) => progress.push(p) });
    expect(walk.report).toMatchObject({ ok: true, eventsChecked: 20, streams: 3, position: 20n });
    expect(progress.map((p) => [p.eventsChecked, p.position, p.toPosition])).toEqual([
      [10, 10n, 20n],
      [20, 20n, 20n],
      [20, 20n, 20n],
    ]);
    expect(walk.heads().map((h) => [h.streamId, h.revision])).toEqual([
      ['s-0', 6n],
      ['s-1', 6n],
      ['s-2', 5n],
    ]);
  });

  it('answers an empty store as ok with nothing checked', async () => {
    expect(await verifyChains(store)).toEqual({ ok: true, eventsChecked: 0, streams: 0, position: 0n, unchainedEvents: 0, breaks: 0 });
  });
});
