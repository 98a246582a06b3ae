import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { MetadataScanner, ModulesContainer } from '@nestjs/core';
import request from 'supertest';
import { ACCESS_POLICY, accessKey } from '../apps/billing-api/src/auth/access-policy';
import { JsonLogger } from '../apps/billing-api/src/http/json-logger';
import { startTestApp, type TestApp } from './support/test-app';

describe('API keys and roles', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t.dispose());

  it('a request without a key is 401, with an unknown key 401', async () => {
    const none = await request(t.app.getHttpServer()).get('/api/accounts').expect(401);
    expect(none.body).toEqual({ error: 'unauthenticated', message: 'send an API key: Authorization: Bearer <key>' });
    const unknown = await t.as('not-a-key').get('/api/accounts').expect(401);
    expect(unknown.body).toEqual({ error: 'unauthenticated', message: 'unknown API key' });
  });

  it('finance issues a key with a role; the key is shown once and works at once', async () => {
    const res = await t.as().post('/api/api-keys').send({ id: 'auditor-1', name: 'external auditor', role: 'auditor' }).expect(201);
    expect(res.body).toEqual({
      id: 'auditor-1',
      name: 'external auditor',
      role: 'auditor',
      resourceId: null,
      key: expect.stringMatching(/^blk_[A-Za-z0-9_-]{43}$/),
    });
    await t.as(res.body.key).get('/api/accounts').expect(200);

    // a retry of the same request cannot show the key again: only its hash was kept
    const retry = await t.as().post('/api/api-keys').send({ id: 'auditor-1', name: 'external auditor', role: 'auditor' }).expect(200);
    expect(retry.body).toEqual({ id: 'auditor-1', name: 'external auditor', role: 'auditor', resourceId: null, key: null });
    await t.as().post('/api/api-keys').send({ id: 'auditor-1', name: 'external auditor', role: 'finance' }).expect(409);
  });

  it('only a hash of a key is stored in the events', async () => {
    const key = await t.keyFor('integration');
    const events = await t.app.get<import('@billing/event-store').EventStore>('EventStore');
    for await (const e of events.readAll()) expect(JSON.stringify(e, (_k, v) => (typeof v === 'bigint' ? v.toString() : v))).not.toContain(key);
  });

  it('the wrong role is 403: a technician may not create accounts, an auditor reads but changes nothing', async () => {
    const technician = await t.keyFor('technician');
    const auditor = await t.keyFor('auditor');
    const denied = await t.as(technician).post('/api/accounts').send({ id: 'x', name: 'X' }).expect(403);
    expect(denied.body).toEqual({ error: 'forbidden', message: 'role technician may not do this; allowed: finance' });
    await t.as(technician).get('/api/accounts').expect(403);
    await t.as(auditor).get('/api/accounts').expect(200);
    await t.as(auditor).post('/api/accounts').send({ id: 'x', name: 'X' }).expect(403);
    await t.as(auditor).post('/api/api-keys').send({ name: 'mine', role: 'finance' }).expect(403);
    await t.as().get('/api/accounts/x').expect(404);
  });

  it('an unknown role is refused with the list of roles', async () => {
    const res = await t.as().post('/api/api-keys').send({ name: 'x', role: 'admin' }).expect(400);
    expect(res.body.details[0].field).toBe('role');
  });

  it('every route of the service has a row in the access policy, and every row names a route', () => {
    const controllers = [...t.app.get(ModulesContainer).values()].flatMap((module) => [...module.controllers.values()]);
    const scanner = new MetadataScanner();
    const routes: string[] = [];
    for (const wrapper of controllers) {
      const prototype = Object.getPrototypeOf(wrapper.instance as object);
      const base = String(Reflect.getMetadata(PATH_METADATA, wrapper.metatype as object));
      for (const name of scanner.getAllMethodNames(prototype)) {
        const path = Reflect.getMetadata(PATH_METADATA, prototype[name]);
        if (path === undefined) continue;
        const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, prototype[name]) as RequestMethod];
        routes.push(accessKey(method, `/${[base, path].filter((p) => p && p !== '/').join('/')}`));
      }
    }
    expect(routes.length).toBeGreaterThan(40);
    expect(routes.filter((r) => !ACCESS_POLICY[r])).toEqual([]);
    expect(Object.keys(ACCESS_POLICY).filter((row) => !routes.includes(row))).toEqual([]);
  });
});

describe('the bootstrap key', () => {
  it('is printed once, on the first start with an empty store, when BILLING_BOOTSTRAP_KEY is not set; it works', async () => {
    // given: a fresh data folder and no BILLING_BOOTSTRAP_KEY
    const { mkdtempSync, rmSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const { createApp } = await import('../apps/billing-api/src/create-app');
    const dataDir = mkdtempSync(join(tmpdir(), 'ledger-bootstrap-'));
    const config = { port: 0, dataDir, readYourWritesTimeoutMs: 5000 };
    const printedKeys = async (start: () => Promise<void>) => {
      const lines: string[] = [];
      const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
        lines.push(String(chunk));
        return true;
      });
      try {
        await start();
      } finally {
        spy.mockRestore();
      }
      return lines
        .map((l) => JSON.parse(l))
        .filter((l) => l.bootstrapKey)
        .map((l) => l.bootstrapKey as string);
    };
    try {
      // when: it starts twice
      let app!: Awaited<ReturnType<typeof createApp>>;
      const first = await printedKeys(async () => {
        app = await createApp(config, new JsonLogger());
      });
      await app.close();
      const second = await printedKeys(async () => {
        app = await createApp(config, new JsonLogger());
      });
      // then: one key was printed, on the first start only, and it is a finance key
      expect(first).toHaveLength(1);
      expect(second).toEqual([]);
      await request(app.getHttpServer()).post('/api/accounts').set('Authorization', `Bearer ${first[0]}`).send({ name: 'First' }).expect(201);
      await app.close();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
