import type { InvoiceFilter, PageBounds } from '@billing/projections';

export class GetInvoiceQuery {
  constructor(readonly invoiceId: string) {}
}

export class ListInvoicesQuery {
  constructor(
    readonly filter: InvoiceFilter,
    readonly page: PageBounds,
  ) {}
}
