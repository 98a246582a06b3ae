export class GetAccountQuery {
  constructor(readonly accountId: string) {}
}

export class ListAccountsQuery {}
