import { DeliveryLog, type NewDelivery } from './delivery-log';

const at = new Date('2026-11-20T09:00:00.000Z');
const later = new Date('2026-11-20T09:00:30.000Z');
const event = (position: number, kind: NewDelivery['kind'] = 'live'): NewDelivery => ({
  webhookId: 'crm',
  eventId: `e-${position}`,
  eventType: 'AccountCreated',
  streamId: `account-a-${position}`,
  revision: 0n,
  position: BigInt(position),
  kind,
  replayOf: null,
});

describe('delivery log', () => {
  let log: DeliveryLog;
  beforeEach(() => {
    log = new DeliveryLog(':memory:');
  });
  afterEach(() => log.close());

  it('starts a webhook at its registration, once', () => {
    expect(log.startAt('crm', 7n)).toEqual({ position: 7n, consecutiveFailures: 0 });
    expect(log.startAt('crm', 2n)).toEqual({ position: 7n, consecutiveFailures: 0 });
  });

  it('an acknowledged live delivery moves the checkpoint to its event in the same step; a replay does not', () => {
    // given
    log.startAt('crm', 7n);
    const live = log.add(event(9), at);
    const replay = log.add(event(3, 'replay'), at);
    // when
    log.delivered(live, 200, later);
    // then
    expect(log.checkpoint('crm')?.position).toBe(9n);
    log.delivered(replay, 204, later);
    expect(log.checkpoint('crm')?.position).toBe(9n);
    expect(log.find('crm', live.id)).toMatchObject({ status: 'delivered', attempts: 1, lastStatusCode: 200, deliveredAt: later.toISOString() });
  });

  it('sends the oldest delivery not yet acknowledged first, and none that a pause holds', () => {
    log.startAt('crm', 0n);
    const first = log.add(event(1), at);
    const second = log.add(event(2, 'replay'), at);
    expect(log.nextToSend('crm')?.id).toBe(first.id);
    // when the first fails and the webhook is paused
    log.failed(first, { statusCode: 503, error: 'HTTP 503' }, at, 10, null);
    // then it is held, and counted
    expect(log.find('crm', first.id)).toMatchObject({ status: 'paused', attempts: 1, lastStatusCode: 503, nextAttemptAt: null });
    expect(log.checkpoint('crm')?.consecutiveFailures).toBe(10);
    expect(log.nextToSend('crm')?.id).toBe(second.id);
    // and a resume makes it due again, with the failures counted from zero
    log.resume('crm', later);
    expect(log.nextToSend('crm')).toMatchObject({ id: first.id, status: 'retrying', nextAttemptAt: later.toISOString() });
    expect(log.checkpoint('crm')?.consecutiveFailures).toBe(0);
  });

  it('reads the store on from the checkpoint, or from the last live delivery made if it is further', () => {
    log.startAt('crm', 4n);
    expect(log.readFrom('crm')).toBe(4n);
    log.add(event(6), at);
    log.add(event(11, 'replay'), at);
    expect(log.readFrom('crm')).toBe(6n);
  });

  it('pages newest first, filtered by status', () => {
    log.startAt('crm', 0n);
    const [a, b, c] = [1, 2, 3].map((p) => log.add(event(p), at));
    log.delivered(a, 200, at);
    log.failed(b, { statusCode: null, error: 'connect ECONNREFUSED 127.0.0.1:9' }, at, 1, later);
    expect(log.page('crm', undefined, { limit: 2, offset: 0 })).toMatchObject({ total: 3, rows: [{ id: c.id }, { id: b.id }] });
    expect(log.page('crm', 'retrying', { limit: 10, offset: 0 })).toMatchObject({
      total: 1,
      rows: [{ id: b.id, lastError: 'connect ECONNREFUSED 127.0.0.1:9' }],
    });
    expect(log.summary('crm')).toEqual({ checkpoint: { position: 1n, consecutiveFailures: 1 }, undelivered: 2, nextAttemptAt: later.toISOString() });
  });

  it('keeps the newest acknowledged deliveries of a webhook and drops older ones; never one not yet acknowledged', () => {
    // given 5 deliveries, the 2nd not acknowledged
    log.startAt('crm', 0n);
    const made = [1, 2, 3, 4, 5].map((p) => log.add(event(p), at));
    made.filter((_, i) => i !== 1).forEach((d) => log.delivered(d, 200, at));
    // when only the newest 2 are kept
    log.prune('crm', 2);
    // then
    expect(log.page('crm', undefined, { limit: 10, offset: 0 }).rows.map((d) => d.position)).toEqual(['5', '4', '2']);
    expect(log.checkpoint('crm')?.position).toBe(5n);
  });
});
