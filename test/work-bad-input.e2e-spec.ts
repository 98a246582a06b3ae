import { EVENT_STORE, type EventStore } from '@billing/event-store';
import { setUpLinkedContracts } from './support/msp-fixture';
import { startTestApp, type TestApp } from './support/test-app';

describe('work and Approve & Post refuse bad input clearly and write nothing', () => {
  let t: TestApp;
  let technician: string;
  let auditor: string;
  let ids: Awaited<ReturnType<typeof setUpLinkedContracts>>;
  const entry = { accountId: 'acme', resourceId: 'ann', roleId: 'engineer', workTypeId: 'remote', dateWorked: '2026-11-16', hoursWorked: '1' };

  beforeAll(async () => {
    t = await startTestApp();
    technician = await t.keyFor('technician');
    auditor = await t.keyFor('auditor');
    ids = await setUpLinkedContracts(t);
  });
  afterAll(async () => t.dispose());

  /** Runs the refused request and checks that the store's head did not move. */
  async function refused(
    request: () => PromiseLike<{ status: number; body: { error: string; rule?: string; details?: { field: string }[]; message?: string } }>,
    status: number,
  ) {
    const store = t.app.get<EventStore>(EVENT_STORE);
    const head = await store.headPosition();
    const res = await request();
    expect(res.status).toBe(status);
    expect(await store.headPosition()).toBe(head);
    return res.body;
  }

  it('unknown ids are 404, naming what is missing', async () => {
    expect(
      (
        await refused(
          () =>
            t
              .as(technician)
              .post('/api/time-entries')
              .send({ ...entry, accountId: 'nobody' }),
          404,
        )
      ).message,
    ).toBe('account nobody does not exist');
    expect(
      (
        await refused(
          () =>
            t
              .as(technician)
              .post('/api/time-entries')
              .send({ ...entry, roleId: 'wizard' }),
          404,
        )
      ).message,
    ).toBe('role wizard does not exist');
    expect(
      (
        await refused(
          () =>
            t
              .as(technician)
              .post('/api/time-entries')
              .send({ ...entry, workTypeId: 'napping' }),
          404,
        )
      ).message,
    ).toBe('work type napping does not exist');
    expect(
      (
        await refused(
          () =>
            t
              .as(technician)
              .post('/api/time-entries')
              .send({ ...entry, contractId: 'ghost' }),
          404,
        )
      ).message,
    ).toBe('contract ghost does not exist');
    expect(
      (
        await refused(
          () =>
            t
              .as()
              .post('/api/approve-and-post')
              .send({ itemIds: ['no-such-item'] }),
          404,
        )
      ).message,
    ).toBe('item no-such-item does not exist');
    await refused(() => t.as().post('/api/billing-items/bi-none-1/unpost').send({ reason: 'x' }), 404);
    await refused(() => t.as().get('/api/contracts/ghost/balance'), 404);
    await refused(() => t.as().get('/api/time-entries/ghost'), 404);
  });

  it('the wrong role is 403', async () => {
    await refused(
      () =>
        t
          .as(technician)
          .post('/api/approve-and-post')
          .send({ itemIds: ['x'] }),
      403,
    );
    await refused(() => t.as(auditor).post('/api/time-entries').send(entry), 403);
    await refused(() => t.as(technician).put('/api/settings').send({ roundUpMinutes: 15 }), 403);
    await refused(() => t.as(technician).get('/api/dashboard/unbilled'), 403);
  });

  it.each([
    ['more than 24 hours', { hoursWorked: '24.25' }, 'hoursWorked'],
    ['no hours', { hoursWorked: 0 }, 'hoursWorked'],
    ['negative hours', { hoursWorked: '-1' }, 'hoursWorked'],
    ['more than 4 decimal places', { hoursWorked: '1.00001' }, 'hoursWorked'],
    ['a date that does not exist', { dateWorked: '2026-02-30' }, 'dateWorked'],
    ['an unknown field', { billable: false }, 'billable'],
  ])('a time entry with %s is 400 naming the field', async (_what, change, field) => {
    const body = await refused(
      () =>
        t
          .as(technician)
          .post('/api/time-entries')
          .send({ ...entry, ...change }),
      400,
    );
    expect(body.details!.map((d) => d.field)).toEqual([field]);
  });

  it('a revision that sets a required field to null is 400 naming it', async () => {
    await t
      .as(technician)
      .post('/api/time-entries')
      .send({ ...entry, id: 'te-null' })
      .expect(201);
    const body = await refused(() => t.as(technician).patch('/api/time-entries/te-null').send({ hoursWorked: null, workTypeId: null, dateWorked: null }), 400);
    expect(body.details!.map((d) => d.field).sort()).toEqual(['dateWorked', 'hoursWorked', 'workTypeId']);
    // optional fields may be cleared with null
    const cleared = await t.as(technician).patch('/api/time-entries/te-null').send({ summary: null, ticketId: null }).expect(200);
    expect(cleared.body).toMatchObject({ summary: null, ticketId: null });
  });

  it('a charge or expense dated outside its contract is refused by the rule (422)', async () => {
    const charge = await refused(
      () =>
        t.as(technician).post('/api/charges').send({ accountId: 'acme', contractId: ids.tm, name: 'Cable', date: '2027-01-04', quantity: 1, unitPrice: '10' }),
      422,
    );
    expect(charge).toMatchObject({ error: 'rule', rule: 'date-outside-contract' });
    const expense = await refused(
      () => t.as(technician).post('/api/expenses').send({ accountId: 'acme', contractId: ids.tm, category: 'mileage', date: '2025-12-31', amount: '12' }),
      422,
    );
    expect(expense).toMatchObject({ rule: 'date-outside-contract' });
  });

  it('amounts with more than 4 decimals are 400', async () => {
    const body = await refused(
      () => t.as(technician).post('/api/charges').send({ accountId: 'acme', name: 'Cable', date: '2026-11-16', quantity: '1', unitPrice: '10.12345' }),
      400,
    );
    expect(body.details!.map((d) => d.field)).toEqual(['unitPrice']);
    const override = await refused(
      () =>
        t
          .as()
          .post('/api/approve-and-post')
          .send({ itemIds: ['x'], overrides: { x: { amount: '1.00001' } } }),
      400,
    );
    expect(override.details!.map((d) => d.field)).toEqual(['overrides.x.amount']);
  });

  it('the same item twice in one request is 400', async () => {
    const body = await refused(
      () =>
        t
          .as()
          .post('/api/approve-and-post')
          .send({ itemIds: ['a', 'b', 'a'] }),
      400,
    );
    expect(body.details).toEqual([{ field: 'itemIds', message: 'itemIds must not name the same item twice' }]);
  });

  it('an override for an item not in the batch, or an unknown override field, is 400', async () => {
    const body = await refused(
      () =>
        t
          .as()
          .post('/api/approve-and-post')
          .send({ itemIds: ['a'], overrides: { b: { amount: '1' }, a: { discount: '5' } } }),
      400,
    );
    expect(body.details!.map((d) => d.field).sort()).toEqual(['overrides.a.discount', 'overrides.b']);
  });

  it.each<[string, unknown, string[]]>([
    ['a null override value', { x: { hoursToBill: null } }, ['overrides.x.hoursToBill']],
    ['a negative zero', { x: { hourlyRate: '-0' } }, ['overrides.x.hourlyRate']],
    ['more than 24 hours to bill', { x: { hoursToBill: '24.5' } }, ['overrides.x.hoursToBill']],
    ['an override that is a list', { x: [] }, ['overrides.x']],
    ['an override that is a number', { x: 5 }, ['overrides.x']],
  ])('%s is 400 naming it, and nothing is written', async (_name, overrides, fields) => {
    // given: one item, and overrides for it that are not of the form { hoursToBill?, hourlyRate?, amount? }
    const body = await refused(
      () =>
        t
          .as()
          .post('/api/approve-and-post')
          .send({ itemIds: ['x'], overrides }),
      400,
    );
    // then
    expect(body.details!.map((d) => d.field)).toEqual(fields);
  });

  it('a rejected timesheet needs a reason; a date that is not a Monday is the rule’s, not the request’s', async () => {
    const approver = await t.keyFor('timesheet-approver');
    const noReason = await refused(() => t.as(approver).post('/api/timesheets/bob/2026-11-16/reject').send({}), 400);
    expect(noReason.details).toEqual([{ field: 'reason', message: 'reason is required to reject a timesheet' }]);
    const notMonday = await refused(() => t.as(approver).post('/api/timesheets/bob/2026-11-17/reject').send({ reason: 'late' }), 422);
    expect(notMonday).toMatchObject({ rule: 'week-start' });
    const notADate = await refused(() => t.as().post('/api/timesheets/bob/not-a-date/submit').send({}), 400);
    expect(notADate.details).toEqual([{ field: 'weekStart', message: 'weekStart must be a date YYYY-MM-DD' }]);
  });

  it('a contract of one type given another type’s fields is refused (422)', async () => {
    const body = await refused(
      () =>
        t
          .as()
          .post('/api/contracts')
          .send({
            id: 'wrong',
            accountId: 'acme',
            name: 'T&M with blocks',
            type: 'TIME_AND_MATERIALS',
            startDate: '2026-01-01',
            endDate: '2026-12-31',
            blockHourMultipliers: [{ roleId: 'engineer', multiplier: '2' }],
          }),
      422,
    );
    expect(body).toMatchObject({ error: 'rule', rule: 'field-not-for-contract-type' });
  });

  it('a ticket completed under a contract that is not Per Ticket is refused', async () => {
    const body = await refused(() => t.as().post('/api/tickets/T-1/complete').send({ accountId: 'acme', contractId: ids.tm, date: '2026-11-16' }), 422);
    expect(body).toMatchObject({ rule: 'not-a-per-ticket-contract' });
  });

  it('with requireApprovedTimesheet, labour of a week not approved is refused before anything is written', async () => {
    await t.as().put('/api/settings').send({ requireApprovedTimesheet: true }).expect(200);
    try {
      const bob = await t.keyFor('technician', 'bob');
      await t
        .as(bob)
        .post('/api/time-entries')
        .send({ ...entry, id: 'te-ts', resourceId: 'bob' })
        .expect(201);
      const body = await refused(
        () =>
          t
            .as()
            .post('/api/approve-and-post')
            .send({ itemIds: ['te-ts'] }),
        422,
      );
      expect(body).toMatchObject({ rule: 'timesheet-not-approved' });
      expect((await t.as().get('/api/time-entries/te-ts')).body.status).toBe('PENDING');
      // once bob's week (Monday 16 November) is submitted and approved, it posts
      const approver = await t.keyFor('timesheet-approver');
      await t.as(technician).post('/api/timesheets/bob/2026-11-16/submit').send({}).expect(403);
      await t.as(bob).post('/api/timesheets/bob/2026-11-16/submit').send({}).expect(200);
      await t.as(bob).post('/api/timesheets/bob/2026-11-16/approve').send({}).expect(403);
      await t.as(approver).post('/api/timesheets/bob/2026-11-16/reject').send({}).expect(400);
      await t.as(approver).post('/api/timesheets/bob/2026-11-16/approve').send({}).expect(200);
      const posted = await t
        .as()
        .post('/api/approve-and-post')
        .send({ itemIds: ['te-ts'] })
        .expect(200);
      expect(posted.body.posted[0]).toMatchObject({ sourceItemId: 'te-ts', amount: '0.00', covered: true }); // remote support: covered by the recurring contract
    } finally {
      await t.as().put('/api/settings').send({ requireApprovedTimesheet: false }).expect(200);
    }
  });
});
