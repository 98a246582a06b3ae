import { ledgerStream } from '@billing/domain';
import { EVENT_STORE, type EventStore } from '@billing/event-store';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * Every kind of item through Approve & Post, with tax, bill-to accounts, retainers and tickets.
 * Each amount is worked out by hand from billing-rules.md in the comment beside it.
 */
describe('Approve & Post of every kind of item', () => {
  let t: TestApp;
  let technician: string;
  const ok = async (req: PromiseLike<{ status: number; body: unknown }>) => {
    const res = await req;
    if (res.status !== 200 && res.status !== 201) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
    return res.body as Record<string, unknown>;
  };
  type Item = {
    sourceItemId: string;
    type: string;
    quantity: string;
    rate: string;
    amount: string;
    tax: string;
    cost: string;
    covered: boolean;
    noCharge: boolean;
    accountId: string;
    billToAccountId: string;
    original: unknown;
  };
  const post = async (itemIds: string[], overrides?: object) =>
    (
      await ok(
        t
          .as()
          .post('/api/approve-and-post')
          .send({ itemIds, postedDate: '2026-11-25', ...(overrides ? { overrides } : {}) }),
      )
    ).posted as Item[];

  beforeAll(async () => {
    t = await startTestApp();
    technician = await t.keyFor('technician');
    await ok(
      t
        .as()
        .post('/api/tax-regions')
        .send({
          id: 'ny',
          name: 'New York',
          rates: [
            { taxCategory: 'labour', name: 'NY sales tax', rate: '0.08875' },
            { taxCategory: 'materials', name: 'State', rate: '0.05' },
            { taxCategory: 'materials', name: 'City', rate: '0.02', compound: true },
          ],
        }),
    );
    await ok(t.as().post('/api/accounts').send({ id: 'globex', name: 'Globex', taxRegionId: 'ny' }));
    await ok(t.as().post('/api/accounts').send({ id: 'globex-east', name: 'Globex East', parentAccountId: 'globex', invoiceToParent: true }));
    await ok(t.as().post('/api/roles').send({ id: 'tech', name: 'Technician', hourlyRate: '80', hourlyCost: '30' }));
    await ok(t.as().post('/api/work-types').send({ id: 'remote', name: 'Remote', taxCategory: 'labour' }));
    await ok(t.as().post('/api/work-types').send({ id: 'internal', name: 'Internal', billable: false, showOnInvoice: true }));
    await ok(t.as().post('/api/billing-codes').send({ id: 'hw', name: 'Hardware', type: 'material', taxCategory: 'materials' }));
    await ok(
      t
        .as()
        .post('/api/contracts')
        .send({
          id: 'globex-ret',
          accountId: 'globex',
          name: 'Retainer',
          type: 'RETAINER',
          startDate: '2026-01-01',
          endDate: '2026-12-31',
          roleRates: [{ roleId: 'tech', hourlyRate: '75' }],
        }),
    );
    await ok(t.as().post('/api/contracts/globex-ret/retainer-purchases').send({ id: 'r1', amount: '500', startDate: '2026-11-01', endDate: '2026-11-30' }));
    await ok(
      t.as().post('/api/contracts').send({
        id: 'globex-pt',
        accountId: 'globex',
        name: 'Per ticket',
        type: 'PER_TICKET',
        startDate: '2026-01-01',
        endDate: '2026-12-31',
        overageRate: '60',
      }),
    );
    await ok(
      t
        .as()
        .post('/api/contracts/globex-pt/ticket-purchases')
        .send({ id: 't1', tickets: 1, perTicketRate: '45', startDate: '2026-11-01', endDate: '2026-11-30' }),
    );
  });
  afterAll(async () => t.dispose());

  it('a charge is taxed by its billing code: simple taxes, then the compound one on amount plus them', async () => {
    await ok(
      t
        .as(technician)
        .post('/api/charges')
        .send({ id: 'c1', accountId: 'globex', billingCodeId: 'hw', name: 'SSD', date: '2026-11-16', quantity: 2, unitPrice: '129.99', unitCost: '80' }),
    );
    const [charge] = await post(['c1']);
    // 2 × $129.99 = $259.98; state 5% = 12.999; city 2% compound on 259.98 + 12.999 = 272.979 × 0.02 = 5.45958;
    // tax 12.999 + 5.45958 = 18.45858 → $18.46; cost 2 × $80 = $160.00
    expect(charge).toMatchObject({ type: 'CHARGE', quantity: '2', amount: '259.98', tax: '18.46', cost: '160.00', covered: false });
  });

  it('the approver changes a charge’s amount; the original stays', async () => {
    await ok(t.as(technician).post('/api/charges').send({ id: 'c2', accountId: 'globex', name: 'Cable', date: '2026-11-16', quantity: '1', unitPrice: '100' }));
    const [charge] = await post(['c2'], { c2: { amount: '90' } });
    expect(charge).toMatchObject({ amount: '90.00', original: { amount: '100.00' }, tax: '0.00' }); // no billing code: no tax category, no tax
  });

  it('work of a child account without a contract goes to the parent’s ledger (invoiceToParent), taxed by the parent’s region', async () => {
    await ok(
      t.as(technician).post('/api/time-entries').send({
        id: 'te-east',
        accountId: 'globex-east',
        resourceId: 'ann',
        roleId: 'tech',
        workTypeId: 'remote',
        dateWorked: '2026-11-17',
        hoursWorked: '1.5',
      }),
    );
    const [labour] = await post(['te-east']);
    // 1.5 h × $80 role rate = $120.00; tax 120 × 0.08875 = 10.65; cost 1.5 × $30 = $45.00
    expect(labour).toMatchObject({ accountId: 'globex-east', billToAccountId: 'globex', amount: '120.00', tax: '10.65', cost: '45.00' });
  });

  it('non-billable work posts at zero, as no charge, and draws nothing', async () => {
    await ok(
      t
        .as(technician)
        .post('/api/time-entries')
        .send({ id: 'te-int', accountId: 'globex', resourceId: 'ann', roleId: 'tech', workTypeId: 'internal', dateWorked: '2026-11-17', hoursWorked: '2' }),
    );
    const [labour] = await post(['te-int']);
    expect(labour).toMatchObject({ amount: '0.00', noCharge: true, covered: false, cost: '60.00' }); // cost 2 × $30 still counts
  });

  it('retainer labour draws money at the contract rate; the shortfall is billed as overage', async () => {
    await ok(
      t.as(technician).post('/api/time-entries').send({
        id: 'te-r1',
        accountId: 'globex',
        contractId: 'globex-ret',
        resourceId: 'ann',
        roleId: 'tech',
        workTypeId: 'remote',
        dateWorked: '2026-11-18',
        hoursWorked: '4',
      }),
    );
    await ok(
      t.as(technician).post('/api/time-entries').send({
        id: 'te-r2',
        accountId: 'globex',
        contractId: 'globex-ret',
        resourceId: 'ann',
        roleId: 'tech',
        workTypeId: 'remote',
        dateWorked: '2026-11-19',
        hoursWorked: '3',
      }),
    );
    const posted = await post(['te-r1', 'te-r2']);
    // te-r1: 4 h × $75 = $300.00, all from the $500 retainer (200 left)
    // te-r2: 3 h × $75 = $225.00: $200.00 from the retainer, $25.00 overage; taxed 25 × 0.08875 = 2.21875 → $2.22
    expect(posted.map((i) => [i.sourceItemId, i.type, i.amount, i.tax, i.covered])).toEqual([
      ['te-r1', 'LABOR', '0.00', '0.00', true],
      ['te-r2', 'LABOR', '0.00', '0.00', true],
      ['te-r2', 'LABOR_OVERAGE', '25.00', '2.22', false],
    ]);
    // hours of the split shared by money: 3 × 200/225 = 2.6667 covered (4 places), 0.3333 overage
    expect(posted.slice(1).map((i) => i.quantity)).toEqual(['2.6667', '0.3333']);
    const balance = await ok(t.as().get('/api/contracts/globex-ret/balance'));
    expect(balance).toMatchObject({ type: 'RETAINER', purchased: '500', used: '500', remaining: '0', overage: '25.00' });
  });

  it('a completed ticket uses one purchased ticket; with none left it is billed at the overage rate per ticket', async () => {
    await ok(t.as().post('/api/tickets/T-1/complete').send({ accountId: 'globex', contractId: 'globex-pt', date: '2026-11-18' }));
    await ok(t.as().post('/api/tickets/T-2/complete').send({ accountId: 'globex', contractId: 'globex-pt', date: '2026-11-19' }));
    const posted = await post(['ticket:T-1', 'ticket:T-2', 't1']);
    const bySource = Object.fromEntries(posted.map((i) => [i.sourceItemId, i]));
    expect(bySource['ticket:T-1']).toMatchObject({ type: 'TICKET', amount: '0.00', covered: true });
    expect(bySource['ticket:T-2']).toMatchObject({ type: 'TICKET', amount: '60.00', covered: false }); // no ticket left: $60 overage rate per ticket
    expect(bySource.t1).toMatchObject({ type: 'TICKET_PURCHASE', quantity: '1', amount: '45.00' }); // 1 ticket × $45
    expect(await ok(t.as().get('/api/contracts/globex-pt/balance'))).toMatchObject({ purchased: '1', used: '1', remaining: '0', overage: '60.00' });
  });

  it('an expense posts at its amount', async () => {
    await ok(t.as(technician).post('/api/expenses').send({ id: 'x1', accountId: 'globex', category: 'mileage', date: '2026-11-18', amount: '42.80' }));
    const [expense] = await post(['x1']);
    expect(expense).toMatchObject({ type: 'EXPENSE', amount: '42.80', tax: '0.00' });
  });

  it('labour and charges on a contract carry its purchase-order number; a charge may set its own', async () => {
    await ok(
      t.as().post('/api/contracts').send({
        id: 'globex-tm',
        accountId: 'globex',
        name: 'Projects',
        type: 'TIME_AND_MATERIALS',
        startDate: '2026-01-01',
        endDate: '2026-12-31',
        purchaseOrderNumber: 'PO-42',
      }),
    );
    await ok(
      t
        .as(technician)
        .post('/api/charges')
        .send({ id: 'c3', accountId: 'globex', contractId: 'globex-tm', name: 'Switch', date: '2026-11-20', quantity: 1, unitPrice: '300' }),
    );
    await ok(
      t.as(technician).post('/api/charges').send({
        id: 'c4',
        accountId: 'globex',
        contractId: 'globex-tm',
        name: 'Rack',
        date: '2026-11-20',
        quantity: 1,
        unitPrice: '200',
        purchaseOrderNumber: 'PO-7',
      }),
    );
    await ok(
      t.as(technician).post('/api/time-entries').send({
        id: 'te-po',
        accountId: 'globex',
        contractId: 'globex-tm',
        resourceId: 'ann',
        roleId: 'tech',
        workTypeId: 'remote',
        dateWorked: '2026-11-20',
        hoursWorked: '1',
      }),
    );
    const posted = await post(['c3', 'c4', 'te-po']);
    expect(Object.fromEntries(posted.map((i) => [i.sourceItemId, (i as unknown as { purchaseOrderNumber: string }).purchaseOrderNumber]))).toEqual({
      c3: 'PO-42',
      c4: 'PO-7',
      'te-po': 'PO-42',
    });
  });

  it('a refused item refuses the whole request before anything is written (all or nothing per ledger)', async () => {
    await ok(
      t.as(technician).post('/api/time-entries').send({
        id: 'te-fine',
        accountId: 'globex',
        contractId: 'globex-tm',
        resourceId: 'ann',
        roleId: 'tech',
        workTypeId: 'remote',
        dateWorked: '2026-11-21',
        hoursWorked: '1',
      }),
    );
    await ok(
      t.as(technician).post('/api/time-entries').send({
        id: 'te-covered',
        accountId: 'globex',
        contractId: 'globex-pt',
        resourceId: 'ann',
        roleId: 'tech',
        workTypeId: 'remote',
        dateWorked: '2026-11-21',
        hoursWorked: '1',
      }),
    );
    // a rate for work the per-ticket contract covers: nothing to charge at that rate
    const res = await t
      .as()
      .post('/api/approve-and-post')
      .send({ itemIds: ['te-fine', 'te-covered'], overrides: { 'te-covered': { hourlyRate: '99' } } });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ error: 'rule', rule: 'override-on-uncharged-item' });
    for (const id of ['te-fine', 'te-covered']) expect((await t.as().get(`/api/time-entries/${id}`)).body.status).toBe('PENDING');
    // without the override both post (answered in the order asked)
    expect((await post(['te-fine', 'te-covered'])).map((i) => [i.sourceItemId, i.amount])).toEqual([
      ['te-fine', '80.00'], // 1 h × $80 role rate (the contract has no rate for the role)
      ['te-covered', '0.00'],
    ]);
  });

  it('the unbilled dashboard totals every posted item of the account, in cents', async () => {
    const res = await ok(t.as().get('/api/dashboard/unbilled?stage=AWAITING_INVOICE&asOf=2026-11-25'));
    // items whose work was for globex: 259.98 + 90 + 0 + 0 + 0 + 25 + 0 + 60 + 45 + 42.80 = 522.78,
    // then c3 300 + c4 200 + te-po 80 + te-fine 80 + te-covered 0 = 660 → 1,182.78 in 15 items; globex-east: 120.00
    expect((res.totals as { byAccount: unknown }).byAccount).toEqual({
      globex: { count: 15, amount: '1182.78' },
      'globex-east': { count: 1, amount: '120.00' },
    });
  });

  it('work on a contract billed to a third party goes to that account’s ledger, taxed by its region (none)', async () => {
    // given: Globex East's T&M contract is paid by Initech, which has no tax region
    await ok(t.as().post('/api/accounts').send({ id: 'initech', name: 'Initech' }));
    await ok(
      t
        .as()
        .post('/api/contracts')
        .send({
          id: 'east-tm',
          accountId: 'globex-east',
          billToAccountId: 'initech',
          name: 'T&M paid by Initech',
          type: 'TIME_AND_MATERIALS',
          startDate: '2026-01-01',
          endDate: '2026-12-31',
          roleRates: [{ roleId: 'tech', hourlyRate: '70' }],
        }),
    );
    await ok(
      t.as(technician).post('/api/time-entries').send({
        id: 'te-third',
        accountId: 'globex-east',
        contractId: 'east-tm',
        resourceId: 'ann',
        roleId: 'tech',
        workTypeId: 'remote',
        dateWorked: '2026-11-17',
        hoursWorked: '2',
      }),
    );
    // when
    const [labour] = await post(['te-third']);
    // then: with a contract, its bill-to account decides, not the account's invoiceToParent (billing-rules §10):
    // 2 h × $70 contract rate = $140.00; Initech has no tax region: tax 0.00; cost 2 × $30 = $60.00
    expect(labour).toMatchObject({ accountId: 'globex-east', billToAccountId: 'initech', contractId: 'east-tm', amount: '140.00', tax: '0.00', cost: '60.00' });
    const store = t.app.get<EventStore>(EVENT_STORE);
    const onLedger: string[] = [];
    for await (const e of store.readStream(ledgerStream('initech'))) onLedger.push((e.data as { sourceItemId: string }).sourceItemId);
    expect(onLedger).toEqual(['te-third']);
  });

  it('a completed ticket with no ticket left and no overage rate bills its labour, as the time entries’ own streams say it now is', async () => {
    // given: a Per Ticket contract without an overage rate or a purchase, and time on ticket T-9
    await ok(t.as().post('/api/accounts').send({ id: 'umbrella', name: 'Umbrella' }));
    await ok(
      t
        .as()
        .post('/api/contracts')
        .send({ id: 'umbrella-pt', accountId: 'umbrella', name: 'Per ticket', type: 'PER_TICKET', startDate: '2026-01-01', endDate: '2026-12-31' }),
    );
    const entry = (id: string, ticketId: string, workTypeId: string, hoursWorked: string) =>
      ok(
        t.as(technician).post('/api/time-entries').send({
          id,
          accountId: 'umbrella',
          contractId: 'umbrella-pt',
          ticketId,
          resourceId: 'ann',
          roleId: 'tech',
          workTypeId,
          dateWorked: '2026-11-20',
          hoursWorked,
        }),
      );
    await entry('te-t9-1', 'T-9', 'remote', '2');
    await entry('te-t9-2', 'T-9', 'remote', '1.5');
    await entry('te-t9-3', 'T-9', 'internal', '1');
    await entry('te-t9-4', 'T-9', 'remote', '4');
    await ok(t.as(technician).patch('/api/time-entries/te-t9-4').send({ ticketId: 'T-8' })); // moved to another ticket
    await ok(t.as().post('/api/tickets/T-9/complete').send({ accountId: 'umbrella', contractId: 'umbrella-pt', date: '2026-11-21' }));
    // when
    const [ticket] = await post(['ticket:T-9']);
    // then: 2 h + 1.5 h of remote work at the role's $80 = $160.00 + $120.00 = $280.00; internal work is
    // not billable; the entry moved to T-8 is not this ticket's; the account has no tax region
    expect(ticket).toMatchObject({ sourceItemId: 'ticket:T-9', type: 'TICKET', amount: '280.00', tax: '0.00', covered: false });
  });
});
