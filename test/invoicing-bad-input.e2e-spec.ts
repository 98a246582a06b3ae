import { EVENT_STORE, type EventStore } from '@billing/event-store';
import { postAcmesMonth, setUpCatalog } from './support/invoicing-fixture';
import { startTestApp, type TestApp } from './support/test-app';

/** http-api.md: bad input is refused with the documented shapes, and nothing is written. */
describe('invoicing: bad input', () => {
  let t: TestApp;
  const head = () => t.app.get<EventStore>(EVENT_STORE).headPosition();

  beforeAll(async () => {
    t = await startTestApp();
    await setUpCatalog(t);
    await postAcmesMonth(t);
    await t
      .as()
      .post('/api/invoice-runs')
      .send({ id: 'run-taken', invoiceDate: '2026-11-30', accountIds: ['nobody-yet'] })
      .expect(404);
  });
  afterAll(async () => t.dispose());

  it.each<[string, object, number, string]>([
    ['no invoice date', {}, 400, 'invoiceDate'],
    ['an invoice date that is not a date', { invoiceDate: '30/11/2026' }, 400, 'invoiceDate'],
    ['an impossible invoice date', { invoiceDate: '2026-02-30' }, 400, 'invoiceDate'],
    ['an invoice date as a number', { invoiceDate: 20261130 }, 400, 'invoiceDate'],
    ['an impossible through', { invoiceDate: '2026-11-30', through: '2026-11-31' }, 400, 'through'],
    ['a null through', { invoiceDate: '2026-11-30', through: null }, 400, 'through'],
    ['no accounts named', { invoiceDate: '2026-11-30', accountIds: [] }, 400, 'accountIds'],
    ['an account named twice', { invoiceDate: '2026-11-30', accountIds: ['acme', 'acme'] }, 400, 'accountIds'],
    ['accounts as a string', { invoiceDate: '2026-11-30', accountIds: 'acme' }, 400, 'accountIds'],
    ['an account id that is not an id', { invoiceDate: '2026-11-30', accountIds: ['a b'] }, 400, 'accountIds'],
    ['a run id that is not an id', { id: 'run 1', invoiceDate: '2026-11-30' }, 400, 'id'],
    ['an unknown field', { invoiceDate: '2026-11-30', dryRun: true }, 400, 'dryRun'],
  ])('%s: 400 naming the field, nothing written', async (_case, body, status, field) => {
    const before = await head();
    const res = await t.as().post('/api/invoice-runs').send(body).expect(status);
    expect(res.body.error).toBe('validation');
    expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
    expect(await head()).toBe(before);
  });

  it('through after the invoice date (items dated after the invoice): 422, nothing written', async () => {
    const before = await head();
    const res = await t.as().post('/api/invoice-runs').send({ invoiceDate: '2026-11-30', through: '2026-12-01' }).expect(422);
    expect(res.body).toMatchObject({ error: 'rule', rule: 'through-after-invoice-date' });
    expect(await head()).toBe(before);
  });

  it('an unknown account named: 404, nothing written (and the run id stays free)', async () => {
    const before = await head();
    const res = await t
      .as()
      .post('/api/invoice-runs')
      .send({ id: 'run-x', invoiceDate: '2026-11-30', accountIds: ['acme', 'nobody'] })
      .expect(404);
    expect(res.body).toMatchObject({ error: 'not_found', message: 'account nobody does not exist' });
    expect(await head()).toBe(before);
    // the id refused before is free: a run with another body takes it
    await t
      .as()
      .post('/api/invoice-runs')
      .send({ id: 'run-taken', invoiceDate: '2026-11-30', accountIds: ['acme'] })
      .expect(201);
  });

  it('a run id reused with another body: 409, nothing written', async () => {
    const before = await head();
    await t
      .as()
      .post('/api/invoice-runs')
      .send({ id: 'run-taken', invoiceDate: '2026-11-29', accountIds: ['acme'] })
      .expect(409);
    expect(await head()).toBe(before);
  });

  it.each([
    ['/api/invoices?status=PAID', 'status'],
    ['/api/invoices?from=2026-02-30', 'from'],
    ['/api/invoices?accountId=a%20b', 'accountId'],
    ['/api/invoices?number=INV%201', 'number'],
    ['/api/invoices?limit=0', 'limit'],
    ['/api/items-to-invoice?through=2026-13-01', 'through'],
  ])('GET %s: 400 naming %s', async (url, field) => {
    const res = await t.as().get(url).expect(400);
    expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
  });

  it.each([[{ invoiceNumberPrefix: 'INV 1' }], [{ invoiceNumberPrefix: 'X'.repeat(21) }], [{ invoiceNumberPrefix: null }], [{ invoiceNumberPrefix: 7 }]])(
    'PUT /api/settings %p: 400, nothing written',
    async (body) => {
      const before = await head();
      await t.as().put('/api/settings').send(body).expect(400);
      expect(await head()).toBe(before);
    },
  );
});
