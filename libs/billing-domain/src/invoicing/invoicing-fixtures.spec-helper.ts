/** Shared test data for the invoicing specs (not a spec itself): posted billing items with plain defaults. */
import type { BillingItemData, ItemPosted } from '../ledger/ledger.events';

/** A charge of 1 × $10.00 for `acme`, billed to `acme` without a PO, dated 2026-11-02. */
export const postedItem = (overrides: Partial<BillingItemData> = {}): BillingItemData => ({
  billingItemId: 'bi-ch-1-1',
  postingId: 'p-1',
  sourceItemId: 'ch-1',
  sourceType: 'CHARGE',
  type: 'CHARGE',
  part: 'WHOLE',
  accountId: 'acme',
  billToAccountId: 'acme',
  contractId: null,
  purchaseOrderNumber: null,
  itemDate: '2026-11-02',
  postedDate: '2026-11-10',
  quantity: '1',
  rate: '10',
  amount: '10.00',
  tax: '0.00',
  cost: '0.00',
  covered: false,
  noCharge: false,
  taxCategoryId: null,
  draws: [],
  description: 'Charge',
  approvedBy: 'fin-1',
  overrides: {},
  routingOverride: null,
  ...overrides,
});

/** Labour of work type `workTypeId` a contract or balance paid for: posted at 0.00. */
export const coveredLabour = (id: string, workTypeId: string, overrides: Partial<BillingItemData> = {}): BillingItemData =>
  postedItem({
    billingItemId: `bi-${id}-1`,
    sourceItemId: id,
    sourceType: 'TIME_ENTRY',
    type: 'LABOR',
    quantity: '2',
    rate: '0',
    amount: '0.00',
    covered: true,
    labour: { roleId: 'engineer', workTypeId, hoursWorked: '2', hoursToBill: '2', rateSource: null },
    description: 'Remote support',
    ...overrides,
  });

export const posted = (data: BillingItemData): ItemPosted => ({ type: 'ItemPosted', data });
