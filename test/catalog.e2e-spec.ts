import { rmSync } from 'node:fs';
import { EVENT_STORE, type EventStore } from '@billing/event-store';
import { Projections } from '@billing/projections';
import { readModelFile } from '../apps/billing-api/src/config/app-config';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * The catalog over HTTP (billing-rules §2): roles, work types, exclusion sets, tax regions,
 * billing codes, and the account's tax region. Every decimal below is written out by hand:
 * what was sent, and the canonical string the ledger keeps ("150.00" → "150", "62.50" → "62.5").
 */
describe('catalog over HTTP', () => {
  let t: TestApp;
  let technician: string;
  let auditor: string;
  let integration: string;
  beforeAll(async () => {
    t = await startTestApp();
    [technician, auditor, integration] = [await t.keyFor('technician'), await t.keyFor('auditor'), await t.keyFor('integration')];
  });
  afterAll(async () => t.dispose());

  /** The types of the events in one stream, in order. */
  async function streamTypes(streamId: string): Promise<string[]> {
    const types: string[] = [];
    for await (const e of t.app.get<EventStore>(EVENT_STORE).readStream(streamId)) types.push(e.type);
    return types;
  }

  /** Every field named in a 400 answer. */
  const fieldsOf = (body: { error: string; details: { field: string }[] }) => {
    expect(body.error).toBe('validation');
    return [...new Set(body.details.map((d) => d.field))].sort();
  };

  describe('roles', () => {
    const engineer = { id: 'engineer', name: 'Network Engineer', hourlyRate: '150.00', hourlyCost: 62.5 };

    it('creates a role with the defaults (blockHourMultiplier 1) and decimals in canonical form, and reads it back', async () => {
      const created = await t.as().post('/api/roles').send(engineer).expect(201);
      expect(created.body).toEqual({
        id: 'engineer',
        name: 'Network Engineer',
        hourlyRate: '150',
        hourlyCost: '62.5',
        blockHourMultiplier: '1',
        createdAt: expect.any(String),
      });
      expect((await t.as().get('/api/roles/engineer').expect(200)).body).toEqual(created.body);
      expect(await streamTypes('role-engineer')).toEqual(['RoleCreated']);
    });

    it('a role without a cost costs 0; 4 decimal places are accepted', async () => {
      const res = await t.as().post('/api/roles').send({ id: 'tech', name: 'Standard Tech', hourlyRate: 75.125, blockHourMultiplier: '1.2500' }).expect(201);
      expect(res.body).toMatchObject({ hourlyRate: '75.125', hourlyCost: '0', blockHourMultiplier: '1.25' });
    });

    it('the same create again (the same values, written otherwise) answers 200 with the same result and writes nothing', async () => {
      const before = (await t.as().get('/api/roles/engineer')).body;
      const again = await t
        .as()
        .post('/api/roles')
        .send({ ...engineer, hourlyRate: 150, hourlyCost: '62.50', blockHourMultiplier: '1' })
        .expect(200);
      expect(again.body).toEqual(before);
      expect(await streamTypes('role-engineer')).toEqual(['RoleCreated']);
    });

    it('the same id with another body is 409, and the role is unchanged', async () => {
      const res = await t
        .as()
        .post('/api/roles')
        .send({ ...engineer, hourlyRate: '151' })
        .expect(409);
      expect(res.body).toMatchObject({ error: 'conflict', code: 'id-reused' });
      expect((await t.as().get('/api/roles/engineer')).body.hourlyRate).toBe('150');
    });

    it('an Idempotency-Key names the created role, so a retry without an id returns it again', async () => {
      const first = await t.as().post('/api/roles').set('Idempotency-Key', 'role-retry-1').send({ name: 'Helpdesk', hourlyRate: '60' }).expect(201);
      const retry = await t.as().post('/api/roles').set('Idempotency-Key', 'role-retry-1').send({ name: 'Helpdesk', hourlyRate: '60.0' }).expect(200);
      expect(retry.body).toEqual(first.body);
      await t.as().post('/api/roles').set('Idempotency-Key', 'role-retry-1').send({ name: 'Helpdesk', hourlyRate: '65' }).expect(409);
    });

    it('lists roles by name; technicians and auditors read them; only finance creates', async () => {
      const list = await t.as(technician).get('/api/roles').expect(200);
      expect(list.body.map((r: { name: string }) => r.name)).toEqual(['Helpdesk', 'Network Engineer', 'Standard Tech']);
      await t.as(technician).get('/api/roles/engineer').expect(200);
      await t.as(auditor).get('/api/roles').expect(200);
      await t.as(integration).get('/api/roles').expect(403);
      const denied = await t.as(technician).post('/api/roles').send({ id: 'sneaky', name: 'Sneaky', hourlyRate: '1' }).expect(403);
      expect(denied.body).toEqual({ error: 'forbidden', message: 'role technician may not do this; allowed: finance' });
      await t.as(auditor).post('/api/roles').send({ id: 'sneaky', name: 'Sneaky', hourlyRate: '1' }).expect(403);
      await t.as().get('/api/roles/sneaky').expect(404);
    });

    it('an unknown role is 404', async () => {
      const res = await t.as().get('/api/roles/nope').expect(404);
      expect(res.body).toEqual({ error: 'not_found', message: 'role nope does not exist' });
    });

    it('every field problem is listed in one 400, and nothing is written', async () => {
      const res = await t
        .as()
        .post('/api/roles')
        .send({ id: 'bad', hourlyRate: '-1', hourlyCost: '1.23456', blockHourMultiplier: 0, discount: 10 })
        .expect(400);
      expect(fieldsOf(res.body)).toEqual(['blockHourMultiplier', 'discount', 'hourlyCost', 'hourlyRate', 'name']);
      const types = await t.as().post('/api/roles').send({ id: 'bad', name: 7, hourlyRate: true, hourlyCost: '1e2' }).expect(400);
      expect(fieldsOf(types.body)).toEqual(['hourlyCost', 'hourlyRate', 'name']);
      await t.as().post('/api/roles').send({ id: 'bad', name: 'No rate' }).expect(400);
      await t.as().get('/api/roles/bad').expect(404);
      expect(await streamTypes('role-bad')).toEqual([]);
    });
  });

  describe('work types', () => {
    const onsite = { id: 'onsite', name: 'Onsite', taxCategory: 'labour', minHours: '1', maxHours: 8, modifier: { type: 'multiply', value: '1.50' } };

    it('creates a billable work type with a multiplier and hour bounds', async () => {
      const created = await t.as().post('/api/work-types').send(onsite).expect(201);
      expect(created.body).toEqual({
        id: 'onsite',
        name: 'Onsite',
        billable: true,
        showOnInvoice: true,
        taxCategory: 'labour',
        minHours: '1',
        maxHours: '8',
        modifier: { type: 'multiply', value: '1.5' },
        createdAt: expect.any(String),
      });
      expect((await t.as().get('/api/work-types/onsite').expect(200)).body).toEqual(created.body);
      expect(await streamTypes('workType-onsite')).toEqual(['WorkTypeCreated']);
    });

    it('defaults: billable, no modifier, no bounds, untaxed; a non-billable type is hidden from invoices unless asked', async () => {
      const remote = await t.as().post('/api/work-types').send({ id: 'remote', name: 'Remote Support' }).expect(201);
      expect(remote.body).toMatchObject({ billable: true, showOnInvoice: true, taxCategory: null, minHours: null, maxHours: null, modifier: { type: 'none' } });
      const internal = await t.as().post('/api/work-types').send({ id: 'internal', name: 'Internal', billable: false }).expect(201);
      expect(internal.body).toMatchObject({ billable: false, showOnInvoice: false });
      const warranty = await t.as().post('/api/work-types').send({ id: 'warranty', name: 'Warranty', billable: false, showOnInvoice: true }).expect(201);
      expect(warranty.body).toMatchObject({ billable: false, showOnInvoice: true });
    });

    it('each modifier type keeps its value: add (may be negative), custom, flat (may be 0)', async () => {
      const discount = await t
        .as()
        .post('/api/work-types')
        .send({ id: 'phone', name: 'Phone', modifier: { type: 'add', value: -10 } })
        .expect(201);
      expect(discount.body.modifier).toEqual({ type: 'add', value: '-10' });
      const afterHours = await t
        .as()
        .post('/api/work-types')
        .send({ id: 'after-hours', name: 'After Hours', modifier: { type: 'custom', value: '225.0000' } })
        .expect(201);
      expect(afterHours.body.modifier).toEqual({ type: 'custom', value: '225' });
      const visit = await t
        .as()
        .post('/api/work-types')
        .send({ id: 'visit', name: 'Site Visit', modifier: { type: 'flat', value: '0' } })
        .expect(201);
      expect(visit.body.modifier).toEqual({ type: 'flat', value: '0' });
      const none = await t
        .as()
        .post('/api/work-types')
        .send({ id: 'plain', name: 'Plain', modifier: { type: 'none' } })
        .expect(201);
      expect(none.body.modifier).toEqual({ type: 'none' });
    });

    it('the same create again answers 200; another body is 409', async () => {
      const before = (await t.as().get('/api/work-types/onsite')).body;
      const again = await t
        .as()
        .post('/api/work-types')
        .send({ ...onsite, minHours: 1, maxHours: '8.00', modifier: { type: 'multiply', value: 1.5 } })
        .expect(200);
      expect(again.body).toEqual(before);
      await t
        .as()
        .post('/api/work-types')
        .send({ ...onsite, billable: true, showOnInvoice: true })
        .expect(200); // the defaults, spelled out
      await t
        .as()
        .post('/api/work-types')
        .send({ ...onsite, modifier: { type: 'multiply', value: '2' } })
        .expect(409);
      expect(await streamTypes('workType-onsite')).toEqual(['WorkTypeCreated']);
    });

    it('technicians read work types; only finance creates; an unknown one is 404', async () => {
      const list = await t.as(technician).get('/api/work-types').expect(200);
      expect(list.body.map((w: { id: string }) => w.id)).toEqual(['after-hours', 'internal', 'onsite', 'phone', 'plain', 'remote', 'visit', 'warranty']);
      await t.as(technician).get('/api/work-types/onsite').expect(200);
      await t.as(technician).post('/api/work-types').send({ id: 'x', name: 'X' }).expect(403);
      const res = await t.as().get('/api/work-types/nope').expect(404);
      expect(res.body).toEqual({ error: 'not_found', message: 'work type nope does not exist' });
    });

    it('every field problem is listed: a value missing, out of bounds or not allowed for its type, hours out of 0..24 or min above max', async () => {
      const noValue = await t
        .as()
        .post('/api/work-types')
        .send({ id: 'bad', name: 'Bad', modifier: { type: 'multiply' } })
        .expect(400);
      expect(fieldsOf(noValue.body)).toEqual(['modifier.value']);
      expect(noValue.body.details[0].message).toMatch(/value is required with type multiply/);

      const many = await t
        .as()
        .post('/api/work-types')
        .send({ id: 'bad', name: 'Bad', billable: 'yes', minHours: '5', maxHours: '4.5', modifier: { type: 'flat', value: '-1', extra: 1 } })
        .expect(400);
      expect(fieldsOf(many.body)).toEqual(['billable', 'maxHours', 'modifier.extra', 'modifier.value']);

      const bounds = await t
        .as()
        .post('/api/work-types')
        .send({ id: 'bad', name: 'Bad', minHours: '-0.5', maxHours: '24.0001', modifier: { type: 'percent', value: 5 } })
        .expect(400);
      expect(fieldsOf(bounds.body)).toEqual(['maxHours', 'minHours', 'modifier.type']);

      const zero = await t
        .as()
        .post('/api/work-types')
        .send({ id: 'bad', name: 'Bad', maxHours: 0, modifier: { type: 'multiply', value: 0 } })
        .expect(400);
      expect(fieldsOf(zero.body)).toEqual(['maxHours', 'modifier.value']);

      const none = await t
        .as()
        .post('/api/work-types')
        .send({ id: 'bad', name: 'Bad', modifier: { type: 'none', value: '1' } })
        .expect(400);
      expect(none.body.details).toEqual([{ field: 'modifier.value', message: 'value is not accepted with type none' }]);

      const places = await t
        .as()
        .post('/api/work-types')
        .send({ id: 'bad', name: 'Bad', minHours: '0.12345', modifier: { type: 'custom', value: '99.99999' } })
        .expect(400);
      expect(fieldsOf(places.body)).toEqual(['minHours', 'modifier.value']);

      await t.as().post('/api/work-types').send({ id: 'bad', name: 'Bad', modifier: 'multiply' }).expect(400);
      await t.as().get('/api/work-types/bad').expect(404);
      expect(await streamTypes('workType-bad')).toEqual([]);
    });

    it('minHours may equal maxHours', async () => {
      const res = await t.as().post('/api/work-types').send({ id: 'callout', name: 'Call-out', minHours: '2', maxHours: '2.0' }).expect(201);
      expect(res.body).toMatchObject({ minHours: '2', maxHours: '2' });
    });
  });

  describe('exclusion sets', () => {
    const bronze = { id: 'bronze', name: 'Bronze', workTypeIds: ['onsite', 'after-hours'], roleIds: [] };

    it('creates a set naming existing work types and roles; the ids come back sorted', async () => {
      const created = await t.as().post('/api/exclusion-sets').send(bronze).expect(201);
      expect(created.body).toEqual({
        id: 'bronze',
        name: 'Bronze',
        workTypeIds: ['after-hours', 'onsite'],
        roleIds: [],
        createdAt: expect.any(String),
        updatedAt: created.body.createdAt,
      });
      expect((await t.as().get('/api/exclusion-sets/bronze').expect(200)).body).toEqual(created.body);
    });

    it('the same create again, in any order, answers 200; another body is 409', async () => {
      const before = (await t.as().get('/api/exclusion-sets/bronze')).body;
      const again = await t
        .as()
        .post('/api/exclusion-sets')
        .send({ ...bronze, workTypeIds: ['after-hours', 'onsite'] })
        .expect(200);
      expect(again.body).toEqual(before);
      await t
        .as()
        .post('/api/exclusion-sets')
        .send({ ...bronze, roleIds: ['engineer'] })
        .expect(409);
      expect(await streamTypes('exclusionSet-bronze')).toEqual(['ExclusionSetCreated']);
    });

    it('an id that names nothing is 404, naming it, and nothing is written', async () => {
      const workType = await t
        .as()
        .post('/api/exclusion-sets')
        .send({ id: 'silver', name: 'Silver', workTypeIds: ['onsite', 'teleport'], roleIds: [] })
        .expect(404);
      expect(workType.body).toEqual({ error: 'not_found', message: 'work type teleport does not exist' });
      const role = await t
        .as()
        .post('/api/exclusion-sets')
        .send({ id: 'silver', name: 'Silver', workTypeIds: ['onsite'], roleIds: ['engineer', 'nobody'] })
        .expect(404);
      expect(role.body).toEqual({ error: 'not_found', message: 'role nobody does not exist' });
      await t.as().get('/api/exclusion-sets/silver').expect(404);
      expect(await streamTypes('exclusionSet-silver')).toEqual([]);
    });

    it('PUT replaces the set (ExclusionSetChanged); a PUT that changes nothing writes nothing and answers 200', async () => {
      const before = (await t.as().get('/api/exclusion-sets/bronze')).body;
      const changed = await t
        .as()
        .put('/api/exclusion-sets/bronze')
        .send({ name: 'Bronze', workTypeIds: ['after-hours'], roleIds: ['engineer'] })
        .expect(200);
      expect(changed.body).toEqual({ ...before, workTypeIds: ['after-hours'], roleIds: ['engineer'], updatedAt: expect.any(String) });
      expect(changed.body.updatedAt >= before.createdAt).toBe(true);
      expect((await t.as().get('/api/exclusion-sets/bronze')).body).toEqual(changed.body);
      expect(await streamTypes('exclusionSet-bronze')).toEqual(['ExclusionSetCreated', 'ExclusionSetChanged']);

      const same = await t
        .as()
        .put('/api/exclusion-sets/bronze')
        .send({ id: 'bronze', name: 'Bronze', workTypeIds: ['after-hours', 'after-hours'], roleIds: ['engineer'] })
        .expect(200);
      expect(same.body).toEqual(changed.body);
      expect(await streamTypes('exclusionSet-bronze')).toEqual(['ExclusionSetCreated', 'ExclusionSetChanged']);
    });

    it('a PUT naming a missing role, another id in the body, or an unknown set is refused and changes nothing', async () => {
      const before = (await t.as().get('/api/exclusion-sets/bronze')).body;
      const missing = await t
        .as()
        .put('/api/exclusion-sets/bronze')
        .send({ name: 'Bronze', workTypeIds: [], roleIds: ['ghost'] })
        .expect(404);
      expect(missing.body.message).toBe('role ghost does not exist');
      const otherId = await t.as().put('/api/exclusion-sets/bronze').send({ id: 'gold', name: 'Bronze', workTypeIds: [], roleIds: [] }).expect(400);
      expect(fieldsOf(otherId.body)).toEqual(['id']);
      const unknown = await t.as().put('/api/exclusion-sets/gold').send({ name: 'Gold', workTypeIds: [], roleIds: [] }).expect(404);
      expect(unknown.body).toEqual({ error: 'not_found', message: 'exclusion set gold does not exist' });
      const bad = await t
        .as()
        .put('/api/exclusion-sets/bronze')
        .send({ name: '', workTypeIds: 'onsite', roleIds: [3] })
        .expect(400);
      expect(fieldsOf(bad.body)).toEqual(['name', 'roleIds', 'workTypeIds']);
      expect((await t.as().get('/api/exclusion-sets/bronze')).body).toEqual(before);
      expect(await streamTypes('exclusionSet-gold')).toEqual([]);
    });

    it('readers list sets; technicians neither read nor change them', async () => {
      expect((await t.as(auditor).get('/api/exclusion-sets').expect(200)).body.map((s: { id: string }) => s.id)).toEqual(['bronze']);
      await t.as(technician).get('/api/exclusion-sets').expect(403);
      await t.as(technician).put('/api/exclusion-sets/bronze').send({ name: 'Mine', workTypeIds: [], roleIds: [] }).expect(403);
      await t.as(auditor).post('/api/exclusion-sets').send({ id: 'x', name: 'X', workTypeIds: [], roleIds: [] }).expect(403);
      expect((await t.as().get('/api/exclusion-sets/nope').expect(404)).body).toEqual({ error: 'not_found', message: 'exclusion set nope does not exist' });
    });
  });

  describe('tax regions', () => {
    // New York City: state 4% + city 4.5% + MCTD 0.375% = 8.875% on labour; goods carry a compound tax.
    const nyc = {
      id: 'nyc',
      name: 'New York City',
      rates: [
        { taxCategory: 'labour', name: 'State', rate: '0.04' },
        { taxCategory: 'labour', name: 'City', rate: 0.045 },
        { taxCategory: 'labour', name: 'MCTD', rate: '0.003750' },
        { taxCategory: 'goods', name: 'Excise', rate: '0.1', compound: true },
      ],
    };

    it('creates a region with its rates in the order given, in canonical form, compound false by default', async () => {
      const created = await t.as().post('/api/tax-regions').send(nyc).expect(201);
      expect(created.body).toEqual({
        id: 'nyc',
        name: 'New York City',
        rates: [
          { taxCategory: 'labour', name: 'State', rate: '0.04', compound: false },
          { taxCategory: 'labour', name: 'City', rate: '0.045', compound: false },
          { taxCategory: 'labour', name: 'MCTD', rate: '0.00375', compound: false },
          { taxCategory: 'goods', name: 'Excise', rate: '0.1', compound: true },
        ],
        createdAt: expect.any(String),
      });
      expect((await t.as().get('/api/tax-regions/nyc').expect(200)).body).toEqual(created.body);
      expect(await streamTypes('taxRegion-nyc')).toEqual(['TaxRegionCreated']);
    });

    it('the same create again answers 200; other rates are 409', async () => {
      const before = (await t.as().get('/api/tax-regions/nyc')).body;
      const same = { ...nyc, rates: nyc.rates.map((r, i) => (i === 0 ? { ...r, rate: '0.040000', compound: false } : r)) };
      expect((await t.as().post('/api/tax-regions').send(same).expect(200)).body).toEqual(before);
      await t
        .as()
        .post('/api/tax-regions')
        .send({ ...nyc, rates: nyc.rates.slice(0, 3) })
        .expect(409);
      expect(await streamTypes('taxRegion-nyc')).toEqual(['TaxRegionCreated']);
    });

    it('two compound taxes in one category are refused by the rule one-compound-tax (422), and nothing is written', async () => {
      const res = await t
        .as()
        .post('/api/tax-regions')
        .send({
          id: 'qc',
          name: 'Quebec',
          rates: [
            { taxCategory: 'labour', name: 'GST', rate: '0.05', compound: true },
            { taxCategory: 'labour', name: 'QST', rate: '0.09975', compound: true },
          ],
        })
        .expect(422);
      expect(res.body).toMatchObject({ error: 'rule', rule: 'one-compound-tax' });
      await t.as().get('/api/tax-regions/qc').expect(404);
      expect(await streamTypes('taxRegion-qc')).toEqual([]);
    });

    it('rates of 1 or more, negative, or with more than 6 places, and malformed rows are 400, every one listed', async () => {
      const res = await t
        .as()
        .post('/api/tax-regions')
        .send({
          id: 'bad',
          name: 'Bad',
          rates: [
            { taxCategory: 'labour', name: 'Whole', rate: '1' },
            { taxCategory: 'labour', name: 'Negative', rate: -0.01 },
            { taxCategory: 'labour', name: 'Seven places', rate: '0.0887501' },
            { taxCategory: 'labour', name: 'Extra', rate: '0.05', region: 'x' },
            { taxCategory: 'labour', rate: '0.05', compound: 'yes' },
          ],
        })
        .expect(400);
      expect(fieldsOf(res.body)).toEqual(['rates.0.rate', 'rates.1.rate', 'rates.2.rate', 'rates.3.region', 'rates.4.compound', 'rates.4.name']);
      expect(res.body.details.find((d: { field: string }) => d.field === 'rates.0.rate').message).toMatch(/less than 1, with at most 6 decimal places/);
      const top = await t.as().post('/api/tax-regions').send({ id: 'bad', rates: 'none' }).expect(400);
      expect(fieldsOf(top.body)).toEqual(['name', 'rates']);
      await t.as().get('/api/tax-regions/bad').expect(404);
    });

    it('6 decimal places and a rate of 0 are accepted', async () => {
      const res = await t
        .as()
        .post('/api/tax-regions')
        .send({
          id: 'de',
          name: 'Delaware',
          rates: [
            { taxCategory: 'labour', name: 'None', rate: 0 },
            { taxCategory: 'goods', name: 'Tiny', rate: '0.000001' },
          ],
        })
        .expect(201);
      expect(res.body.rates.map((r: { rate: string }) => r.rate)).toEqual(['0', '0.000001']);
    });

    it('readers list regions; technicians may not; an unknown one is 404', async () => {
      expect((await t.as(auditor).get('/api/tax-regions').expect(200)).body.map((r: { id: string }) => r.id)).toEqual(['de', 'nyc']);
      await t.as(technician).get('/api/tax-regions').expect(403);
      await t.as(technician).post('/api/tax-regions').send({ id: 'x', name: 'X', rates: [] }).expect(403);
      expect((await t.as().get('/api/tax-regions/nope').expect(404)).body).toEqual({ error: 'not_found', message: 'tax region nope does not exist' });
    });
  });

  describe('billing codes', () => {
    const hardware = { id: 'hardware', name: 'Hardware', type: 'material', taxCategory: 'goods', glAccount: '4000-Hardware' };

    it('creates billing codes of each type; tax category and GL account are optional', async () => {
      const created = await t.as().post('/api/billing-codes').send(hardware).expect(201);
      expect(created.body).toEqual({ ...hardware, createdAt: expect.any(String) });
      expect((await t.as().get('/api/billing-codes/hardware').expect(200)).body).toEqual(created.body);
      const milestone = await t.as().post('/api/billing-codes').send({ id: 'go-live', name: 'Go-live', type: 'milestone' }).expect(201);
      expect(milestone.body).toMatchObject({ type: 'milestone', taxCategory: null, glAccount: null });
      await t.as().post('/api/billing-codes').send({ id: 'mileage', name: 'Mileage', type: 'expense' }).expect(201);
      await t.as().post('/api/billing-codes').send({ id: 'backup', name: 'Managed Backup', type: 'service', taxCategory: 'labour' }).expect(201);
      expect(await streamTypes('billingCode-hardware')).toEqual(['BillingCodeCreated']);
    });

    it('the same create again answers 200; another body is 409', async () => {
      const before = (await t.as().get('/api/billing-codes/hardware')).body;
      expect((await t.as().post('/api/billing-codes').send(hardware).expect(200)).body).toEqual(before);
      await t
        .as()
        .post('/api/billing-codes')
        .send({ ...hardware, glAccount: '4100' })
        .expect(409);
    });

    it('an unknown type and other field problems are 400; nothing is written', async () => {
      const res = await t
        .as()
        .post('/api/billing-codes')
        .send({ id: 'bad', name: 'Bad', type: 'labour', taxCategory: 'has spaces', glAccount: 4000 })
        .expect(400);
      expect(fieldsOf(res.body)).toEqual(['glAccount', 'taxCategory', 'type']);
      await t.as().get('/api/billing-codes/bad').expect(404);
    });

    it('readers list codes by name; technicians may not; an unknown one is 404', async () => {
      expect((await t.as(auditor).get('/api/billing-codes').expect(200)).body.map((c: { id: string }) => c.id)).toEqual([
        'go-live',
        'hardware',
        'backup',
        'mileage',
      ]);
      await t.as(technician).get('/api/billing-codes/hardware').expect(403);
      await t.as(technician).post('/api/billing-codes').send({ id: 'x', name: 'X', type: 'material' }).expect(403);
      expect((await t.as().get('/api/billing-codes/nope').expect(404)).body).toEqual({ error: 'not_found', message: 'billing code nope does not exist' });
    });
  });

  describe("an account's tax region", () => {
    it('must exist: 404 naming it, and nothing is written', async () => {
      const res = await t.as().post('/api/accounts').send({ id: 'atlantis-co', name: 'Atlantis Co', taxRegionId: 'atlantis' }).expect(404);
      expect(res.body).toEqual({ error: 'not_found', message: 'tax region atlantis does not exist' });
      await t.as().get('/api/accounts/atlantis-co').expect(404);
    });

    it('an existing region is accepted', async () => {
      const res = await t.as().post('/api/accounts').send({ id: 'bigapple', name: 'Big Apple Dental', taxRegionId: 'nyc' }).expect(201);
      expect(res.body).toMatchObject({ id: 'bigapple', taxRegionId: 'nyc' });
      await t.as().post('/api/accounts').send({ id: 'bigapple', name: 'Big Apple Dental', taxRegionId: 'nyc' }).expect(200);
    });
  });

  it('read models rebuilt from the store alone answer the same', async () => {
    const paths = ['/api/roles', '/api/work-types', '/api/exclusion-sets', '/api/tax-regions', '/api/billing-codes'];
    const before = await Promise.all(paths.map(async (p) => (await t.as().get(p).expect(200)).body));
    let head = 0n;
    for await (const e of t.app.get<EventStore>(EVENT_STORE).readAll()) head = e.position;
    await t.close();
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${readModelFile(t.config)}${suffix}`, { force: true });
    const again = await startTestApp({ dataDir: t.config.dataDir });
    try {
      await again.app.get(Projections).waitForPosition(head, 5000);
      const after = await Promise.all(paths.map(async (p) => (await again.as().get(p).expect(200)).body));
      expect(after).toEqual(before);
    } finally {
      await again.close();
    }
  });
});
