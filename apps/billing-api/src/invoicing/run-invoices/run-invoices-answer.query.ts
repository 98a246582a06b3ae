import type { InvoiceRunCompletedData } from '@billing/domain';

/** The answer to an invoice run, `{ id, invoices }`, with each invoice as `GET /api/invoices/:id` shows it. */
export class RunInvoicesAnswerQuery {
  constructor(
    readonly runId: string,
    readonly invoices: InvoiceRunCompletedData['invoices'],
  ) {}
}
