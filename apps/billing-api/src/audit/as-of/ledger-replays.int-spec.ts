import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { currentSchemaVersion, type BillingItemData, type DomainEvent, type LedgerEvent } from '@billing/domain';
import { postedItem } from '@billing/domain/testing/fixtures';
import { SqliteEventStore, type EventStore } from '@billing/event-store';
import { invoiceGenerated, invoiceIssued, invoiceVoided } from '@billing/projections/testing/invoice-fixtures';
import { parseAsOf, type AsOf } from './as-of';
import { emptyLedgerFold, foldLedgerEvent, type LedgerFold } from './ledger-fold';
import { LedgerReplays } from './ledger-replays';
import { LedgerSnapshots, MAX_SNAPSHOTS_PER_LEDGER } from './ledger-snapshots';

const charge = (n: number): BillingItemData => postedItem({ billingItemId: `bi-ch-${n}-1`, sourceItemId: `ch-${n}`, amount: `${n}.00` });

/** 21 events, 19 of them on ledger-acme (revisions 0 to 18): charges posted, two invoiced, issued, voided and unposted, more charges; two roles between them. */
function history(): { streamId: string; event: DomainEvent }[] {
  const ledger = (event: LedgerEvent) => ({ streamId: 'ledger-acme', event });
  const events: { streamId: string; event: DomainEvent }[] = [];
  for (let n = 1; n <= 8; n++) {
    events.push(ledger({ type: 'ItemPosted', data: charge(n) }));
    if (n % 3 === 0)
      events.push({
        streamId: `role-r${n}`,
        event: { type: 'RoleCreated', data: { roleId: `r${n}`, name: 'R', hourlyRate: '1', hourlyCost: '0', blockHourMultiplier: '1' } },
      });
  }
  events.push(ledger(invoiceGenerated('inv-1', [charge(1), charge(2)])), ledger(invoiceIssued('inv-1', 1)));
  events.push(ledger(invoiceVoided('inv-1', 1, ['bi-ch-1-1', 'bi-ch-2-1'], true)));
  events.push(
    ledger({ type: 'ItemUnposted', data: { sourceItemId: 'ch-1', sourceType: 'CHARGE', billingItemIds: ['bi-ch-1-1'], returned: [], reason: 'void' } }),
    ledger({ type: 'ItemUnposted', data: { sourceItemId: 'ch-2', sourceType: 'CHARGE', billingItemIds: ['bi-ch-2-1'], returned: [], reason: 'void' } }),
  );
  for (let n = 9; n <= 14; n++) events.push(ledger({ type: 'ItemPosted', data: charge(n) }));
  return events;
}

async function appendAll(store: EventStore, events: { streamId: string; event: DomainEvent }[]): Promise<void> {
  for (const { streamId, event } of events) {
    await store.appendToStream(
      streamId,
      [{ id: randomUUID(), type: event.type, data: event.data, metadata: { actor: 'a', schemaVersion: currentSchemaVersion(event.type) } }],
      { expectedRevision: 'any' },
    );
  }
}

/** The ledger folded from its first event with the events the store had at `asOf`: what every replay must equal. */
async function foldFromZero(store: EventStore, asOf: AsOf & { kind: 'position' }): Promise<LedgerFold> {
  const fold = emptyLedgerFold();
  for await (const event of store.readStream('ledger-acme')) if (event.position <= asOf.position) foldLedgerEvent(fold, event);
  return fold;
}

const view = (fold: LedgerFold) => ({
  position: fold.position,
  revision: fold.revision,
  items: [...fold.state.items].map(([id, item]) => [id, item.status, item.invoiceId]),
  drawn: [...fold.state.drawn].map(([id, q]) => [id, q.toString()]),
  invoices: [...fold.state.invoices].map(([id, invoice]) => [id, invoice.status, invoice.number]),
  postedBySource: [...fold.state.postedBySource],
  folded: fold.state.folded,
  itemFacts: [...fold.items],
});

describe('replaying a ledger as of a point (bounded, from snapshots)', () => {
  let store: SqliteEventStore;
  let snapshots: LedgerSnapshots;

  beforeEach(async () => {
    store = new SqliteEventStore({ filename: ':memory:' });
    snapshots = new LedgerSnapshots(':memory:');
    await appendAll(store, history());
  });
  afterEach(async () => {
    snapshots.close();
    await store.close();
  });

  it('at every position, asked from the last to the first and back, equals the fold from the first event', async () => {
    // given: a snapshot left by every replay of 4 events or more
    const replays = new LedgerReplays(store, snapshots, 4);
    const head = await store.headPosition();
    const positions = [...Array(Number(head) + 1).keys()].map(BigInt);
    // when / then
    for (const position of [...positions].reverse().concat(positions)) {
      const asOf = { kind: 'position', position } as const;
      expect({ position, fold: view(await replays.asOf('acme', asOf)) }).toEqual({ position, fold: view(await foldFromZero(store, asOf)) });
    }
    // and the replays did leave snapshots to start from
    expect(snapshots.revisionsOf('ledger-acme').length).toBeGreaterThanOrEqual(3);
  });

  it('a replay starts from the latest snapshot before the point and reads only the events after it', async () => {
    // given: a snapshot at the ledger's last event
    const replays = new LedgerReplays(store, snapshots, 4);
    const head = await store.headPosition();
    await replays.asOf('acme', { kind: 'position', position: head });
    const [taken] = snapshots.revisionsOf('ledger-acme');
    expect(taken).toBe(18n);
    // when: asked again, with the store's reads counted
    const read = jest.spyOn(store, 'readStream');
    const fold = await replays.asOf('acme', { kind: 'position', position: head });
    // then: one read to check the snapshot's last event, one for what follows it (nothing)
    expect(read.mock.calls.map(([, options]) => options?.fromRevision)).toEqual([18n, 19n]);
    expect(view(fold)).toEqual(view(await foldFromZero(store, { kind: 'position', position: head })));
  });

  it('keeps at most 8 snapshots of a ledger, spread over it', async () => {
    // given: every replay of one event or more leaves a snapshot
    const replays = new LedgerReplays(store, snapshots, 1);
    // when: asked at every position from the first to the last
    for (let position = 1n; position <= (await store.headPosition()); position++) await replays.asOf('acme', { kind: 'position', position });
    // then: 8 kept, the first and the last among them, none two revisions apart while wider gaps remain
    const kept = snapshots.revisionsOf('ledger-acme');
    expect(kept).toHaveLength(MAX_SNAPSHOTS_PER_LEDGER);
    expect(kept[0]).toBe(0n);
    expect(kept[kept.length - 1]).toBe(18n);
    const gaps = kept.slice(1).map((r, i) => r - kept[i]);
    expect(gaps.every((gap) => gap >= 2n)).toBe(true);
  });

  it('a snapshot whose last event is not in the store where it was (another store, the same ledger name) is dropped, and the ledger replayed', async () => {
    // given: snapshots of this store's ledger-acme
    await new LedgerReplays(store, snapshots, 4).asOf('acme', { kind: 'position', position: await store.headPosition() });
    expect(snapshots.revisionsOf('ledger-acme')).not.toEqual([]);
    // when: another store, whose ledger-acme holds other events, is replayed with the same snapshots
    const other = new SqliteEventStore({ filename: ':memory:' });
    await appendAll(
      other,
      Array.from({ length: 30 }, (_, i) => ({ streamId: 'ledger-acme', event: { type: 'ItemPosted', data: charge(100 + i) } as DomainEvent })),
    );
    const fold = await new LedgerReplays(other, snapshots, 1000).asOf('acme', { kind: 'position', position: await other.headPosition() });
    // then
    expect([...fold.state.items.keys()]).toEqual(Array.from({ length: 30 }, (_, i) => `bi-ch-${100 + i}-1`));
    expect(snapshots.revisionsOf('ledger-acme')).toEqual([]);
    await other.close();
  });
});

describe('snapshotting a ledger ahead, outside any request', () => {
  let store: SqliteEventStore;
  let snapshots: LedgerSnapshots;

  beforeEach(async () => {
    store = new SqliteEventStore({ filename: ':memory:' });
    snapshots = new LedgerSnapshots(':memory:');
    await appendAll(store, history());
  });
  afterEach(async () => {
    snapshots.close();
    await store.close();
  });

  it('leaves a snapshot every N revisions to the head, so that a query at any point then reads fewer than N events', async () => {
    // given: the 19-event ledger (revisions 0 to 18), snapshots every 4 revisions
    const replays = new LedgerReplays(store, snapshots, 4);
    expect(await replays.eventsSinceSnapshot('acme')).toBe(19n);
    // when
    const saved = await replays.snapshotAhead('acme');
    // then: at revisions 3, 7, 11 and 15 (the 4th, 8th, 12th and 16th events); 3 events left after the last
    expect(saved).toBe(4);
    expect(snapshots.revisionsOf('ledger-acme')).toEqual([3n, 7n, 11n, 15n]);
    expect(await replays.eventsSinceSnapshot('acme')).toBe(3n);
    // and: a query at each position reads fewer than 4 events after its snapshot, and equals the fold from zero
    const head = await store.headPosition();
    for (let position = 1n; position <= head; position++) {
      const asOf = { kind: 'position', position } as const;
      let read = 0;
      const readStream = store.readStream.bind(store);
      const spy = jest.spyOn(store, 'readStream').mockImplementation((stream, options) => {
        const events = readStream(stream, options);
        return (async function* () {
          for await (const event of events) {
            read += 1;
            yield event;
          }
        })();
      });
      const fold = await new LedgerReplays(store, snapshots, 1000).asOf('acme', asOf);
      spy.mockRestore();
      expect({ position, fold: view(fold) }).toEqual({ position, fold: view(await foldFromZero(store, asOf)) });
      // one event read to check the snapshot, then at most 3 before the position is passed, and one past it
      expect({ position, read: read <= 5 }).toEqual({ position, read: true });
    }
  });

  it('goes on from the latest snapshot when the ledger has grown', async () => {
    // given: snapshots to revision 15, then 6 more events (revisions 19 to 24)
    const replays = new LedgerReplays(store, snapshots, 4);
    await replays.snapshotAhead('acme');
    await appendAll(
      store,
      Array.from({ length: 6 }, (_, i) => ({ streamId: 'ledger-acme', event: { type: 'ItemPosted', data: charge(200 + i) } as DomainEvent })),
    );
    const read = jest.spyOn(store, 'readStream');
    // when
    const saved = await replays.snapshotAhead('acme');
    // then: read from revision 15 (its check) and 16 on, not from the start; new snapshots at 19 and 23
    expect(read.mock.calls.map(([, options]) => options?.fromRevision)).toEqual([15n, 16n]);
    expect(saved).toBe(2);
    expect(snapshots.revisionsOf('ledger-acme')).toEqual([3n, 7n, 11n, 15n, 19n, 23n]);
  });
});

describe('replaying a ledger as of a day', () => {
  let dir: string;
  let store: SqliteEventStore;
  let snapshots: LedgerSnapshots;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ledger-as-of-'));
    store = new SqliteEventStore({ filename: join(dir, 'ledger.sqlite') });
    snapshots = new LedgerSnapshots(':memory:');
    await appendAll(store, history());
    // The store stamps events with the wall clock: the spec moves them to days it chooses, through
    // its own connection to its own file. Events 1-10 were recorded on 30 October, 11-17 on
    // 31 October, the rest on 2 November.
    const raw = new Database(join(dir, 'ledger.sqlite'));
    raw.prepare("UPDATE events SET recorded_at = '2026-10-30T10:00:00.000Z' WHERE position <= 10").run();
    raw.prepare("UPDATE events SET recorded_at = '2026-10-31T23:59:59.999Z' WHERE position > 10 AND position <= 17").run();
    raw.prepare("UPDATE events SET recorded_at = '2026-11-02T00:00:00.000Z' WHERE position > 17").run();
    raw.close();
  });
  afterEach(async () => {
    snapshots.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it.each([
    ['2026-10-29', 0n],
    ['2026-10-30', 10n],
    ['2026-10-31', 17n],
    ['2026-11-01', 17n],
    ['2026-11-02', 21n],
  ])('as of %s: every event recorded by the end of that day, UTC (up to position %s)', async (day, position) => {
    // given: a snapshot taken before (from a replay to the end)
    const replays = new LedgerReplays(store, snapshots, 4);
    await replays.asOf('acme', { kind: 'position', position: await store.headPosition() });
    await replays.asOf('acme', { kind: 'position', position: 8n });
    // when
    const fold = await replays.asOf('acme', parseAsOf(day) as AsOf);
    // then
    expect(view(fold)).toEqual(view(await foldFromZero(store, { kind: 'position', position })));
  });
});
