import type { PendingLabour, PostingBatchInput } from '../rating/rating-inputs';
import { deciderSpec, notFound, rule } from '../testing/decider-spec';
import { ledgerDecider, type PostItems, type PostingSource } from './ledger.decider';
import { postedItemsOf, type LedgerEvent } from './ledger.events';

const catalog: PostingBatchInput['catalog'] = {
  roles: [{ id: 'engineer', hourlyRate: '120', hourlyCost: '45', blockHourMultiplier: '1' }],
  workTypes: [{ id: 'remote', billable: true, taxCategoryId: 'labour', modifier: { kind: 'none' } }],
  contracts: [
    { id: 'tm', type: 'TIME_AND_MATERIALS', roleRates: [{ roleId: 'engineer', hourlyRate: '95' }] },
    {
      id: 'blk',
      type: 'BLOCK_HOURS',
      overageRate: '150',
      // `remaining` is the ledger's to work out: whatever is given here is ignored
      blockPurchases: [
        { id: 'b1', hours: '10', hourlyRate: '100', startDate: '2026-01-01', endDate: '2026-12-31', active: true, sequence: 1, remaining: '999' },
      ],
    },
  ],
};

const source: PostingSource = {
  sourceType: 'TIME_ENTRY',
  accountId: 'acme',
  purchaseOrderNumber: 'PO-7',
  description: 'work',
  approvedBy: 'key-1',
  postedDate: '2026-11-20',
};

const labour = (id: string, contractId: string, hoursWorked: string, dateWorked = '2026-11-02'): PendingLabour => ({
  kind: 'LABOR',
  id,
  contractId,
  dateWorked,
  roleId: 'engineer',
  workTypeId: 'remote',
  hoursWorked,
});

const post = (items: PendingLabour[], overrides: PostItems['overrides'] = {}): PostItems => ({
  type: 'PostItems',
  postingId: 'p1',
  billToAccountId: 'acme',
  items: items.map((pending) => ({ pending, source })),
  catalog,
  settings: { roundUpMinutes: 0, multiplyOverage: false },
  overrides,
  billTo: { taxExempt: false, region: { id: 'ny', ratesByCategory: { labour: [{ name: 'NY sales tax', rate: '0.08875', compound: false }] } } },
});

const ledger = deciderSpec(ledgerDecider);
/** The history of a posting, as the ledger decides it (ItemPosted events are too long to write out). */
const posting = (history: LedgerEvent[], items: PendingLabour[]): LedgerEvent[] => ledger.given(history).when(post(items)).events();

describe('ledger decider', () => {
  it('an item billed to another account than its own names that ledger in its id: after an unpost it may post to another ledger, whose count starts again', () => {
    // given: te1 of acme, billed to its parent's ledger
    const [event] = ledger
      .given([])
      .when({ ...post([labour('te1', 'tm', '1')]), billToAccountId: 'acme-group' })
      .events();
    // then: not bi-te1-1, which acme's own ledger gives (or has given) it
    expect(event.data).toMatchObject({ billingItemId: 'bi-te1-1@acme-group', billToAccountId: 'acme-group', accountId: 'acme' });
  });

  it('posts T&M labour at the contract rate with tax and cost, frozen in ItemPosted', () => {
    const [event] = ledger
      .given([])
      .when(post([labour('te1', 'tm', '2.5')]))
      .events();
    expect(event.type).toBe('ItemPosted');
    expect(event.data).toMatchObject({
      billingItemId: 'bi-te1-1',
      sourceItemId: 'te1',
      type: 'LABOR',
      contractId: 'tm',
      billToAccountId: 'acme',
      purchaseOrderNumber: 'PO-7',
      postedDate: '2026-11-20',
      quantity: '2.5',
      rate: '95',
      amount: '237.50', // 2.5 h × $95 (contract role rate)
      tax: '21.08', // 237.50 × 0.08875 = 21.078125 → 21.08 half-up
      cost: '112.50', // 2.5 h worked × $45 role cost
      covered: false,
    });
  });

  it('draws blocks against what earlier postings drew, and splits when the block runs short', () => {
    // given: 8 of the 10 block hours already drawn
    const history = posting([], [labour('te1', 'blk', '8', '2026-11-02')]);
    expect(ledger.given(history).state().drawn.get('b1')?.toFixed()).toBe('8');
    // when: 3 more hours
    const posting3h = ledger.given(history).when(post([labour('te2', 'blk', '3', '2026-11-03')]));
    // then: 2 h covered from the block, 1 h overage at the contract overage rate
    expect(posting3h.events().map((e) => e.type === 'ItemPosted' && [e.data.billingItemId, e.data.type, e.data.quantity, e.data.amount])).toEqual([
      ['bi-te2-1', 'LABOR', '2', '0.00'],
      ['bi-te2-2', 'LABOR_OVERAGE', '1', '150.00'], // 1 h × $150 overage rate
    ]);
    expect(posting3h.stateAfter().drawn.get('b1')?.toFixed()).toBe('10');
  });

  it('posting an item that is already posted decides nothing (a retry)', () => {
    const history = posting([], [labour('te1', 'tm', '1')]);
    ledger
      .given(history)
      .when(post([labour('te1', 'tm', '1')]))
      .then([]);
  });

  it('unposting gives back exactly what the posting drew; reposting draws it again under new ids', () => {
    // given: a split entry (12 h on a 10 h block)
    const posted = posting([], [labour('te1', 'blk', '12')]);
    expect(ledger.given(posted).state().drawn.get('b1')?.toFixed()).toBe('10');
    // when: one part is unposted
    // then: both parts go, and the 10 block hours come back
    const unposted: LedgerEvent = {
      type: 'ItemUnposted',
      data: {
        sourceItemId: 'te1',
        sourceType: 'TIME_ENTRY',
        billingItemIds: ['bi-te1-1', 'bi-te1-2'],
        returned: [{ purchaseId: 'b1', kind: 'hours', quantity: '10' }],
        reason: 'wrong work type',
      },
    };
    ledger.given(posted).when({ type: 'UnpostItem', billingItemId: 'bi-te1-2', reason: 'wrong work type' }).then([unposted]);
    const afterUnpost = ledger.given([...posted, unposted]);
    expect(afterUnpost.state().drawn.get('b1')?.toFixed()).toBe('0');
    expect(postedItemsOf(afterUnpost.state(), 'te1')).toEqual([]);
    // and a repost gives the same numbers under new billing item ids
    const reposted = afterUnpost.when(post([labour('te1', 'blk', '12')])).events();
    expect(reposted.map((e) => e.type === 'ItemPosted' && [e.data.billingItemId, e.data.quantity, e.data.amount])).toEqual([
      ['bi-te1-3', '10', '0.00'],
      ['bi-te1-4', '2', '300.00'], // 2 h × $150
    ]);
    // unposting again decides nothing
    afterUnpost.when({ type: 'UnpostItem', billingItemId: 'bi-te1-1', reason: 'again' }).then([]);
  });

  it('refuses to unpost an unknown billing item, or without a reason', () => {
    const history = posting([], [labour('te1', 'tm', '1')]);
    ledger.given(history).when({ type: 'UnpostItem', billingItemId: 'nope', reason: 'x' }).then(notFound('billing item', 'nope'));
    ledger.given(history).when({ type: 'UnpostItem', billingItemId: 'bi-te1-1', reason: '  ' }).then(rule('reason-required'));
  });

  it('keeps the approver’s override and the original value', () => {
    const [event] = ledger
      .given([])
      .when(post([labour('te1', 'tm', '2')], { te1: { hoursToBill: '1.5' } }))
      .events();
    expect(event.data).toMatchObject({ quantity: '1.5', amount: '142.50', original: { hoursToBill: '2' } }); // 1.5 h × $95
  });
});
