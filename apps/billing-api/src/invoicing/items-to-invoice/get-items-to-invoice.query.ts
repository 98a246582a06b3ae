export class GetItemsToInvoiceQuery {
  constructor(
    readonly through: string,
    readonly billToAccountId: string | undefined,
  ) {}
}
