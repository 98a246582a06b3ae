import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { EVENT_STORE, type EventStore } from '@billing/event-store';
import { listApiKeys, Projections } from '@billing/projections';
import { READ_MODEL_DB } from '../apps/billing-api/src/infrastructure/read-model-db.token';
import { setUpLinkedContracts } from './support/msp-fixture';
import { FINANCE_KEY, startTestApp, type TestApp } from './support/test-app';

/** billing-rules §12: who may do what, with keys tied to people. */
describe('access: technicians act on their own work only', () => {
  let t: TestApp;
  let ann: string;
  let bob: string;
  const entry = { accountId: 'acme', roleId: 'engineer', workTypeId: 'remote', dateWorked: '2026-11-16', hoursWorked: '2' };

  beforeAll(async () => {
    t = await startTestApp();
    await setUpLinkedContracts(t, { accountId: 'acme' });
    ann = await t.keyFor('technician', 'ann');
    bob = await t.keyFor('technician', 'bob');
  });
  afterAll(async () => t.dispose());

  it('a technician logs time for itself, and for nobody else', async () => {
    await t
      .as(ann)
      .post('/api/time-entries')
      .send({ ...entry, id: 'own-1', resourceId: 'ann' })
      .expect(201);
    const refused = await t
      .as(ann)
      .post('/api/time-entries')
      .send({ ...entry, id: 'for-bob', resourceId: 'bob' })
      .expect(403);
    expect(refused.body).toEqual({ error: 'forbidden', message: 'a technician key acts for ann only; this time entry is the work of bob' });
    await t.as().get('/api/time-entries/for-bob').expect(404);
  });

  it('a technician cannot revise an entry finance logged for someone else; its own it can', async () => {
    // given: finance logs 2 h for bob
    await t
      .as()
      .post('/api/time-entries')
      .send({ ...entry, id: 'bobs', resourceId: 'bob' })
      .expect(201);
    // when: ann tries to make it 24 h
    await t.as(ann).patch('/api/time-entries/bobs').send({ hoursWorked: '24' }).expect(403);
    // then: nothing changed
    expect((await t.as().get('/api/time-entries/bobs').expect(200)).body.hoursWorked).toBe('2');
    // and bob may revise it
    await t.as(bob).patch('/api/time-entries/bobs').send({ hoursWorked: '3' }).expect(200);
    expect((await t.as().get('/api/time-entries/bobs').expect(200)).body.hoursWorked).toBe('3');
  });

  it('a technician reads its own entries only: a list is limited to them, asking for another’s is 403', async () => {
    const mine = await t.as(ann).get('/api/time-entries').expect(200);
    const ids = (mine.body.items as { id: string; resourceId: string }[]).map((e) => e.resourceId);
    expect(ids.length).toBeGreaterThan(0);
    expect(new Set(ids)).toEqual(new Set(['ann']));
    await t.as(ann).get('/api/time-entries?resourceId=bob').expect(403);
    await t.as(ann).get('/api/time-entries?resourceId=ann').expect(200);
    await t.as(ann).get('/api/time-entries/bobs').expect(403);
    await t.as(ann).get('/api/time-entries/own-1').expect(200);
    // finance still sees everyone's
    const all = await t.as().get('/api/time-entries').expect(200);
    expect(new Set((all.body.items as { resourceId: string }[]).map((e) => e.resourceId))).toEqual(new Set(['ann', 'bob']));
  });

  it('charges and expenses a technician records are its own; another’s, or nobody’s, it neither records nor reads', async () => {
    const charge = { accountId: 'acme', name: 'SSD', date: '2026-11-16', quantity: '1', unitPrice: '129.99', unitCost: '80' };
    const own = await t
      .as(ann)
      .post('/api/charges')
      .send({ ...charge, id: 'ch-ann' })
      .expect(201);
    expect(own.body.resourceId).toBe('ann');
    await t
      .as(ann)
      .post('/api/charges')
      .send({ ...charge, id: 'ch-bob', resourceId: 'bob' })
      .expect(403);
    await t
      .as()
      .post('/api/charges')
      .send({ ...charge, id: 'ch-finance' })
      .expect(201);
    // reading: its own, without what the MSP pays for it; not finance's
    const read = await t.as(ann).get('/api/charges/ch-ann').expect(200);
    expect(read.body).toMatchObject({ id: 'ch-ann', unitPrice: '129.99', resourceId: 'ann' });
    expect(read.body).not.toHaveProperty('unitCost');
    await t.as(ann).get('/api/charges/ch-finance').expect(403);
    expect((await t.as().get('/api/charges/ch-ann').expect(200)).body.unitCost).toBe('80');

    const expense = { accountId: 'acme', category: 'mileage', date: '2026-11-16', amount: '42.80' };
    expect(
      (
        await t
          .as(bob)
          .post('/api/expenses')
          .send({ ...expense, id: 'ex-bob' })
          .expect(201)
      ).body.resourceId,
    ).toBe('bob');
    await t.as(ann).get('/api/expenses/ex-bob').expect(403);
    await t.as(bob).get('/api/expenses/ex-bob').expect(200);
    await t
      .as(ann)
      .post('/api/expenses')
      .send({ ...expense, id: 'ex-x', resourceId: 'bob' })
      .expect(403);
  });

  it('a technician submits and reads its own timesheet only', async () => {
    await t.as(ann).post('/api/timesheets/bob/2026-11-16/submit').send({}).expect(403);
    expect((await t.as().get('/api/timesheets/bob/2026-11-16').expect(200)).body.status).not.toBe('SUBMITTED');
    await t.as(ann).get('/api/timesheets/bob/2026-11-16').expect(403);
    expect((await t.as(ann).post('/api/timesheets/ann/2026-11-16/submit').send({}).expect(200)).body.status).toBe('SUBMITTED');
    await t.as(ann).get('/api/timesheets/ann/2026-11-16').expect(200);
  });

  it('completing a ticket creates billable items, so it is finance’s', async () => {
    const res = await t.as(ann).post('/api/tickets/T-1/complete').send({ accountId: 'acme', contractId: 'acme-tm', date: '2026-11-16' }).expect(403);
    expect(res.body.message).toBe('role technician may not do this; allowed: finance');
  });
});

describe('access: technicians do not see billing', () => {
  let t: TestApp;
  let ann: string;
  beforeAll(async () => {
    t = await startTestApp();
    await setUpLinkedContracts(t, { accountId: 'acme' });
    ann = await t.keyFor('technician', 'ann');
  });
  afterAll(async () => t.dispose());

  it('the catalog a technician needs to log time comes without rates or costs', async () => {
    expect((await t.as(ann).get('/api/roles').expect(200)).body).toEqual([{ id: 'engineer', name: 'Engineer' }]);
    expect((await t.as(ann).get('/api/roles/engineer').expect(200)).body).toEqual({ id: 'engineer', name: 'Engineer' });
    expect((await t.as(ann).get('/api/work-types/out-of-hours').expect(200)).body).toEqual({ id: 'out-of-hours', name: 'Out-of-Hours' });
    expect((await t.as(ann).get('/api/work-types').expect(200)).body.map((w: object) => Object.keys(w).sort())).toEqual([
      ['id', 'name'],
      ['id', 'name'],
      ['id', 'name'],
    ]);
    // finance sees the whole role
    expect((await t.as().get('/api/roles/engineer').expect(200)).body).toMatchObject({ hourlyRate: '120', hourlyCost: '50' });
  });

  it('contracts, balances, billing items, the dashboard and Approve & Post are not a technician’s', async () => {
    for (const url of [
      '/api/contracts',
      '/api/contracts/acme-tm/balance',
      '/api/billing-items',
      '/api/dashboard/unbilled',
      '/api/approve-and-post',
      '/api/settings',
    ])
      await t.as(ann).get(url).expect(403);
  });
});

describe('API keys: list, revoke, rotate', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t.dispose());

  it('a technician key must name its person; other keys name none', async () => {
    const missing = await t.as().post('/api/api-keys').send({ name: 'Ann', role: 'technician' }).expect(400);
    expect(missing.body.details).toEqual([{ field: 'resourceId', message: 'resourceId is required for a technician key: the person whose work it may touch' }]);
    await t.as().post('/api/api-keys').send({ name: 'Sync', role: 'integration', resourceId: 'ann' }).expect(400);
    const issued = await t.as().post('/api/api-keys').send({ id: 'k-ann', name: 'Ann', role: 'technician', resourceId: 'ann' }).expect(201);
    expect(issued.body).toMatchObject({ id: 'k-ann', role: 'technician', resourceId: 'ann' });
  });

  it('lists every key with role, resource, when issued and last used, never the key or its hash', async () => {
    const key = (await t.as().post('/api/api-keys').send({ id: 'k-audit', name: 'Auditor', role: 'auditor' }).expect(201)).body.key as string;
    await t.as(key).get('/api/accounts').expect(200);
    const list = await t.as().get('/api/api-keys').expect(200);
    const audit = list.body.find((k: { id: string }) => k.id === 'k-audit');
    expect(audit).toEqual({
      id: 'k-audit',
      name: 'Auditor',
      role: 'auditor',
      resourceId: null,
      bootstrap: false,
      status: 'active',
      issuedAt: expect.any(String),
      lastUsedAt: expect.any(String),
      rotatedAt: null,
      revokedAt: null,
      revokedBy: null,
      revokedReason: null,
    });
    expect(list.body.find((k: { id: string }) => k.id === 'bootstrap')).toMatchObject({ role: 'finance', bootstrap: true });
    expect(JSON.stringify(list.body)).not.toContain(key);
    expect(JSON.stringify(list.body)).not.toMatch(/[0-9a-f]{64}/);
  });

  it('a revoked key stops working at once; the event says who and why', async () => {
    // given
    const key = (await t.as().post('/api/api-keys').send({ id: 'k-stolen', name: 'Laptop', role: 'finance' }).expect(201)).body.key as string;
    await t.as(key).get('/api/accounts').expect(200);
    // when
    const revoked = await t.as().delete('/api/api-keys/k-stolen').send({ reason: 'laptop stolen' }).expect(200);
    // then
    expect(revoked.body).toMatchObject({ id: 'k-stolen', status: 'revoked', revokedBy: 'bootstrap', revokedReason: 'laptop stolen' });
    expect((await t.as(key).get('/api/accounts').expect(401)).body).toEqual({ error: 'unauthenticated', message: 'this API key was revoked or replaced' });
    const events = [];
    for await (const e of t.app.get<EventStore>(EVENT_STORE).readStream('apiKey-k-stolen')) events.push(e);
    expect(events.map((e) => [e.type, e.data, e.metadata.actor, e.metadata.reason])).toEqual([
      ['ApiKeyIssued', expect.anything(), 'bootstrap', undefined],
      ['ApiKeyRevoked', { apiKeyId: 'k-stolen', revokedBy: 'bootstrap', reason: 'laptop stolen' }, 'bootstrap', 'laptop stolen'],
    ]);
    // revoking again changes nothing; an unknown key is 404; a reason is required
    await t.as().delete('/api/api-keys/k-stolen').send({ reason: 'again' }).expect(200);
    await t.as().delete('/api/api-keys/ghost').send({ reason: 'x' }).expect(404);
    await t.as().delete('/api/api-keys/k-ann').send({}).expect(400);
  });

  it('the last working finance key cannot be revoked', async () => {
    // given: the bootstrap key is the only working finance key (k-stolen was revoked above)
    const refused = await t.as().delete('/api/api-keys/bootstrap').send({ reason: 'tidy up' }).expect(422);
    expect(refused.body).toMatchObject({ error: 'rule', rule: 'last-finance-key' });
    await t.as().get('/api/accounts').expect(200);
    // when another finance key exists, the bootstrap key can go
    const controller = (await t.as().post('/api/api-keys').send({ id: 'k-controller', name: 'Controller', role: 'finance' }).expect(201)).body.key as string;
    await t.as(controller).delete('/api/api-keys/bootstrap').send({ reason: 'replaced by a named key' }).expect(200);
    await t.as().get('/api/accounts').expect(401);
    // and then k-controller is the last one
    await t.as(controller).delete('/api/api-keys/k-controller').send({ reason: 'oops' }).expect(422);
  });
});

describe('API keys: replacing the bootstrap key', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t.dispose());

  it('rotating a key gives a new one under the same id and role; the old one stops working at once', async () => {
    const rotated = await t.as().post('/api/api-keys/bootstrap/rotate').send({ reason: 'set-up done' }).expect(200);
    expect(rotated.body).toEqual({ id: 'bootstrap', key: expect.stringMatching(/^blk_[A-Za-z0-9_-]{43}$/) });
    await request(t.app.getHttpServer()).get('/api/accounts').set('Authorization', `Bearer ${FINANCE_KEY}`).expect(401);
    await t.as(rotated.body.key).get('/api/accounts').expect(200);
    const listed = (await t.as(rotated.body.key).get('/api/api-keys').expect(200)).body.find((k: { id: string }) => k.id === 'bootstrap');
    expect(listed).toMatchObject({ role: 'finance', status: 'active', rotatedAt: expect.any(String) });
    // a revoked key is not brought back by a rotation
    const other = (await t.as(rotated.body.key).post('/api/api-keys').send({ id: 'k-ci', name: 'CI', role: 'integration' }).expect(201)).body;
    await t.as(rotated.body.key).delete('/api/api-keys/k-ci').send({ reason: 'retired' }).expect(200);
    await t.as(rotated.body.key).post('/api/api-keys/k-ci/rotate').send({ reason: 'retry' }).expect(409);
    await t.as(other.key).get('/api/accounts').expect(401);
  });
});

describe('API keys: a revocation written by another instance', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t.dispose());

  it('stops the key here even while this instance’s read models have not seen it: the guard confirms a key on its own stream', async () => {
    // given: a working key, and this instance's read models stopped (as if they lagged)
    const key = (await t.as().post('/api/api-keys').send({ id: 'k-elsewhere', name: 'Elsewhere', role: 'auditor' }).expect(201)).body.key as string;
    await t.app.get(Projections).stop();
    // when: another instance revokes it (its event lands in the shared store)
    await t.app.get<EventStore>(EVENT_STORE).appendToStream(
      'apiKey-k-elsewhere',
      [
        {
          id: randomUUID(),
          type: 'ApiKeyRevoked',
          data: { apiKeyId: 'k-elsewhere', revokedBy: 'other-instance', reason: 'leaked' },
          metadata: { actor: 'other-instance', actorRole: 'finance', correlationId: 'c', causationId: 'c', occurredAt: new Date().toISOString() },
        },
      ],
      { expectedRevision: 'any' },
    );
    // then: the read model still shows it working, yet the key is refused
    const [found] = listApiKeys(t.app.get(READ_MODEL_DB)).filter((k) => k.id === 'k-elsewhere');
    expect(found.revokedAt).toBeNull();
    expect((await t.as(key).get('/api/accounts').expect(401)).body.message).toBe('this API key was revoked or replaced');
  });
});
