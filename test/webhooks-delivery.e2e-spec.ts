import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EVENT_STORE, type EventStore, type RecordedEvent } from '@billing/event-store';
import type { WebhookDelivery } from '../apps/billing-api/src/config/app-config';
import { startTestApp, type TestApp } from './support/test-app';
import { WebhookReceiver, type ReceivedDelivery } from './support/webhook-receiver';

/** Short delays, so that retries and the dispatcher's looks take milliseconds. */
const FAST: Partial<WebhookDelivery> = { retryBaseMs: 20, retryCapMs: 80, pollMs: 20, requestTimeoutMs: 3000 };

/** The verification function of docs/webhooks.md, as a receiver would paste it (not the service's code). */
type VerifyLedgerSignature = (header: unknown, rawBody: string, secret: string, nowSeconds?: number) => boolean;
const verifyLedgerSignature: VerifyLedgerSignature = (() => {
  const page = readFileSync(join(__dirname, '..', 'docs', 'webhooks.md'), 'utf8');
  const snippet = [...page.matchAll(/```js\n([\s\S]*?)```/g)].map((m) => m[1]).find((code) => code.includes('function verifyLedgerSignature'));
  if (!snippet) throw new Error('docs/webhooks.md has no verifyLedgerSignature snippet');
  return new Function('require', `${snippet}\nreturn verifyLedgerSignature;`)(require) as VerifyLedgerSignature;
})();

const signatureIsValid = (delivery: ReceivedDelivery, secret: string) => verifyLedgerSignature(delivery.headers['ledger-signature'], delivery.body, secret);

const accountOf = (delivery: ReceivedDelivery) => (JSON.parse(delivery.body) as { data: { accountId: string } }).data.accountId;

/** The ids of the `AccountCreated` events after a position, in the store's order. */
async function accountEventIds(t: TestApp, after: bigint): Promise<string[]> {
  const ids: string[] = [];
  for await (const e of t.app.get<EventStore>(EVENT_STORE).readAll({ fromPosition: after })) if (e.type === 'AccountCreated') ids.push(e.id);
  return ids;
}

async function streamEvents(t: TestApp, streamId: string): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = [];
  for await (const e of t.app.get<EventStore>(EVENT_STORE).readStream(streamId)) events.push(e);
  return events;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('webhooks: delivery to a real receiver', () => {
  describe('a receiver that fails 3 times, then succeeds', () => {
    let t: TestApp;
    let receiver: WebhookReceiver;
    let secret: string;
    let registeredPosition: bigint;

    beforeAll(async () => {
      receiver = await WebhookReceiver.start((_request, index) => (index < 3 ? 500 : 200));
      t = await startTestApp({ webhooks: FAST });
      // given an account created before the webhook: it is not delivered
      await t.as().post('/api/accounts').send({ id: 'earlier', name: 'Earlier Ltd' }).expect(201);
      const registered = await t
        .as()
        .post('/api/webhooks')
        .send({ id: 'crm', url: receiver.url, types: ['AccountCreated'] })
        .expect(201);
      secret = registered.body.secret;
      registeredPosition = BigInt(registered.body.registeredPosition);
      // when three accounts are created, and a contract-free role that is not of the webhook's types
      await t.as().post('/api/roles').send({ id: 'eng', name: 'Engineer', hourlyRate: '100' }).expect(201);
      for (const id of ['a-1', 'a-2', 'a-3'])
        await t
          .as()
          .post('/api/accounts')
          .send({ id, name: `Account ${id}` })
          .expect(201);
      await receiver.waitFor(() => receiver.acknowledged.length === 3, 'three acknowledgements');
    });
    afterAll(async () => {
      await t.dispose();
      await receiver.close();
    });

    it('gets each event once after its retries, in the store’s order; the failed one four times under one delivery id', async () => {
      // then: every request, in the order received
      expect(receiver.received.map((r) => [accountOf(r), r.status, r.headers['ledger-delivery-attempt']])).toEqual([
        ['a-1', 500, '1'],
        ['a-1', 500, '2'],
        ['a-1', 500, '3'],
        ['a-1', 200, '4'],
        ['a-2', 200, '1'],
        ['a-3', 200, '1'],
      ]);
      expect(new Set(receiver.received.slice(0, 4).map((r) => r.headers['ledger-delivery-id'])).size).toBe(1);
      expect(receiver.acknowledged.map((r) => r.eventId)).toEqual(await accountEventIds(t, registeredPosition));
      // and nothing more comes: each event is acknowledged once
      await pause(200);
      expect(receiver.received).toHaveLength(6);
    });

    it('each delivery is the published event as JSON, with its id and type in headers', async () => {
      const [first] = receiver.acknowledged;
      const body = JSON.parse(first.body);
      expect(first.headers['content-type']).toBe('application/json');
      expect(first.headers['ledger-event-id']).toBe(body.id);
      expect(first.headers['ledger-event-type']).toBe('AccountCreated');
      expect(first.headers['ledger-event-position']).toBe(body.position);
      expect(first.headers['ledger-webhook-id']).toBe('crm');
      expect(body).toMatchObject({
        type: 'AccountCreated',
        schemaVersion: 1,
        streamId: 'account-a-1',
        category: 'account',
        revision: '0',
        data: { accountId: 'a-1', name: 'Account a-1' },
        metadata: { actorRole: 'finance' },
      });
    });

    it('the receiver verifies every signature with the secret; a wrong secret or a changed body is detected', () => {
      expect(receiver.received.every((r) => signatureIsValid(r, secret))).toBe(true);
      expect(receiver.received.some((r) => signatureIsValid(r, 'whsec_not_the_secret_at_all_0123'))).toBe(false);
      const tampered = { ...receiver.received[5], body: receiver.received[5].body.replace('a-3', 'a-9') };
      expect(signatureIsValid(tampered, secret)).toBe(false);
      expect(String(receiver.received[0].headers['ledger-signature'])).toMatch(/^t=\d{10},v1=[0-9a-f]{64}$/);
      // and the same request played again six minutes later is refused
      const { headers, body } = receiver.received[0];
      const signedAt = Number(/t=(\d+)/.exec(String(headers['ledger-signature']))![1]);
      expect(verifyLedgerSignature(headers['ledger-signature'], body, secret, signedAt + 60)).toBe(true);
      expect(verifyLedgerSignature(headers['ledger-signature'], body, secret, signedAt + 360)).toBe(false);
    });

    it('lists the deliveries newest first, with attempts and the last answer; the checkpoint is the last acknowledged event', async () => {
      const res = await t.as().get('/api/webhooks/crm/deliveries').expect(200);
      expect(res.body.total).toBe(3);
      expect(res.body.items.map((d: Record<string, unknown>) => [d.streamId, d.kind, d.status, d.attempts, d.lastStatusCode, d.nextAttemptAt])).toEqual([
        ['account-a-3', 'live', 'delivered', 1, 200, null],
        ['account-a-2', 'live', 'delivered', 1, 200, null],
        ['account-a-1', 'live', 'delivered', 4, 200, null],
      ]);
      const webhook = (await t.as().get('/api/webhooks/crm').expect(200)).body;
      expect(webhook.delivery).toMatchObject({ dispatchedHere: true, delivering: true, consecutiveFailures: 0, undelivered: 0 });
      expect(webhook.delivery.deliveredThrough).toBe(res.body.items[0].position);
      const failedOnly = await t.as().get('/api/webhooks/crm/deliveries?status=retrying').expect(200);
      expect(failedOnly.body.total).toBe(0);
    });

    it('a replay sends the event again as a new delivery, which moves no checkpoint', async () => {
      // given
      const deliveries = (await t.as().get('/api/webhooks/crm/deliveries').expect(200)).body.items;
      const ofA1 = deliveries.find((d: { streamId: string }) => d.streamId === 'account-a-1');
      const before = (await t.as().get('/api/webhooks/crm').expect(200)).body.delivery.deliveredThrough;
      // when
      const res = await t.as().post(`/api/webhooks/crm/deliveries/${ofA1.id}/replay`).expect(202);
      // then
      expect(res.body).toMatchObject({ kind: 'replay', replayOf: ofA1.id, eventId: ofA1.eventId, status: 'pending', attempts: 0 });
      await receiver.waitFor(() => receiver.acknowledged.length === 4, 'the replay');
      const replayed = receiver.acknowledged[3];
      expect(replayed.eventId).toBe(ofA1.eventId);
      expect(replayed.headers['ledger-delivery-id']).toBe(res.body.id);
      expect(signatureIsValid(replayed, secret)).toBe(true);
      // a receiver that deduplicates by event id still has each event once
      expect(receiver.deduplicated).toEqual(await accountEventIds(t, registeredPosition));
      const after = (await t.as().get('/api/webhooks/crm').expect(200)).body.delivery.deliveredThrough;
      expect(after).toBe(before);
      const newest = (await t.as().get('/api/webhooks/crm/deliveries?limit=1').expect(200)).body.items[0];
      expect(newest).toMatchObject({ id: res.body.id, status: 'delivered', attempts: 1 });
    });

    it('a replay from a position sends again, in order, every event of its types up to the checkpoint', async () => {
      // given
      const checkpoint = (await t.as().get('/api/webhooks/crm').expect(200)).body.delivery.deliveredThrough;
      const sent = receiver.received.length;
      // when: from the registration, through a position past the checkpoint (it stops at the checkpoint)
      const res = await t.as().post('/api/webhooks/crm/replay').send({ fromPosition: registeredPosition.toString(), throughPosition: '999999' }).expect(202);
      // then
      expect(res.body).toEqual({ webhookId: 'crm', fromPosition: registeredPosition.toString(), throughPosition: checkpoint, queued: 3 });
      await receiver.waitFor(() => receiver.received.length === sent + 3, 'the three replays');
      expect(receiver.received.slice(sent).map(accountOf)).toEqual(['a-1', 'a-2', 'a-3']);
      expect(receiver.deduplicated).toEqual(await accountEventIds(t, registeredPosition));
      // from the checkpoint on there is nothing to replay
      const none = await t.as().post('/api/webhooks/crm/replay').send({ fromPosition: checkpoint }).expect(202);
      expect(none.body.queued).toBe(0);
      await t.as().post('/api/webhooks/crm/replay').send({ fromPosition: 'the start' }).expect(400);
      await t.as().post('/api/webhooks/crm/replay').send({}).expect(400);
    });
  });

  describe('after N failures in a row the webhook is paused, and resumed where it stopped', () => {
    let t: TestApp;
    let receiver: WebhookReceiver;
    let answer = 503;

    beforeAll(async () => {
      receiver = await WebhookReceiver.start(() => answer);
      t = await startTestApp({ webhooks: { ...FAST, pauseAfterFailures: 3 } });
    });
    afterAll(async () => {
      await t.dispose();
      await receiver.close();
    });

    it('pauses after 3 failed attempts (an event), lists the held delivery, and sends nothing while paused', async () => {
      // given
      await t
        .as()
        .post('/api/webhooks')
        .send({ id: 'flaky', url: receiver.url, types: ['AccountCreated'] })
        .expect(201);
      // when
      await t.as().post('/api/accounts').send({ id: 'p-1', name: 'P1' }).expect(201);
      await receiver.waitFor(() => receiver.received.length === 3, 'three attempts');
      let webhook: { status: string; pauseReason: string; delivery: Record<string, unknown> } | undefined;
      for (let i = 0; i < 500 && webhook?.status !== 'paused'; i++) {
        await pause(20);
        webhook = (await t.as().get('/api/webhooks/flaky').expect(200)).body;
      }
      // then
      expect(webhook).toMatchObject({ status: 'paused', delivery: { consecutiveFailures: 3, undelivered: 1, nextAttemptAt: null, delivering: false } });
      expect(webhook!.pauseReason).toMatch(/^3 failed attempts in a row; last: HTTP 503/);
      const deliveries = (await t.as().get('/api/webhooks/flaky/deliveries?status=paused').expect(200)).body;
      expect(deliveries.items).toEqual([
        expect.objectContaining({ streamId: 'account-p-1', status: 'paused', attempts: 3, lastStatusCode: 503, lastError: 'HTTP 503', nextAttemptAt: null }),
      ]);
      const [, paused] = await streamEvents(t, 'webhook-flaky');
      expect(paused).toMatchObject({ type: 'WebhookPaused', data: { webhookId: 'flaky', consecutiveFailures: 3 }, metadata: { actor: 'system' } });
      // and events written while it is paused wait
      await t.as().post('/api/accounts').send({ id: 'p-2', name: 'P2' }).expect(201);
      await t.as().post('/api/accounts').send({ id: 'p-3', name: 'P3' }).expect(201);
      await pause(300);
      expect(receiver.received).toHaveLength(3);
    });

    it('resumed, it sends the held delivery first, then every event since, in order, each once', async () => {
      // given the receiver is back
      answer = 200;
      // when
      const res = await t.as().post('/api/webhooks/flaky/resume').expect(200);
      expect(res.body).toMatchObject({ status: 'active', resumedAt: expect.any(String) });
      // then
      await receiver.waitFor(() => receiver.acknowledged.length === 3, 'the three events');
      expect(receiver.acknowledged.map(accountOf)).toEqual(['p-1', 'p-2', 'p-3']);
      expect(receiver.acknowledged[0].headers['ledger-delivery-attempt']).toBe('4');
      await pause(200);
      expect(receiver.received).toHaveLength(6);
      const webhook = (await t.as().get('/api/webhooks/flaky').expect(200)).body;
      expect(webhook.delivery).toMatchObject({ consecutiveFailures: 0, undelivered: 0 });
      expect((await streamEvents(t, 'webhook-flaky')).map((e) => e.type)).toEqual(['WebhookRegistered', 'WebhookPaused', 'WebhookResumed']);
    });

    it('a timeout and a refused connection are failures too, with the error listed', async () => {
      // given a receiver that takes longer than the timeout, and a port where nothing listens
      const slow = await WebhookReceiver.start(() => pause(400).then(() => 200));
      const closed = await WebhookReceiver.start();
      const closedUrl = closed.url;
      await closed.close();
      const t2 = await startTestApp({ webhooks: { ...FAST, requestTimeoutMs: 100, pauseAfterFailures: 2 } });
      try {
        await t2
          .as()
          .post('/api/webhooks')
          .send({ id: 'slow', url: slow.url, types: ['AccountCreated'] })
          .expect(201);
        await t2
          .as()
          .post('/api/webhooks')
          .send({ id: 'gone', url: closedUrl, types: ['AccountCreated'] })
          .expect(201);
        // when
        await t2.as().post('/api/accounts').send({ id: 'x-1', name: 'X1' }).expect(201);
        // then both are paused, each with its error
        for (const [id, error] of [
          ['slow', 'no answer within 100 ms'],
          ['gone', /ECONNREFUSED/],
        ] as const) {
          let delivery: { status: string; lastError: string; lastStatusCode: number | null } | undefined;
          for (let i = 0; i < 500 && delivery?.status !== 'paused'; i++) {
            await pause(20);
            delivery = (await t2.as().get(`/api/webhooks/${id}/deliveries`).expect(200)).body.items[0];
          }
          expect(delivery).toMatchObject({ status: 'paused', lastStatusCode: null, lastError: error });
        }
      } finally {
        await t2.dispose();
        await slow.close();
      }
    });
  });

  describe('a restart in the middle of a backlog', () => {
    const BACKLOG = 30;
    let dataDir: string;
    let receiver: WebhookReceiver;
    let release!: () => void;

    beforeAll(async () => {
      dataDir = mkdtempSync(join(tmpdir(), 'ledger-webhooks-restart-'));
      const released = new Promise<void>((resolve) => (release = resolve));
      // Holds the first delivery until the backlog is written, then acknowledges one every 10 ms.
      receiver = await WebhookReceiver.start(async () => {
        await released;
        await pause(10);
        return 200;
      });
    });
    afterAll(async () => {
      await receiver.close();
      rmSync(dataDir, { recursive: true, force: true });
    });

    it('loses nothing and sends nothing again that was acknowledged before it', async () => {
      // given a backlog of 30 accounts for the webhook
      // (a long timeout: the first delivery waits at the receiver while the backlog is written)
      const first = await startTestApp({ dataDir, webhooks: { ...FAST, requestTimeoutMs: 30_000 } });
      const registered = await first
        .as()
        .post('/api/webhooks')
        .send({ id: 'sync', url: receiver.url, types: ['AccountCreated'] })
        .expect(201);
      for (let i = 0; i < BACKLOG; i++)
        await first
          .as()
          .post('/api/accounts')
          .send({ id: `b-${i}`, name: `Backlog ${i}` })
          .expect(201);
      const expected = await accountEventIds(first, BigInt(registered.body.registeredPosition));
      expect(expected).toHaveLength(BACKLOG);
      // when the service stops after 8 acknowledgements, in the middle of the backlog
      release();
      await receiver.waitFor(() => receiver.acknowledged.length >= 8, 'eight acknowledgements');
      await first.close();
      const beforeRestart = receiver.received.length;
      const acknowledgedBefore = new Set(receiver.acknowledged.map((r) => r.eventId));
      expect(acknowledgedBefore.size).toBeLessThan(BACKLOG);
      // and another starts on the same data folder
      const second = await startTestApp({ dataDir, webhooks: FAST });
      try {
        await receiver.waitFor(() => receiver.deduplicated.length === BACKLOG, 'the whole backlog', 20_000);
        await pause(200);
        // then every event arrived, in order, and none acknowledged before the restart came again
        expect(receiver.deduplicated).toEqual(expected);
        const afterRestart = receiver.received.slice(beforeRestart);
        expect(afterRestart.length).toBeGreaterThan(0);
        expect(afterRestart.filter((r) => acknowledgedBefore.has(r.eventId))).toEqual([]);
        // nothing was sent twice at all: every acknowledgement was recorded before the first service stopped
        expect(receiver.received.map((r) => r.eventId)).toEqual(expected);
        const webhook = (await second.as().get('/api/webhooks/sync').expect(200)).body;
        expect(webhook.delivery.deliveredThrough).toBe(JSON.parse(receiver.received.at(-1)!.body).position);
      } finally {
        await second.close();
      }
    });

    it('an instance that does not deliver refuses a replay (409) rather than queue it where nobody sends it', async () => {
      const idle = await startTestApp({ dataDir, webhooks: { ...FAST, dispatch: false } });
      try {
        const [latest] = (await idle.as().get('/api/webhooks/sync/deliveries?limit=1').expect(200)).body.items;
        const res = await idle.as().post(`/api/webhooks/sync/deliveries/${latest.id}/replay`).expect(409);
        expect(res.body.code).toBe('dispatch-off');
        await idle.as().post('/api/webhooks/sync/replay').send({ fromPosition: '0' }).expect(409);
        expect((await idle.as().get('/api/webhooks/sync').expect(200)).body.delivery).toMatchObject({ dispatchedHere: false, delivering: false });
      } finally {
        await idle.close();
      }
    });
  });
});
