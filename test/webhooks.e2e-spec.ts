import { EVENT_STORE, type EventStore, type RecordedEvent } from '@billing/event-store';
import { startTestApp, type TestApp } from './support/test-app';

/** Registering and managing webhooks over HTTP (docs/webhooks.md); delivery is in webhooks-delivery.e2e-spec.ts. */
describe('webhooks: registration', () => {
  let t: TestApp;
  // Deliveries to these URLs would fail; the dispatcher is off so that none is tried.
  beforeAll(async () => {
    t = await startTestApp({ webhooks: { dispatch: false } });
  });
  afterAll(async () => t.dispose());

  const webhookEvents = async (id: string): Promise<RecordedEvent[]> => {
    const events: RecordedEvent[] = [];
    for await (const e of t.app.get<EventStore>(EVENT_STORE).readStream(`webhook-${id}`)) events.push(e);
    return events;
  };

  it('finance registers an endpoint; a secret the server makes is shown in that answer only, and stored sealed', async () => {
    // when
    const res = await t
      .as()
      .post('/api/webhooks')
      .send({ id: 'crm', url: 'https://crm.example.com/ledger', types: ['ItemPosted', 'AccountCreated', 'ItemPosted'] })
      .expect(201);
    // then
    expect(res.body).toMatchObject({
      id: 'crm',
      url: 'https://crm.example.com/ledger',
      types: ['AccountCreated', 'ItemPosted'],
      status: 'active',
      secretGenerated: true,
      secret: expect.stringMatching(/^whsec_[A-Za-z0-9_-]{43}$/),
      delivery: { dispatchedHere: false, undelivered: 0, consecutiveFailures: 0 },
    });
    const secret = res.body.secret as string;
    // never again: not in a retry, the list or the detail
    const retry = await t
      .as()
      .post('/api/webhooks')
      .send({ id: 'crm', url: 'https://crm.example.com/ledger', types: ['AccountCreated', 'ItemPosted'] })
      .expect(200);
    expect(retry.body.secret).toBeNull();
    expect(JSON.stringify((await t.as().get('/api/webhooks').expect(200)).body)).not.toContain(secret);
    const detail = (await t.as().get('/api/webhooks/crm').expect(200)).body;
    expect(JSON.stringify(detail)).not.toContain(secret);
    expect(detail).not.toHaveProperty('secret');
    expect(detail).not.toHaveProperty('sealedSecret');
    // and the store holds it sealed, never in plain text (integrations read the event log)
    const [registered] = await webhookEvents('crm');
    expect(registered.type).toBe('WebhookRegistered');
    expect(JSON.stringify(registered.data)).not.toContain(secret);
    expect(JSON.stringify(registered.data)).not.toContain(secret.slice('whsec_'.length));
    expect(registered.data).toMatchObject({ sealedSecret: expect.stringMatching(/^v1\./), secretGenerated: true });
  });

  it('a client may give its own secret: not sent back, and the same id with another secret is a conflict', async () => {
    const body = { id: 'gl', url: 'http://127.0.0.1:9/gl', types: ['*'], secret: 'my-own-secret-0123456789' };
    const first = await t.as().post('/api/webhooks').send(body).expect(201);
    expect(first.body).toMatchObject({ id: 'gl', types: ['*'], secretGenerated: false, secret: null });
    await t.as().post('/api/webhooks').send(body).expect(200);
    const other = await t
      .as()
      .post('/api/webhooks')
      .send({ ...body, secret: 'another-secret-0123456789' })
      .expect(409);
    expect(other.body).toMatchObject({ error: 'conflict', code: 'id-reused' });
    // no secret now is not the same request either
    await t
      .as()
      .post('/api/webhooks')
      .send({ ...body, secret: undefined })
      .expect(409);
    expect(await webhookEvents('gl')).toHaveLength(1);
  });

  it('the same id with another URL or other types is a conflict, and writes nothing', async () => {
    await t
      .as()
      .post('/api/webhooks')
      .send({ id: 'crm', url: 'https://crm.example.com/other', types: ['AccountCreated', 'ItemPosted'] })
      .expect(409);
    await t
      .as()
      .post('/api/webhooks')
      .send({ id: 'crm', url: 'https://crm.example.com/ledger', types: ['ItemPosted'] })
      .expect(409);
    expect(await webhookEvents('crm')).toHaveLength(1);
  });

  it('an Idempotency-Key names the webhook when the body has no id', async () => {
    const send = () =>
      t
        .as()
        .post('/api/webhooks')
        .set('Idempotency-Key', 'alerting-hook-1')
        .send({ url: 'https://alerts.example.com/in', types: ['ItemUnposted'] });
    const first = await send().expect(201);
    const again = await send().expect(200);
    expect(again.body.id).toBe(first.body.id);
  });

  describe('validation: 400 with every problem, nothing written', () => {
    const refused = async (body: unknown): Promise<string[]> => {
      const res = await t
        .as()
        .post('/api/webhooks')
        .send(body as object)
        .expect(400);
      expect(res.body.error).toBe('validation');
      return [...new Set<string>(res.body.details.map((d: { field: string }) => d.field))].sort();
    };

    it.each([
      ['no url and no types', {}, ['types', 'url']],
      ['an ftp URL', { url: 'ftp://files.example.com/in', types: ['*'] }, ['url']],
      ['not a URL', { url: 'crm.example.com/ledger', types: ['*'] }, ['url']],
      ['a URL with a password', { url: 'https://user:pass@crm.example.com/ledger', types: ['*'] }, ['url']],
      ['a URL over 2048 characters', { url: `https://crm.example.com/${'x'.repeat(2048)}`, types: ['*'] }, ['url']],
      ['no types', { url: 'https://crm.example.com/ledger', types: [] }, ['types']],
      ['types as a string', { url: 'https://crm.example.com/ledger', types: 'ItemPosted' }, ['types']],
      ['a type that is no name', { url: 'https://crm.example.com/ledger', types: ['Item Posted'] }, ['types']],
      ['* beside other types', { url: 'https://crm.example.com/ledger', types: ['*', 'ItemPosted'] }, ['types']],
      ['a short secret', { url: 'https://crm.example.com/ledger', types: ['*'], secret: 'short' }, ['secret']],
      ['a secret with spaces', { url: 'https://crm.example.com/ledger', types: ['*'], secret: 'correct horse battery staple' }, ['secret']],
      ['a bad id', { id: 'a b', url: 'https://crm.example.com/ledger', types: ['*'] }, ['id']],
      ['an unknown field', { url: 'https://crm.example.com/ledger', types: ['*'], events: ['x'] }, ['events']],
    ])('%s', async (_what, body, fields) => {
      const before = (await t.as().get('/api/webhooks').expect(200)).body.length;
      expect(await refused(body)).toEqual(fields);
      expect((await t.as().get('/api/webhooks').expect(200)).body).toHaveLength(before);
    });

    it('a URL problem says what is wrong', async () => {
      const res = await t
        .as()
        .post('/api/webhooks')
        .send({ url: 'ftp://files.example.com/in', types: ['*'] })
        .expect(400);
      expect(res.body.details).toEqual([{ field: 'url', message: 'url must be http or https, not ftp' }]);
    });

    it('a deliveries page out of range, or an unknown status', async () => {
      await t.as().get('/api/webhooks/crm/deliveries?limit=0').expect(400);
      await t.as().get('/api/webhooks/crm/deliveries?status=lost').expect(400);
    });
  });

  it('unknown ids are 404', async () => {
    await t.as().get('/api/webhooks/nope').expect(404);
    await t.as().get('/api/webhooks/nope/deliveries').expect(404);
    await t.as().post('/api/webhooks/nope/resume').expect(404);
    await t.as().delete('/api/webhooks/nope').expect(404);
    await t.as().post('/api/webhooks/nope/deliveries/d-1/replay').expect(404);
    await t.as().post('/api/webhooks/nope/replay').send({ fromPosition: '0' }).expect(404);
    await t.as().post('/api/webhooks/crm/deliveries/d-1/replay').expect(404);
  });

  it('resuming an active webhook changes nothing', async () => {
    const res = await t.as().post('/api/webhooks/crm/resume').expect(200);
    expect(res.body.status).toBe('active');
    expect(await webhookEvents('crm')).toHaveLength(1);
  });

  it('finance removes a webhook with a reason; its id is not registered again, nor resumed', async () => {
    await t
      .as()
      .post('/api/webhooks')
      .send({ id: 'old', url: 'https://old.example.com/in', types: ['*'] })
      .expect(201);
    const res = await t.as().delete('/api/webhooks/old').send({ reason: 'old CRM retired' }).expect(200);
    expect(res.body).toMatchObject({ id: 'old', status: 'removed', removedReason: 'old CRM retired', removedAt: expect.any(String) });
    await t.as().delete('/api/webhooks/old').send({}).expect(200);
    const again = await t
      .as()
      .post('/api/webhooks')
      .send({ id: 'old', url: 'https://old.example.com/in', types: ['*'] })
      .expect(409);
    expect(again.body.code).toBe('webhook-removed');
    await t.as().post('/api/webhooks/old/resume').expect(409);
    // listed last
    expect((await t.as().get('/api/webhooks').expect(200)).body.at(-1).id).toBe('old');
    expect((await webhookEvents('old')).map((e) => [e.type, e.metadata.reason])).toEqual([
      ['WebhookRegistered', undefined],
      ['WebhookRemoved', 'old CRM retired'],
    ]);
  });

  it('an auditor reads webhooks and their deliveries, and changes nothing; technicians and integrations see none', async () => {
    const auditor = await t.keyFor('auditor');
    expect((await t.as(auditor).get('/api/webhooks').expect(200)).body.map((w: { id: string }) => w.id)).toContain('crm');
    await t.as(auditor).get('/api/webhooks/crm').expect(200);
    await t.as(auditor).get('/api/webhooks/crm/deliveries').expect(200);
    await t
      .as(auditor)
      .post('/api/webhooks')
      .send({ id: 'mine', url: 'https://audit.example.com/in', types: ['*'] })
      .expect(403);
    await t.as(auditor).post('/api/webhooks/crm/resume').expect(403);
    await t.as(auditor).delete('/api/webhooks/crm').expect(403);
    await t.as(auditor).post('/api/webhooks/crm/deliveries/d-1/replay').expect(403);
    await t.as(auditor).post('/api/webhooks/crm/replay').send({ fromPosition: '0' }).expect(403);
    for (const role of ['technician', 'integration', 'timesheet-approver'] as const) {
      const key = await t.keyFor(role);
      await t.as(key).get('/api/webhooks').expect(403);
      await t.as(key).get('/api/webhooks/crm/deliveries').expect(403);
      await t
        .as(key)
        .post('/api/webhooks')
        .send({ url: 'https://x.example.com/in', types: ['*'] })
        .expect(403);
    }
    await t.as().get('/api/webhooks/mine').expect(404);
  });
});
