import { dec, ledgerStream, sum } from '@billing/domain';
import { EVENT_STORE, type EventStore } from '@billing/event-store';
import { logTime, setUpLinkedContracts } from './support/msp-fixture';
import { startTestApp, type TestApp } from './support/test-app';

describe('Approve & Post under concurrency', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t.dispose());

  it('20 concurrent requests against one block with too few hours: never more than the block, each entry once, overage = shortfall', async () => {
    // given: a 5-hour block and 20 onsite entries of 0.5 h (10 h in all)
    const technician = await t.keyFor('technician');
    const ids = await setUpLinkedContracts(t, { blockHours: '5' });
    const entryIds = Array.from({ length: 20 }, (_, i) => `te-c${String(i).padStart(2, '0')}`);
    for (const [i, id] of entryIds.entries()) {
      await logTime(t, technician, {
        id,
        accountId: 'acme',
        workTypeId: 'onsite',
        dateWorked: '2026-11-16',
        startTime: `2026-11-16T${String(8 + Math.floor(i / 4)).padStart(2, '0')}:${String((i % 4) * 15).padStart(2, '0')}:00Z`,
        hoursWorked: '0.5',
      });
    }

    // when: 20 Approve & Post requests at once, one entry each
    const answers = await Promise.all(
      entryIds.map((id) =>
        t
          .as()
          .post('/api/approve-and-post')
          .send({ itemIds: [id], postedDate: '2026-11-20' }),
      ),
    );

    // then: every request succeeded and every entry is posted exactly once
    expect(answers.map((a) => a.status)).toEqual(entryIds.map(() => 200));
    const posted = (await t.as().get(`/api/billing-items?contractId=${ids.blk}`).expect(200)).body.items as {
      sourceItemId: string;
      type: string;
      quantity: string;
      amount: string;
      draws: { quantity: string }[];
    }[];
    expect(posted.map((p) => p.sourceItemId).sort()).toEqual(entryIds);
    // the block gave exactly its 5 hours (10 entries × 0.5 h), never more
    expect(sum(posted.flatMap((p) => p.draws).map((d) => dec(d.quantity))).toFixed()).toBe('5');
    expect((await t.as().get(`/api/contracts/${ids.blk}/balance`)).body).toMatchObject({ purchased: '5', used: '5', remaining: '0' });
    // the shortfall, 5 h, is overage: 10 entries × 0.5 h × $140 = $700.00
    const overage = posted.filter((p) => p.type === 'LABOR_OVERAGE');
    expect(overage).toHaveLength(10);
    expect(overage.every((p) => p.quantity === '0.5' && p.amount === '70.00')).toBe(true); // 0.5 h × $140
    expect((await t.as().get(`/api/contracts/${ids.blk}/balance`)).body.overage).toBe('700.00');

    // and the ledger holds one ItemPosted per entry, nothing twice
    const store = t.app.get<EventStore>(EVENT_STORE);
    const postedEvents: string[] = [];
    for await (const e of store.readStream(ledgerStream('acme')))
      if (e.type === 'ItemPosted') postedEvents.push((e.data as { sourceItemId: string }).sourceItemId);
    expect(postedEvents.sort()).toEqual(entryIds);
  });
});
