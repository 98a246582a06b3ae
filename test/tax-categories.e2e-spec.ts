import { EVENT_STORE, type EventStore } from '@billing/event-store';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * billing-rules §10 over HTTP: tax per item at posting, the bill-to account's region × the item's
 * tax category, for every type of item. Labour takes its category from its work type; charges,
 * expenses, purchases, services and milestones from their billing code (expenses and purchases
 * name one since ExpenseRecorded v2 and the purchase events v2); an item without one is untaxed.
 * The region: `goods` GST 5% and QST 9.975% compounded on amount + GST, so tax = a × 0.1547375;
 * `labour` GST 5% only.
 */
describe('tax categories of every item type', () => {
  let t: TestApp;
  const head = () => t.app.get<EventStore>(EVENT_STORE).headPosition();
  const ok = async (req: PromiseLike<{ status: number; body: unknown }>) => {
    const res = await req;
    if (res.status !== 200 && res.status !== 201) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
    return res.body as Record<string, unknown>;
  };
  const refused = async (req: () => PromiseLike<{ status: number; body: Record<string, unknown> }>, status: number) => {
    const before = await head();
    expect((await req()).status).toBe(status);
    expect(await head()).toBe(before);
  };
  const contract = (id: string, type: string, fields: object = {}) =>
    ok(
      t
        .as()
        .post('/api/contracts')
        .send({ id, accountId: 'acme', name: id, type, startDate: '2026-01-01', endDate: '2026-12-31', ...fields }),
    );
  const block = { id: 'b-1', hours: '10', hourlyRate: '100', startDate: '2026-11-01', endDate: '2026-12-31', billingCodeId: 'goods' };

  beforeAll(async () => {
    t = await startTestApp();
    await ok(
      t
        .as()
        .post('/api/tax-regions')
        .send({
          id: 'qc',
          name: 'Québec',
          rates: [
            { taxCategory: 'goods', name: 'GST', rate: '0.05' },
            { taxCategory: 'goods', name: 'QST', rate: '0.09975', compound: true },
            { taxCategory: 'labour', name: 'GST', rate: '0.05' },
          ],
        }),
    );
    await ok(t.as().post('/api/accounts').send({ id: 'acme', name: 'Acme Dental', taxRegionId: 'qc' }));
    await ok(t.as().post('/api/accounts').send({ id: 'charity', name: 'Charity', taxRegionId: 'qc', taxExempt: true }));
    await ok(t.as().post('/api/roles').send({ id: 'tech', name: 'Technician', hourlyRate: '100' }));
    await ok(t.as().post('/api/work-types').send({ id: 'remote', name: 'Remote', taxCategory: 'labour' }));
    for (const [id, type] of [
      ['goods', 'material'],
      ['travel', 'expense'],
      ['managed', 'service'],
      ['ms', 'milestone'],
    ])
      await ok(t.as().post('/api/billing-codes').send({ id, name: id, type, taxCategory: 'goods' }));
    await contract('tm', 'TIME_AND_MATERIALS');
    await contract('blk', 'BLOCK_HOURS');
    await contract('ret', 'RETAINER');
    await contract('pt', 'PER_TICKET');
    await contract('fp', 'FIXED_PRICE');
    await ok(
      t.as().post('/api/contracts').send({
        id: 'rec',
        accountId: 'acme',
        name: 'rec',
        type: 'RECURRING_SERVICE',
        periodType: 'MONTHLY',
        startDate: '2026-11-01',
        endDate: '2027-10-31',
        setupFee: '500',
      }),
    );
  });
  afterAll(async () => t.dispose());

  it('expenses and purchases name a billing code that exists (404 otherwise); the purchase shows it, and another code is another purchase (409)', async () => {
    await refused(
      () =>
        t
          .as()
          .post('/api/contracts/blk/block-purchases')
          .send({ ...block, billingCodeId: 'nope' }),
      404,
    );
    await refused(
      () => t.as().post('/api/expenses').send({ id: 'ex-0', accountId: 'acme', category: 'Mileage', date: '2026-11-02', amount: '1', billingCodeId: 'nope' }),
      404,
    );
    expect(await ok(t.as().post('/api/contracts/blk/block-purchases').send(block))).toMatchObject({ id: 'b-1', billingCodeId: 'goods' });
    await refused(
      () =>
        t
          .as()
          .post('/api/contracts/blk/block-purchases')
          .send({ ...block, billingCodeId: 'travel' }),
      409,
    );
    await refused(
      () =>
        t
          .as()
          .post('/api/contracts/blk/block-purchases')
          .send({ ...block, billingCodeId: undefined }),
      409,
    );
    expect((await t.as().post('/api/contracts/blk/block-purchases').send(block)).status).toBe(200);
  });

  it('posts every type with the tax of its category in the bill-to account’s region, rounded half-up per item', async () => {
    // given: one item of each type for acme, and a charge for the tax-exempt charity
    await ok(
      t.as().post('/api/time-entries').send({
        id: 'te-1',
        accountId: 'acme',
        contractId: 'tm',
        resourceId: 'ann',
        roleId: 'tech',
        workTypeId: 'remote',
        dateWorked: '2026-11-02',
        hoursWorked: '2',
      }),
    );
    await ok(
      t
        .as()
        .post('/api/charges')
        .send({ id: 'ch-1', accountId: 'acme', billingCodeId: 'goods', name: 'Cables', date: '2026-11-02', quantity: '3', unitPrice: '33.33' }),
    );
    await ok(
      t
        .as()
        .post('/api/charges')
        .send({ id: 'ch-x', accountId: 'charity', billingCodeId: 'goods', name: 'Cables', date: '2026-11-02', quantity: '1', unitPrice: '100' }),
    );
    await ok(
      t.as().post('/api/expenses').send({ id: 'ex-1', accountId: 'acme', category: 'Mileage', date: '2026-11-02', amount: '42.80', billingCodeId: 'travel' }),
    );
    await ok(t.as().post('/api/expenses').send({ id: 'ex-2', accountId: 'acme', category: 'Parking', date: '2026-11-02', amount: '10' }));
    await ok(
      t
        .as()
        .post('/api/contracts/blk/block-purchases')
        .send({ ...block, id: 'b-2', hours: '1', billingCodeId: undefined }),
    );
    await ok(
      t
        .as()
        .post('/api/contracts/ret/retainer-purchases')
        .send({ id: 'r-1', amount: '500', startDate: '2026-11-01', endDate: '2026-12-31', billingCodeId: 'goods' }),
    );
    await ok(
      t
        .as()
        .post('/api/contracts/pt/ticket-purchases')
        .send({ id: 't-1', tickets: 5, perTicketRate: '75', startDate: '2026-11-01', endDate: '2026-12-31', billingCodeId: 'goods' }),
    );
    await ok(t.as().post('/api/contracts/rec/services').send({ id: 'desk', name: 'Desktops', units: 40, unitPrice: '31.99', billingCodeId: 'managed' }));
    await ok(t.as().post('/api/recurring/accrue').send({ through: '2026-11-01' }));
    // +2 desktops from 16 November: 2 × 31.99 × 15 / 30 = 31.99
    await ok(t.as().post('/api/contracts/rec/services/desk/units').send({ units: 42, effectiveDate: '2026-11-16' }));
    await ok(t.as().post('/api/contracts/fp/milestones').send({ id: 'm-1', title: 'Go-live', amount: '5000', dueDate: '2026-11-15', billingCodeId: 'ms' }));
    await ok(t.as().post('/api/contracts/fp/milestones/m-1/ready'));

    // when: all posted
    const itemIds = [
      'te-1',
      'ch-1',
      'ch-x',
      'ex-1',
      'ex-2',
      'b-1',
      'b-2',
      'r-1',
      't-1',
      'svc:rec:desk:2026-11-01',
      'svcadj:rec:desk:2026-11-01:1',
      'setup:rec',
      'm-1',
    ];
    const { posted } = (await ok(t.as().post('/api/approve-and-post').send({ itemIds, postedDate: '2026-11-20' }))) as {
      posted: { sourceItemId: string; type: string; amount: string; tax: string }[];
    };

    // then: tax = amount × 0.1547375 for goods, × 0.05 for labour, half-up to cents per item
    const bySource = Object.fromEntries(posted.map((p) => [p.sourceItemId, [p.type, p.amount, p.tax]]));
    expect(bySource).toEqual({
      // 2 h × 100 = 200.00; × 0.05 = 10.00
      'te-1': ['LABOR', '200.00', '10.00'],
      // 3 × 33.33 = 99.99; 15.472202625 → 15.47
      'ch-1': ['CHARGE', '99.99', '15.47'],
      // tax exempt
      'ch-x': ['CHARGE', '100.00', '0.00'],
      // 42.80 → 6.622765 → 6.62
      'ex-1': ['EXPENSE', '42.80', '6.62'],
      // no billing code: untaxed
      'ex-2': ['EXPENSE', '10.00', '0.00'],
      // 10 h × 100 = 1,000.00 → 154.7375 → 154.74
      'b-1': ['BLOCK_PURCHASE', '1000.00', '154.74'],
      'b-2': ['BLOCK_PURCHASE', '100.00', '0.00'],
      // 500.00 → 77.36875 → 77.37
      'r-1': ['RETAINER_PURCHASE', '500.00', '77.37'],
      // 5 × 75 = 375.00 → 58.0265625 → 58.03
      't-1': ['TICKET_PURCHASE', '375.00', '58.03'],
      // 40 × 31.99 = 1,279.60 → 198.002105 → 198.00
      'svc:rec:desk:2026-11-01': ['SERVICE_PERIOD', '1279.60', '198.00'],
      // 31.99 → 4.950152… → 4.95
      'svcadj:rec:desk:2026-11-01:1': ['SERVICE_ADJUSTMENT', '31.99', '4.95'],
      // a setup fee has no billing code: untaxed
      'setup:rec': ['SETUP_FEE', '500.00', '0.00'],
      // 5,000.00 → 773.6875 → 773.69
      'm-1': ['MILESTONE', '5000.00', '773.69'],
    });
  });
});
