import type { BillingItemFilter, PageBounds } from '@billing/projections';

export class GetBillingItemQuery {
  constructor(readonly billingItemId: string) {}
}

export class ListBillingItemsQuery {
  constructor(
    readonly filter: BillingItemFilter,
    readonly page: PageBounds,
  ) {}
}
