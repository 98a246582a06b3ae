import type Database from 'better-sqlite3';
import { Projections } from '@billing/projections';
import { READ_MODEL_DB } from '../apps/billing-api/src/infrastructure/read-model-db.token';
import { setUpLinkedContracts } from './support/msp-fixture';
import { startTestApp, type TestApp } from './support/test-app';

describe('an item id names one item across the service', () => {
  let t: TestApp;
  let technician: string;
  beforeAll(async () => {
    t = await startTestApp();
    technician = await t.keyFor('technician');
    await setUpLinkedContracts(t, { accountId: 'acme' });
    await setUpLinkedContracts(t, { accountId: 'globex' });
  });
  afterAll(async () => t.dispose());

  it('two contracts cannot buy a block under the same id: the second is 409 and writes nothing', async () => {
    await t
      .as()
      .post('/api/contracts/acme-blk/block-purchases')
      .send({ id: 'Q4', hours: '10', hourlyRate: '90', startDate: '2026-10-01', endDate: '2026-12-31' })
      .expect(201);
    const res = await t
      .as()
      .post('/api/contracts/globex-blk/block-purchases')
      .send({ id: 'Q4', hours: '10', hourlyRate: '90', startDate: '2026-10-01', endDate: '2026-12-31' })
      .expect(409);
    expect(res.body).toMatchObject({ error: 'conflict', code: 'item-id-taken' });
    expect(res.body.message).toMatch(/^id Q4 already names a block purchase \(contract-acme-blk\)/);
    expect((await t.as().get('/api/contracts/globex-blk').expect(200)).body.purchases.map((p: { id: string }) => p.id)).toEqual(['globex-b1']);
    // the same purchase again is still the idempotent repeat
    await t
      .as()
      .post('/api/contracts/acme-blk/block-purchases')
      .send({ id: 'Q4', hours: '10', hourlyRate: '90', startDate: '2026-10-01', endDate: '2026-12-31' })
      .expect(200);
  });

  it('a charge cannot take a time entry’s id', async () => {
    await t
      .as(technician)
      .post('/api/time-entries')
      .send({ id: '1001', accountId: 'acme', resourceId: 'ann', roleId: 'engineer', workTypeId: 'remote', dateWorked: '2026-11-16', hoursWorked: '1' })
      .expect(201);
    const charge = await t
      .as(technician)
      .post('/api/charges')
      .send({ id: '1001', accountId: 'acme', name: 'Cable', date: '2026-11-16', quantity: 1, unitPrice: '5' })
      .expect(409);
    expect(charge.body.code).toBe('item-id-taken');
    await t
      .as(technician)
      .post('/api/charges')
      .send({ id: '1002', accountId: 'acme', name: 'Cable', date: '2026-11-16', quantity: 1, unitPrice: '5' })
      .expect(201);
    // and the time entry still posts by its id
    const posted = await t
      .as()
      .post('/api/approve-and-post')
      .send({ itemIds: ['1001', '1002'] })
      .expect(200);
    expect(posted.body.posted.map((i: { sourceItemId: string; type: string }) => [i.sourceItemId, i.type])).toEqual([
      ['1001', 'LABOR'],
      ['1002', 'CHARGE'],
    ]);
  });

  it('a refused create claims nothing: the id stays free', async () => {
    await t
      .as(technician)
      .post('/api/time-entries')
      .send({ id: 'free-id', accountId: 'nobody', resourceId: 'ann', roleId: 'engineer', workTypeId: 'remote', dateWorked: '2026-11-16', hoursWorked: '1' })
      .expect(404);
    await t
      .as(technician)
      .post('/api/charges')
      .send({ id: 'free-id', accountId: 'acme', name: 'Cable', date: '2026-11-16', quantity: 1, unitPrice: '5' })
      .expect(201);
  });

  it('when a read model has stopped, a command answers 503 instead of reading stale data', async () => {
    // given: the work-items read model fails on its next event
    const db = t.app.get<Database.Database>(READ_MODEL_DB);
    db.exec("CREATE TRIGGER break_work_items BEFORE INSERT ON work_items BEGIN SELECT RAISE(ABORT, 'disk trouble'); END");
    try {
      // when: a technician logs time
      const res = await t
        .as(technician)
        .post('/api/time-entries')
        .send({ id: 'te-503', accountId: 'acme', resourceId: 'ann', roleId: 'engineer', workTypeId: 'remote', dateWorked: '2026-11-16', hoursWorked: '1' });
      // then: the write is kept, the answer says the read models stopped, and /health says which
      expect(res.status).toBe(503);
      expect(res.body).toMatchObject({ error: 'unavailable' });
      expect(res.body.message).toMatch(/work-items \(disk trouble\)/);
      const health = await t.as().get('/health').expect(503);
      expect(health.body.projections.find((p: { name: string }) => p.name === 'work-items')).toMatchObject({ state: 'failed' });
    } finally {
      db.exec('DROP TRIGGER break_work_items');
    }
    // and after a rebuild the entry is there
    await t.app.get(Projections).rebuild('work-items');
    expect((await t.as().get('/api/time-entries/te-503').expect(200)).body.id).toBe('te-503');
  });
});
