import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { EVENT_STORE, type EventData, type EventStore, type RecordedEvent } from '@billing/event-store';
import type { PublishedEvent } from '../apps/billing-api/src/events/published-event';
import { SCAN_WINDOW } from '../apps/billing-api/src/events/read-events/read-events.handler';
import { EventStreams } from '../apps/billing-api/src/events/stream-events/event-streams';
import { openSse, type SseConnection, type SseMessage } from './support/sse-client';
import { FINANCE_KEY, startTestApp, type TestApp } from './support/test-app';

/*
 * The event feed (docs/event-feed.md): the log in pages, one stream's events, and the log as
 * Server-Sent Events. The probe events are appended to the store directly, under types no
 * projection reads, so each test knows exactly what the log holds.
 */

const HEARTBEAT_MS = 100;
const MAX_BUFFERED = 256 * 1024;

const auth = (key = FINANCE_KEY) => ({ Authorization: `Bearer ${key}` });

function probe(type: string, data: Record<string, unknown>): EventData {
  return {
    id: randomUUID(),
    type,
    data,
    metadata: { actor: 'test', actorRole: 'system', correlationId: 'c', causationId: 'c', occurredAt: '2026-11-20T10:00:00.000Z', schemaVersion: 1 },
  };
}

async function listen(t: TestApp): Promise<number> {
  const server = t.app.getHttpServer() as Server;
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  return (server.address() as AddressInfo).port;
}

const tag = (e: PublishedEvent) => `${e.streamId}:${e.type}:${(e.data as { n: number }).n}`;
const tagOf = (m: SseMessage) => tag(JSON.parse(m.data) as PublishedEvent);

describe('event feed', () => {
  let t: TestApp;
  let store: EventStore;
  let port: number;
  const append = (stream: string, ...events: EventData[]) => store.appendToStream(stream, events, { expectedRevision: 'any' });

  async function wholeLog(): Promise<RecordedEvent[]> {
    const all: RecordedEvent[] = [];
    for await (const e of store.readAll()) all.push(e);
    return all;
  }

  /** Every page of GET /api/events from position 0 with `query`, followed until nextPosition reaches headPosition. */
  async function allPages(
    query: string,
    key?: string,
  ): Promise<{ events: PublishedEvent[]; pages: { events: PublishedEvent[]; nextPosition: string; headPosition: string }[] }> {
    const pages = [];
    let from = '0';
    for (;;) {
      const page = (await t.as(key).get(`/api/events?fromPosition=${from}&${query}`).expect(200)).body;
      pages.push(page);
      if (page.nextPosition === from) break;
      from = page.nextPosition;
    }
    return { events: pages.flatMap((p) => p.events), pages };
  }

  beforeAll(async () => {
    t = await startTestApp({ sseHeartbeatMs: HEARTBEAT_MS, sseMaxBufferedBytes: MAX_BUFFERED });
    store = t.app.get<EventStore>(EVENT_STORE);
    port = await listen(t);
    // The log: probe-a [A1 B1 A2 B2 A5], probe-b [A3], sample-x [A4] (another category), probeExtra-1 [A6] (a category that starts like `probe`).
    await append('probe-a', probe('ProbeA', { n: 1 }), probe('ProbeB', { n: 1 }), probe('ProbeA', { n: 2 }));
    await append('probe-b', probe('ProbeA', { n: 3 }));
    await append('sample-x', probe('ProbeA', { n: 4 }));
    await append('probe-a', probe('ProbeB', { n: 2 }), probe('ProbeA', { n: 5 }));
    await append('probeExtra-1', probe('ProbeA', { n: 6 }));
  });
  afterAll(async () => t.dispose());

  describe('GET /api/events', () => {
    it('pages through the whole log in global order: nextPosition is the next fromPosition, up to headPosition', async () => {
      // given: the log as the store holds it
      const log = await wholeLog();
      // when: read in pages of 4
      const { events, pages } = await allPages('limit=4');
      // then: every event once, in order, in the published shape
      expect(events.map((e) => e.id)).toEqual(log.map((e) => e.id));
      expect(pages.slice(0, -2).every((p) => p.events.length === 4)).toBe(true);
      expect(pages[pages.length - 1]).toEqual({
        events: [],
        nextPosition: String(log[log.length - 1].position),
        headPosition: String(log[log.length - 1].position),
      });
      const a1 = events.find((e) => e.streamId === 'probe-a')!;
      expect(a1).toEqual({
        id: expect.any(String),
        type: 'ProbeA',
        schemaVersion: 1,
        streamId: 'probe-a',
        category: 'probe',
        revision: '0',
        position: expect.stringMatching(/^[1-9][0-9]*$/),
        recordedAt: expect.any(String),
        data: { n: 1 },
        metadata: expect.objectContaining({ actor: 'test', actorRole: 'system', correlationId: 'c', causationId: 'c', occurredAt: '2026-11-20T10:00:00.000Z' }),
      });
      // the store's own schemaVersion is the event's `schemaVersion`, not metadata
      expect(a1.metadata).not.toHaveProperty('schemaVersion');
    });

    it('filters by type and by exact category, over pages', async () => {
      // when: ProbeA events of category `probe`, two a page
      const { events, pages } = await allPages('types=ProbeA&category=probe&limit=2');
      // then: A1 A2 A3 A5 (A4 is in `sample`, A6 in `probeExtra`), in pages [A1 A2] [A3 A5], then [] past A6 to the head, then [] at the head
      expect(events.map(tag)).toEqual(['probe-a:ProbeA:1', 'probe-a:ProbeA:2', 'probe-b:ProbeA:3', 'probe-a:ProbeA:5']);
      expect(pages.map((p) => p.events.length)).toEqual([2, 2, 0, 0]);
      expect(pages[2].nextPosition).toBe(pages[2].headPosition);
      // and: several types and categories, comma-separated
      const both = await allPages('types=ProbeB,ProbeA&category=sample,probeExtra');
      expect(both.events.map(tag)).toEqual(['sample-x:ProbeA:4', 'probeExtra-1:ProbeA:6']);
    });

    it('a page starts strictly after fromPosition', async () => {
      const log = await wholeLog();
      const page = (await t.as().get(`/api/events?fromPosition=${log[2].position}&limit=2`).expect(200)).body;
      expect(page.events.map((e: PublishedEvent) => e.id)).toEqual([log[3].id, log[4].id]);
      expect(page.nextPosition).toBe(String(log[4].position));
    });

    it(`a sparse filter looks at ${SCAN_WINDOW} events at most a page, and says where to go on`, async () => {
      // given: SCAN_WINDOW + 50 common events, then one rare one
      const from = await store.headPosition();
      for (let i = 0; i < SCAN_WINDOW + 50; i += 1000)
        await append(`bulk-${i}`, ...Array.from({ length: Math.min(1000, SCAN_WINDOW + 50 - i) }, (_, j) => probe('Common', { n: i + j })));
      await append('rare-1', probe('Rare', { n: 1 }));
      // when
      const first = (await t.as().get(`/api/events?fromPosition=${from}&types=Rare`).expect(200)).body;
      const second = (await t.as().get(`/api/events?fromPosition=${first.nextPosition}&types=Rare`).expect(200)).body;
      // then: the first page looked at SCAN_WINDOW events and found none; the second finds the rare one
      expect(first.events).toEqual([]);
      expect(BigInt(first.nextPosition)).toBe(from + BigInt(SCAN_WINDOW));
      expect(second.events.map(tag)).toEqual(['rare-1:Rare:1']);
      expect(second.nextPosition).toBe(second.headPosition);
    });

    it.each([
      ['fromPosition=-1', 'fromPosition'],
      ['fromPosition=1.5', 'fromPosition'],
      ['fromPosition=abc', 'fromPosition'],
      ['fromPosition=9223372036854775808', 'fromPosition'],
      ['fromPosition=', 'fromPosition'],
      ['limit=0', 'limit'],
      ['limit=1001', 'limit'],
      ['limit=2.5', 'limit'],
      ['types=', 'types'],
      ['types=Item%20Posted', 'types'],
      ['types=A,,B', 'types'],
      ['types=A&types=B', 'types'],
      ['category=ledger-acme', 'category'],
      ['unknown=1', 'unknown'],
    ])('refuses %s with a 400 naming %s', async (query, field) => {
      const res = await t.as().get(`/api/events?${query}`).expect(400);
      expect(res.body.error).toBe('validation');
      expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
    });

    it('accepts a type no event has yet (a consumer may wait for a type a later version adds): an empty page', async () => {
      const res = await t.as().get('/api/events?types=NotYetInvented').expect(200);
      expect(res.body.events).toEqual([]);
    });
  });

  describe('GET /api/streams/:streamId', () => {
    it("answers one stream's events in order, a page at a time from fromRevision", async () => {
      // when
      const whole = (await t.as().get('/api/streams/probe-a').expect(200)).body;
      const page = (await t.as().get('/api/streams/probe-a?fromRevision=1&limit=2').expect(200)).body;
      // then
      expect(whole.events.map(tag)).toEqual(['probe-a:ProbeA:1', 'probe-a:ProbeB:1', 'probe-a:ProbeA:2', 'probe-a:ProbeB:2', 'probe-a:ProbeA:5']);
      expect(whole.events.map((e: PublishedEvent) => e.revision)).toEqual(['0', '1', '2', '3', '4']);
      expect(whole).toMatchObject({ streamId: 'probe-a', nextRevision: '5', headRevision: '4' });
      expect(page.events.map(tag)).toEqual(['probe-a:ProbeB:1', 'probe-a:ProbeA:2']);
      expect(page).toMatchObject({ nextRevision: '3', headRevision: '4' });
      // and: past the end, an empty page that stays where it was asked
      expect((await t.as().get('/api/streams/probe-a?fromRevision=9').expect(200)).body).toMatchObject({ events: [], nextRevision: '9', headRevision: '4' });
    });

    it('answers the events the service wrote, with their metadata', async () => {
      // given
      await t.as().post('/api/accounts').send({ id: 'feed-acme', name: 'Acme' }).expect(201);
      // when
      const res = await t.as().get('/api/streams/account-feed-acme').expect(200);
      // then
      expect(res.body.events).toHaveLength(1);
      expect(res.body.events[0]).toMatchObject({ type: 'AccountCreated', category: 'account', revision: '0', data: { accountId: 'feed-acme', name: 'Acme' } });
      expect(res.body.events[0].metadata).toMatchObject({ actor: 'bootstrap', actorRole: 'finance' });
      expect(res.body.events[0].metadata).not.toHaveProperty('schemaVersion');
    });

    it('404 for a stream without events', async () => {
      expect((await t.as().get('/api/streams/probe-nothing').expect(404)).body).toMatchObject({ error: 'not_found' });
      await t.as().get('/api/streams/$all').expect(404);
    });

    it.each([['fromRevision=-1'], ['fromRevision=x'], ['limit=0'], ['limit=5000']])('refuses %s with a 400', async (query) => {
      expect((await t.as().get(`/api/streams/probe-a?${query}`).expect(400)).body.error).toBe('validation');
    });
  });

  describe('GET /api/events/stream (Server-Sent Events)', () => {
    const opened: SseConnection[] = [];
    const sse = async (path: string, headers: Record<string, string> = {}) => {
      const connection = await openSse(port, path, { ...auth(), ...headers });
      opened.push(connection);
      return connection;
    };
    afterEach(() => opened.splice(0).forEach((c) => c.close()));

    it('delivers every event exactly once and in order across a disconnect and a resume with Last-Event-ID', async () => {
      // given: 30 events of two streams of category `live`, and others of another category
      for (let n = 1; n <= 30; n++) await append(`live-${n % 2}`, probe('Tick', { n }));
      await append('noise-1', probe('Tick', { n: 0 }));
      // when: a client reads 12 and goes away
      const first = await sse('/api/events/stream?category=live');
      expect(first.status).toBe(200);
      expect(first.headers['content-type']).toBe('text/event-stream; charset=utf-8');
      const before = await first.waitForMessages(12);
      first.close();
      await first.ended;
      // and: 10 more are appended while it is away
      for (let n = 31; n <= 40; n++) await append(`live-${n % 2}`, probe('Tick', { n }));
      // and: it comes back with the last id it saw (the URL still says fromPosition=0: the header wins)
      const lastId = before[before.length - 1].id!;
      const second = await sse('/api/events/stream?category=live&fromPosition=0', { 'Last-Event-ID': lastId });
      await second.waitForMessages(28);
      // and: 5 more arrive while it is connected (live)
      for (let n = 41; n <= 45; n++) await append(`live-${n % 2}`, probe('Tick', { n }));
      const after = await second.waitForMessages(33);
      // then: 1…45, each once, in order; ids are the positions, events the types
      const seen = [...before, ...after].map((m) => JSON.parse(m.data) as PublishedEvent);
      expect(seen.map((e) => (e.data as { n: number }).n)).toEqual(Array.from({ length: 45 }, (_, i) => i + 1));
      expect([...before, ...after].map((m) => m.id)).toEqual(seen.map((e) => e.position));
      expect([...before, ...after].every((m) => m.event === 'Tick')).toBe(true);
      await expect(second.waitForMessages(34, 3 * HEARTBEAT_MS)).rejects.toThrow(/timed out/);
    });

    it('resumes from a lastEventId query parameter too, with the same filters as the log', async () => {
      const log = await allPages('types=ProbeA&category=probe');
      const resume = log.events[1].position;
      const client = await sse(`/api/events/stream?types=ProbeA&category=probe&lastEventId=${resume}`);
      const messages = await client.waitForMessages(2);
      expect(messages.map(tagOf)).toEqual(['probe-b:ProbeA:3', 'probe-a:ProbeA:5']);
      await expect(client.waitForMessages(3, 3 * HEARTBEAT_MS)).rejects.toThrow(/timed out/);
    });

    it('sends a heartbeat comment every interval while there is nothing to send', async () => {
      const client = await sse('/api/events/stream?types=NothingOfThisType');
      const started = Date.now();
      expect(await client.waitForComments(3, 20 * HEARTBEAT_MS)).toEqual(['heartbeat', 'heartbeat', 'heartbeat']);
      expect(Date.now() - started).toBeGreaterThanOrEqual(2 * HEARTBEAT_MS);
      expect(client.messages).toEqual([]);
    });

    it('cuts off a client that stops reading once its unsent bytes would pass the bound; it resumes from its last id and misses nothing', async () => {
      // given: 120 events of 200 KB (24 MB: far more than the sockets' own buffers hold)
      const streams = t.app.get(EventStreams);
      const cutBefore = streams.stats().cutOff;
      const big = 'x'.repeat(200 * 1024);
      for (let n = 1; n <= 120; n += 10) await append('bulky-1', ...Array.from({ length: 10 }, (_, i) => probe('Bulky', { n: n + i, big })));
      // when: a client connects and does not read
      const stalled = await sse('/api/events/stream?category=bulky');
      stalled.pause();
      // then: the service cuts it off, having held at most the bound for it
      const deadline = Date.now() + 15_000;
      while (streams.stats().cutOff === cutBefore && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      expect(streams.stats().cutOff).toBe(cutBefore + 1);
      expect(streams.stats().peakBufferedBytes).toBeGreaterThan(0);
      expect(streams.stats().peakBufferedBytes).toBeLessThanOrEqual(MAX_BUFFERED);
      // and: reading again, the client gets what was already on its way, then the end
      stalled.resume();
      await stalled.ended;
      const got = stalled.messages.map((m) => (JSON.parse(m.data) as PublishedEvent).data as { n: number });
      expect(got.length).toBeLessThan(120);
      expect(got.map((d) => d.n)).toEqual(Array.from({ length: got.length }, (_, i) => i + 1));
      // when: it resumes from its last id
      const resumed = await sse('/api/events/stream?category=bulky', { 'Last-Event-ID': stalled.messages[stalled.messages.length - 1].id! });
      const rest = await resumed.waitForMessages(120 - got.length, 15_000);
      // then: every event once, in order
      const ns = [...got, ...rest.map((m) => (JSON.parse(m.data) as PublishedEvent).data as { n: number })].map((d) => d.n);
      expect(ns).toEqual(Array.from({ length: 120 }, (_, i) => i + 1));
    }, 30_000);

    it('refuses a Last-Event-ID or lastEventId that is not a position (400), before any event is sent', async () => {
      const header = await sse('/api/events/stream', { 'Last-Event-ID': 'abc' });
      expect(header.status).toBe(400);
      expect(JSON.parse(await header.body())).toEqual({ error: 'validation', details: [{ field: 'Last-Event-ID', message: expect.any(String) }] });
      const query = await sse('/api/events/stream?lastEventId=-3');
      expect(query.status).toBe(400);
      expect(JSON.parse(await query.body()).details[0].field).toBe('lastEventId');
      const filter = await sse('/api/events/stream?category=a-b');
      expect(filter.status).toBe(400);
    });

    it('ends the stream of a key revoked while it is open', async () => {
      // given
      const key = (await t.as().post('/api/api-keys').send({ id: 'k-feed', name: 'CRM sync', role: 'integration' }).expect(201)).body.key as string;
      const client = await sse('/api/events/stream?types=NothingOfThisType', auth(key));
      expect(client.status).toBe(200);
      // when
      await t.as().delete('/api/api-keys/k-feed').send({ reason: 'rotated out' }).expect(200);
      // then
      const ended = await Promise.race([client.ended.then(() => true), new Promise((r) => setTimeout(() => r(false), 3000))]);
      expect(ended).toBe(true);
      expect((await openSse(port, '/api/events/stream', auth(key))).status).toBe(401);
    });
  });

  describe('who may read the feed', () => {
    it('auditor and integration keys read the log, a stream and the event stream; a technician is refused (403), no key 401', async () => {
      const auditor = await t.keyFor('auditor');
      const integration = await t.keyFor('integration');
      const technician = await t.keyFor('technician');
      for (const key of [auditor, integration]) {
        await t.as(key).get('/api/events?limit=1').expect(200);
        await t.as(key).get('/api/streams/probe-a').expect(200);
        const stream = await openSse(port, '/api/events/stream', auth(key));
        stream.close();
        expect(stream.status).toBe(200);
      }
      await t.as(technician).get('/api/events').expect(403);
      await t.as(technician).get('/api/streams/probe-a').expect(403);
      const refused = await openSse(port, '/api/events/stream', auth(technician));
      expect(refused.status).toBe(403);
      expect((await openSse(port, '/api/events/stream')).status).toBe(401);
    });
  });
});

describe('event stream at shutdown', () => {
  it('app.close() ends the open event streams instead of waiting for them', async () => {
    // given: a client on the live stream
    const t = await startTestApp({ sseHeartbeatMs: 60_000 });
    const port = await listen(t);
    const client = await openSse(port, '/api/events/stream', auth());
    await client.waitForMessages(1); // the bootstrap key's event
    expect(t.app.get(EventStreams).stats().open).toBe(1);
    // when
    const started = Date.now();
    await t.close();
    // then
    await client.ended;
    expect(Date.now() - started).toBeLessThan(3000);
    await t.dispose();
  });
});
