import { RuleViolation, type Decider, type DomainEvent } from '@billing/domain';
import { SqliteEventStore } from '@billing/event-store';
import { MAX_CACHED_EVENTS, MAX_CACHED_STREAMS, StreamDecisions } from './stream-decisions';

/** A tiny budget: each `Spend` takes one unit while any is left. */
type Spent = DomainEvent<'Spent', { by: string }>;
interface Spend {
  type: 'Spend';
  by: string;
}
const budget: Decider<Spend, Spent, { left: number; by: string[] }> = {
  initialState: () => ({ left: 10, by: [] }),
  decide: (command, state) => {
    if (state.left === 0) throw new RuleViolation('budget-spent', 'nothing left');
    return [{ type: 'Spent', data: { by: command.by } }];
  },
  evolve: (state, event) => ({ left: state.left - 1, by: [...state.by, event.data.by] }),
};

const meta = { actor: 't', actorRole: 'finance', correlationId: 'c', causationId: 'k', occurredAt: '2026-11-20T00:00:00.000Z' };

describe('StreamDecisions', () => {
  it('two instances (as two processes would) deciding at once on one stream never overspend: conflicts are decided again', async () => {
    // given: one store, two writers that share no lock and no cache
    const store = new SqliteEventStore({ filename: ':memory:' });
    const a = new StreamDecisions(store);
    const b = new StreamDecisions(store);
    let conflicts = 0;
    const append = store.appendToStream.bind(store);
    store.appendToStream = async (...args) => {
      // let the other writer run between reading and appending, as a second process would
      await new Promise((r) => setImmediate(r));
      try {
        return await append(...args);
      } catch (error) {
        conflicts++;
        throw error;
      }
    };
    // when: 14 spends of a budget of 10, split between the writers, all at once
    const results = await Promise.allSettled(
      Array.from({ length: 14 }, (_, i) => (i % 2 ? a : b).decide('budget-1', budget, { type: 'Spend', by: `w${i}` }, meta, { cache: i % 4 < 2 })),
    );
    // then: exactly 10 succeed, 4 are refused by the rule, and the stream holds 10 events
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(10);
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(refused.map((r) => (r.reason as RuleViolation).rule)).toEqual(['budget-spent', 'budget-spent', 'budget-spent', 'budget-spent']);
    expect((await a.load('budget-1', budget)).state.left).toBe(0);
    expect(conflicts).toBeGreaterThan(0);
    await store.close();
  });

  it('a cached stream picks up events another writer appended', async () => {
    const store = new SqliteEventStore({ filename: ':memory:' });
    const a = new StreamDecisions(store);
    const b = new StreamDecisions(store);
    await a.decide('budget-2', budget, { type: 'Spend', by: 'a1' }, meta, { cache: true });
    await b.decide('budget-2', budget, { type: 'Spend', by: 'b1' }, meta, { cache: true });
    const { state } = await a.decide('budget-2', budget, { type: 'Spend', by: 'a2' }, meta, { cache: true });
    expect(state).toEqual({ left: 7, by: ['a1', 'b1', 'a2'] });
    await store.close();
  });
});

describe('StreamDecisions cache', () => {
  it('a read that fails halfway leaves no half-folded state behind', async () => {
    // given: a cached stream, then two events from another writer
    const store = new SqliteEventStore({ filename: ':memory:' });
    const a = new StreamDecisions(store);
    const b = new StreamDecisions(store);
    const counter: Decider<Spend, Spent, { n: number }> = {
      initialState: () => ({ n: 0 }),
      decide: (command) => [{ type: 'Spent', data: { by: command.by } }],
      evolve: (state) => {
        state.n += 1; // in place, as the ledger does
        return state;
      },
    };
    await a.decide('count-1', counter, { type: 'Spend', by: 'a' }, meta, { cache: true });
    await b.decide('count-1', counter, { type: 'Spend', by: 'b1' }, meta);
    await b.decide('count-1', counter, { type: 'Spend', by: 'b2' }, meta);
    // when: a's next read dies after one event
    const readStream = store.readStream.bind(store);
    store.readStream = (stream, options) =>
      (async function* () {
        let seen = 0;
        for await (const e of readStream(stream, options)) {
          if (++seen === 2) throw new Error('connection reset');
          yield e;
        }
      })();
    await expect(a.decide('count-1', counter, { type: 'Spend', by: 'a2' }, meta, { cache: true })).rejects.toThrow('connection reset');
    store.readStream = readStream;
    // then: the next decision counts every event once
    const { state } = await a.decide('count-1', counter, { type: 'Spend', by: 'a3' }, meta, { cache: true });
    expect(state.n).toBe(4);
    await store.close();
  });

  it('keeps at most MAX_CACHED_STREAMS streams, dropping the least recently used, which is folded again from the start', async () => {
    // given: one more cached stream than the bound, used in the order s-1 … s-1000, s-0: s-1 is dropped
    const store = new SqliteEventStore({ filename: ':memory:' });
    const decisions = new StreamDecisions(store);
    for (let i = 1; i <= MAX_CACHED_STREAMS; i++) await decisions.decide(`s-${i}`, budget, { type: 'Spend', by: 'x' }, meta, { cache: true });
    await decisions.decide('s-0', budget, { type: 'Spend', by: 'x' }, meta, { cache: true });
    // when: s-1 is decided on again (taking s-2's place, now the least recently used), then s-3
    const reads: [string, unknown][] = [];
    const readStream = store.readStream.bind(store);
    store.readStream = (stream, options) => (reads.push([stream, options?.fromRevision]), readStream(stream, options));
    await decisions.decide('s-1', budget, { type: 'Spend', by: 'y' }, meta, { cache: true });
    await decisions.decide('s-3', budget, { type: 'Spend', by: 'y' }, meta, { cache: true });
    // then: s-1 is folded from its first event, s-3 (kept) only from after the one it had
    expect(reads).toEqual([
      ['s-1', 0n],
      ['s-3', 1n],
    ]);
    await store.close();
  });

  it('keeps at most MAX_CACHED_EVENTS events in all, dropping the least recently used streams; a stream longer than that alone is still kept', async () => {
    // given: three streams holding most of the bound each, written straight to the store
    const store = new SqliteEventStore({ filename: ':memory:' });
    const counting: Decider<Spend, Spent, { n: number }> = {
      initialState: () => ({ n: 0 }),
      decide: (command) => [{ type: 'Spent', data: { by: command.by } }],
      evolve: (state) => ({ n: state.n + 1 }),
    };
    const fill = (stream: string, events: number) =>
      store.appendToStream(
        stream,
        Array.from({ length: events }, (_, i) => ({ id: `${stream}-${i}`, type: 'Spent', data: { by: 'x' }, metadata: {} })),
        { expectedRevision: 'no_stream' },
      );
    const share = Math.floor(MAX_CACHED_EVENTS * 0.4);
    await fill('long-1', share);
    await fill('long-2', share);
    await fill('long-3', share);
    await fill('longest', MAX_CACHED_EVENTS + 1);
    const decisions = new StreamDecisions(store);
    const reads: [string, unknown][] = [];
    const readStream = store.readStream.bind(store);
    store.readStream = (stream, options) => (reads.push([stream, options?.fromRevision]), readStream(stream, options));
    const spend = (stream: string) => decisions.decide(stream, counting, { type: 'Spend', by: 'y' }, meta, { cache: true });
    // when: long-1 and long-2 are cached (80% of the bound), then long-3 (120%: long-1 goes), then each again
    await spend('long-1');
    await spend('long-2');
    await spend('long-3');
    reads.length = 0;
    await spend('long-1'); // folded again from the start, and long-2 goes
    await spend('long-3'); // kept: only what follows
    // and: the longest stream alone, twice
    await spend('longest');
    await spend('longest');
    // then
    expect(reads).toEqual([
      ['long-1', 0n],
      ['long-3', BigInt(share + 1)],
      ['longest', 0n],
      ['longest', BigInt(MAX_CACHED_EVENTS + 2)],
    ]);
    expect((await spend('longest')).state.n).toBe(MAX_CACHED_EVENTS + 4);
    await store.close();
  });

  it('a shared load folds only the events since the last one, sees every new one, and cannot be changed', async () => {
    // given: two spends, read once
    const store = new SqliteEventStore({ filename: ':memory:' });
    const reader = new StreamDecisions(store);
    const writer = new StreamDecisions(store);
    await writer.decide('budget-3', budget, { type: 'Spend', by: 'w1' }, meta);
    await writer.decide('budget-3', budget, { type: 'Spend', by: 'w2' }, meta);
    const folded: string[] = [];
    const counting = { ...budget, evolve: (state: { left: number; by: string[] }, event: Spent) => (folded.push(event.data.by), budget.evolve(state, event)) };
    const first = await reader.loadShared('budget-3', counting);
    expect(first.state).toEqual({ left: 8, by: ['w1', 'w2'] });
    // when: another writer spends, and the stream is read again
    await writer.decide('budget-3', budget, { type: 'Spend', by: 'w3' }, meta);
    const second = await reader.loadShared('budget-3', counting);
    // then: the new event is there, and only it was folded the second time
    expect(second.state).toEqual({ left: 7, by: ['w1', 'w2', 'w3'] });
    expect(folded).toEqual(['w1', 'w2', 'w3']);
    // and a read with nothing new answers the same state, which no caller can change
    expect((await reader.loadShared('budget-3', counting)).state).toBe(second.state);
    expect(() => (second.state as { by: string[] }).by.push('sneaky')).toThrow(TypeError);
    await store.close();
  });
});
