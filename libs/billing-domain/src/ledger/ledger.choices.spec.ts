import type { PendingBlockPurchase, PendingItem, PendingLabour, PostingBatchInput } from '../rating/rating-inputs';
import { currentSchemaVersion, upcast } from '../shared/event-schema';
import { conflict, deciderSpec, rule } from '../testing/decider-spec';
import type { ItemOverrides } from '../work/item-approval';
import type { RoutingOverride } from '../work/routing-override';
import { ledgerDecider, type PostItems, type PostingSource } from './ledger.decider';
import type { ItemPosted, LedgerEvent } from './ledger.events';

// engineer $120/h (T&M tm: $95/h); blk: a 10-hour block, overage $150/h
const catalog: PostingBatchInput['catalog'] = {
  roles: [{ id: 'engineer', hourlyRate: '120', hourlyCost: '45', blockHourMultiplier: '1' }],
  workTypes: [{ id: 'remote', billable: true, modifier: { kind: 'none' } }],
  contracts: [
    { id: 'tm', type: 'TIME_AND_MATERIALS', roleRates: [{ roleId: 'engineer', hourlyRate: '95' }] },
    {
      id: 'blk',
      type: 'BLOCK_HOURS',
      overageRate: '150',
      blockPurchases: [
        { id: 'b1', hours: '10', hourlyRate: '100', startDate: '2026-01-01', endDate: '2026-12-31', active: true, sequence: 1, remaining: '10' },
      ],
    },
  ],
};

const source = (overrides: Partial<PostingSource> = {}): PostingSource => ({
  sourceType: 'TIME_ENTRY',
  accountId: 'acme',
  purchaseOrderNumber: null,
  description: 'work',
  approvedBy: 'fin-1',
  postedDate: '2026-10-31',
  ...overrides,
});

const te1: PendingLabour = { kind: 'LABOR', id: 'te1', contractId: 'tm', dateWorked: '2026-10-30', roleId: 'engineer', workTypeId: 'remote', hoursWorked: '2' };
const b1: PendingBlockPurchase = { kind: 'BLOCK_PURCHASE', id: 'b1', contractId: 'blk', itemDate: '2026-10-01', hours: '10', hourlyRate: '100' };

/** A posting of one item, with what it posts with (`source`, `overrides`) and, given, what the request itself asked. */
function post(pending: PendingItem, options: { source?: PostingSource; overrides?: ItemOverrides; asked?: PostItems['asked'] } = {}): PostItems {
  return {
    type: 'PostItems',
    postingId: 'p1',
    billToAccountId: 'acme',
    items: [{ pending, source: options.source ?? source({ sourceType: pending.kind === 'LABOR' ? 'TIME_ENTRY' : 'BLOCK_PURCHASE' }) }],
    catalog,
    settings: { roundUpMinutes: 0, multiplyOverage: false },
    overrides: options.overrides ? { [pending.id]: options.overrides } : {},
    billTo: { taxExempt: false, region: null },
    ...(options.asked && { asked: options.asked }),
  };
}

const ledger = deciderSpec(ledgerDecider);
// te1 posted on 2026-10-31 at the approver's $150 an hour: 2 h × $150 = $300.00
const postedAt150: LedgerEvent[] = ledger
  .given([])
  .when(post(te1, { overrides: { hourlyRate: '150' } }))
  .events();

describe('ledger: a request against items already posted or approved (the choices it names)', () => {
  it('given te1 posted, then its posting records the approver’s overrides as given and no re-routing', () => {
    expect(postedAt150).toHaveLength(1);
    expect(postedAt150[0].data).toMatchObject({ rate: '150', amount: '300.00', overrides: { hourlyRate: '150' }, routingOverride: null });
  });

  it('given te1 posted, when a request asks for another posted date and another rate, then 409 naming what differs, and nothing is decided', () => {
    ledger
      .given(postedAt150)
      .when(post(te1, { overrides: { hourlyRate: '150' }, asked: { postedDate: '2026-11-01', overrides: { te1: { hourlyRate: '160' } } } }))
      .then(
        conflict('posted-with-other-choices').withMessage(
          'item te1 is already posted with postedDate 2026-10-31, not 2026-11-01; hourlyRate 150, not 160; unpost it to post it with other choices',
        ),
      );
  });

  it.each<[string, PostItems['asked']]>([
    ['the same date and rate (a retry)', { postedDate: '2026-10-31', overrides: { te1: { hourlyRate: '150' } } }],
    ['the same rate, no date (today’s is not a choice)', { overrides: { te1: { hourlyRate: '150.00' } } }],
    ['no choices at all', { overrides: {} }],
  ])('given te1 posted, when a request asks %s, then nothing is decided (200 with the posting)', (_name, asked) => {
    ledger
      .given(postedAt150)
      .when(post(te1, { overrides: { hourlyRate: '150' }, asked }))
      .then([]);
  });

  it('given te1 posted, when a request asks for no overrides explicitly, then 409: the posting has a rate', () => {
    ledger
      .given(postedAt150)
      .when(post(te1, { overrides: { hourlyRate: '150' }, asked: { overrides: { te1: {} } } }))
      .then(conflict('posted-with-other-choices').withMessage(/hourlyRate 150, not none/));
  });

  it('given a purchase posted on 2026-10-31, when a request asks for another date or an override, then 409', () => {
    const posted = ledger.given([]).when(post(b1)).events();
    ledger
      .given(posted)
      .when(post(b1, { asked: { postedDate: '2026-11-01', overrides: {} } }))
      .then(conflict('posted-with-other-choices').withMessage(/postedDate 2026-10-31, not 2026-11-01/));
    ledger
      .given(posted)
      .when(post(b1, { asked: { overrides: { b1: { amount: '900' } } } }))
      .then(conflict('posted-with-other-choices').withMessage(/amount none, not 900/));
  });

  it('given te1 posted before v2 (its overrides unrecorded), then the overrides it posts with, its approval’s, stand for them', () => {
    const v1 = postedAt150.map((e) => upcast<ItemPosted>({ type: e.type, data: stripV2((e as ItemPosted).data), schemaVersion: 1 }));
    expect(v1[0].data).toMatchObject({ overrides: null, routingOverride: null });
    ledger
      .given(v1)
      .when(post(te1, { overrides: { hourlyRate: '150' }, asked: { overrides: { te1: { hourlyRate: '160' } } } }))
      .then(conflict('posted-with-other-choices').withMessage(/hourlyRate 150, not 160/));
    ledger
      .given(v1)
      .when(post(te1, { overrides: { hourlyRate: '150' }, asked: { overrides: { te1: { hourlyRate: '150' } } } }))
      .then([]);
  });

  it('given te1 approved on 2026-10-31 at $150 and not posted, when a request asks for other choices, then 409 approved-with-other-choices', () => {
    ledger
      .given([])
      .when(post(te1, { overrides: { hourlyRate: '150' }, asked: { postedDate: '2026-11-01', overrides: {} } }))
      .then(
        conflict('approved-with-other-choices').withMessage(
          'item te1 is approved with postedDate 2026-10-31, not 2026-11-01 and waits to post with them; release it (POST /api/approve-and-post/release) to post it with other choices',
        ),
      );
    // the request's own choices for an item not approved before are what it posts with: nothing differs
    expect(
      ledger
        .given([])
        .when(post(te1, { overrides: { hourlyRate: '150' }, asked: { postedDate: '2026-10-31', overrides: { te1: { hourlyRate: '150' } } } }))
        .events(),
    ).toHaveLength(1);
  });

  it('given no request choices (the preview), then nothing is compared', () => {
    ledger.given(postedAt150).when(post(te1)).then([]);
  });
});

describe('ledger: an entry re-routed by the approver (billing-rules §4.4)', () => {
  const reroute: RoutingOverride = { routedContractId: 'blk', routing: ['rec', 'blk'], contractId: 'tm', reason: 'agreed as T&M' };

  it('given te1 routed to the block, re-routed to T&M, then it is rated on T&M and the posting records the routing it had, the override and why', () => {
    const [event] = ledger
      .given([])
      .when(post(te1, { source: source({ routingOverride: reroute }), overrides: { contractId: 'tm', reason: 'agreed as T&M' } }))
      .events();
    expect(event.data).toMatchObject({
      contractId: 'tm',
      rate: '95', // T&M's rate for engineers, not the block
      amount: '190.00', // 2 h × $95
      draws: [],
      approvedBy: 'fin-1',
      overrides: { contractId: 'tm', reason: 'agreed as T&M' },
      routingOverride: reroute,
    });
  });

  it('given an item that is not routed (a purchase), then a contractId for it is refused (422 override-not-allowed)', () => {
    ledger
      .given([])
      .when(post(b1, { overrides: { contractId: 'tm', reason: 'x' } }))
      .then(rule('override-not-allowed'));
  });
});

describe('ItemPosted v2 and ItemApproved v2', () => {
  it('reads a v1 approval as v2 unchanged: its overrides never re-routed', () => {
    expect(currentSchemaVersion('ItemApproved')).toBe(2);
    const v1 = { itemId: 'te1', ledgerAccountId: 'acme', postedDate: '2026-10-31', overrides: { hourlyRate: '150' }, approvedBy: 'fin-1' };
    expect(upcast({ type: 'ItemApproved', data: v1, schemaVersion: 1 }).data).toEqual(v1);
  });

  it('reads a v1 posting as v2: its overrides unknown (null), not re-routed (null)', () => {
    expect(currentSchemaVersion('ItemPosted')).toBe(2);
    const v1 = stripV2((postedAt150[0] as ItemPosted).data);
    expect(upcast({ type: 'ItemPosted', data: v1, schemaVersion: 1 }).data).toEqual({ ...v1, overrides: null, routingOverride: null });
  });
});

function stripV2(data: ItemPosted['data']): Record<string, unknown> {
  const { overrides: _overrides, routingOverride: _routingOverride, ...v1 } = data;
  return v1;
}
