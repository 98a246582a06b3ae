import { ledgerDecider, ledgerStream, timeEntryStream } from '@billing/domain';
import { EVENT_STORE, type EventStore } from '@billing/event-store';
import { StreamDecisions } from '../apps/billing-api/src/infrastructure/stream-decisions';
import { logTime, setUpLinkedContracts } from './support/msp-fixture';
import { startTestApp, type TestApp } from './support/test-app';

const meta = { actor: 'bootstrap', actorRole: 'finance', correlationId: 'crash', causationId: 'crash', occurredAt: '2026-11-19T17:00:00.000Z' };

/** Requests that stopped halfway, and what finance does about them. */
describe('Approve & Post recovers from requests that stopped halfway', () => {
  let t: TestApp;
  let technician: string;
  beforeAll(async () => {
    t = await startTestApp();
    technician = await t.keyFor('technician');
    await setUpLinkedContracts(t); // 10-hour block; T&M at $110, Out-of-Hours × 1.5 = $165/h
  });
  afterAll(async () => t.dispose());

  /** An approval written as Approve & Post writes it, by a request that then died. */
  async function approvedThenCrashed(itemId: string, overrides: object, postedDate = '2026-11-19') {
    const store = t.app.get<EventStore>(EVENT_STORE);
    await store.appendToStream(
      timeEntryStream(itemId),
      [
        {
          id: `${itemId}-approval`,
          type: 'ItemApproved',
          data: { itemId, ledgerAccountId: 'acme', postedDate, overrides, approvedBy: 'bootstrap', postingsBefore: 0 },
          metadata: { ...meta, schemaVersion: 1 },
        },
      ],
      { expectedRevision: 0n },
    );
    await t.caughtUp();
  }

  it('a standing approval and a request that asks for other choices: 409, not silently overruled', async () => {
    await logTime(t, technician, { id: 'te-choice', accountId: 'acme', workTypeId: 'out-of-hours', dateWorked: '2026-11-18', hoursWorked: '2' });
    await approvedThenCrashed('te-choice', { hourlyRate: '120' });
    const res = await t
      .as()
      .post('/api/approve-and-post')
      .send({ itemIds: ['te-choice'], overrides: { 'te-choice': { hourlyRate: '80' } } })
      .expect(409);
    expect(res.body).toMatchObject({ error: 'conflict', code: 'approved-with-other-choices' });
    await t
      .as()
      .post('/api/approve-and-post')
      .send({ itemIds: ['te-choice'], postedDate: '2026-11-30' })
      .expect(409);
    // the approval's own choices post: 2 h × $120 = $240.00
    const posted = await t
      .as()
      .post('/api/approve-and-post')
      .send({ itemIds: ['te-choice'] })
      .expect(200);
    expect(posted.body.posted[0]).toMatchObject({ rate: '120', amount: '240.00', postedDate: '2026-11-19' });
  });

  it('an approval that cannot post (a rate for work the block covers) is released by finance, then posts', async () => {
    // given: onsite work the block covers, approved with a rate before a crash
    await logTime(t, technician, { id: 'te-stuck', accountId: 'acme', workTypeId: 'onsite', dateWorked: '2026-11-18', hoursWorked: '4' });
    await approvedThenCrashed('te-stuck', { hourlyRate: '120' });
    const refused = await t
      .as()
      .post('/api/approve-and-post')
      .send({ itemIds: ['te-stuck'] })
      .expect(422);
    expect(refused.body.rule).toBe('override-on-uncharged-item');
    await t.as(technician).patch('/api/time-entries/te-stuck').send({ hoursWorked: '3' }).expect(409);
    // when: finance releases it
    const released = await t
      .as()
      .post('/api/approve-and-post/release')
      .send({ itemIds: ['te-stuck'], reason: 'approved with a rate by mistake' })
      .expect(200);
    expect(released.body).toEqual({ released: ['te-stuck'] });
    // then: it is editable again, and posts from the block
    expect((await t.as().get('/api/time-entries/te-stuck')).body.status).toBe('PENDING');
    const posted = await t
      .as()
      .post('/api/approve-and-post')
      .send({ itemIds: ['te-stuck'] })
      .expect(200);
    expect(posted.body.posted[0]).toMatchObject({ quantity: '4', amount: '0.00', covered: true });
    // a posted item is not released: it is unposted
    await t
      .as()
      .post('/api/approve-and-post/release')
      .send({ itemIds: ['te-stuck'], reason: 'x' })
      .expect(409);
  });

  it('an unpost that stopped before releasing its item: the next Approve & Post posts it with the new choices', async () => {
    // given: an entry posted with a typo rate ($500), then unposted on the ledger by a request that died before the release
    await logTime(t, technician, { id: 'te-typo', accountId: 'acme', workTypeId: 'out-of-hours', dateWorked: '2026-11-18', hoursWorked: '2' });
    const first = await t
      .as()
      .post('/api/approve-and-post')
      .send({ itemIds: ['te-typo'], overrides: { 'te-typo': { hourlyRate: '500' } } })
      .expect(200);
    expect(first.body.posted[0]).toMatchObject({ amount: '1000.00' }); // 2 h × $500
    await t.app
      .get(StreamDecisions)
      .decide(ledgerStream('acme'), ledgerDecider, { type: 'UnpostItem', billingItemId: 'bi-te-typo-1', reason: 'typo' }, meta, { cache: true });
    await t.caughtUp();
    expect((await t.as().get('/api/time-entries/te-typo')).body.status).toBe('APPROVED');
    // when: finance posts it again with the right rate
    const again = await t
      .as()
      .post('/api/approve-and-post')
      .send({ itemIds: ['te-typo'], overrides: { 'te-typo': { hourlyRate: '100' } }, postedDate: '2026-11-21' })
      .expect(200);
    // then: the spent approval was released first, and the new choices hold: 2 h × $100 = $200.00
    expect(again.body.posted).toEqual([expect.objectContaining({ id: 'bi-te-typo-2', rate: '100', amount: '200.00', postedDate: '2026-11-21' })]);
    const store = t.app.get<EventStore>(EVENT_STORE);
    const types: string[] = [];
    for await (const e of store.readStream(timeEntryStream('te-typo'))) types.push(e.type);
    expect(types).toEqual(['TimeEntryLogged', 'ItemApproved', 'ItemReleased', 'ItemApproved']);
  });
});
