import { logTime, setUpLinkedContracts } from './support/msp-fixture';
import { startTestApp, type TestApp } from './support/test-app';

/** billing-rules §11: stages, age buckets, the stuck flag, filters and totals. */
describe('the unbilled-items dashboard', () => {
  let t: TestApp;
  let technician: string;
  type Row = {
    sourceItemId: string;
    stage: string;
    type: string;
    hours: string | null;
    ageDays: number;
    ageBucket: string;
    stuck: boolean;
    amount: string;
    coverage: string;
  };
  const get = async (query: string) =>
    (await t.as().get(`/api/dashboard/unbilled?${query}`).expect(200)).body as {
      items: Row[];
      total: number;
      totals: Record<string, Record<string, { count: number; amount: string }>>;
    };
  const row = (items: Row[], id: string) => items.find((i) => i.sourceItemId === id)!;

  beforeAll(async () => {
    t = await startTestApp();
    technician = await t.keyFor('technician');
    await setUpLinkedContracts(t);
    // Out-of-Hours goes to T&M: $110 × 1.5 = $165 an hour
    const ooh = { accountId: 'acme', workTypeId: 'out-of-hours' };
    await logTime(t, technician, { ...ooh, id: 'd-0', dateWorked: '2026-11-30', hoursWorked: '1' }); // $165.00
    await logTime(t, technician, { ...ooh, id: 'd-7', dateWorked: '2026-11-23', hoursWorked: '2' }); // $330.00
    await logTime(t, await t.keyFor('technician', 'bob'), { ...ooh, id: 'd-8', dateWorked: '2026-11-22', hoursWorked: '1', resourceId: 'bob' }); // $165.00
    await logTime(t, technician, { ...ooh, id: 'd-30', dateWorked: '2026-10-31', hoursWorked: '0.5' }); // $82.50
    await logTime(t, technician, { ...ooh, id: 'd-31', dateWorked: '2026-10-30', hoursWorked: '1' }); // $165.00
    await logTime(t, technician, { ...ooh, id: 'd-61', dateWorked: '2026-09-30', hoursWorked: '1' }); // $165.00
    await logTime(t, technician, { id: 'd-remote', accountId: 'acme', workTypeId: 'remote', dateWorked: '2026-11-30', hoursWorked: '3' }); // covered: $0.00
  });
  afterAll(async () => t.dispose());

  it('counts each item’s age to the day and puts it in its bucket; older than 7 days is stuck', async () => {
    const { items } = await get('asOf=2026-11-30&type=LABOR');
    const ages = Object.fromEntries(
      ['d-0', 'd-7', 'd-8', 'd-30', 'd-31', 'd-61'].map((id) => [id, [row(items, id).ageDays, row(items, id).ageBucket, row(items, id).stuck]]),
    );
    expect(ages).toEqual({
      'd-0': [0, '0-7', false],
      'd-7': [7, '0-7', false],
      'd-8': [8, '8-30', true],
      'd-30': [30, '8-30', true],
      'd-31': [31, '31-60', true],
      'd-61': [61, 'over 60', true],
    });
  });

  it('the stuck threshold is a setting', async () => {
    await t.as().put('/api/settings').send({ stuckAfterDays: 30 }).expect(200);
    try {
      const { items } = await get('asOf=2026-11-30');
      expect([row(items, 'd-8').stuck, row(items, 'd-30').stuck, row(items, 'd-31').stuck]).toEqual([false, false, true]);
    } finally {
      await t.as().put('/api/settings').send({ stuckAfterDays: 7 }).expect(200);
    }
  });

  it('filters by resource, work type, dates and stage, with totals over what is selected', async () => {
    expect((await get('resourceId=bob')).items.map((i) => i.sourceItemId)).toEqual(['d-8']);
    expect((await get('workTypeId=remote')).items.map((i) => [i.sourceItemId, i.amount, i.coverage])).toEqual([['d-remote', '0.00', 'covered']]);
    const november = await get('from=2026-11-01&to=2026-11-30&type=LABOR');
    expect(november.items.map((i) => i.sourceItemId).sort()).toEqual(['d-0', 'd-7', 'd-8', 'd-remote']);
    // 165 + 330 + 165 + 0 = 660.00
    expect(november.totals.byStage).toEqual({ AWAITING_POSTING: { count: 4, amount: '660.00' } });
    expect((await get('stage=AWAITING_INVOICE')).total).toBe(0);
  });

  it('pages the items while the totals cover them all', async () => {
    const page = await get('type=LABOR&limit=2&offset=1');
    expect(page.items.map((i) => i.sourceItemId)).toEqual(['d-31', 'd-30']); // by item date: d-61, d-31, d-30, …
    expect(page.total).toBe(7);
    // d-0, d-8, d-31, d-61: 165 × 4 = 660; d-7: 330; d-30: 82.50 → 1,072.50 on T&M; d-remote covered: 0.00
    expect(page.totals.byContract).toEqual({ 'acme-rec': { count: 1, amount: '0.00' }, 'acme-tm': { count: 6, amount: '1072.50' } });
  });

  it('a posting takes its item’s place (both parts of a split); an unpost brings the pending item back as it was', async () => {
    // given: 12 onsite hours on the 10-hour block, and d-0 on T&M ($165.00)
    await logTime(t, technician, { id: 'd-split', accountId: 'acme', workTypeId: 'onsite', dateWorked: '2026-11-30', hoursWorked: '12' });
    const shown = async (id: string) =>
      (await get('asOf=2026-11-30&limit=1000')).items
        .filter((i) => i.sourceItemId === id)
        .map((i) => [i.stage, i.type, i.hours, i.amount, i.coverage])
        .sort((a, b) => String(a[1]).localeCompare(String(b[1])));
    const pendingSplit = [['AWAITING_POSTING', 'LABOR', '12', '0.00', 'prepaid']];
    const pendingD0 = [['AWAITING_POSTING', 'LABOR', '1', '165.00', 'billable']];
    expect(await shown('d-split')).toEqual(pendingSplit);
    expect(await shown('d-0')).toEqual(pendingD0);

    // when: both are posted
    await t
      .as()
      .post('/api/approve-and-post')
      .send({ itemIds: ['d-split', 'd-0'], postedDate: '2026-11-30' })
      .expect(200);
    // then: 10 h drawn from the block ($0.00), 2 h overage × $140 = $280.00; d-0 as previewed; nothing of theirs awaits posting
    expect(await shown('d-split')).toEqual([
      ['AWAITING_INVOICE', 'LABOR', '10', '0.00', 'prepaid'],
      ['AWAITING_INVOICE', 'LABOR_OVERAGE', '2', '280.00', 'billable'],
    ]);
    expect(await shown('d-0')).toEqual([['AWAITING_INVOICE', 'LABOR', '1', '165.00', 'billable']]);
    // 0.00 + 280.00 + 165.00 = 445.00
    expect((await get('stage=AWAITING_INVOICE')).totals.byStage).toEqual({ AWAITING_INVOICE: { count: 3, amount: '445.00' } });

    // when: both are unposted (one part of a split unposts the whole item)
    await t.as().post('/api/billing-items/bi-d-split-1/unpost').send({ reason: 'wrong day' }).expect(200);
    await t.as().post('/api/billing-items/bi-d-0-1/unpost').send({ reason: 'wrong day' }).expect(200);
    // then: they await posting again, with their previews
    expect(await shown('d-split')).toEqual(pendingSplit);
    expect(await shown('d-0')).toEqual(pendingD0);
    expect((await get('stage=AWAITING_INVOICE')).total).toBe(0);

    // and posting again shows the new posting
    await t
      .as()
      .post('/api/approve-and-post')
      .send({ itemIds: ['d-0'], postedDate: '2026-11-30' })
      .expect(200);
    expect(await shown('d-0')).toEqual([['AWAITING_INVOICE', 'LABOR', '1', '165.00', 'billable']]);
    expect((await get('stage=AWAITING_INVOICE')).totals.byStage).toEqual({ AWAITING_INVOICE: { count: 1, amount: '165.00' } });
  });

  it('refuses bad filters with 400', async () => {
    await t.as().get('/api/dashboard/unbilled?stage=SOMEDAY').expect(400);
    await t.as().get('/api/dashboard/unbilled?limit=0').expect(400);
    await t.as().get('/api/dashboard/unbilled?from=2026-13-01').expect(400);
  });
});
