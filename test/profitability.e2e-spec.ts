import { logTime, setUpLinkedContracts } from './support/msp-fixture';
import { FINANCE_KEY, startTestApp, type TestApp } from './support/test-app';

/**
 * billing-rules §11 over HTTP: Acme's November on the linked contracts of §4 (msp-fixture.ts):
 * engineer $120/h, cost $50/h; T&M $110/h; Out-of-Hours × 1.5; block b1 10 h × $100 for
 * November, overage $140/h; Remote Support stays on the recurring contract, which has no fee.
 */
describe('GET /api/reports/profitability', () => {
  let t: TestApp;
  const report = async (query: string) => (await t.as().get(`/api/reports/profitability?${query}`).expect(200)).body;

  beforeAll(async () => {
    t = await startTestApp();
    await setUpLinkedContracts(t);
    const log = (id: string, workTypeId: string, dateWorked: string, hoursWorked: string) =>
      logTime(t, FINANCE_KEY, { id, accountId: 'acme', workTypeId, dateWorked, hoursWorked });
    await log('te-1', 'remote', '2026-11-16', '2'); // Recurring, covered: revenue 0.00, cost 2 × 50 = 100.00
    await log('te-2', 'onsite', '2026-11-17', '3'); // Block: 3 h of b1, covered 3 × 100 = 300.00, cost 150.00
    await log('te-3', 'out-of-hours', '2026-11-18', '2'); // T&M: 110 × 1.5 = 165 × 2 = 330.00, cost 100.00
    await log('te-4', 'onsite', '2026-11-20', '9'); // Block: b1's last 7 h covered 700.00 (cost 350.00), 2 h overage × 140 = 280.00 (cost 100.00)
    await log('te-5', 'out-of-hours', '2026-12-01', '1'); // T&M in December: 165.00, cost 50.00
    await log('te-6', 'out-of-hours', '2026-11-19', '1'); // T&M: 165.00, cost 50.00; unposted in a test below
    await t
      .as()
      .post('/api/approve-and-post')
      .send({ itemIds: ['acme-b1', 'te-1', 'te-2', 'te-3', 'te-4', 'te-5', 'te-6'], postedDate: '2026-12-02' })
      .expect(200);
  });
  afterAll(async () => t.dispose());

  // The tests run in order: the first unposts te-6, and the figures of the others are without it.
  it('an unposted item no longer counts', async () => {
    // given: T&M in November holds te-3 and te-6: 330 + 165 = 495.00
    const before = await report('by=contract&from=2026-11-01&to=2026-11-30');
    expect(before.rows.find((r: { id: string }) => r.id === 'acme-tm')).toMatchObject({ revenue: '495.00', cost: '150.00' });
    // when: te-6 is unposted
    await t.as().post('/api/billing-items/bi-te-6-1/unpost').send({ reason: 'logged twice' }).expect(200);
    // then: te-3 alone: 330.00, cost 100.00
    const after = await report('by=contract&from=2026-11-01&to=2026-11-30');
    expect(after.rows.find((r: { id: string }) => r.id === 'acme-tm')).toMatchObject({ revenue: '330.00', cost: '100.00' });
  });

  it('by contract in November: block-covered hours at the block rate, the purchase kept apart, the recurring contract flagged', async () => {
    const body = await report('by=contract&from=2026-11-01&to=2026-11-30');
    // acme-blk: billed 280.00 (overage); covered 300 + 700 = 1000.00; revenue 1280.00; the purchase 10 × 100 = 1000.00 prepaid, not
    // revenue; cost 150 + 350 + 100 = 600.00; margin 680.00 (680 / 1280 = 53.125% → 53.1); hours 3 + 7 + 2 = 12
    const blk = {
      revenue: '1280.00',
      billed: '280.00',
      covered: '1000.00',
      prepaidBilled: '1000.00',
      cost: '600.00',
      margin: '680.00',
      marginPercent: '53.1',
      hours: '12',
      negativeMargin: false,
    };
    // acme-rec: te-1's cost 100.00 and no fee: margin −100.00, no percentage without revenue; flagged
    const rec = {
      revenue: '0.00',
      billed: '0.00',
      covered: '0.00',
      prepaidBilled: '0.00',
      cost: '100.00',
      margin: '-100.00',
      marginPercent: null,
      hours: '2',
      negativeMargin: true,
    };
    // acme-tm: te-3 330.00, cost 100.00, margin 230.00 (69.69…% → 69.7)
    const tm = {
      revenue: '330.00',
      billed: '330.00',
      covered: '0.00',
      prepaidBilled: '0.00',
      cost: '100.00',
      margin: '230.00',
      marginPercent: '69.7',
      hours: '2',
      negativeMargin: false,
    };
    expect(body).toEqual({
      by: 'contract',
      from: '2026-11-01',
      to: '2026-11-30',
      rows: [
        { id: 'acme-blk', ...blk, months: [{ month: '2026-11', ...blk }] },
        { id: 'acme-rec', ...rec, months: [{ month: '2026-11', ...rec }] },
        { id: 'acme-tm', ...tm, months: [{ month: '2026-11', ...tm }] },
      ],
      // revenue 1280 + 0 + 330 = 1610.00; cost 600 + 100 + 100 = 800.00; margin 810.00 (50.31…% → 50.3); 16 h
      totals: {
        revenue: '1610.00',
        billed: '610.00',
        covered: '1000.00',
        prepaidBilled: '1000.00',
        cost: '800.00',
        margin: '810.00',
        marginPercent: '50.3',
        hours: '16',
        negativeMargin: false,
      },
      negativeMargin: ['acme-rec'],
    });
  });

  it('by account over November and December: a row per month', async () => {
    const body = await report('by=account&from=2026-11-01&to=2026-12-31');
    // November as above: 1610.00 − 800.00 = 810.00; December te-5: 165.00 − 50.00 = 115.00 (69.69…% → 69.7);
    // both: 1775.00 − 850.00 = 925.00 (52.11…% → 52.1)
    expect(body.rows).toEqual([
      expect.objectContaining({
        id: 'acme',
        revenue: '1775.00',
        cost: '850.00',
        margin: '925.00',
        marginPercent: '52.1',
        negativeMargin: false,
        months: [
          expect.objectContaining({ month: '2026-11', revenue: '1610.00', cost: '800.00', margin: '810.00' }),
          expect.objectContaining({ month: '2026-12', revenue: '165.00', cost: '50.00', margin: '115.00', marginPercent: '69.7' }),
        ],
      }),
    ]);
    // and: without dates, every posted item counts: the same two months
    const unbounded = await report('by=account');
    expect(unbounded).toMatchObject({ from: null, to: null });
    expect(unbounded.rows).toEqual(body.rows);
  });

  it('by work type: labour by its work type, the purchase under no work type', async () => {
    const body = await report('by=workType&from=2026-11-01&to=2026-11-30');
    expect(body.rows.map((r: Record<string, unknown>) => [r.id, r.revenue, r.prepaidBilled, r.cost, r.hours, r.negativeMargin])).toEqual([
      ['onsite', '1280.00', '0.00', '600.00', '12', false], // te-2 and te-4
      ['out-of-hours', '330.00', '0.00', '100.00', '2', false], // te-3
      ['remote', '0.00', '0.00', '100.00', '2', true], // te-1, covered by a contract without a fee
      [null, '0.00', '1000.00', '0.00', '0', false], // the block purchase
    ]);
  });

  it('an invoice voided without unposting changes nothing', async () => {
    // given: the figures before
    const before = await report('by=contract');
    // when: November is invoiced, and the invoice voided (its items go back to be invoiced, still posted)
    const run = await t.as().post('/api/invoice-runs').send({ id: 'run-nov', invoiceDate: '2026-11-30' }).expect(201);
    expect(run.body.invoices).toHaveLength(1);
    await t.as().post(`/api/invoices/${run.body.invoices[0].id}/void`).send({ reason: 'wrong address' }).expect(200);
    // then
    expect(await report('by=contract')).toEqual(before);
  });

  it('refuses a missing or unknown dimension, a bad date and a range that ends before it starts', async () => {
    const refused = async (query: string) => (await t.as().get(`/api/reports/profitability${query}`).expect(400)).body;
    expect(await refused('')).toEqual({ error: 'validation', details: [{ field: 'by', message: 'by must be one of account, contract, workType' }] });
    expect((await refused('?by=resource')).details).toEqual([{ field: 'by', message: 'by must be one of account, contract, workType' }]);
    expect((await refused('?by=account&from=2026-11-31')).details).toEqual([{ field: 'from', message: 'from must be a date YYYY-MM-DD' }]);
    expect((await refused('?by=account&to=20261130')).details).toEqual([{ field: 'to', message: 'to must be a date YYYY-MM-DD' }]);
    expect((await refused('?by=account&from=2026-11-30&to=2026-11-01')).details).toEqual([
      { field: 'to', message: 'to (2026-11-01) must not be before from (2026-11-30)' },
    ]);
  });

  it('an auditor reads it; a technician and an integration are refused', async () => {
    await t.caughtUp();
    const auditor = await t.keyFor('auditor');
    expect((await t.as(auditor).get('/api/reports/profitability?by=contract').expect(200)).body).toEqual(await report('by=contract'));
    const technician = await t.keyFor('technician');
    expect((await t.as(technician).get('/api/reports/profitability?by=contract').expect(403)).body).toMatchObject({ error: 'forbidden' });
    const integration = await t.keyFor('integration');
    await t.as(integration).get('/api/reports/profitability?by=contract').expect(403);
  });
});
