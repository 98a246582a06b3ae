import { logTime, setUpLinkedContracts } from './support/msp-fixture';
import { startTestApp, type TestApp } from './support/test-app';

/** billing-rules §2: changing an exclusion set changes every contract that uses it, for work logged after the change. */
describe('an exclusion set changed while work is being logged', () => {
  let t: TestApp;
  let technician: string;
  beforeAll(async () => {
    t = await startTestApp();
    technician = await t.keyFor('technician');
    await setUpLinkedContracts(t); // acme-tm ← acme-blk ← acme-rec (the default)
    // a second contract whose exclusions come from a set, sending excluded work to T&M
    await t.as().post('/api/exclusion-sets').send({ id: 'silver', name: 'Silver', workTypeIds: [], roleIds: [] }).expect(201);
    await t
      .as()
      .post('/api/contracts')
      .send({
        id: 'acme-silver',
        accountId: 'acme',
        name: 'Silver support',
        type: 'RECURRING_SERVICE',
        periodType: 'MONTHLY',
        startDate: '2026-01-01',
        endDate: '2026-12-31',
        exclusionSetId: 'silver',
        exclusionContractId: 'acme-tm',
      })
      .expect(201);
  });
  afterAll(async () => t.dispose());

  it('routes work logged after the change by the new set, and leaves earlier work where it was routed', async () => {
    const before = await logTime(t, technician, {
      id: 'te-before',
      accountId: 'acme',
      contractId: 'acme-silver',
      workTypeId: 'remote',
      dateWorked: '2026-11-16',
      hoursWorked: '1',
    });
    expect(before).toMatchObject({ contractId: 'acme-silver', routing: ['acme-silver'] });

    // when: the set starts excluding Remote Support
    await t
      .as()
      .put('/api/exclusion-sets/silver')
      .send({ id: 'silver', name: 'Silver', workTypeIds: ['remote'], roleIds: [] })
      .expect(200);

    // then: new work goes on to T&M; the entry logged before keeps its routing
    const after = await logTime(t, technician, {
      id: 'te-after',
      accountId: 'acme',
      contractId: 'acme-silver',
      workTypeId: 'remote',
      dateWorked: '2026-11-16',
      hoursWorked: '1',
    });
    expect(after).toMatchObject({ contractId: 'acme-tm', routing: ['acme-silver', 'acme-tm'] });
    expect((await t.as().get('/api/time-entries/te-before')).body).toMatchObject({ contractId: 'acme-silver', routing: ['acme-silver'] });
    // posted, they bill accordingly: covered on the recurring contract; 1 h × $110 T&M rate on T&M
    const posted = await t
      .as()
      .post('/api/approve-and-post')
      .send({ itemIds: ['te-before', 'te-after'] })
      .expect(200);
    expect(posted.body.posted.map((i: { sourceItemId: string; amount: string; covered: boolean }) => [i.sourceItemId, i.amount, i.covered])).toEqual([
      ['te-before', '0.00', true],
      ['te-after', '110.00', false],
    ]);
  });
});
