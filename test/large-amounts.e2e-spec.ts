import { EVENT_STORE, type EventStore } from '@billing/event-store';
import { startTestApp, type TestApp } from './support/test-app';

/** Money that cannot be shown exactly is refused; what is accepted the dashboard shows exactly. */
describe('large amounts', () => {
  let t: TestApp;
  let technician: string;
  const charge = { accountId: 'bigco', name: 'Rack', date: '2026-11-16' };

  beforeAll(async () => {
    t = await startTestApp();
    technician = await t.keyFor('technician');
    await t.as().post('/api/accounts').send({ id: 'bigco', name: 'Big Co' }).expect(201);
  });
  afterAll(async () => t.dispose());

  it('a charge beyond what one item may amount to is 400, naming the fields, and nothing is written', async () => {
    const store = t.app.get<EventStore>(EVENT_STORE);
    const head = await store.headPosition();
    // 999999999999999 × 999999999999999 once showed as "9.99999999999998e+29.48"
    const product = await t
      .as(technician)
      .post('/api/charges')
      .send({ ...charge, quantity: '999999999999999', unitPrice: '999999999999999' })
      .expect(400);
    expect(product.body).toMatchObject({ error: 'validation' });
    expect((product.body.details as { field: string }[]).map((d) => d.field)).toEqual(['quantity', 'unitPrice']);
    // 999999999999999 × 10 once showed as "9999999999999990.76"
    const quantity = await t
      .as(technician)
      .post('/api/charges')
      .send({ ...charge, quantity: '999999999999999', unitPrice: '10' })
      .expect(400);
    expect((quantity.body.details as { field: string }[]).map((d) => d.field)).toEqual(['quantity']);
    // each field within its bound, but 10 × 99999999999.9999 = 999999999999.999 > 999999999999.99
    const amount = await t
      .as(technician)
      .post('/api/charges')
      .send({ ...charge, quantity: '10', unitPrice: '99999999999.9999' })
      .expect(400);
    expect(amount.body.details).toEqual([
      { field: 'unitPrice', message: 'quantity × unitPrice must be at most 999999999999.99, the most one item may amount to' },
    ]);
    expect(await store.headPosition()).toBe(head);
  });

  it('the largest amounts allowed show exactly on the dashboard, their totals as exact sums', async () => {
    // given: 10 × 99,999,999,999.999 = 999,999,999,999.99 (the bound); 3 × 333,333,333,333.33 = 999,999,999,999.99;
    // 0.3333 × 999,999,999,999.99 = 333,299,999,999.996667 → 333,300,000,000.00 (half-up)
    const sent = [
      { id: 'big-1', quantity: '10', unitPrice: '99999999999.999' },
      { id: 'big-2', quantity: '3', unitPrice: '333333333333.33' },
      { id: 'big-3', quantity: '0.3333', unitPrice: '999999999999.99' },
    ];
    for (const c of sent)
      await t
        .as(technician)
        .post('/api/charges')
        .send({ ...charge, ...c })
        .expect(201);

    // when: the dashboard is read for the account
    const res = await t.as().get('/api/dashboard/unbilled?accountId=bigco').expect(200);

    // then: 999,999,999,999.99 + 999,999,999,999.99 + 333,300,000,000.00 = 2,333,299,999,999.98
    const body = res.body as { items: { sourceItemId: string; amount: string }[]; totals: Record<string, unknown> };
    expect(Object.fromEntries(body.items.map((i) => [i.sourceItemId, i.amount]))).toEqual({
      'big-1': '999999999999.99',
      'big-2': '999999999999.99',
      'big-3': '333300000000.00',
    });
    const total = { count: 3, amount: '2333299999999.98' };
    expect(body.totals).toEqual({ byAccount: { bigco: total }, byContract: { '(none)': total }, byStage: { AWAITING_POSTING: total } });
    // a filter the totals table does not know sums the items themselves, to the same cent
    expect((await t.as().get('/api/dashboard/unbilled?accountId=bigco&from=2026-01-01').expect(200)).body.totals.byStage).toEqual({
      AWAITING_POSTING: total,
    });
  });
});
