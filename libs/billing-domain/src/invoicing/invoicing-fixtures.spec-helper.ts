/** Shared test data for the invoicing specs (not a spec itself): posted billing items with plain defaults. */
import type { BillingItemData, ItemPosted } from '../ledger/ledger.events';
import { postedItem } from '../testing/fixtures';

export { postedItem };

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
