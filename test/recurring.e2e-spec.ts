import { EVENT_STORE, type EventStore } from '@billing/event-store';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * Recurring services over HTTP (billing-rules §7): accrual, Approve & Post of what it creates, unit
 * changes with their prorated adjustments, licence sync held beyond the tolerance, and the bad
 * input refused with nothing written. Each amount is worked out by hand beside it.
 */
describe('recurring services: accrual, unit changes, licence exceptions', () => {
  let t: TestApp;
  let integration: string;
  const head = () => t.app.get<EventStore>(EVENT_STORE).headPosition();
  const ok = async (req: PromiseLike<{ status: number; body: unknown }>) => {
    const res = await req;
    if (res.status !== 200 && res.status !== 201) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
    return res.body as Record<string, unknown>;
  };
  type Created = {
    itemId: string;
    contractId: string;
    serviceId: string | null;
    type: string;
    periodStart: string;
    periodEnd: string;
    units: string | null;
    amount: string;
  };
  const accrue = async (through: string) => (await ok(t.as().post('/api/recurring/accrue').send({ through }))).created as Created[];
  const units = (body: object, key?: string) => t.as(key).post('/api/contracts/rec/services/desk/units').send(body);
  const dashboard = async (query: string) =>
    (await ok(t.as().get(`/api/dashboard/unbilled?contractId=rec&asOf=2026-04-30&${query}`))).items as {
      sourceItemId: string;
      type: string;
      stage: string;
      amount: string;
      coverage: string;
      stuck: boolean;
    }[];

  beforeAll(async () => {
    t = await startTestApp();
    integration = await t.keyFor('integration');
    await ok(
      t
        .as()
        .post('/api/tax-regions')
        .send({ id: 'ny', name: 'New York', rates: [{ taxCategory: 'services', name: 'NY', rate: '0.1' }] }),
    );
    await ok(t.as().post('/api/accounts').send({ id: 'acme', name: 'Acme Dental', taxRegionId: 'ny' }));
    await ok(t.as().post('/api/billing-codes').send({ id: 'managed', name: 'Managed services', type: 'service', taxCategory: 'services' }));
    // given: a monthly contract for 2026 with a $500 setup fee and 40 desktops at $31.99 (cost $10)
    await ok(
      t.as().post('/api/contracts').send({
        id: 'rec',
        accountId: 'acme',
        name: 'Managed services',
        type: 'RECURRING_SERVICE',
        periodType: 'MONTHLY',
        startDate: '2026-01-01',
        endDate: '2026-12-31',
        setupFee: '500',
        purchaseOrderNumber: 'PO-7',
      }),
    );
    await ok(
      t
        .as()
        .post('/api/contracts/rec/services')
        .send({ id: 'desk', name: 'Managed desktop', units: 40, unitPrice: '31.99', unitCost: '10', billingCodeId: 'managed' }),
    );
  });
  afterAll(async () => t.dispose());

  it('accrues the setup fee and one item per period started, billed in advance; accruing again creates nothing', async () => {
    // when: accrued through 1 April (April has started)
    const created = await accrue('2026-04-01');
    // then: the setup fee on the start date, and January to April at 40 × 31.99 = 1,279.60 each
    expect(created).toEqual([
      {
        itemId: 'setup:rec',
        contractId: 'rec',
        serviceId: null,
        type: 'SETUP_FEE',
        periodStart: '2026-01-01',
        periodEnd: '2026-01-01',
        units: null,
        amount: '500.00',
      },
      ...[
        ['2026-01-01', '2026-01-31'],
        ['2026-02-01', '2026-02-28'],
        ['2026-03-01', '2026-03-31'],
        ['2026-04-01', '2026-04-30'],
      ].map(([periodStart, periodEnd]) => ({
        itemId: `svc:rec:desk:${periodStart}`,
        contractId: 'rec',
        serviceId: 'desk',
        type: 'SERVICE_PERIOD',
        periodStart,
        periodEnd,
        units: '40',
        amount: '1279.60',
      })),
    ]);
    // and: the same date again writes nothing
    const before = await head();
    expect(await accrue('2026-04-01')).toEqual([]);
    expect(await accrue('2026-04-15')).toEqual([]);
    expect(await head()).toBe(before);
  });

  it('shows what accrual created on the dashboard and in Approve & Post, and posts it like a purchase', async () => {
    // then: pending on the dashboard at their accrued amounts, by date
    expect((await dashboard('stage=AWAITING_POSTING')).map((i) => [i.sourceItemId, i.type, i.amount])).toEqual([
      ['svc:rec:desk:2026-01-01', 'SERVICE_PERIOD', '1279.60'],
      ['setup:rec', 'SETUP_FEE', '500.00'],
      ['svc:rec:desk:2026-02-01', 'SERVICE_PERIOD', '1279.60'],
      ['svc:rec:desk:2026-03-01', 'SERVICE_PERIOD', '1279.60'],
      ['svc:rec:desk:2026-04-01', 'SERVICE_PERIOD', '1279.60'],
    ]);
    // and: previewed with their tax (the billing code's category, taxed 10% in New York; the setup fee has none)
    const preview = (await ok(t.as().get('/api/approve-and-post?contractId=rec&type=SERVICE_PERIOD'))).items as Record<string, unknown>[];
    expect(preview[0]).toMatchObject({
      sourceItemId: 'svc:rec:desk:2026-01-01',
      type: 'SERVICE_PERIOD',
      sourceType: 'SERVICE_PERIOD',
      billToAccountId: 'acme',
      itemDate: '2026-01-01',
      description: 'Managed desktop: 40 × 31.99, 2026-01-01 to 2026-01-31',
      amount: '1279.60',
      preview: { tax: '127.96' },
    });
    // when: January and the setup fee are posted
    const { posted } = (await ok(
      t
        .as()
        .post('/api/approve-and-post')
        .send({ itemIds: ['setup:rec', 'svc:rec:desk:2026-01-01'], postedDate: '2026-04-01' }),
    )) as { posted: Record<string, unknown>[] };
    // then: billed to acme on PO-7; the period costs 40 × 10 = 400.00
    expect(posted).toEqual([
      expect.objectContaining({ sourceItemId: 'setup:rec', type: 'SETUP_FEE', amount: '500.00', tax: '0.00', cost: '0.00', purchaseOrderNumber: 'PO-7' }),
      expect.objectContaining({
        sourceItemId: 'svc:rec:desk:2026-01-01',
        type: 'SERVICE_PERIOD',
        billToAccountId: 'acme',
        quantity: '40',
        rate: '31.99',
        amount: '1279.60',
        tax: '127.96',
        cost: '400.00',
        purchaseOrderNumber: 'PO-7',
      }),
    ]);
    expect((await dashboard('type=SERVICE_PERIOD')).map((i) => [i.sourceItemId, i.stage])[0]).toEqual(['svc:rec:desk:2026-01-01', 'AWAITING_INVOICE']);
    // and: unposting the setup fee returns it to Approve & Post, as a purchase would be
    await ok(t.as().post('/api/billing-items/bi-setup:rec-1/unpost').send({ reason: 'wrong month' }));
    const pending = (await ok(t.as().get('/api/approve-and-post?contractId=rec&type=SETUP_FEE'))).items as Record<string, unknown>[];
    expect(pending).toEqual([expect.objectContaining({ sourceItemId: 'setup:rec', status: 'PENDING', amount: '500.00' })]);
  });

  it('+2 units from the 21st of a 30-day month: a prorated adjustment of 2 × 31.99 × 10/30, then May at the new count', async () => {
    // when: 42 units from 21 April (21..30 April: 10 of 30 days)
    const answer = await ok(units({ units: '42', effectiveDate: '2026-04-21' }));
    // then: 2 × 31.99 × 10 / 30 = 639.80 / 30 = 21.3266… → 21.33, rounded once
    expect(answer).toEqual({
      contractId: 'rec',
      serviceId: 'desk',
      status: 'APPLIED',
      units: '42',
      requestedUnits: '42',
      effectiveDate: '2026-04-21',
      source: null,
      exception: null,
      adjustments: [
        {
          itemId: 'svcadj:rec:desk:2026-04-01:1',
          periodStart: '2026-04-01',
          periodEnd: '2026-04-30',
          fromDate: '2026-04-21',
          unitDelta: '2',
          daysRemaining: 10,
          daysInPeriod: 30,
          amount: '21.33',
        },
      ],
    });
    // and: the service shows 42 units; the adjustment waits for Approve & Post; May accrues 42 × 31.99 = 1,343.58
    expect(((await ok(t.as().get('/api/contracts/rec'))).services as { units: string }[])[0].units).toBe('42');
    const preview = (await ok(t.as().get('/api/approve-and-post?contractId=rec&type=SERVICE_ADJUSTMENT'))).items as Record<string, unknown>[];
    expect(preview).toEqual([expect.objectContaining({ sourceItemId: 'svcadj:rec:desk:2026-04-01:1', amount: '21.33', itemDate: '2026-04-21' })]);
    expect((await accrue('2026-05-01')).map((c) => [c.itemId, c.units, c.amount])).toEqual([['svc:rec:desk:2026-05-01', '42', '1343.58']]);
    // and: the same change again changes nothing
    const before = await head();
    expect(await ok(units({ units: '42', effectiveDate: '2026-04-21' }))).toMatchObject({ status: 'UNCHANGED', units: '42', adjustments: [] });
    expect(await head()).toBe(before);
  });

  it('licence sync: 42 → 400 is held for finance, shown stuck on the dashboard, and applied only once confirmed', async () => {
    // when: the integration pushes 400 licences from 26 May (+358 units, far beyond 20%)
    const held = await ok(units({ units: 400, effectiveDate: '2026-05-26', source: 'microsoft-365' }, integration));
    // then: held, nothing applied
    expect(held).toMatchObject({
      status: 'HELD',
      units: '42',
      requestedUnits: '400',
      exception: { id: 'lic:rec:1', currentUnits: '42', requestedUnits: '400', tolerancePercent: '20' },
      adjustments: [],
    });
    const listed = (await ok(t.as().get('/api/licence-exceptions?status=HELD'))).items as Record<string, unknown>[];
    expect(listed).toEqual([
      expect.objectContaining({ id: 'lic:rec:1', contractId: 'rec', accountId: 'acme', serviceId: 'desk', status: 'HELD', source: 'microsoft-365' }),
    ]);
    expect((await dashboard('type=LICENCE_EXCEPTION')).map((i) => [i.sourceItemId, i.stage, i.amount, i.coverage, i.stuck])).toEqual([
      ['lic:rec:1', 'AWAITING_POSTING', '0.00', 'held', true],
    ]);
    // when: finance confirms it
    const confirmed = await ok(t.as().post('/api/licence-exceptions/lic:rec:1/confirm').send({ reason: 'the new office joined' }));
    // then: confirmed; 400 units from 26 May: +358 × 31.99 × 6 / 31 (26..31 May) = 68,714.52 / 31 = 2,216.597… → 2,216.60
    expect(confirmed).toMatchObject({ id: 'lic:rec:1', status: 'CONFIRMED', reason: 'the new office joined' });
    const adjustment = (await ok(t.as().get('/api/approve-and-post?contractId=rec&type=SERVICE_ADJUSTMENT'))).items as Record<string, unknown>[];
    expect(adjustment.map((i) => [i.sourceItemId, i.amount])).toEqual([
      ['svcadj:rec:desk:2026-04-01:1', '21.33'],
      ['svcadj:rec:desk:2026-05-01:1', '2216.60'],
    ]);
    expect(await dashboard('type=LICENCE_EXCEPTION')).toEqual([]);
    // and: confirming again changes nothing; rejecting a confirmed one is a conflict
    await t.as().post('/api/licence-exceptions/lic:rec:1/confirm').send({ reason: 'again' }).expect(200);
    await t.as().post('/api/licence-exceptions/lic:rec:1/reject').send({ reason: 'no' }).expect(409);
  });

  it('licence sync within the tolerance applies at once; beyond it, rejecting keeps the units', async () => {
    // 400 → 407: +7 units, 1.75% of 400: applied
    expect(await ok(units({ units: '407', effectiveDate: '2026-06-01', source: 'microsoft-365' }, integration))).toMatchObject({
      status: 'APPLIED',
      units: '407',
    });
    // 407 → 500: +93 units, 22.9% of 407: held; then rejected
    const held = await ok(units({ units: '500', effectiveDate: '2026-06-02', source: 'microsoft-365' }, integration));
    expect(held).toMatchObject({ status: 'HELD', exception: { id: 'lic:rec:2' } });
    expect(await ok(t.as().post('/api/licence-exceptions/lic:rec:2/reject').send({ reason: 'a sync glitch' }))).toMatchObject({ status: 'REJECTED' });
    expect(((await ok(t.as().get('/api/contracts/rec'))).services as { units: string }[])[0].units).toBe('407');
  });

  it('an integration key only syncs counts (with a source); finance may set units outright', async () => {
    const res = await units({ units: '410', effectiveDate: '2026-06-03' }, integration).expect(403);
    expect(res.body).toMatchObject({ error: 'forbidden' });
    await t
      .as(await t.keyFor('auditor'))
      .post('/api/contracts/rec/services/desk/units')
      .send({ units: '410', effectiveDate: '2026-06-03', source: 'x' })
      .expect(403);
  });

  it('refuses bad input and writes nothing', async () => {
    const before = await head();
    const refused: [string, object, number, string][] = [
      ['/api/recurring/accrue', { through: '2026-02-30' }, 400, 'through'],
      ['/api/recurring/accrue', { through: '1 May 2026' }, 400, 'through'],
      ['/api/recurring/accrue', {}, 400, 'through'],
      ['/api/contracts/rec/services/desk/units', { units: '-1', effectiveDate: '2026-06-10' }, 400, 'units'],
      ['/api/contracts/rec/services/desk/units', { units: -1, effectiveDate: '2026-06-10' }, 400, 'units'],
      ['/api/contracts/rec/services/desk/units', { units: '12.34567', effectiveDate: '2026-06-10' }, 400, 'units'],
      ['/api/contracts/rec/services/desk/units', { units: '12', effectiveDate: '2026-06-31' }, 400, 'effectiveDate'],
      ['/api/contracts/rec/services/desk/units', { units: '12', effectiveDate: '2026-06-10', source: null }, 400, 'source'],
      ['/api/licence-exceptions/lic:rec:2/confirm', {}, 400, 'reason'],
    ];
    for (const [url, body, status, field] of refused) {
      const res = await t.as().post(url).send(body);
      expect([url, JSON.stringify(body), res.status]).toEqual([url, JSON.stringify(body), status]);
      expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
    }
    // an effective date outside the contract, or before the service's last change: 422
    for (const effectiveDate of ['2025-12-31', '2027-01-01']) {
      const res = await units({ units: '12', effectiveDate }).expect(422);
      expect(res.body).toMatchObject({ error: 'rule', rule: 'effective-date-outside-contract' });
    }
    expect((await units({ units: '12', effectiveDate: '2026-05-31' }).expect(422)).body.rule).toBe('units-change-out-of-order');
    // unknown contract, service, exception: 404
    await t.as().post('/api/contracts/nope/services/desk/units').send({ units: '1', effectiveDate: '2026-06-10' }).expect(404);
    await t.as().post('/api/contracts/rec/services/nope/units').send({ units: '1', effectiveDate: '2026-06-10' }).expect(404);
    await t.as().post('/api/licence-exceptions/lic:rec:99/reject').send({ reason: 'x' }).expect(404);
    expect(await head()).toBe(before);
  });

  it('an id of the form accrual gives is refused to other items', async () => {
    const res = await t
      .as()
      .post('/api/charges')
      .send({ id: 'svc:rec:desk:2027-01-01', accountId: 'acme', name: 'SSD', date: '2026-05-01', quantity: '1', unitPrice: '10' })
      .expect(422);
    expect(res.body).toMatchObject({ error: 'rule', rule: 'item-id-reserved' });
  });
});

describe('counts and quantities take a decimal string or a JSON number', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    await t.as().post('/api/accounts').send({ id: 'acme', name: 'Acme' }).expect(201);
    await t
      .as()
      .post('/api/contracts')
      .send({ id: 'pt', accountId: 'acme', name: 'Tickets', type: 'PER_TICKET', startDate: '2026-01-01', endDate: '2026-12-31' })
      .expect(201);
  });
  afterAll(async () => t.dispose());

  it('tickets: "2" as 2, the same purchase whichever way it is written; "2.5", "0" and "two" refused', async () => {
    const purchase = { perTicketRate: '45', startDate: '2026-01-01', endDate: '2026-06-30' };
    const created = await t
      .as()
      .post('/api/contracts/pt/ticket-purchases')
      .send({ id: 't1', tickets: '2', ...purchase })
      .expect(201);
    expect(created.body).toMatchObject({ id: 't1', tickets: 2 });
    await t
      .as()
      .post('/api/contracts/pt/ticket-purchases')
      .send({ id: 't1', tickets: 2, ...purchase })
      .expect(200);
    for (const tickets of ['2.5', '0', 'two', 1_000_001, -1]) {
      const res = await t
        .as()
        .post('/api/contracts/pt/ticket-purchases')
        .send({ id: 't2', tickets, ...purchase })
        .expect(400);
      expect(res.body.details).toEqual([expect.objectContaining({ field: 'tickets' })]);
    }
  });

  it('the OpenAPI document says so for tickets, units and quantities', async () => {
    const document = (await t.as().get('/api/docs/openapi.json').expect(200)).body as {
      components: { schemas: Record<string, { properties: Record<string, object> }> };
    };
    const field = (schema: string, name: string) => document.components.schemas[schema].properties[name];
    expect(field('PurchaseTicketsRequest', 'tickets')).toMatchObject({ oneOf: [{ type: 'integer' }, { type: 'string' }] });
    expect(field('AddServiceRequest', 'units')).toMatchObject({ oneOf: [{ type: 'string' }, { type: 'number' }] });
    expect(field('ChangeServiceUnitsRequest', 'units')).toMatchObject({ oneOf: [{ type: 'string' }, { type: 'number' }] });
    expect(field('RecordChargeRequest', 'quantity')).toMatchObject({ oneOf: [{ type: 'string' }, { type: 'number' }] });
  });
});
