import { ledgerStream, timeEntryStream, type BillingItemData, type ItemApprovedData } from '@billing/domain';
import { EVENT_STORE, type EventStore } from '@billing/event-store';
import { logTime, setUpLinkedContracts } from './support/msp-fixture';
import { startTestApp, type TestApp } from './support/test-app';

async function eventsOf(t: TestApp, stream: string): Promise<{ type: string; data: unknown; metadata: Record<string, unknown> }[]> {
  const events = [];
  for await (const e of t.app.get<EventStore>(EVENT_STORE).readStream(stream)) events.push({ type: e.type, data: e.data, metadata: e.metadata });
  return events;
}

interface Preview {
  sourceItemId: string;
  contractId: string | null;
  rate: string | null;
  amount: string | null;
  covered: boolean | null;
  error: string | null;
  routingOverride: unknown;
}

/** billing-rules §4.4: Approve & Post may re-route an entry explicitly, and the posting says so. */
describe('Approve & Post re-routes a time entry (override contractId)', () => {
  let t: TestApp;
  let technician: string;
  let ids: Awaited<ReturnType<typeof setUpLinkedContracts>>;

  const contract = async (body: object) => t.as().post('/api/contracts').send(body).expect(201);
  const preview = async (query: string): Promise<Preview> => {
    const res = await t.as().get(`/api/approve-and-post?accountId=acme&${query}`).expect(200);
    return res.body.items.find((i: Preview) => i.sourceItemId === 'te-onsite');
  };

  beforeAll(async () => {
    t = await startTestApp();
    technician = await t.keyFor('technician');
    // Recurring (default) → Block (10 h, overage $140/h) → T&M ($110/h for engineers); engineers $120/h without a contract
    ids = await setUpLinkedContracts(t);
    await t.as().post('/api/accounts').send({ id: 'globex', name: 'Globex' }).expect(201);
    const tm = { type: 'TIME_AND_MATERIALS', roleRates: [{ roleId: 'engineer', hourlyRate: '90' }] };
    await contract({ id: 'globex-tm', accountId: 'globex', name: 'Globex T&M', startDate: '2026-01-01', endDate: '2026-12-31', ...tm });
    await contract({ id: 'acme-old', accountId: 'acme', name: 'Old T&M', startDate: '2026-01-01', endDate: '2026-12-31', ...tm });
    await t.as().patch('/api/contracts/acme-old').send({ status: 'INACTIVE' }).expect(200);
    await contract({ id: 'acme-2027', accountId: 'acme', name: 'Next year', startDate: '2027-01-01', endDate: '2027-12-31', ...tm });
    // given: 3 h of Onsite work, routed Recurring → Block
    const entry = await logTime(t, technician, { id: 'te-onsite', accountId: 'acme', workTypeId: 'onsite', dateWorked: '2026-11-17', hoursWorked: '3' });
    expect(entry).toMatchObject({ contractId: ids.blk, routing: [ids.rec, ids.blk] });
  });
  afterAll(async () => t.dispose());

  it('the preview shows the effect first: on the block it is covered; re-routed to T&M, 3 h × $110; to no contract, 3 h × $120', async () => {
    expect(await preview('')).toMatchObject({ contractId: ids.blk, amount: '0.00', covered: true, routingOverride: null });
    expect(await preview(`rerouteItemId=te-onsite&rerouteContractId=${ids.tm}`)).toMatchObject({
      contractId: ids.tm,
      rate: '110',
      amount: '330.00',
      covered: false,
      error: null,
      routingOverride: { routedContractId: ids.blk, routing: [ids.rec, ids.blk] },
    });
    expect(await preview('rerouteItemId=te-onsite&rerouteContractId=')).toMatchObject({
      contractId: null,
      rate: '120',
      amount: '360.00',
      routingOverride: { routedContractId: ids.blk },
    });
  });

  it('the preview shows a re-routing that would be refused as the item’s error; half a re-routing is 400; an unknown item 404', async () => {
    expect(await preview('rerouteItemId=te-onsite&rerouteContractId=globex-tm')).toMatchObject({
      amount: null,
      error: 'contract globex-tm belongs to account globex, not to acme',
    });
    await t.as().get('/api/approve-and-post?rerouteItemId=te-onsite').expect(400);
    await t.as().get('/api/approve-and-post?rerouteItemId=nope&rerouteContractId=acme-tm').expect(404);
  });

  it.each([
    ['of another account', 'globex-tm', 'contract-of-another-account'],
    ['not active', 'acme-old', 'contract-inactive'],
    ['not covering the date worked', 'acme-2027', 'date-outside-contract'],
  ])('a contract %s: 422, and nothing is written', async (_name, contractId, ruleName) => {
    const before = await eventsOf(t, timeEntryStream('te-onsite'));
    const res = await t
      .as()
      .post('/api/approve-and-post')
      .send({ itemIds: ['te-onsite'], overrides: { 'te-onsite': { contractId, reason: 'billed elsewhere' } } })
      .expect(422);
    expect(res.body).toMatchObject({ error: 'rule', rule: ruleName });
    expect(await eventsOf(t, timeEntryStream('te-onsite'))).toEqual(before);
    expect(await eventsOf(t, ledgerStream('acme'))).toEqual([]);
  });

  it('a re-routing without a reason, or a reason without one: 400', async () => {
    const res = await t
      .as()
      .post('/api/approve-and-post')
      .send({ itemIds: ['te-onsite'], overrides: { 'te-onsite': { contractId: ids.tm } } })
      .expect(400);
    expect(res.body.details).toEqual([{ field: 'overrides.te-onsite.reason', message: 'reason is required with contractId: say why the entry is re-routed' }]);
    await t
      .as()
      .post('/api/approve-and-post')
      .send({ itemIds: ['te-onsite'], overrides: { 'te-onsite': { hourlyRate: '100', reason: 'why not' } } })
      .expect(400);
    await t
      .as()
      .post('/api/approve-and-post')
      .send({ itemIds: ['te-onsite'], overrides: { 'te-onsite': { contractId: 'not an id', reason: 'x' } } })
      .expect(400);
  });

  it('routed to the block, posted re-routed to T&M: rated on T&M, the block untouched, and the events record the routing it had, the override, who and why', async () => {
    const reason = 'the customer agreed to pay this visit as T&M';
    const res = await t
      .as()
      .post('/api/approve-and-post')
      .send({ itemIds: ['te-onsite'], postedDate: '2026-11-21', overrides: { 'te-onsite': { contractId: ids.tm, reason } } })
      .expect(200);
    // 3 h × $110 (T&M's engineer rate), nothing drawn from the block
    expect(res.body.posted).toMatchObject([
      { id: 'bi-te-onsite-1', type: 'LABOR', contractId: ids.tm, rate: '110', amount: '330.00', covered: false, draws: [] },
    ]);
    expect((await t.as().get(`/api/contracts/${ids.blk}/balance`).expect(200)).body).toMatchObject({ used: '0', remaining: '10' });

    const [approved] = (await eventsOf(t, timeEntryStream('te-onsite'))).filter((e) => e.type === 'ItemApproved');
    expect(approved).toMatchObject({ data: { overrides: { contractId: ids.tm, reason } }, metadata: { schemaVersion: 2 } });
    const [posted] = await eventsOf(t, ledgerStream('acme'));
    const data = posted.data as BillingItemData;
    expect(data).toMatchObject({
      contractId: ids.tm,
      routingOverride: { routedContractId: ids.blk, routing: [ids.rec, ids.blk], contractId: ids.tm, reason },
      overrides: { contractId: ids.tm, reason },
      approvedBy: (approved.data as ItemApprovedData).approvedBy,
    });
    expect(posted.metadata).toMatchObject({ actor: data.approvedBy, actorRole: 'finance', schemaVersion: 2 });
  });

  it('sent again: the same re-routing is a retry (200); another contract is 409', async () => {
    await t
      .as()
      .post('/api/approve-and-post')
      .send({ itemIds: ['te-onsite'], overrides: { 'te-onsite': { contractId: ids.tm, reason: 'said again' } } })
      .expect(200);
    const res = await t
      .as()
      .post('/api/approve-and-post')
      .send({ itemIds: ['te-onsite'], overrides: { 'te-onsite': { contractId: null, reason: 'no, no contract' } } })
      .expect(409);
    expect(res.body.message).toBe(`item te-onsite is already posted with contractId ${ids.tm}, not none; unpost it to post it with other choices`);
  });

  it('routed to T&M, re-routed to the block: the block pays, as routing there would have had it', async () => {
    const entry = await logTime(t, technician, { id: 'te-ooh', accountId: 'acme', workTypeId: 'out-of-hours', dateWorked: '2026-11-18', hoursWorked: '2' });
    expect(entry.contractId).toBe(ids.tm);
    const res = await t
      .as()
      .post('/api/approve-and-post')
      .send({ itemIds: ['te-ooh'], overrides: { 'te-ooh': { contractId: ids.blk, reason: 'urgent work counts against the block' } } })
      .expect(200);
    // 2 h × the Out-of-Hours multiplier 1.5 = 3 block hours drawn, covered at 0.00
    expect(res.body.posted).toMatchObject([
      { contractId: ids.blk, covered: true, amount: '0.00', draws: [{ purchaseId: ids.block, kind: 'hours', quantity: '3' }] },
    ]);
    expect((await t.as().get(`/api/contracts/${ids.blk}/balance`).expect(200)).body).toMatchObject({ used: '3', remaining: '7' });
  });

  it('re-routed to no contract: the role’s own rate', async () => {
    await logTime(t, technician, { id: 'te-none', accountId: 'acme', workTypeId: 'onsite', dateWorked: '2026-11-18', hoursWorked: '2' });
    const res = await t
      .as()
      .post('/api/approve-and-post')
      .send({ itemIds: ['te-none'], overrides: { 'te-none': { contractId: null, reason: 'outside the agreement' } } })
      .expect(200);
    // 2 h × $120 (the engineer's hourly rate)
    expect(res.body.posted).toMatchObject([{ contractId: null, rate: '120', amount: '240.00' }]);
    const posted = (await eventsOf(t, ledgerStream('acme'))).map((e) => e.data as BillingItemData).find((d) => d.sourceItemId === 'te-none');
    expect(posted).toMatchObject({
      labour: { rateSource: 'ROLE_RATE' },
      routingOverride: { routedContractId: ids.blk, contractId: null, reason: 'outside the agreement' },
    });
  });

  it('unposted, a re-routed entry is back where routing put it: the entry’s own stream never changed', async () => {
    await t.as().post('/api/billing-items/bi-te-none-1/unpost').send({ reason: 'decided again' }).expect(200);
    const res = await t.as().get('/api/approve-and-post?accountId=acme').expect(200);
    expect(res.body.items.find((i: Preview) => i.sourceItemId === 'te-none')).toMatchObject({ contractId: ids.blk, covered: true, routingOverride: null });
  });

  it('OpenAPI documents the override’s contractId and reason, and the preview’s re-routing', async () => {
    const doc = (await t.as().get('/api/docs/openapi.json').expect(200)).body;
    expect(Object.keys(doc.components.schemas.ItemOverrideRequest.properties)).toEqual(expect.arrayContaining(['contractId', 'reason']));
    const parameters = doc.paths['/api/approve-and-post'].get.parameters.map((p: { name: string }) => p.name);
    expect(parameters).toEqual(expect.arrayContaining(['rerouteItemId', 'rerouteContractId']));
  });

  it('a charge names its contract itself: a contractId for it is 422 override-not-allowed', async () => {
    await t.as().post('/api/billing-codes').send({ id: 'hw', name: 'Hardware', type: 'material' }).expect(201);
    await t
      .as(technician)
      .post('/api/charges')
      .send({ id: 'ch-1', accountId: 'acme', billingCodeId: 'hw', name: 'Cable', date: '2026-11-18', quantity: '1', unitPrice: '10' })
      .expect(201);
    const res = await t
      .as()
      .post('/api/approve-and-post')
      .send({ itemIds: ['ch-1'], overrides: { 'ch-1': { contractId: ids.tm, reason: 'x' } } })
      .expect(422);
    expect(res.body.rule).toBe('override-not-allowed');
  });

  it('posted, unposted, then re-routed to a contract billed to another account: the new ledger’s billing item has an id of its own', async () => {
    // given: acme's T&M contract billed to acme-hq, and 1 h posted on acme's own T&M (ledger acme)
    await t.as().post('/api/accounts').send({ id: 'acme-hq', name: 'Acme HQ' }).expect(201);
    await contract({
      id: 'acme-hq-tm',
      accountId: 'acme',
      billToAccountId: 'acme-hq',
      name: 'Billed to HQ',
      type: 'TIME_AND_MATERIALS',
      startDate: '2026-01-01',
      endDate: '2026-12-31',
      roleRates: [{ roleId: 'engineer', hourlyRate: '100' }],
    });
    await logTime(t, technician, { id: 'te-move', accountId: 'acme', workTypeId: 'remote', dateWorked: '2026-11-19', hoursWorked: '1', contractId: ids.tm });
    const first = await t
      .as()
      .post('/api/approve-and-post')
      .send({ itemIds: ['te-move'] })
      .expect(200);
    expect(first.body.posted.map((i: BillingItemData & { id: string }) => [i.id, i.billToAccountId])).toEqual([['bi-te-move-1', 'acme']]);
    await t.as().post('/api/billing-items/bi-te-move-1/unpost').send({ reason: 'belongs to HQ' }).expect(200);
    // when: re-routed to the contract billed to acme-hq (a ledger that never saw te-move: its count starts at 1 again)
    const second = await t
      .as()
      .post('/api/approve-and-post')
      .send({ itemIds: ['te-move'], overrides: { 'te-move': { contractId: 'acme-hq-tm', reason: 'HQ pays for this work' } } })
      .expect(200);
    // then: two billing items, two ids, and the read models hold both
    expect(second.body.posted.map((i: BillingItemData & { id: string }) => [i.id, i.billToAccountId, i.amount])).toEqual([
      ['bi-te-move-1@acme-hq', 'acme-hq', '100.00'],
    ]);
    await t.as().get('/api/billing-items/bi-te-move-1').expect(200);
    await t.as().get('/api/billing-items/bi-te-move-1@acme-hq').expect(200);
    expect((await t.as().get('/health').expect(200)).body.status).toBeDefined();
  });
});
