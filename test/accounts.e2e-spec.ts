import request from 'supertest';
import { startTestApp, type TestApp } from './support/test-app';

describe('accounts over HTTP (command bus → decider → store → projection → query)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t.dispose());

  const acme = { id: 'acme', name: 'Acme Dental', paymentTermsDays: 15 };

  it('creates an account with the defaults of billing-rules §2 and reads it back at once', async () => {
    const created = await t.as().post('/api/accounts').send(acme).expect(201);
    expect(created.body).toMatchObject({
      id: 'acme',
      name: 'Acme Dental',
      parentAccountId: null,
      invoiceToParent: false,
      taxRegionId: null,
      taxExempt: false,
      paymentTermsDays: 15,
      currency: 'USD',
    });
    const read = await t.as().get('/api/accounts/acme').expect(200);
    expect(read.body).toEqual(created.body);
  });

  it('payment terms default to 30 days (billing-rules §2)', async () => {
    const created = await t.as().post('/api/accounts').send({ id: 'initech', name: 'Initech' }).expect(201);
    expect(created.body).toMatchObject({ paymentTermsDays: 30, currency: 'USD' });
  });

  it('the same create again answers 200 with the same result and writes nothing', async () => {
    const before = await t.as().get('/api/accounts').expect(200);
    const again = await t.as().post('/api/accounts').send(acme).expect(200);
    expect(again.body).toEqual(before.body.find((a: { id: string }) => a.id === 'acme'));
    const after = await t.as().get('/api/accounts').expect(200);
    expect(after.body).toEqual(before.body);
  });

  it('the same id with another body is 409', async () => {
    const res = await t
      .as()
      .post('/api/accounts')
      .send({ ...acme, name: 'Someone else' })
      .expect(409);
    expect(res.body).toMatchObject({ error: 'conflict' });
    expect((await t.as().get('/api/accounts/acme')).body.name).toBe('Acme Dental');
  });

  it('an Idempotency-Key names the created account, so a retry without an id returns it again', async () => {
    const first = await t.as().post('/api/accounts').set('Idempotency-Key', 'retry-1').send({ name: 'Globex' }).expect(201);
    const retry = await t.as().post('/api/accounts').set('Idempotency-Key', 'retry-1').send({ name: 'Globex' }).expect(200);
    expect(retry.body.id).toBe(first.body.id);
    await t.as().post('/api/accounts').set('Idempotency-Key', 'retry-1').send({ name: 'Not Globex' }).expect(409);
  });

  it('a child account names an existing parent; an unknown parent is 404', async () => {
    await t.as().post('/api/accounts').send({ id: 'acme-east', name: 'Acme East', parentAccountId: 'acme', invoiceToParent: true }).expect(201);
    const res = await t.as().post('/api/accounts').send({ id: 'orphan', name: 'Orphan', parentAccountId: 'nobody' }).expect(404);
    expect(res.body).toEqual({ error: 'not_found', message: 'parent account nobody does not exist' });
    await t.as().get('/api/accounts/orphan').expect(404);
  });

  it('invoiceToParent without a parent is refused by the rule (422)', async () => {
    const res = await t.as().post('/api/accounts').send({ id: 'lonely', name: 'Lonely', invoiceToParent: true }).expect(422);
    expect(res.body).toMatchObject({ error: 'rule', rule: 'invoice-to-parent' });
  });

  it('an unknown account is 404', async () => {
    const res = await t.as().get('/api/accounts/nope').expect(404);
    expect(res.body).toEqual({ error: 'not_found', message: 'account nope does not exist' });
  });

  describe('bad input gets a clear 400 and writes nothing', () => {
    async function expectNothingWritten(action: () => Promise<unknown>) {
      const before = (await t.as().get('/api/accounts')).body;
      await action();
      expect((await t.as().get('/api/accounts')).body).toEqual(before);
    }

    it('missing fields and wrong types: every field problem is listed', async () => {
      await expectNothingWritten(async () => {
        const res = await t.as().post('/api/accounts').send({ id: 'bad', taxExempt: 'yes', paymentTermsDays: '30', currency: 'usd' }).expect(400);
        expect(res.body.error).toBe('validation');
        const fields = res.body.details.map((d: { field: string }) => d.field);
        expect(new Set(fields)).toEqual(new Set(['name', 'taxExempt', 'paymentTermsDays', 'currency']));
      });
    });

    it('extra fields are refused by name', async () => {
      await expectNothingWritten(async () => {
        const res = await t.as().post('/api/accounts').send({ id: 'extra', name: 'Extra', discount: 10 }).expect(400);
        expect(res.body.details).toEqual([{ field: 'discount', message: 'unknown field: discount is not accepted here' }]);
      });
    });

    it('malformed JSON', async () => {
      await expectNothingWritten(async () => {
        const res = await t.as().post('/api/accounts').set('Content-Type', 'application/json').send('{"id": "x", "name": ').expect(400);
        expect(res.body).toMatchObject({ error: 'validation', details: [{ field: '(body)' }] });
        expect(res.body.details[0].message).toMatch(/^the body is not valid JSON/);
      });
    });

    it('a huge body', async () => {
      await expectNothingWritten(async () => {
        const res = await t
          .as()
          .post('/api/accounts')
          .send({ id: 'huge', name: 'x'.repeat(2_000_000) })
          .expect(400);
        expect(res.body.details[0].message).toMatch(/larger than the limit/);
      });
    });

    it('a body that is not an object, and values out of range', async () => {
      await expectNothingWritten(async () => {
        await t.as().post('/api/accounts').set('Content-Type', 'application/json').send('[1,2]').expect(400);
        await t.as().post('/api/accounts').set('Content-Type', 'application/json').send('"acme"').expect(400);
        const res = await t.as().post('/api/accounts').send({ id: 'a b', name: '', paymentTermsDays: 1000 }).expect(400);
        expect(res.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['id', 'name', 'paymentTermsDays']);
      });
    });
  });

  it('a new instance on the same data answers the same (read models rebuilt from the store)', async () => {
    const before = (await t.as().get('/api/accounts')).body;
    await t.close();
    const again = await (await import('./support/test-app')).startTestApp({ dataDir: t.config.dataDir });
    try {
      expect((await again.as().get('/api/accounts')).body).toEqual(before);
      await request(again.app.getHttpServer()).get('/api/accounts').expect(401);
    } finally {
      await again.close();
    }
  });
});
