import { EVENT_STORE, type EventStore } from '@billing/event-store';
import { ok, post, postAcmesMonth, setUpCatalog } from './support/invoicing-fixture';
import { startTestApp, type TestApp } from './support/test-app';

interface Invoice {
  id: string;
  number: string;
  status: string;
  billToAccountId: string;
  purchaseOrderNumber: string | null;
  invoiceDate: string;
  dueDate: string;
  lines: { billingItemId: string; contractId: string | null; accountId: string; amount: string; tax: string }[];
  contractSubtotals: { contractId: string | null; subtotal: string; tax: string }[];
  subtotal: string;
  tax: string;
  total: string;
  void: object | null;
}

/** billing-rules §10: invoice runs, one invoice per bill-to account and purchase-order number. */
describe('invoice runs', () => {
  let t: TestApp;
  let first: { id: string; invoices: Invoice[] };
  const head = () => t.app.get<EventStore>(EVENT_STORE).headPosition();

  beforeAll(async () => {
    t = await startTestApp();
    await setUpCatalog(t);
    await postAcmesMonth(t);
  });
  afterAll(async () => t.dispose());

  it('items to invoice are grouped as a run will group them, with counts and totals', async () => {
    const res = await t.as().get('/api/items-to-invoice?through=2026-11-30').expect(200);
    expect(res.body.groups).toEqual([
      // the block purchase $1,000.00 and three items at 0.00
      expect.objectContaining({ billToAccountId: 'acme', purchaseOrderNumber: 'PO-1', itemCount: 4, subtotal: '1000.00', tax: '0.00', total: '1000.00' }),
      // $220.00 + $30.00; tax $19.53
      expect.objectContaining({ billToAccountId: 'acme', purchaseOrderNumber: 'PO-2', itemCount: 2, subtotal: '250.00', tax: '19.53', total: '269.53' }),
      expect.objectContaining({ billToAccountId: 'acme', purchaseOrderNumber: null, itemCount: 1, subtotal: '50.00', total: '50.00' }),
    ]);
    expect(res.body.totals).toEqual({ invoices: 3, itemCount: 7, subtotal: '1300.00', tax: '19.53', total: '1319.53' });
    // the items dated up to 2026-11-16: te-1 and the block purchase (from 2026-11-01)
    expect((await t.as().get('/api/items-to-invoice?through=2026-11-16').expect(200)).body.totals).toMatchObject({ invoices: 1, itemCount: 2 });
  });

  it('a run: one invoice per PO (the same PO on the recurring and block contracts is one), the items without a PO their own, numbered without gaps', async () => {
    const res = await t.as().post('/api/invoice-runs').send({ id: 'run-nov', invoiceDate: '2026-11-30' }).expect(201);
    first = res.body;
    expect(first.id).toBe('run-nov');
    const summary = first.invoices.map((i) => [i.number, i.billToAccountId, i.purchaseOrderNumber, i.subtotal, i.tax, i.total]);
    expect(summary).toEqual([
      ['INV-000001', 'acme', 'PO-1', '1000.00', '0.00', '1000.00'],
      ['INV-000002', 'acme', 'PO-2', '250.00', '19.53', '269.53'],
      ['INV-000003', 'acme', null, '50.00', '0.00', '50.00'],
    ]);
    const [po1, po2] = first.invoices;
    // 2026-11-30 + 15 days of payment terms
    expect(po1).toMatchObject({ status: 'ISSUED', invoiceDate: '2026-11-30', dueDate: '2026-12-15', void: null });
    // lines by contract (acme-blk, acme-rec), then date; te-4 (internal: showOnInvoice false) is left off
    expect(po1.lines.map((l) => [l.billingItemId, l.contractId, l.amount])).toEqual([
      ['bi-acme-b1-1', 'acme-blk', '1000.00'],
      ['bi-te-2-1', 'acme-blk', '0.00'],
      ['bi-te-1-1', 'acme-rec', '0.00'],
    ]);
    expect(po1.contractSubtotals).toEqual([
      { contractId: 'acme-blk', subtotal: '1000.00', tax: '0.00' },
      { contractId: 'acme-rec', subtotal: '0.00', tax: '0.00' },
    ]);
    expect(po2.lines.map((l) => [l.billingItemId, l.amount, l.tax])).toEqual([
      ['bi-te-3-1', '220.00', '19.53'],
      ['bi-ch-2-1', '30.00', '0.00'],
    ]);
  });

  it('the invoiced items are no longer to invoice nor on the dashboard, and each names its invoice (te-4, left off, too)', async () => {
    expect((await t.as().get('/api/items-to-invoice?through=2026-11-30').expect(200)).body.groups).toEqual([]);
    const dashboard = (await t.as().get('/api/dashboard/unbilled?accountId=acme&asOf=2026-11-30').expect(200)).body;
    expect(dashboard.totals.byStage).toEqual({});
    expect((await t.as().get('/api/billing-items/bi-te-4-1').expect(200)).body.invoiceId).toBe(first.invoices[0].id);
    expect((await t.as().get('/api/billing-items?invoiced=false').expect(200)).body.total).toBe(0);
  });

  it('the invoices read as the run answered them, listed by number, filtered', async () => {
    for (const invoice of first.invoices) expect((await t.as().get(`/api/invoices/${invoice.id}`).expect(200)).body).toEqual(invoice);
    const list = (await t.as().get('/api/invoices?accountId=acme').expect(200)).body;
    expect(list).toMatchObject({ total: 3, limit: 100, offset: 0 });
    expect(list.items.map((i: { number: string; lineCount: number }) => [i.number, i.lineCount])).toEqual([
      ['INV-000001', 3],
      ['INV-000002', 2],
      ['INV-000003', 1],
    ]);
    expect((await t.as().get('/api/invoices?number=INV-000002').expect(200)).body.items.map((i: Invoice) => i.id)).toEqual([first.invoices[1].id]);
    expect((await t.as().get('/api/invoices?from=2026-12-01').expect(200)).body.total).toBe(0);
    expect((await t.as().get('/api/invoices?status=VOID').expect(200)).body.total).toBe(0);
    await t.as().get('/api/invoices/inv-nobody-1').expect(404);
  });

  it('the same run again answers the same invoices (200) and creates none; the same id with another body is 409', async () => {
    const before = await head();
    const again = await t.as().post('/api/invoice-runs').send({ id: 'run-nov', invoiceDate: '2026-11-30', through: '2026-11-30' }).expect(200);
    expect(again.body).toEqual(first);
    const other = await t.as().post('/api/invoice-runs').send({ id: 'run-nov', invoiceDate: '2026-12-31' }).expect(409);
    expect(other.body).toMatchObject({ error: 'conflict', code: 'id-reused' });
    await t
      .as()
      .post('/api/invoice-runs')
      .send({ id: 'run-nov', invoiceDate: '2026-11-30', accountIds: ['acme'] })
      .expect(409);
    expect(await head()).toBe(before);
  });

  it('an invoiced item cannot be unposted: 422 item-invoiced (void first)', async () => {
    const res = await t.as().post('/api/billing-items/bi-te-3-1/unpost').send({ reason: 'wrong hours' }).expect(422);
    expect(res.body).toMatchObject({ error: 'rule', rule: 'item-invoiced' });
  });

  it('a run with nothing to invoice answers no invoices; the prefix is a setting, and the sequence goes on', async () => {
    expect((await t.as().post('/api/invoice-runs').send({ invoiceDate: '2026-11-30' }).expect(201)).body.invoices).toEqual([]);
    const settings = await ok(t, 'put', '/api/settings', { invoiceNumberPrefix: 'ACME/' });
    expect(settings.invoiceNumberPrefix).toBe('ACME/');
    await ok(t, 'post', '/api/charges', { id: 'ch-dec', accountId: 'acme', name: 'Adapter', date: '2026-12-01', quantity: '1', unitPrice: '12' });
    await post(t, ['ch-dec']);
    const dec = await t.as().post('/api/invoice-runs').send({ id: 'run-dec', invoiceDate: '2026-12-31' }).expect(201);
    expect(dec.body.invoices.map((i: Invoice) => [i.number, i.total])).toEqual([['ACME/000004', '12.00']]);
    await ok(t, 'put', '/api/settings', { invoiceNumberPrefix: 'INV-' });
  });
});

/** billing-rules §10: the bill-to account, resolved when the items were posted. */
describe('invoice runs: who is billed', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    await setUpCatalog(t);
    // a contract of `client` billed to a third party, `payer`, on PO-C
    await ok(t, 'post', '/api/accounts', { id: 'payer', name: 'Payer Inc', paymentTermsDays: 45 });
    await ok(t, 'post', '/api/accounts', { id: 'client', name: 'Client' });
    await ok(t, 'post', '/api/contracts', {
      id: 'client-tm',
      accountId: 'client',
      billToAccountId: 'payer',
      purchaseOrderNumber: 'PO-C',
      name: 'T&M',
      type: 'TIME_AND_MATERIALS',
      startDate: '2026-01-01',
      endDate: '2026-12-31',
    });
    // a branch that invoices to its parent: its items without a contract go to `group`
    await ok(t, 'post', '/api/accounts', { id: 'group', name: 'Group' });
    await ok(t, 'post', '/api/accounts', { id: 'branch', name: 'Branch', parentAccountId: 'group', invoiceToParent: true });
    await ok(t, 'post', '/api/time-entries', {
      id: 'te-c',
      accountId: 'client',
      contractId: 'client-tm',
      resourceId: 'ann',
      roleId: 'engineer',
      workTypeId: 'remote',
      dateWorked: '2026-11-10',
      hoursWorked: '1',
    });
    await ok(t, 'post', '/api/charges', { id: 'ch-b', accountId: 'branch', name: 'Toner', date: '2026-11-11', quantity: '1', unitPrice: '80' });
    await post(t, ['te-c', 'ch-b']);
  });
  afterAll(async () => t.dispose());

  it('a contract billed to a third party is invoiced to it; a child that invoices to its parent, to the parent; accountIds names bill-to accounts', async () => {
    // when: a run for the payer only
    const payer = await t
      .as()
      .post('/api/invoice-runs')
      .send({ invoiceDate: '2026-11-30', accountIds: ['payer'] })
      .expect(201);
    // then: $120.00 (the role's rate: the contract has none), due in the payer's 45 days, the line saying whose work it was
    expect(payer.body.invoices).toEqual([
      expect.objectContaining({ number: 'INV-000001', billToAccountId: 'payer', purchaseOrderNumber: 'PO-C', dueDate: '2027-01-14', total: '120.00' }),
    ]);
    expect(payer.body.invoices[0].lines).toEqual([expect.objectContaining({ billingItemId: 'bi-te-c-1@payer', accountId: 'client', contractId: 'client-tm' })]);
    // and then the rest: the branch's charge on the group's invoice, 30 days (the default)
    const rest = await t.as().post('/api/invoice-runs').send({ invoiceDate: '2026-11-30' }).expect(201);
    expect(rest.body.invoices).toEqual([
      expect.objectContaining({ number: 'INV-000002', billToAccountId: 'group', purchaseOrderNumber: null, dueDate: '2026-12-30', total: '80.00' }),
    ]);
    expect(rest.body.invoices[0].lines[0]).toMatchObject({ accountId: 'branch' });
  });
});
