import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventStoreContract } from '../testing/event-store.contract';
import { SqliteEventStore } from './sqlite-event-store';

eventStoreContract('sqlite (file, WAL)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ledger-contract-'));
  return {
    open: async () => new SqliteEventStore({ filename: join(dir, 'events.sqlite'), pollIntervalMs: 20 }),
    dispose: async () => rmSync(dir, { recursive: true, force: true }),
  };
});

describe('sqlite group commit', () => {
  it('appends that arrive together commit together, and one refused append undoes only itself', async () => {
    const store = new SqliteEventStore({ filename: ':memory:' });
    const event = (type: string) => ({ id: `${type}-${Math.random()}`, type, data: {}, metadata: {} });
    await store.appendToStream('taken', [event('First')], { expectedRevision: 'no_stream' });
    // given: three appends in the same tick, the middle one with a wrong expected revision
    const outcomes = await Promise.allSettled([
      store.appendToStream('a', [event('A1'), event('A2')], { expectedRevision: 'no_stream' }),
      store.appendToStream('taken', [event('Second')], { expectedRevision: 'no_stream' }),
      store.appendToStream('b', [event('B1')], { expectedRevision: 'no_stream' }),
    ]);
    // then
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    const types: string[] = [];
    for await (const e of store.readAll()) types.push(e.type);
    expect(types).toEqual(['First', 'A1', 'A2', 'B1']);
    await store.close();
  });

  it('appends accepted before close are committed by the close', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ledger-close-'));
    try {
      const store = new SqliteEventStore({ filename: join(dir, 'e.sqlite') });
      const pending = store.appendToStream('s', [{ id: 'e1', type: 'T', data: {}, metadata: {} }], { expectedRevision: 'no_stream' });
      await store.close();
      await expect(pending).resolves.toMatchObject({ nextExpectedRevision: 0n });
      const reopened = new SqliteEventStore({ filename: join(dir, 'e.sqlite') });
      expect(await reopened.headPosition()).toBe(1n);
      await reopened.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
