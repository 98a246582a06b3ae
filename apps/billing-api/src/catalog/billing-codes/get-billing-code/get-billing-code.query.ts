export class GetBillingCodeQuery {
  constructor(readonly billingCodeId: string) {}
}

export class ListBillingCodesQuery {}
