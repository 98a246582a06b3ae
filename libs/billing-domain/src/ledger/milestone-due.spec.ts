import type { PendingMilestone } from '../rating/rating-inputs';
import { deciderSpec, rule } from '../testing/decider-spec';
import { ledgerDecider, type PostItems } from './ledger.decider';

/** Milestone m1 of Fixed Price contract fp: $5,000.00, due 2026-03-31, billing code in category `services`. */
const m1: PendingMilestone = { kind: 'MILESTONE', id: 'm1', contractId: 'fp', itemDate: '2026-03-31', amount: '5000', taxCategoryId: 'services' };

const post = (postedDate: string, pending: PendingMilestone = m1): PostItems => ({
  type: 'PostItems',
  postingId: 'p1',
  billToAccountId: 'acme',
  items: [
    {
      pending,
      source: { sourceType: 'MILESTONE', accountId: 'acme', purchaseOrderNumber: null, description: 'Milestone: Design', approvedBy: 'k1', postedDate },
    },
  ],
  catalog: { roles: [], workTypes: [], contracts: [{ id: 'fp', type: 'FIXED_PRICE' }] },
  settings: { roundUpMinutes: 0, multiplyOverage: false },
  overrides: {},
  billTo: { taxExempt: false, region: { id: 'ny', ratesByCategory: { services: [{ name: 'NY', rate: '0.08875', compound: false }] } } },
});

const ledger = deciderSpec(ledgerDecider);

describe('posting a milestone (billing-rules §7: billable once ready and due)', () => {
  it('on or after its due date it posts as MILESTONE: its amount, 1 × the amount, taxed by its category', () => {
    const [event] = ledger.given([]).when(post('2026-03-31')).events();
    // 5,000.00 × 0.08875 = 443.75
    expect(event.data).toMatchObject({
      billingItemId: 'bi-m1-1',
      sourceType: 'MILESTONE',
      type: 'MILESTONE',
      contractId: 'fp',
      itemDate: '2026-03-31',
      postedDate: '2026-03-31',
      quantity: '1',
      rate: '5000',
      amount: '5000.00',
      tax: '443.75',
      cost: '0.00',
      covered: false,
    });
  });

  it('before its due date it is refused (milestone-not-due), naming both dates', () => {
    ledger
      .given([])
      .when(post('2026-03-30'))
      .then(rule('milestone-not-due').withMessage(/due 2026-03-31; it cannot be posted on 2026-03-30/));
  });

  it('only on a Fixed Price contract (contract-type-mismatch)', () => {
    ledger
      .given([])
      .when({ ...post('2026-03-31'), catalog: { roles: [], workTypes: [], contracts: [{ id: 'fp', type: 'TIME_AND_MATERIALS' }] } })
      .then(rule('contract-type-mismatch'));
  });
});
