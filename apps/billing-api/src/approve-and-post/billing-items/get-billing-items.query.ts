export class GetBillingItemQuery {
  constructor(readonly billingItemId: string) {}
}

export class ListBillingItemsQuery {
  constructor(readonly filter: { accountId?: string; contractId?: string; invoiced?: boolean }) {}
}
