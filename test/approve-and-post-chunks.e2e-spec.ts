import { logTime, setUpLinkedContracts } from './support/msp-fixture';
import { startTestApp, type TestApp } from './support/test-app';

/** A request bigger than one chunk of ledgers (500 items): every item posts once, each ledger whole. */
describe('Approve & Post of more items than one chunk', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t.dispose());

  it('posts 501 items of one ledger and 3 of another in one request, and the next query sees them all', async () => {
    // given: out-of-hours entries (T&M: $110 × 1.5 = $165.00 an hour), 501 for "big" and 3 for "small"
    const technician = await t.keyFor('technician');
    await setUpLinkedContracts(t, { accountId: 'big' });
    await setUpLinkedContracts(t, { accountId: 'small' });
    const entries = [
      ...Array.from({ length: 501 }, (_, i) => ({ id: `big-${i}`, accountId: 'big' })),
      ...Array.from({ length: 3 }, (_, i) => ({ id: `small-${i}`, accountId: 'small' })),
    ];
    for (let i = 0; i < entries.length; i += 16) {
      await Promise.all(
        entries.slice(i, i + 16).map((e) => logTime(t, technician, { ...e, workTypeId: 'out-of-hours', dateWorked: '2026-11-16', hoursWorked: '1' })),
      );
    }

    // when
    const res = await t
      .as()
      .post('/api/approve-and-post')
      .send({ itemIds: entries.map((e) => e.id), postedDate: '2026-11-20' })
      .expect(200);

    // then: one billing item per entry, none twice
    const sources = (res.body.posted as { sourceItemId: string }[]).map((p) => p.sourceItemId);
    expect(sources).toHaveLength(504);
    expect(new Set(sources)).toEqual(new Set(entries.map((e) => e.id)));
    // and the caller's next query shows them: 501 × $165.00 = $82,665.00; 3 × $165.00 = $495.00
    const dashboard = await t.as().get('/api/dashboard/unbilled?stage=AWAITING_INVOICE').expect(200);
    expect(dashboard.body.totals.byAccount).toEqual({ big: { count: 501, amount: '82665.00' }, small: { count: 3, amount: '495.00' } });
    expect((await t.as().get('/api/time-entries/big-500').expect(200)).body.status).toBe('POSTED');
  }, 60_000);
});
