import { startTestApp, type TestApp } from './support/test-app';

/** Contracts over HTTP: the six types, terms, exclusion links, default contract, purchases, services. */
describe('contracts over HTTP', () => {
  let t: TestApp;

  const base = { accountId: 'acme', startDate: '2026-01-01', endDate: '2026-12-31' };
  const contract = (id: string, fields: Record<string, unknown>) => ({ id, name: `Contract ${id}`, ...base, ...fields });

  async function contractsOf(accountId: string) {
    return (await t.as().get(`/api/contracts?accountId=${accountId}`).expect(200)).body;
  }

  /** Runs a refused request and checks the contracts read model did not move. */
  async function expectNothingWritten(action: () => Promise<unknown>) {
    const before = (await t.as().get('/api/contracts').expect(200)).body;
    await action();
    expect((await t.as().get('/api/contracts').expect(200)).body).toEqual(before);
  }

  beforeAll(async () => {
    t = await startTestApp();
    await t.as().post('/api/accounts').send({ id: 'group', name: 'Acme Group' }).expect(201);
    await t.as().post('/api/accounts').send({ id: 'acme', name: 'Acme Dental', parentAccountId: 'group' }).expect(201);
    await t.as().post('/api/accounts').send({ id: 'globex', name: 'Globex' }).expect(201);
    await t.as().post('/api/roles').send({ id: 'engineer', name: 'Engineer', hourlyRate: '150' }).expect(201);
    await t.as().post('/api/roles').send({ id: 'architect', name: 'Architect', hourlyRate: '200' }).expect(201);
    await t.as().post('/api/work-types').send({ id: 'remote', name: 'Remote Support' }).expect(201);
    await t.as().post('/api/work-types').send({ id: 'onsite', name: 'Onsite' }).expect(201);
    await t.as().post('/api/work-types').send({ id: 'after-hours', name: 'After Hours' }).expect(201);
    await t
      .as()
      .post('/api/exclusion-sets')
      .send({ id: 'silver', name: 'Silver', workTypeIds: ['onsite', 'after-hours'], roleIds: [] })
      .expect(201);
    await t.as().post('/api/billing-codes').send({ id: 'svc-desktop', name: 'Managed desktop', type: 'service' }).expect(201);
  });
  afterAll(async () => t.dispose());

  describe('create, one type at a time', () => {
    it('Time & Materials with role rates, read back at once', async () => {
      const created = await t
        .as()
        .post('/api/contracts')
        .send(contract('tm', { type: 'TIME_AND_MATERIALS', roleRates: [{ roleId: 'engineer', hourlyRate: '140.00' }], purchaseOrderNumber: 'PO-1' }))
        .expect(201);
      expect(created.body).toMatchObject({
        id: 'tm',
        accountId: 'acme',
        name: 'Contract tm',
        type: 'TIME_AND_MATERIALS',
        startDate: '2026-01-01',
        endDate: '2026-12-31',
        status: 'ACTIVE',
        purchaseOrderNumber: 'PO-1',
        isDefault: false,
        exclusionSetId: null,
        excludedWorkTypeIds: [],
        excludedRoleIds: [],
        exclusionContractId: null,
        billToAccountId: null,
        roleRates: [{ roleId: 'engineer', hourlyRate: '140' }],
        overageRate: null,
        blockHourMultipliers: [],
        periodType: null,
        setupFee: null,
        licenceTolerancePercent: null,
        purchases: [],
        services: [],
      });
      expect((await t.as().get('/api/contracts/tm').expect(200)).body).toEqual(created.body);
    });

    it('Block Hours with overage table, overage rate, multipliers and an exclusion contract', async () => {
      const res = await t
        .as()
        .post('/api/contracts')
        .send(
          contract('blk', {
            type: 'BLOCK_HOURS',
            roleRates: [{ roleId: 'engineer', hourlyRate: 130 }],
            overageRate: '145.5',
            blockHourMultipliers: [{ roleId: 'architect', multiplier: '1.5' }],
            excludedWorkTypeIds: ['after-hours'],
            exclusionContractId: 'tm',
          }),
        )
        .expect(201);
      expect(res.body).toMatchObject({
        type: 'BLOCK_HOURS',
        roleRates: [{ roleId: 'engineer', hourlyRate: '130' }],
        overageRate: '145.5',
        blockHourMultipliers: [{ roleId: 'architect', multiplier: '1.5' }],
        excludedWorkTypeIds: ['after-hours'],
        exclusionContractId: 'tm',
      });
    });

    it('Retainer, Per Ticket, Recurring Service and Fixed Price', async () => {
      await t
        .as()
        .post('/api/contracts')
        .send(contract('ret', { type: 'RETAINER', roleRates: [{ roleId: 'engineer', hourlyRate: '120' }] }))
        .expect(201);
      const ticket = await t
        .as()
        .post('/api/contracts')
        .send(contract('tix', { type: 'PER_TICKET', overageRate: '45' }))
        .expect(201);
      expect(ticket.body).toMatchObject({ type: 'PER_TICKET', overageRate: '45' });
      const recurring = await t
        .as()
        .post('/api/contracts')
        .send(contract('rec', { type: 'RECURRING_SERVICE', periodType: 'MONTHLY', setupFee: '250.00', exclusionSetId: 'silver', exclusionContractId: 'blk' }))
        .expect(201);
      expect(recurring.body).toMatchObject({ periodType: 'MONTHLY', setupFee: '250', exclusionSetId: 'silver', exclusionContractId: 'blk' });
      const fixed = await t
        .as()
        .post('/api/contracts')
        .send(contract('fix', { type: 'FIXED_PRICE', roleRates: [{ roleId: 'architect', hourlyRate: '210' }], billToAccountId: 'group' }))
        .expect(201);
      expect(fixed.body).toMatchObject({ type: 'FIXED_PRICE', billToAccountId: 'group' });
    });

    it('the same create again answers 200 and writes nothing; another body is 409', async () => {
      const body = contract('tm', { type: 'TIME_AND_MATERIALS', roleRates: [{ roleId: 'engineer', hourlyRate: 140 }], purchaseOrderNumber: 'PO-1' });
      await expectNothingWritten(async () => {
        const again = await t.as().post('/api/contracts').send(body).expect(200);
        expect(again.body.id).toBe('tm');
      });
      const res = await t
        .as()
        .post('/api/contracts')
        .send({ ...body, name: 'Renamed' })
        .expect(409);
      expect(res.body).toMatchObject({ error: 'conflict' });
    });

    it('an Idempotency-Key names the contract when the body has no id', async () => {
      const body = { name: 'Keyed', ...base, type: 'TIME_AND_MATERIALS' };
      const first = await t.as().post('/api/contracts').set('Idempotency-Key', 'contract-key-1').send(body).expect(201);
      const retry = await t.as().post('/api/contracts').set('Idempotency-Key', 'contract-key-1').send(body).expect(200);
      expect(retry.body.id).toBe(first.body.id);
      await t
        .as()
        .post('/api/contracts')
        .set('Idempotency-Key', 'contract-key-1')
        .send({ ...body, name: 'Other' })
        .expect(409);
    });
  });

  describe('refusals write nothing', () => {
    it.each([
      ['roleRates', { type: 'PER_TICKET', roleRates: [{ roleId: 'engineer', hourlyRate: '1' }] }, 'TIME_AND_MATERIALS, BLOCK_HOURS, RETAINER and FIXED_PRICE'],
      ['roleRates', { type: 'RECURRING_SERVICE', periodType: 'MONTHLY', roleRates: [{ roleId: 'engineer', hourlyRate: '1' }] }, 'FIXED_PRICE'],
      ['overageRate', { type: 'TIME_AND_MATERIALS', overageRate: '10' }, 'BLOCK_HOURS and PER_TICKET'],
      ['overageRate', { type: 'RETAINER', overageRate: '10' }, 'BLOCK_HOURS and PER_TICKET'],
      ['blockHourMultipliers', { type: 'RETAINER', blockHourMultipliers: [{ roleId: 'engineer', multiplier: '2' }] }, 'BLOCK_HOURS'],
      ['periodType', { type: 'FIXED_PRICE', periodType: 'YEARLY' }, 'RECURRING_SERVICE'],
    ])('%s on the wrong type is refused (422 field-not-for-contract-type)', async (field, fields, takers) => {
      await expectNothingWritten(async () => {
        const res = await t.as().post('/api/contracts').send(contract('wrong', fields)).expect(422);
        expect(res.body).toMatchObject({ error: 'rule', rule: 'field-not-for-contract-type' });
        expect(res.body.message).toContain(field);
        expect(res.body.message).toContain(takers);
      });
    });

    it('a Recurring Service contract without its period type', async () => {
      const res = await t
        .as()
        .post('/api/contracts')
        .send(contract('wrong', { type: 'RECURRING_SERVICE' }))
        .expect(422);
      expect(res.body.rule).toBe('field-required-for-contract-type');
    });

    it.each([
      [{ accountId: 'nobody' }, 'account nobody does not exist'],
      [{ billToAccountId: 'nobody' }, 'bill-to account nobody does not exist'],
      [{ exclusionContractId: 'nothing' }, 'exclusion contract nothing does not exist'],
      [{ exclusionSetId: 'platinum' }, 'exclusion set platinum does not exist'],
      [{ excludedWorkTypeIds: ['teleport'] }, 'work type teleport does not exist'],
      [{ excludedRoleIds: ['intern'] }, 'role intern does not exist'],
      [{ roleRates: [{ roleId: 'intern', hourlyRate: '1' }] }, 'role intern does not exist'],
    ])('an unknown id is 404 naming it: %j', async (fields, message) => {
      await expectNothingWritten(async () => {
        const res = await t
          .as()
          .post('/api/contracts')
          .send(contract('missing', { type: 'TIME_AND_MATERIALS', ...fields }))
          .expect(404);
        expect(res.body).toEqual({ error: 'not_found', message });
      });
    });

    it('dates: end after start, at most 20 years; real calendar dates', async () => {
      await expectNothingWritten(async () => {
        const same = await t
          .as()
          .post('/api/contracts')
          .send(contract('d', { type: 'TIME_AND_MATERIALS', endDate: '2026-01-01' }))
          .expect(422);
        expect(same.body.rule).toBe('contract-dates');
        const long = await t
          .as()
          .post('/api/contracts')
          .send(contract('d', { type: 'TIME_AND_MATERIALS', endDate: '2046-01-02' }))
          .expect(422);
        expect(long.body.rule).toBe('contract-length');
        const bad = await t
          .as()
          .post('/api/contracts')
          .send(contract('d', { type: 'TIME_AND_MATERIALS', startDate: '2026-02-30' }))
          .expect(400);
        expect(bad.body.details.map((d: { field: string }) => d.field)).toEqual(['startDate']);
      });
    });

    it('bad fields are 400 with every problem listed; unknown fields are refused', async () => {
      await expectNothingWritten(async () => {
        const res = await t
          .as()
          .post('/api/contracts')
          .send({
            id: 'bad',
            accountId: 'acme',
            name: '',
            type: 'HOURLY',
            startDate: '2026-01-01',
            endDate: '2026-12-31',
            setupFee: '1.23456',
            roleRates: [{ roleId: 'engineer', hourlyRate: -1, extra: 1 }],
            discount: 5,
          })
          .expect(400);
        const fields = res.body.details.map((d: { field: string }) => d.field);
        expect(new Set(fields)).toEqual(new Set(['name', 'type', 'setupFee', 'roleRates.0.hourlyRate', 'roleRates.0.extra', 'discount']));
      });
    });

    it('an exclusion contract of another account is refused', async () => {
      await t
        .as()
        .post('/api/contracts')
        .send({ ...contract('globex-tm', { type: 'TIME_AND_MATERIALS' }), accountId: 'globex' })
        .expect(201);
      const res = await t
        .as()
        .post('/api/contracts')
        .send(contract('x', { type: 'TIME_AND_MATERIALS', exclusionContractId: 'globex-tm' }))
        .expect(422);
      expect(res.body.rule).toBe('exclusion-contract-account');
    });

    it("the parent account's contract may take excluded work", async () => {
      await t
        .as()
        .post('/api/contracts')
        .send({ ...contract('group-tm', { type: 'TIME_AND_MATERIALS' }), accountId: 'group' })
        .expect(201);
      await t
        .as()
        .post('/api/contracts')
        .send(contract('via-parent', { type: 'FIXED_PRICE', exclusionContractId: 'group-tm' }))
        .expect(201);
    });
  });

  describe('exclusion cycles', () => {
    it('A → B → A is refused, listing the cycle, and nothing changes', async () => {
      await t
        .as()
        .post('/api/contracts')
        .send(contract('cyc-a', { type: 'TIME_AND_MATERIALS' }))
        .expect(201);
      await t
        .as()
        .post('/api/contracts')
        .send(contract('cyc-b', { type: 'TIME_AND_MATERIALS', exclusionContractId: 'cyc-a' }))
        .expect(201);
      await expectNothingWritten(async () => {
        const res = await t.as().patch('/api/contracts/cyc-a').send({ exclusionContractId: 'cyc-b' }).expect(422);
        expect(res.body).toEqual({ error: 'rule', rule: 'exclusion-cycle', message: 'exclusion contracts would form a cycle: cyc-a → cyc-b → cyc-a' });
      });
    });

    it('a contract pointing at itself is a cycle', async () => {
      const res = await t.as().patch('/api/contracts/cyc-a').send({ exclusionContractId: 'cyc-a' }).expect(422);
      expect(res.body.rule).toBe('exclusion-cycle');
    });
  });

  describe('the default contract', () => {
    it('at most one active default per account; deactivating it frees the place', async () => {
      const first = await t
        .as()
        .post('/api/contracts')
        .send(contract('def-1', { type: 'TIME_AND_MATERIALS', isDefault: true }))
        .expect(201);
      expect(first.body.isDefault).toBe(true);
      // the same create again is still 200
      await t
        .as()
        .post('/api/contracts')
        .send(contract('def-1', { type: 'TIME_AND_MATERIALS', isDefault: true }))
        .expect(200);
      await expectNothingWritten(async () => {
        const res = await t
          .as()
          .post('/api/contracts')
          .send(contract('def-2', { type: 'BLOCK_HOURS', isDefault: true }))
          .expect(422);
        expect(res.body).toMatchObject({ rule: 'one-default-contract', message: expect.stringContaining('def-1') });
      });
      // another account has its own default
      await t
        .as()
        .post('/api/contracts')
        .send({ ...contract('globex-def', { type: 'TIME_AND_MATERIALS', isDefault: true }), accountId: 'globex' })
        .expect(201);

      const off = await t.as().patch('/api/contracts/def-1').send({ status: 'INACTIVE' }).expect(200);
      expect(off.body).toMatchObject({ status: 'INACTIVE', isDefault: false });
      await t
        .as()
        .post('/api/contracts')
        .send(contract('def-2', { type: 'BLOCK_HOURS', isDefault: true }))
        .expect(201);
      // reactivating the old one does not make it the default again
      const on = await t.as().patch('/api/contracts/def-1').send({ status: 'ACTIVE' }).expect(200);
      expect(on.body).toMatchObject({ status: 'ACTIVE', isDefault: false });
      const defaults = (await contractsOf('acme')).filter((c: { isDefault: boolean }) => c.isDefault).map((c: { id: string }) => c.id);
      expect(defaults).toEqual(['def-2']);
    });

    it('concurrent default creates: exactly one wins', async () => {
      await t.as().post('/api/accounts').send({ id: 'race', name: 'Race Ltd' }).expect(201);
      const answers = await Promise.all(
        ['r1', 'r2', 'r3', 'r4'].map((id) =>
          t
            .as()
            .post('/api/contracts')
            .send({ ...contract(id, { type: 'TIME_AND_MATERIALS', isDefault: true }), accountId: 'race' }),
        ),
      );
      expect(answers.map((a) => a.status).sort()).toEqual([201, 422, 422, 422]);
      expect((await contractsOf('race')).map((c: { id: string }) => c.id)).toHaveLength(1);
    });
  });

  describe('changing terms', () => {
    it('changes only what is sent; the change of nothing is 200 and writes nothing', async () => {
      const res = await t
        .as()
        .patch('/api/contracts/tm')
        .send({ purchaseOrderNumber: 'PO-2', excludedRoleIds: ['architect'], exclusionSetId: 'silver', endDate: '2027-12-31' })
        .expect(200);
      expect(res.body).toMatchObject({
        purchaseOrderNumber: 'PO-2',
        excludedRoleIds: ['architect'],
        exclusionSetId: 'silver',
        endDate: '2027-12-31',
        status: 'ACTIVE',
      });
      await expectNothingWritten(async () => {
        await t.as().patch('/api/contracts/tm').send({}).expect(200);
        await t.as().patch('/api/contracts/tm').send({ purchaseOrderNumber: 'PO-2', endDate: '2027-12-31' }).expect(200);
      });
      const cleared = await t.as().patch('/api/contracts/tm').send({ purchaseOrderNumber: null, exclusionSetId: null }).expect(200);
      expect(cleared.body).toMatchObject({ purchaseOrderNumber: null, exclusionSetId: null });
    });

    it('refuses an end date before the start, unknown ids, other fields and an unknown contract', async () => {
      await expectNothingWritten(async () => {
        expect((await t.as().patch('/api/contracts/tm').send({ endDate: '2025-12-31' }).expect(422)).body.rule).toBe('contract-dates');
        expect(
          (
            await t
              .as()
              .patch('/api/contracts/tm')
              .send({ excludedWorkTypeIds: ['teleport'] })
              .expect(404)
          ).body.message,
        ).toBe('work type teleport does not exist');
        const other = await t.as().patch('/api/contracts/tm').send({ name: 'Renamed', status: 'PAUSED', endDate: null }).expect(400);
        expect(new Set(other.body.details.map((d: { field: string }) => d.field))).toEqual(new Set(['name', 'status', 'endDate']));
        await t.as().patch('/api/contracts/nope').send({ status: 'INACTIVE' }).expect(404);
      });
    });
  });

  describe('purchases', () => {
    const block = { hours: '20', hourlyRate: '120.00', startDate: '2026-01-01', endDate: '2026-06-30' };

    it('a block purchase records its sequence; purchases number 1, 2, 3 in order', async () => {
      const first = await t
        .as()
        .post('/api/contracts/blk/block-purchases')
        .send({ id: 'b1', ...block })
        .expect(201);
      expect(first.body).toMatchObject({
        contractId: 'blk',
        id: 'b1',
        kind: 'BLOCK',
        sequence: 1,
        hours: '20',
        hourlyRate: '120',
        startDate: '2026-01-01',
        endDate: '2026-06-30',
      });
      expect(first.body.purchasedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
      await t
        .as()
        .post('/api/contracts/blk/block-purchases')
        .send({ id: 'b2', ...block, startDate: '2026-07-01', endDate: '2026-12-31' })
        .expect(201);
      const third = await t
        .as()
        .post('/api/contracts/blk/block-purchases')
        .send({ id: 'b3', ...block, hours: 5 })
        .expect(201);
      expect(third.body.sequence).toBe(3);
      const read = await t.as().get('/api/contracts/blk').expect(200);
      expect(read.body.purchases.map((p: { id: string; sequence: number }) => [p.id, p.sequence])).toEqual([
        ['b1', 1],
        ['b2', 2],
        ['b3', 3],
      ]);
    });

    it('the same purchase again is 200 and writes nothing; another body with that id is 409', async () => {
      await expectNothingWritten(async () => {
        const again = await t
          .as()
          .post('/api/contracts/blk/block-purchases')
          .send({ id: 'b1', ...block, hours: 20.0 })
          .expect(200);
        expect(again.body.sequence).toBe(1);
      });
      await t
        .as()
        .post('/api/contracts/blk/block-purchases')
        .send({ id: 'b1', ...block, hours: '21' })
        .expect(409);
    });

    it('an end date before the end of a purchase is refused; after it, it is a renewal', async () => {
      await expectNothingWritten(async () => {
        const res = await t.as().patch('/api/contracts/blk').send({ endDate: '2026-12-30' }).expect(422);
        expect(res.body).toMatchObject({ rule: 'end-date-before-purchase', message: expect.stringContaining('b2') });
      });
      const renewed = await t.as().patch('/api/contracts/blk').send({ endDate: '2027-12-31' }).expect(200);
      expect(renewed.body.endDate).toBe('2027-12-31');
    });

    it('retainer and ticket purchases on their own types', async () => {
      const retainer = await t
        .as()
        .post('/api/contracts/ret/retainer-purchases')
        .send({ id: 'r1', amount: 5000, startDate: '2026-01-01', endDate: '2026-03-31' })
        .expect(201);
      expect(retainer.body).toMatchObject({ kind: 'RETAINER', amount: '5000', sequence: 1 });
      const tickets = await t
        .as()
        .post('/api/contracts/tix/ticket-purchases')
        .send({ id: 't1', tickets: 20, perTicketRate: '45.00', startDate: '2026-01-01', endDate: '2026-12-31' })
        .expect(201);
      expect(tickets.body).toMatchObject({ kind: 'TICKETS', tickets: 20, perTicketRate: '45', sequence: 1 });
    });

    it('a purchase on the wrong type is refused', async () => {
      await expectNothingWritten(async () => {
        for (const [path, body] of [
          ['/api/contracts/tm/block-purchases', block],
          ['/api/contracts/blk/retainer-purchases', { amount: '100', startDate: '2026-01-01', endDate: '2026-01-31' }],
          ['/api/contracts/ret/ticket-purchases', { tickets: 1, perTicketRate: '1', startDate: '2026-01-01', endDate: '2026-01-31' }],
        ] as const) {
          const res = await t
            .as()
            .post(path)
            .send({ id: 'wrong', ...body })
            .expect(422);
          expect(res.body.rule).toBe('purchase-not-for-contract-type');
        }
      });
    });

    it('a purchase outside the contract dates, or ending before it starts, is refused', async () => {
      await expectNothingWritten(async () => {
        const before = await t
          .as()
          .post('/api/contracts/ret/retainer-purchases')
          .send({ id: 'out', amount: '1', startDate: '2025-12-31', endDate: '2026-01-31' })
          .expect(422);
        expect(before.body.rule).toBe('purchase-outside-contract');
        const after = await t
          .as()
          .post('/api/contracts/ret/retainer-purchases')
          .send({ id: 'out', amount: '1', startDate: '2026-12-01', endDate: '2027-01-01' })
          .expect(422);
        expect(after.body.rule).toBe('purchase-outside-contract');
        const reversed = await t
          .as()
          .post('/api/contracts/ret/retainer-purchases')
          .send({ id: 'out', amount: '1', startDate: '2026-03-01', endDate: '2026-02-01' })
          .expect(422);
        expect(reversed.body.rule).toBe('purchase-dates');
      });
    });

    it('quantities must be positive, tickets whole; an unknown contract is 404', async () => {
      await expectNothingWritten(async () => {
        await t
          .as()
          .post('/api/contracts/blk/block-purchases')
          .send({ id: 'z', ...block, hours: '0' })
          .expect(400);
        await t.as().post('/api/contracts/ret/retainer-purchases').send({ id: 'z', amount: '-5', startDate: '2026-01-01', endDate: '2026-01-31' }).expect(400);
        const tickets = await t
          .as()
          .post('/api/contracts/tix/ticket-purchases')
          .send({ id: 'z', tickets: 1.5, perTicketRate: '1', startDate: '2026-01-01', endDate: '2026-01-31' })
          .expect(400);
        expect(tickets.body.details.map((d: { field: string }) => d.field)).toEqual(['tickets']);
        await t
          .as()
          .post('/api/contracts/ghost/block-purchases')
          .send({ id: 'z', ...block })
          .expect(404);
      });
    });
  });

  describe('services', () => {
    it('adds units and prices to a Recurring Service contract, idempotently', async () => {
      const body = { id: 'desktops', name: 'Managed desktop', units: 25, unitPrice: '30.00', billingCodeId: 'svc-desktop' };
      const added = await t.as().post('/api/contracts/rec/services').send(body).expect(201);
      expect(added.body).toEqual({
        contractId: 'rec',
        id: 'desktops',
        name: 'Managed desktop',
        units: '25',
        unitPrice: '30',
        unitCost: '0',
        billingCodeId: 'svc-desktop',
      });
      await t.as().post('/api/contracts/rec/services').send(body).expect(200);
      await t
        .as()
        .post('/api/contracts/rec/services')
        .send({ ...body, units: 26 })
        .expect(409);
      expect((await t.as().get('/api/contracts/rec').expect(200)).body.services).toHaveLength(1);
    });

    it('refuses services on other types and unknown billing codes', async () => {
      await expectNothingWritten(async () => {
        expect((await t.as().post('/api/contracts/tm/services').send({ id: 's', name: 'S', units: 1, unitPrice: 1 }).expect(422)).body.rule).toBe(
          'service-not-for-contract-type',
        );
        const res = await t.as().post('/api/contracts/rec/services').send({ id: 's', name: 'S', units: 1, unitPrice: 1, billingCodeId: 'nope' }).expect(404);
        expect(res.body.message).toBe('billing code nope does not exist');
      });
    });
  });

  describe('reading', () => {
    it('lists with filters on account, type and status', async () => {
      const blocks = (await t.as().get('/api/contracts?type=BLOCK_HOURS&accountId=acme').expect(200)).body;
      expect(blocks.map((c: { id: string }) => c.id).sort()).toEqual(['blk', 'def-2']);
      const inactive = (await t.as().get('/api/contracts?status=INACTIVE').expect(200)).body;
      expect(inactive).toEqual([]);
      await t.as().get('/api/contracts?type=HOURLY').expect(400);
      await t.as().get('/api/contracts?colour=red').expect(400);
      expect((await t.as().get('/api/contracts/nope').expect(404)).body).toEqual({ error: 'not_found', message: 'contract nope does not exist' });
    });

    it('readers are finance and auditor; a technician may neither read nor write', async () => {
      const auditor = await t.keyFor('auditor');
      const technician = await t.keyFor('technician');
      await t.as(auditor).get('/api/contracts/tm').expect(200);
      await t.as(auditor).get('/api/contracts').expect(200);
      await t
        .as(auditor)
        .post('/api/contracts')
        .send(contract('a', { type: 'TIME_AND_MATERIALS' }))
        .expect(403);
      await t.as(technician).get('/api/contracts').expect(403);
      await t.as(technician).get('/api/contracts/tm').expect(403);
      await t
        .as(technician)
        .post('/api/contracts')
        .send(contract('t', { type: 'TIME_AND_MATERIALS' }))
        .expect(403);
      await t.as(technician).patch('/api/contracts/tm').send({ status: 'INACTIVE' }).expect(403);
      await t
        .as(technician)
        .post('/api/contracts/blk/block-purchases')
        .send({ id: 'x', hours: 1, hourlyRate: 1, startDate: '2026-01-01', endDate: '2026-01-02' })
        .expect(403);
      await t.as(technician).post('/api/contracts/rec/services').send({ id: 'x', name: 'x', units: 1, unitPrice: 1 }).expect(403);
    });

    it('a new instance on the same data answers the same (read models rebuilt from the store)', async () => {
      const before = (await t.as().get('/api/contracts').expect(200)).body;
      await t.close();
      const again = await startTestApp({ dataDir: t.config.dataDir });
      try {
        expect((await again.as().get('/api/contracts').expect(200)).body).toEqual(before);
      } finally {
        await again.close();
      }
    });
  });
});
