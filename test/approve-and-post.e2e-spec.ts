import { ledgerStream, timeEntryStream } from '@billing/domain';
import { EVENT_STORE, type EventStore } from '@billing/event-store';
import { logTime, setUpLinkedContracts } from './support/msp-fixture';
import { startTestApp, type TestApp } from './support/test-app';

async function streamTypes(t: TestApp, stream: string): Promise<string[]> {
  const store = t.app.get<EventStore>(EVENT_STORE);
  const types: string[] = [];
  for await (const e of store.readStream(stream)) types.push(e.type);
  return types;
}

describe('time to money over HTTP: the linked contracts of billing-rules §4', () => {
  let t: TestApp;
  let technician: string;
  let ids: Awaited<ReturnType<typeof setUpLinkedContracts>>;

  beforeAll(async () => {
    t = await startTestApp();
    technician = await t.keyFor('technician');
    ids = await setUpLinkedContracts(t);
  });
  afterAll(async () => t.dispose());

  it('routes each entry by work type alone, previews, posts, and shows balances and the dashboard', async () => {
    // given: a week of time; the engineer only picks the work type
    const remote = await logTime(t, technician, { id: 'te-remote', accountId: 'acme', workTypeId: 'remote', dateWorked: '2026-11-16', hoursWorked: '2' });
    const onsite = await logTime(t, technician, { id: 'te-onsite', accountId: 'acme', workTypeId: 'onsite', dateWorked: '2026-11-17', hoursWorked: 3 });
    const ooh = await logTime(t, technician, { id: 'te-ooh', accountId: 'acme', workTypeId: 'out-of-hours', dateWorked: '2026-11-18', hoursWorked: '2.00' });
    // Remote Support stays on the recurring contract; Onsite goes on to the block; Out-of-Hours to T&M
    expect(remote).toMatchObject({ contractId: ids.rec, routing: [ids.rec], hoursToBill: '2', status: 'PENDING' });
    expect(onsite).toMatchObject({ contractId: ids.blk, routing: [ids.rec, ids.blk], hoursToBill: '3' });
    expect(ooh).toMatchObject({ contractId: ids.tm, routing: [ids.rec, ids.blk, ids.tm], hoursToBill: '2' });

    // when: finance previews
    const preview = await t.as().get('/api/approve-and-post?accountId=acme').expect(200);
    const byId = Object.fromEntries(preview.body.items.map((i: { sourceItemId: string }) => [i.sourceItemId, i]));
    expect(Object.keys(byId).sort()).toEqual([ids.block, 'te-onsite', 'te-ooh', 'te-remote']);
    expect(byId['te-remote'].preview).toMatchObject({ amount: '0.00', covered: true, overage: false }); // covered by the recurring fee
    expect(byId['te-onsite'].preview).toMatchObject({ amount: '0.00', covered: true, hoursToBill: '3' });
    expect(byId['te-onsite'].preview.parts[0].draws).toEqual([{ purchaseId: ids.block, kind: 'hours', quantity: '3' }]); // 3 h × multiplier 1
    expect(byId['te-ooh'].preview).toMatchObject({ rate: '165', amount: '330.00', covered: false }); // $110 T&M rate × 1.5 = $165; × 2 h = $330.00
    expect(byId['te-ooh']).toMatchObject({ type: 'LABOR', rate: '165', amount: '330.00', hoursToBill: '2', covered: false, overage: false }); // the fields of http-api.md, on the item
    expect(byId[ids.block].preview).toMatchObject({ amount: '1000.00' }); // 10 h × $100 block rate, billed up front

    // and the dashboard shows them awaiting Approve & Post (the previews at today's rates)
    const before = await t.as().get('/api/dashboard/unbilled?accountId=acme&asOf=2026-11-20').expect(200);
    expect(before.body.totals.byStage).toEqual({ AWAITING_POSTING: { count: 4, amount: '1330.00' } }); // 0 + 0 + 330 + 1000
    const oohRow = before.body.items.find((i: { sourceItemId: string }) => i.sourceItemId === 'te-ooh');
    expect(oohRow).toMatchObject({ ageDays: 2, ageBucket: '0-7', stuck: false, coverage: 'billable' }); // 18th → 20th

    // when: finance posts them all
    const posted = await t
      .as()
      .post('/api/approve-and-post')
      .send({ itemIds: ['te-remote', 'te-onsite', 'te-ooh', ids.block], postedDate: '2026-11-20' })
      .expect(200);
    // then: one billing item each, frozen with their numbers
    const items = Object.fromEntries(posted.body.posted.map((i: { sourceItemId: string }) => [i.sourceItemId, i]));
    expect(posted.body.posted).toHaveLength(4);
    expect(items['te-remote']).toMatchObject({
      type: 'LABOR',
      contractId: ids.rec,
      billToAccountId: 'acme',
      quantity: '2',
      amount: '0.00',
      covered: true,
      cost: '100.00',
    }); // cost 2 h × $50
    expect(items['te-onsite']).toMatchObject({ type: 'LABOR', contractId: ids.blk, quantity: '3', amount: '0.00', covered: true, cost: '150.00' });
    expect(items['te-ooh']).toMatchObject({
      type: 'LABOR',
      contractId: ids.tm,
      quantity: '2',
      rate: '165',
      amount: '330.00',
      tax: '0.00',
      covered: false,
      postedDate: '2026-11-20',
    });
    expect(items[ids.block]).toMatchObject({ type: 'BLOCK_PURCHASE', quantity: '10', rate: '100', amount: '1000.00' });

    // the block's balance: 10 purchased, 3 used, 7 left
    const balance = await t.as().get(`/api/contracts/${ids.blk}/balance`).expect(200);
    expect(balance.body).toMatchObject({ contractId: ids.blk, type: 'BLOCK_HOURS', purchased: '10', used: '3', remaining: '7', overage: '0.00' });
    expect(balance.body.purchases).toEqual([
      { id: ids.block, kind: 'BLOCK', purchased: '10', used: '3', remaining: '7', startDate: '2026-11-01', endDate: '2026-11-30' },
    ]);

    // the dashboard now shows them posted, awaiting an invoice, and nothing awaiting posting
    const after = await t.as().get('/api/dashboard/unbilled?accountId=acme&asOf=2026-11-20').expect(200);
    expect(after.body.totals.byStage).toEqual({ AWAITING_INVOICE: { count: 4, amount: '1330.00' } });
    expect((await t.as().get('/api/approve-and-post?accountId=acme').expect(200)).body.items).toEqual([]);
    expect((await t.as().get('/api/time-entries/te-ooh').expect(200)).body.status).toBe('POSTED');
  });

  it('a split entry: the block covers what it has left, the rest is overage at the contract overage rate', async () => {
    // given: 7 block hours left; 9 hours onsite
    await logTime(t, technician, { id: 'te-big', accountId: 'acme', workTypeId: 'onsite', dateWorked: '2026-11-19', hoursWorked: '9' });
    // when
    const res = await t
      .as()
      .post('/api/approve-and-post')
      .send({ itemIds: ['te-big'], postedDate: '2026-11-20' })
      .expect(200);
    // then: 7 h covered, 2 h overage × $140 = $280.00
    expect(res.body.posted.map((i: { type: string; quantity: string; amount: string; covered: boolean }) => [i.type, i.quantity, i.amount, i.covered])).toEqual(
      [
        ['LABOR', '7', '0.00', true],
        ['LABOR_OVERAGE', '2', '280.00', false],
      ],
    );
    const balance = await t.as().get(`/api/contracts/${ids.blk}/balance`).expect(200);
    expect(balance.body).toMatchObject({ used: '10', remaining: '0', overage: '280.00' });
  });

  it('the same request again (a retry) posts nothing twice', async () => {
    const ledger = ledgerStream('acme');
    const eventsBefore = await streamTypes(t, ledger);
    const again = await t
      .as()
      .post('/api/approve-and-post')
      .send({ itemIds: ['te-big'], postedDate: '2026-11-20' })
      .expect(200);
    expect(again.body.posted.map((i: { id: string }) => i.id)).toEqual(['bi-te-big-1', 'bi-te-big-2']);
    expect(await streamTypes(t, ledger)).toEqual(eventsBefore);
  });

  it('an approved or posted entry cannot be revised (409); after an unpost it can, and everything it drew is given back', async () => {
    await t.as(technician).patch('/api/time-entries/te-big').send({ hoursWorked: '8' }).expect(409);
    // when: finance unposts one part of the split
    const unposted = await t.as().post('/api/billing-items/bi-te-big-2/unpost').send({ reason: 'logged on the wrong day' }).expect(200);
    // then: both parts go, the 7 block hours and the $280 overage are given back
    expect(unposted.body.unposted.map((i: { id: string; status: string }) => [i.id, i.status])).toEqual([
      ['bi-te-big-1', 'UNPOSTED'],
      ['bi-te-big-2', 'UNPOSTED'],
    ]);
    expect((await t.as().get(`/api/contracts/${ids.blk}/balance`)).body).toMatchObject({ used: '3', remaining: '7', overage: '0.00' });
    expect((await t.as().get('/api/time-entries/te-big')).body.status).toBe('PENDING');
    // and the entry can be revised again: 6 h now fit in the block
    const revised = await t.as(technician).patch('/api/time-entries/te-big').send({ hoursWorked: '6' }).expect(200);
    expect(revised.body).toMatchObject({ hoursToBill: '6', contractId: ids.blk, status: 'PENDING' });
    const reposted = await t
      .as()
      .post('/api/approve-and-post')
      .send({ itemIds: ['te-big'] })
      .expect(200);
    expect(reposted.body.posted.map((i: { id: string; quantity: string; amount: string }) => [i.id, i.quantity, i.amount])).toEqual([
      ['bi-te-big-3', '6', '0.00'],
    ]);
    // the history keeps every step
    expect(await streamTypes(t, timeEntryStream('te-big'))).toEqual(['TimeEntryLogged', 'ItemApproved', 'ItemReleased', 'TimeEntryRevised', 'ItemApproved']);
  });

  it('a crash between ItemApproved and ItemPosted is finished by the next Approve & Post, with the numbers the approval fixed', async () => {
    // given: an entry approved with an override, and the process "died" before posting
    await logTime(t, technician, { id: 'te-crash', accountId: 'acme', workTypeId: 'out-of-hours', dateWorked: '2026-11-19', hoursWorked: '2' });
    const store = t.app.get<EventStore>(EVENT_STORE);
    await store.appendToStream(
      timeEntryStream('te-crash'),
      [
        {
          id: '00000000-0000-4000-8000-000000000001',
          type: 'ItemApproved',
          data: { itemId: 'te-crash', ledgerAccountId: 'acme', postedDate: '2026-11-19', overrides: { hoursToBill: '1.5' }, approvedBy: 'bootstrap' },
          metadata: {
            actor: 'bootstrap',
            actorRole: 'finance',
            correlationId: 'crash',
            causationId: 'crash',
            occurredAt: '2026-11-19T17:00:00.000Z',
            schemaVersion: 1,
          },
        },
      ],
      { expectedRevision: 0n },
    );
    await t.caughtUp();
    expect((await t.as().get('/api/time-entries/te-crash')).body.status).toBe('APPROVED');
    // when: the next Approve & Post names it (without overrides or a date of its own)
    const res = await t
      .as()
      .post('/api/approve-and-post')
      .send({ itemIds: ['te-crash'] })
      .expect(200);
    // then: it posts with the approval's 1.5 h and date: $165 × 1.5 h = $247.50
    expect(res.body.posted).toEqual([
      expect.objectContaining({
        sourceItemId: 'te-crash',
        quantity: '1.5',
        rate: '165',
        amount: '247.50',
        postedDate: '2026-11-19',
        original: { hoursToBill: '2' },
      }),
    ]);
  });
});
