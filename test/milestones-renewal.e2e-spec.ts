import { EVENT_STORE, type EventStore } from '@billing/event-store';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * Fixed Price milestones and contract renewal over HTTP (billing-rules §7): a milestone is billable
 * once marked ready and due, posts like the other contract items and is billed until unposted; a
 * contract is extended by hand (ContractExtended) or renews itself when accrual runs past its end.
 * Amounts worked out by hand beside them. "Today" is the machine's date: the milestones due in the
 * past are due in 2026, those not due yet in 2045.
 */
describe('milestones and contract renewal', () => {
  let t: TestApp;
  const store = () => t.app.get<EventStore>(EVENT_STORE);
  const head = () => store().headPosition();
  const ok = async (req: PromiseLike<{ status: number; body: unknown }>) => {
    const res = await req;
    if (res.status !== 200 && res.status !== 201) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
    return res.body as Record<string, unknown>;
  };
  /** The request is refused with `status` (and, for a 422, `rule`), and nothing is written. */
  const refused = async (req: () => PromiseLike<{ status: number; body: Record<string, unknown> }>, status: number, rule?: string) => {
    const before = await head();
    const res = await req();
    expect({ status: res.status, rule: res.body.rule }).toEqual({ status, rule: rule ?? res.body.rule });
    expect(await head()).toBe(before);
    return res.body;
  };
  const addMilestone = (contractId: string, body: object) => t.as().post(`/api/contracts/${contractId}/milestones`).send(body);
  const ready = (contractId: string, milestoneId: string) => t.as().post(`/api/contracts/${contractId}/milestones/${milestoneId}/ready`);
  const post = (body: object) => t.as().post('/api/approve-and-post').send(body);
  const pending = async (query: string) => (await ok(t.as().get(`/api/approve-and-post?${query}`))).items as Record<string, unknown>[];
  const typesOn = async (streamId: string) => {
    const types: string[] = [];
    for await (const e of store().readStream(streamId)) types.push(e.type);
    return types;
  };
  const design = { id: 'fp-design', title: 'Design signed off', amount: '5000.00', dueDate: '2026-03-31', billingCodeId: 'ms' };

  beforeAll(async () => {
    t = await startTestApp();
    await ok(
      t
        .as()
        .post('/api/tax-regions')
        .send({ id: 'ny', name: 'New York', rates: [{ taxCategory: 'services', name: 'NY sales tax', rate: '0.08875' }] }),
    );
    // acme is billed by its group, which is in New York: the tax is the group's
    await ok(t.as().post('/api/accounts').send({ id: 'group', name: 'Acme Group', taxRegionId: 'ny' }));
    await ok(t.as().post('/api/accounts').send({ id: 'acme', name: 'Acme Dental', parentAccountId: 'group' }));
    await ok(t.as().post('/api/billing-codes').send({ id: 'ms', name: 'Project milestone', type: 'milestone', taxCategory: 'services' }));
    await ok(
      t.as().post('/api/contracts').send({
        id: 'fp',
        accountId: 'acme',
        name: 'Website rebuild',
        type: 'FIXED_PRICE',
        startDate: '2026-01-01',
        endDate: '2045-12-31',
        billToAccountId: 'group',
        purchaseOrderNumber: 'PO-9',
      }),
    );
    await ok(
      t
        .as()
        .post('/api/contracts')
        .send({ id: 'tm', accountId: 'acme', name: 'T&M', type: 'TIME_AND_MATERIALS', startDate: '2026-01-01', endDate: '2026-12-31' }),
    );
  });
  afterAll(async () => t.dispose());

  describe('milestones', () => {
    it('adds a milestone in progress; the same body again is 200, another body 409', async () => {
      const created = await addMilestone('fp', design).expect(201);
      expect(created.body).toEqual({
        contractId: 'fp',
        id: 'fp-design',
        title: 'Design signed off',
        amount: '5000',
        dueDate: '2026-03-31',
        billingCodeId: 'ms',
        status: 'IN_PROGRESS',
      });
      const before = await head();
      expect((await addMilestone('fp', { ...design, amount: 5000 }).expect(200)).body).toEqual(created.body);
      expect(await head()).toBe(before);
      await refused(() => addMilestone('fp', { ...design, amount: '5000.01' }), 409);
      expect(((await ok(t.as().get('/api/contracts/fp'))).milestones as unknown[]).length).toBe(1);
    });

    it('refuses, writing nothing: another contract type, a date outside the contract, unknown ids, bad amounts', async () => {
      await refused(() => addMilestone('tm', { ...design, id: 'tm-m' }), 422, 'milestone-not-for-contract-type');
      await refused(() => addMilestone('fp', { ...design, id: 'early', dueDate: '2025-12-31' }), 422, 'milestone-outside-contract');
      await refused(() => addMilestone('ghost', { ...design, id: 'ghost-m' }), 404);
      await refused(() => addMilestone('fp', { ...design, id: 'no-code', billingCodeId: 'nope' }), 404);
      await refused(() => addMilestone('fp', { ...design, id: 'zero', amount: '0' }), 400);
      await refused(() => addMilestone('fp', { ...design, id: 'huge', amount: '1000000000000' }), 400);
      await refused(() => addMilestone('fp', { ...design, id: 'no-title', title: undefined }), 400);
      await refused(() => addMilestone('fp', { ...design, id: 'bad-date', dueDate: '2026-02-30' }), 400);
      // the id names an item across the service: a charge or purchase may not have it, nor another contract's milestone
      await refused(() => addMilestone('fp', { ...design, id: 'svc:x' }), 422, 'item-id-reserved');
      // and: none of them exists
      expect(((await ok(t.as().get('/api/contracts/fp'))).milestones as { id: string }[]).map((m) => m.id)).toEqual(['fp-design']);
    });

    it('not ready: not in Approve & Post, and posting it is refused (milestone-not-ready)', async () => {
      expect(await pending('contractId=fp')).toEqual([]);
      const body = await refused(() => post({ itemIds: ['fp-design'], postedDate: '2026-04-01' }), 422, 'milestone-not-ready');
      expect(body.message).toMatch(/fp-design is not ready to bill/);
      expect((await ok(t.as().get('/api/dashboard/unbilled?contractId=fp'))).items).toEqual([]);
    });

    it('marked ready and due: a pending MILESTONE in Approve & Post and on the dashboard, taxed by its billing code in the bill-to account’s region', async () => {
      const answer = await ok(ready('fp', 'fp-design'));
      expect(answer).toMatchObject({ contractId: 'fp', id: 'fp-design', status: 'READY_TO_BILL' });
      // marking it again is a no-op
      const before = await head();
      expect(await ok(ready('fp', 'fp-design'))).toEqual(answer);
      expect(await head()).toBe(before);
      // 5,000.00 × 0.08875 = 443.75, the group's New York rate (acme has no region)
      expect(await pending('contractId=fp')).toEqual([
        expect.objectContaining({
          sourceItemId: 'fp-design',
          type: 'MILESTONE',
          sourceType: 'MILESTONE',
          status: 'PENDING',
          accountId: 'acme',
          billToAccountId: 'group',
          itemDate: '2026-03-31',
          description: 'Milestone: Design signed off',
          amount: '5000.00',
          preview: expect.objectContaining({ tax: '443.75', covered: false }),
          error: null,
        }),
      ]);
      expect((await pending('type=MILESTONE')).map((i) => i.sourceItemId)).toEqual(['fp-design']);
      expect((await ok(t.as().get('/api/dashboard/unbilled?contractId=fp&asOf=2026-04-10'))).items).toEqual([
        expect.objectContaining({
          stage: 'AWAITING_POSTING',
          sourceItemId: 'fp-design',
          type: 'MILESTONE',
          amount: '5000.00',
          itemDate: '2026-03-31',
          ageDays: 10,
        }),
      ]);
    });

    it('ready but not due: on the dashboard, not in Approve & Post, and not posted before its due date (milestone-not-due)', async () => {
      await ok(addMilestone('fp', { id: 'fp-launch', title: 'Launch', amount: '2500', dueDate: '2045-06-30' }));
      await ok(ready('fp', 'fp-launch'));
      expect((await pending('contractId=fp')).map((i) => i.sourceItemId)).toEqual(['fp-design']);
      expect(((await ok(t.as().get('/api/dashboard/unbilled?contractId=fp'))).items as { sourceItemId: string }[]).map((i) => i.sourceItemId)).toEqual([
        'fp-design',
        'fp-launch',
      ]);
      const body = await refused(() => post({ itemIds: ['fp-launch'], postedDate: '2045-06-29' }), 422, 'milestone-not-due');
      expect(body.message).toMatch(/due 2045-06-30; it cannot be posted on 2045-06-29/);
      // the request's other items are not posted either: all or nothing per bill-to account
      await refused(() => post({ itemIds: ['fp-design', 'fp-launch'], postedDate: '2026-04-02' }), 422, 'milestone-not-due');
    });

    it('posts on or after its due date like a contract item: billed, on the bill-to ledger with the contract’s PO; an unpost makes it ready again', async () => {
      const { posted } = (await ok(post({ itemIds: ['fp-design'], postedDate: '2026-04-02' }))) as { posted: Record<string, unknown>[] };
      expect(posted).toEqual([
        expect.objectContaining({
          id: 'bi-fp-design-1@group',
          sourceItemId: 'fp-design',
          type: 'MILESTONE',
          accountId: 'acme',
          billToAccountId: 'group',
          contractId: 'fp',
          purchaseOrderNumber: 'PO-9',
          itemDate: '2026-03-31',
          postedDate: '2026-04-02',
          quantity: '1',
          rate: '5000',
          amount: '5000.00',
          tax: '443.75',
          cost: '0.00',
          covered: false,
        }),
      ]);
      const milestones = async () => ((await ok(t.as().get('/api/contracts/fp'))).milestones as { id: string; status: string }[]).map((m) => [m.id, m.status]);
      expect(await milestones()).toEqual([
        ['fp-design', 'BILLED'],
        ['fp-launch', 'READY_TO_BILL'],
      ]);
      expect(await pending('contractId=fp')).toEqual([]);
      // when: unposted
      await ok(t.as().post('/api/billing-items/bi-fp-design-1@group/unpost').send({ reason: 'amount agreed again' }));
      // then: ready to bill again, back in Approve & Post
      expect(await milestones()).toEqual([
        ['fp-design', 'READY_TO_BILL'],
        ['fp-launch', 'READY_TO_BILL'],
      ]);
      expect((await pending('contractId=fp')).map((i) => [i.sourceItemId, i.status])).toEqual([['fp-design', 'PENDING']]);
      // and: posted again, a new billing item id
      const again = (await ok(post({ itemIds: ['fp-design'], postedDate: '2026-04-03' }))) as { posted: { id: string }[] };
      expect(again.posted.map((p) => p.id)).toEqual(['bi-fp-design-2@group']);
    });

    it('ready: an unknown milestone or contract is 404', async () => {
      await refused(() => ready('fp', 'nope'), 404);
      await refused(() => ready('ghost', 'fp-design'), 404);
    });

    it('a contract is not shortened before a milestone is due (end-date-before-milestone)', async () => {
      await refused(() => t.as().patch('/api/contracts/fp').send({ endDate: '2045-06-29' }), 422, 'end-date-before-milestone');
    });
  });

  describe('renewal', () => {
    const accrue = async (through: string) =>
      ok(t.as().post('/api/recurring/accrue').send({ through })) as Promise<{ created: { itemId: string }[]; renewed: unknown[] }>;

    it('by hand: a later end date is a ContractExtended event naming the end date it replaces', async () => {
      await ok(
        t
          .as()
          .post('/api/contracts')
          .send({ id: 'tm2', accountId: 'acme', name: 'T&M 2', type: 'TIME_AND_MATERIALS', startDate: '2026-01-01', endDate: '2026-12-31' }),
      );
      const changed = await ok(t.as().patch('/api/contracts/tm2').send({ endDate: '2027-12-31', purchaseOrderNumber: 'PO-2' }));
      expect(changed).toMatchObject({ endDate: '2027-12-31', purchaseOrderNumber: 'PO-2' });
      const events: { type: string; data: unknown }[] = [];
      for await (const e of store().readStream('contract-tm2')) events.push({ type: e.type, data: e.data });
      expect(events.slice(1)).toEqual([
        { type: 'ContractExtended', data: { contractId: 'tm2', previousEndDate: '2026-12-31', newEndDate: '2027-12-31' } },
        { type: 'ContractTermsChanged', data: { contractId: 'tm2', purchaseOrderNumber: 'PO-2' } },
      ]);
      // and: shortening it is a change of terms
      await ok(t.as().patch('/api/contracts/tm2').send({ endDate: '2027-06-30' }));
      expect((await typesOn('contract-tm2')).slice(-1)).toEqual(['ContractTermsChanged']);
    });

    it('automatically: a monthly contract ending 30 June renewing yearly, accrued through 15 September, is renewed to 30 June 2027 and July to September accrue', async () => {
      await ok(
        t.as().post('/api/contracts').send({
          id: 'rec',
          accountId: 'acme',
          name: 'Managed services',
          type: 'RECURRING_SERVICE',
          periodType: 'MONTHLY',
          startDate: '2026-01-01',
          endDate: '2026-06-30',
          renewalPeriod: 'YEARLY',
        }),
      );
      expect(await ok(t.as().get('/api/contracts/rec'))).toMatchObject({ renewalPeriod: 'YEARLY', endDate: '2026-06-30' });
      await ok(t.as().post('/api/contracts/rec/services').send({ id: 'desk', name: 'Managed desktop', units: 10, unitPrice: '50' }));
      // given: January to June accrued, the contract not renewed (its end covers 1 June)
      const first = await accrue('2026-06-01');
      expect(first.renewed).toEqual([]);
      expect(first.created).toHaveLength(6);
      // when: accrued through 15 September
      const answer = await accrue('2026-09-15');
      // then: renewed once, to 30 June 2027, and July, August and September accrued at 10 × 50 = 500.00
      expect(answer.renewed).toEqual([{ contractId: 'rec', previousEndDate: '2026-06-30', newEndDate: '2027-06-30', period: 'YEARLY' }]);
      expect(answer.created).toEqual(
        ['2026-07-01', '2026-08-01', '2026-09-01'].map((start) =>
          expect.objectContaining({ itemId: `svc:rec:desk:${start}`, type: 'SERVICE_PERIOD', amount: '500.00' }),
        ),
      );
      expect((await ok(t.as().get('/api/contracts/rec'))).endDate).toBe('2027-06-30');
      expect((await typesOn('contract-rec')).filter((type) => type === 'ContractRenewed')).toEqual(['ContractRenewed']);
      // and: accruing again renews nothing and creates nothing
      const before = await head();
      expect(await accrue('2026-09-15')).toEqual({ created: [], renewed: [] });
      expect(await head()).toBe(before);
    });

    it('the balance of the recurring contract shows units and revenue per period, posted or not', async () => {
      await ok(post({ itemIds: ['svc:rec:desk:2026-07-01'], postedDate: '2026-07-01' }));
      const balance = await ok(t.as().get('/api/contracts/rec/balance'));
      const [desk] = balance.services as { serviceId: string; periods: Record<string, unknown>[]; accrued: string; posted: string }[];
      expect(desk.serviceId).toBe('desk');
      expect(desk.periods.map((p) => [p.periodStart, p.periodEnd, p.units, p.amount, p.posted])).toEqual([
        ['2026-01-01', '2026-01-31', '10', '500.00', false],
        ['2026-02-01', '2026-02-28', '10', '500.00', false],
        ['2026-03-01', '2026-03-31', '10', '500.00', false],
        ['2026-04-01', '2026-04-30', '10', '500.00', false],
        ['2026-05-01', '2026-05-31', '10', '500.00', false],
        ['2026-06-01', '2026-06-30', '10', '500.00', false],
        ['2026-07-01', '2026-07-31', '10', '500.00', true],
        ['2026-08-01', '2026-08-31', '10', '500.00', false],
        ['2026-09-01', '2026-09-30', '10', '500.00', false],
      ]);
      // 9 × 500.00 accrued, July posted
      expect([desk.accrued, desk.posted]).toEqual(['4500.00', '500.00']);
    });

    it('the renewal period is changed by PATCH (null: no longer renews); renewals repeat until the end covers `through`', async () => {
      await ok(
        t
          .as()
          .post('/api/contracts')
          .send({ id: 'blk', accountId: 'acme', name: 'Block', type: 'BLOCK_HOURS', startDate: '2026-01-01', endDate: '2026-03-31' }),
      );
      await refused(() => t.as().patch('/api/contracts/blk').send({ renewalPeriod: 'WEEKLY' }), 400);
      expect(await ok(t.as().patch('/api/contracts/blk').send({ renewalPeriod: 'QUARTERLY' }))).toMatchObject({ renewalPeriod: 'QUARTERLY' });
      // when: accrued through 1 November: 31 March → 30 June → 30 September → 31 December
      const { renewed } = await accrue('2026-11-01');
      expect(renewed).toEqual([
        { contractId: 'blk', previousEndDate: '2026-03-31', newEndDate: '2026-06-30', period: 'QUARTERLY' },
        { contractId: 'blk', previousEndDate: '2026-06-30', newEndDate: '2026-09-30', period: 'QUARTERLY' },
        { contractId: 'blk', previousEndDate: '2026-09-30', newEndDate: '2026-12-31', period: 'QUARTERLY' },
      ]);
      // and: once it no longer renews itself, accruing past its end leaves it ended
      expect(await ok(t.as().patch('/api/contracts/blk').send({ renewalPeriod: null }))).toMatchObject({ renewalPeriod: null, endDate: '2026-12-31' });
      expect((await accrue('2027-02-01')).renewed).toEqual([]);
    });
  });
});
