import type Database from 'better-sqlite3';
import { ALL_PROJECTIONS, Projections } from '@billing/projections';
import { READ_MODEL_DB } from '../apps/billing-api/src/infrastructure/read-model-db.token';
import { ok, postAcmesMonth, setUpCatalog } from './support/invoicing-fixture';
import { startTestApp, type TestApp } from './support/test-app';

interface Invoice {
  id: string;
  number: string;
  status: string;
  purchaseOrderNumber: string | null;
  lines: { billingItemId: string }[];
  total: string;
  void: { reason: string; voidedBy: string; voidedAt: string; unposted: boolean } | null;
}

/** billing-rules §10: a void keeps the number; its items go back to be invoiced, or to Approve & Post. */
describe('voiding an invoice', () => {
  let t: TestApp;
  let invoices: Invoice[];
  const run = async (id: string) => (await t.as().post('/api/invoice-runs').send({ id, invoiceDate: '2026-11-30' }).expect(201)).body.invoices as Invoice[];
  const byPo = (list: Invoice[], po: string | null) => list.find((i) => i.purchaseOrderNumber === po)!;

  beforeAll(async () => {
    t = await startTestApp();
    await setUpCatalog(t);
    await postAcmesMonth(t);
    invoices = await run('run-1'); // INV-000001 PO-1, INV-000002 PO-2, INV-000003 no PO
  });
  afterAll(async () => t.dispose());

  it('the void invoice reads as it was but for its status and the void (who, when, why); its items are to invoice again and back on the dashboard', async () => {
    // given: PO-2's invoice, $269.53
    const po2 = byPo(invoices, 'PO-2');
    // when
    const res = await t.as().post(`/api/invoices/${po2.id}/void`).send({ reason: 'billed to the wrong PO' }).expect(200);
    // then
    expect(res.body).toEqual({
      ...po2,
      status: 'VOID',
      void: { reason: 'billed to the wrong PO', voidedBy: expect.any(String), voidedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/), unposted: false },
    });
    expect((await t.as().get(`/api/invoices/${po2.id}`).expect(200)).body).toEqual(res.body);
    expect((await t.as().get('/api/invoices?status=VOID').expect(200)).body.items.map((i: Invoice) => i.number)).toEqual(['INV-000002']);
    const toInvoice = (await t.as().get('/api/items-to-invoice?through=2026-11-30').expect(200)).body;
    expect(toInvoice.groups).toEqual([expect.objectContaining({ purchaseOrderNumber: 'PO-2', itemCount: 2, total: '269.53' })]);
    const dashboard = (await t.as().get('/api/dashboard/unbilled?accountId=acme&stage=AWAITING_INVOICE').expect(200)).body;
    expect(dashboard.items.map((i: { billingItemId: string }) => i.billingItemId).sort()).toEqual(['bi-ch-2-1', 'bi-te-3-1']);
    expect((await t.as().get('/api/billing-items/bi-te-3-1').expect(200)).body.invoiceId).toBeNull();
  });

  it('the next run invoices them under a new number; the void one stays as it was', async () => {
    const before = (
      await t
        .as()
        .get(`/api/invoices/${byPo(invoices, 'PO-2').id}`)
        .expect(200)
    ).body;
    const next = await run('run-2');
    expect(next.map((i) => [i.number, i.purchaseOrderNumber, i.total, i.lines.map((l) => l.billingItemId)])).toEqual([
      ['INV-000004', 'PO-2', '269.53', ['bi-te-3-1', 'bi-ch-2-1']],
    ]);
    expect((await t.as().get(`/api/invoices/${before.id}`).expect(200)).body).toEqual(before);
  });

  it('voiding a void invoice: 409; an unknown one: 404; a void needs a reason', async () => {
    const po2 = byPo(invoices, 'PO-2');
    const again = await t.as().post(`/api/invoices/${po2.id}/void`).send({ reason: 'again' }).expect(409);
    expect(again.body).toMatchObject({ error: 'conflict', code: 'invoice-void' });
    await t.as().post('/api/invoices/inv-acme-99/void').send({ reason: 'x' }).expect(404);
    await t
      .as()
      .post(`/api/invoices/${byPo(invoices, null).id}/void`)
      .send({})
      .expect(400);
    const blank = await t
      .as()
      .post(`/api/invoices/${byPo(invoices, null).id}/void`)
      .send({ reason: ' ' })
      .expect(422);
    expect(blank.body.rule).toBe('reason-required');
    await t
      .as()
      .post(`/api/invoices/${byPo(invoices, null).id}/void`)
      .send({ reason: 'x', unpost: 'yes' })
      .expect(400);
  });

  it('void and unpost: the items go back to Approve & Post, editable, with the block hours given back', async () => {
    // given: PO-1's invoice: the block purchase, te-2 (3 h from the block), te-1, te-4
    const po1 = byPo(invoices, 'PO-1');
    expect((await t.as().get('/api/contracts/acme-blk/balance').expect(200)).body).toMatchObject({ used: '3', remaining: '7' });
    // when
    const res = await t.as().post(`/api/invoices/${po1.id}/void`).send({ reason: 'wrong block', unpost: true }).expect(200);
    // then
    expect(res.body).toMatchObject({ status: 'VOID', number: 'INV-000001', void: { reason: 'wrong block', unposted: true } });
    for (const id of ['bi-acme-b1-1', 'bi-te-1-1', 'bi-te-2-1', 'bi-te-4-1'])
      expect((await t.as().get(`/api/billing-items/${id}`).expect(200)).body).toMatchObject({ status: 'UNPOSTED', invoiceId: null });
    expect((await t.as().get('/api/time-entries/te-2').expect(200)).body.status).toBe('PENDING');
    expect((await t.as().get('/api/contracts/acme-blk/balance').expect(200)).body).toMatchObject({ used: '0', remaining: '10' });
    const pending = (await t.as().get('/api/dashboard/unbilled?accountId=acme&stage=AWAITING_POSTING').expect(200)).body;
    expect(pending.items.map((i: { sourceItemId: string }) => i.sourceItemId).sort()).toEqual(['acme-b1', 'te-1', 'te-2', 'te-4']);
    expect((await t.as().get('/api/items-to-invoice?through=2026-11-30').expect(200)).body.groups).toEqual([]);
    // and they post and invoice again
    await ok(t, 'post', '/api/approve-and-post', { itemIds: ['te-1', 'te-2', 'te-4', 'acme-b1'], postedDate: '2026-12-01' });
    const again = await run('run-3');
    expect(again.map((i) => [i.number, i.purchaseOrderNumber, i.total])).toEqual([['INV-000005', 'PO-1', '1000.00']]);
  });

  it('after runs, voids and unposts, the read models rebuilt from the events are the same, row for row', async () => {
    const db = t.app.get<Database.Database>(READ_MODEL_DB);
    const dump = () =>
      Object.fromEntries(ALL_PROJECTIONS.flatMap((p) => p.tables).map((table) => [table, db.prepare(`SELECT * FROM "${table}" ORDER BY 1, 2`).all()]));
    const runner = t.app.get(Projections);
    await runner.stop();
    const before = dump();
    expect(before.invoices).toHaveLength(5);
    for (const projection of ALL_PROJECTIONS) await runner.rebuild(projection.name);
    expect(dump()).toEqual(before);
  });
});
