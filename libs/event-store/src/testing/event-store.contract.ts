import { randomUUID } from 'node:crypto';
import type { EventData, EventStore, RecordedEvent, Subscription } from '../event-store.port';
import { WrongExpectedVersion } from '../errors/wrong-expected-version.error';
import { eventHash, GENESIS_HASH } from '../hash-chain/hash-chain';

/**
 * The behaviour every EventStore adapter must have. Each test works in streams of its own
 * (a random prefix), so the suite also runs against a shared EventStoreDB server, whose `$all`
 * holds other events too.
 */
export interface ContractHarness {
  /** A store over the same data as every other store this harness opens (a "restart"). */
  open(): Promise<EventStore>;
  /** Releases everything the harness made. */
  dispose(): Promise<void>;
}

export function eventStoreContract(adapter: string, createHarness: () => Promise<ContractHarness>): void {
  describe(`EventStore contract: ${adapter}`, () => {
    let harness: ContractHarness;
    let store: EventStore;
    let prefix: string;

    beforeAll(async () => {
      harness = await createHarness();
    });
    afterAll(async () => {
      await harness?.dispose();
    });
    beforeEach(async () => {
      store = await harness.open();
      prefix = `t${randomUUID().replace(/-/g, '').slice(0, 12)}`;
    });
    afterEach(async () => {
      await store.close();
    });

    const stream = (name: string) => `${prefix}_${name}`;
    const event = (type = 'Happened', data: unknown = { n: 1 }): EventData => ({
      id: randomUUID(),
      type,
      data,
      metadata: { actor: 'test', correlationId: 'c1' },
    });

    async function all<T>(iterable: AsyncIterable<T>): Promise<T[]> {
      const out: T[] = [];
      for await (const item of iterable) out.push(item);
      return out;
    }

    /** Takes `count` events without ending the subscription (a `for await … break` would end it). */
    async function take(subscription: Subscription, count: number): Promise<RecordedEvent[]> {
      const iterator = subscription[Symbol.asyncIterator]();
      const out: RecordedEvent[] = [];
      while (out.length < count) {
        const next = await iterator.next();
        if (next.done) throw new Error(`subscription ended after ${out.length} of ${count} events`);
        out.push(next.value);
      }
      return out;
    }

    const ours = (events: RecordedEvent[]) => events.filter((e) => e.streamId.startsWith(prefix));

    describe('expected revision', () => {
      it('no_stream: accepted for a new stream, refused for an existing one', async () => {
        // given / when
        const first = await store.appendToStream(stream('a'), [event()], { expectedRevision: 'no_stream' });
        // then
        expect(first.nextExpectedRevision).toBe(0n);
        await expect(store.appendToStream(stream('a'), [event()], { expectedRevision: 'no_stream' })).rejects.toBeInstanceOf(WrongExpectedVersion);
        expect(await all(store.readStream(stream('a')))).toHaveLength(1);
      });

      it('stream_exists: refused for a missing stream, accepted for an existing one', async () => {
        const refusal = store.appendToStream(stream('b'), [event()], { expectedRevision: 'stream_exists' });
        await expect(refusal).rejects.toBeInstanceOf(WrongExpectedVersion);
        expect(await all(store.readStream(stream('b')))).toHaveLength(0);

        await store.appendToStream(stream('b'), [event()], { expectedRevision: 'no_stream' });
        const second = await store.appendToStream(stream('b'), [event()], { expectedRevision: 'stream_exists' });
        expect(second.nextExpectedRevision).toBe(1n);
      });

      it('any: accepted whatever the stream holds', async () => {
        await store.appendToStream(stream('c'), [event()], { expectedRevision: 'any' });
        const second = await store.appendToStream(stream('c'), [event(), event()], { expectedRevision: 'any' });
        expect(second.nextExpectedRevision).toBe(2n);
      });

      it('an exact revision: accepted when it is the last revision, refused otherwise with the actual one', async () => {
        await store.appendToStream(stream('d'), [event(), event()], { expectedRevision: 'no_stream' });
        const ok = await store.appendToStream(stream('d'), [event()], { expectedRevision: 1n });
        expect(ok.nextExpectedRevision).toBe(2n);

        const error = await store.appendToStream(stream('d'), [event()], { expectedRevision: 1n }).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(WrongExpectedVersion);
        expect((error as WrongExpectedVersion).actual).toBe(2n);
        expect((error as WrongExpectedVersion).streamId).toBe(stream('d'));
      });

      it('an exact revision on a missing stream is refused', async () => {
        await expect(store.appendToStream(stream('e'), [event()], { expectedRevision: 0n })).rejects.toBeInstanceOf(WrongExpectedVersion);
      });
    });

    it('a conflict leaves the stream exactly as before, and the next correct append succeeds', async () => {
      // given
      await store.appendToStream(stream('f'), [event('A'), event('B')], { expectedRevision: 'no_stream' });
      const before = await all(store.readStream(stream('f')));
      // when
      await expect(store.appendToStream(stream('f'), [event('X'), event('Y'), event('Z')], { expectedRevision: 0n })).rejects.toBeInstanceOf(
        WrongExpectedVersion,
      );
      // then
      expect(await all(store.readStream(stream('f')))).toEqual(before);
      await store.appendToStream(stream('f'), [event('C')], { expectedRevision: 1n });
      expect((await all(store.readStream(stream('f')))).map((e) => e.type)).toEqual(['A', 'B', 'C']);
    });

    it('the same append retried after a lost reply is a no-op that answers as the first did', async () => {
      // given: an append whose reply was "lost"
      await store.appendToStream(stream('g'), [event('First')], { expectedRevision: 'no_stream' });
      const batch = [event('A'), event('B')];
      const first = await store.appendToStream(stream('g'), batch, { expectedRevision: 0n });
      // when: the client retries it
      const retry = await store.appendToStream(stream('g'), batch, { expectedRevision: 0n });
      // then
      expect(retry.nextExpectedRevision).toBe(first.nextExpectedRevision);
      const events = await all(store.readStream(stream('g')));
      expect(events.map((e) => e.type)).toEqual(['First', 'A', 'B']);
      expect(events.map((e) => e.id).slice(1)).toEqual(batch.map((e) => e.id));
    });

    it('a retried no_stream append is a no-op too', async () => {
      const batch = [event('A')];
      await store.appendToStream(stream('h'), batch, { expectedRevision: 'no_stream' });
      await store.appendToStream(stream('h'), batch, { expectedRevision: 'no_stream' });
      expect(await all(store.readStream(stream('h')))).toHaveLength(1);
    });

    it('20 concurrent appends at the same expected revision: exactly one wins', async () => {
      // given
      await store.appendToStream(stream('race'), [event()], { expectedRevision: 'no_stream' });
      // when
      const attempts = await Promise.allSettled(
        Array.from({ length: 20 }, (_, i) => store.appendToStream(stream('race'), [event('Try', { i })], { expectedRevision: 0n })),
      );
      // then
      const won = attempts.filter((a) => a.status === 'fulfilled');
      const lost = attempts.filter((a): a is PromiseRejectedResult => a.status === 'rejected');
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(19);
      for (const l of lost) expect(l.reason).toBeInstanceOf(WrongExpectedVersion);
      expect(await all(store.readStream(stream('race')))).toHaveLength(2);
    });

    it('reads one stream forwards and backwards, from a revision, up to a count', async () => {
      await store.appendToStream(
        stream('r'),
        [0, 1, 2, 3, 4].map((n) => event('N', { n })),
        { expectedRevision: 'no_stream' },
      );
      const ns = (events: RecordedEvent[]) => events.map((e) => (e.data as { n: number }).n);
      expect(ns(await all(store.readStream(stream('r'))))).toEqual([0, 1, 2, 3, 4]);
      expect(ns(await all(store.readStream(stream('r'), { fromRevision: 2n })))).toEqual([2, 3, 4]);
      expect(ns(await all(store.readStream(stream('r'), { direction: 'backwards' })))).toEqual([4, 3, 2, 1, 0]);
      expect(ns(await all(store.readStream(stream('r'), { direction: 'backwards', fromRevision: 'end', maxCount: 2 })))).toEqual([4, 3]);
      expect(ns(await all(store.readStream(stream('r'), { direction: 'backwards', fromRevision: 1n })))).toEqual([1, 0]);
      expect(ns(await all(store.readStream(stream('r'), { maxCount: 3 })))).toEqual([0, 1, 2]);
      const revisions = (await all(store.readStream(stream('r')))).map((e) => e.revision);
      expect(revisions).toEqual([0n, 1n, 2n, 3n, 4n]);
    });

    it('reading a stream that does not exist yields nothing', async () => {
      expect(await all(store.readStream(stream('nothing-here')))).toEqual([]);
      expect(await all(store.readStream(stream('nothing-here'), { direction: 'backwards' }))).toEqual([]);
    });

    it('keeps every field of an event: id, type, data, metadata, stream, revision, position, recordedAt', async () => {
      const e: EventData = {
        id: randomUUID(),
        type: 'Typed',
        data: { amount: '213.75', nested: { list: [1, 'two', null, true] } },
        metadata: { actor: 'key-1', actorRole: 'finance', correlationId: 'c', causationId: 'k', occurredAt: '2026-11-20T10:00:00.000Z' },
      };
      const result = await store.appendToStream(stream('fields'), [e], { expectedRevision: 'no_stream' });
      const [read] = await all(store.readStream(stream('fields')));
      expect(read).toMatchObject({ id: e.id, type: 'Typed', data: e.data, metadata: e.metadata, streamId: stream('fields'), revision: 0n });
      expect(read.position).toBe(result.position);
      expect(Number.isNaN(Date.parse(read.recordedAt))).toBe(false);
    });

    it('readAll orders events across 1,000 streams by global position, in the order they were appended', async () => {
      // given: three rounds over 1,000 streams, so every stream's events are interleaved with others'
      const appended: string[] = [];
      for (let round = 0; round < 3; round++) {
        for (let s = 0; s < 1000; s++) {
          const e = event('Round', { round, s });
          appended.push(e.id);
          await store.appendToStream(stream(`many-${s}`), [e], { expectedRevision: round === 0 ? 'no_stream' : BigInt(round - 1) });
        }
      }
      // when
      const read = ours(await all(store.readAll()));
      // then
      expect(read.map((e) => e.id)).toEqual(appended);
      for (let i = 1; i < read.length; i++) expect(read[i].position > read[i - 1].position).toBe(true);
      const head = await store.headPosition();
      expect(head >= read[read.length - 1].position).toBe(true);
      const [last] = await all(store.readAll({ direction: 'backwards', maxCount: 1 }));
      expect(last.position).toBe(head);
    });

    it('readAll resumes strictly after a position and honours maxCount', async () => {
      await store.appendToStream(
        stream('p'),
        [1, 2, 3, 4].map((n) => event('N', { n })),
        { expectedRevision: 'no_stream' },
      );
      const mine = ours(await all(store.readAll()));
      const after = ours(await all(store.readAll({ fromPosition: mine[1].position, maxCount: 2 })));
      expect(after.map((e) => e.id)).toEqual([mine[2].id, mine[3].id]);
    });

    it('a subscription from a position, resumed after a restart, sees every event exactly once', async () => {
      // given: 30 events before subscribing
      const filter = { streamPrefixes: [prefix] };
      for (let i = 0; i < 30; i++) await store.appendToStream(stream(`sub-${i % 3}`), [event('N', { i })], { expectedRevision: 'any' });
      const seen: RecordedEvent[] = [];
      const first = store.subscribeToAll({ filter });
      seen.push(...(await take(first, 30)));
      // caught up: more events arrive while it is live
      const live = take(first, 10);
      for (let i = 30; i < 40; i++) await store.appendToStream(stream(`sub-${i % 3}`), [event('N', { i })], { expectedRevision: 'any' });
      seen.push(...(await live));
      await first.close();
      const checkpoint = seen[seen.length - 1].position;

      // when: the process restarts while events keep coming, and resumes from its checkpoint
      await store.close();
      store = await harness.open();
      for (let i = 40; i < 50; i++) await store.appendToStream(stream(`sub-${i % 3}`), [event('N', { i })], { expectedRevision: 'any' });
      const resumed = store.subscribeToAll({ fromPosition: checkpoint, filter });
      seen.push(...(await take(resumed, 10)));
      await resumed.close();

      // then
      expect(seen.map((e) => (e.data as { i: number }).i)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    });

    it('filters a subscription by stream prefix and by event type', async () => {
      const t = (name: string) => `${prefix}${name}`;
      await store.appendToStream(stream('alpha-1'), [event(t('Created')), event(t('Renamed'))], { expectedRevision: 'no_stream' });
      await store.appendToStream(stream('beta-1'), [event(t('Created')), event(t('Renamed'))], { expectedRevision: 'no_stream' });
      await store.appendToStream(stream('alpha-2'), [event(t('Created'))], { expectedRevision: 'no_stream' });
      await store.appendToStream(stream('alpha-3'), [event(t('Marker'))], { expectedRevision: 'no_stream' });
      const label = (e: RecordedEvent) => `${e.streamId.slice(prefix.length + 1)}:${e.type.slice(prefix.length)}`;

      const byPrefix = store.subscribeToAll({ filter: { streamPrefixes: [stream('alpha-')] } });
      const alpha = await take(byPrefix, 4);
      await byPrefix.close();
      expect(alpha.map(label)).toEqual(['alpha-1:Created', 'alpha-1:Renamed', 'alpha-2:Created', 'alpha-3:Marker']);

      const byType = store.subscribeToAll({ filter: { eventTypes: [t('Renamed'), t('Marker')] } });
      const typed = await take(byType, 3);
      await byType.close();
      expect(typed.map(label)).toEqual(['alpha-1:Renamed', 'beta-1:Renamed', 'alpha-3:Marker']);
    });

    it('stores and returns a 1 MB event intact', async () => {
      const big = 'x'.repeat(1_000_000);
      await store.appendToStream(stream('big'), [event('Big', { big })], { expectedRevision: 'no_stream' });
      const [read] = await all(store.readStream(stream('big')));
      expect((read.data as { big: string }).big).toBe(big);
    });

    it('keeps unicode intact in stream ids, types, data and metadata', async () => {
      const text = 'Zürich — 東京 — عربى — 🧾💶 — \u0000?'.replace('\u0000', '');
      const e = { id: randomUUID(), type: 'Notiz', data: { text }, metadata: { actor: 'Åsa Ørsted', note: text } };
      await store.appendToStream(stream('ünï-😀'), [e], { expectedRevision: 'no_stream' });
      const [read] = await all(store.readStream(stream('ünï-😀')));
      expect(read.data).toEqual({ text });
      expect(read.metadata).toEqual({ ...e.metadata, hash: eventHash(GENESIS_HASH, read) });
      expect(read.streamId).toBe(stream('ünï-😀'));
    });

    describe('hash chain', () => {
      /** Each event's stored hash, checked against its content and its predecessor's hash. */
      function expectChained(events: RecordedEvent[]): void {
        let previous = GENESIS_HASH;
        for (const e of events) {
          expect({ revision: e.revision, hash: e.metadata.hash }).toEqual({ revision: e.revision, hash: eventHash(previous, e) });
          previous = e.metadata.hash as string;
        }
      }

      it('every event carries the hash of its content and of the event before it, whatever the expected revision', async () => {
        // given / when
        await store.appendToStream(stream('chain'), [event('A'), event('B')], { expectedRevision: 'no_stream' });
        await store.appendToStream(stream('chain'), [event('C')], { expectedRevision: 1n });
        await store.appendToStream(stream('chain'), [event('D')], { expectedRevision: 'any' });
        await store.appendToStream(stream('chain'), [event('E')], { expectedRevision: 'stream_exists' });
        await store.appendToStream(stream('chain-new'), [event('F')], { expectedRevision: 'any' });
        // then
        const events = await all(store.readStream(stream('chain')));
        expect(events.map((e) => e.type)).toEqual(['A', 'B', 'C', 'D', 'E']);
        expectChained(events);
        expectChained(await all(store.readStream(stream('chain-new'))));
      });

      it('concurrent appends with any to one stream all land, in one unbroken chain', async () => {
        await store.appendToStream(stream('chain-race'), [event()], { expectedRevision: 'no_stream' });
        await Promise.all(Array.from({ length: 10 }, (_, i) => store.appendToStream(stream('chain-race'), [event('Try', { i })], { expectedRevision: 'any' })));
        const events = await all(store.readStream(stream('chain-race')));
        expect(events).toHaveLength(11);
        expectChained(events);
      });

      it('a retried append with any is a no-op too', async () => {
        const batch = [event('A'), event('B')];
        const first = await store.appendToStream(stream('chain-retry'), batch, { expectedRevision: 'any' });
        const retry = await store.appendToStream(stream('chain-retry'), batch, { expectedRevision: 'any' });
        expect(retry).toEqual(first);
        expect(await all(store.readStream(stream('chain-retry')))).toHaveLength(2);
      });
    });
  });
}
