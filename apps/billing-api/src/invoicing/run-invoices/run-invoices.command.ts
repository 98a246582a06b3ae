import type { InvoiceRunCompletedData, InvoiceRunRequest } from '@billing/domain';
import type { CommandMetadata } from '../../infrastructure/stream-decisions';

/** An invoice run (billing-rules §10): invoice the items to invoice, one invoice per bill-to account and PO. */
export class RunInvoicesCommand {
  constructor(
    readonly runId: string,
    readonly request: InvoiceRunRequest,
    readonly metadata: CommandMetadata,
  ) {}
}

export interface RunInvoicesResult {
  id: string;
  /** The run's invoices, by number (their views come from the read models, once they show them). */
  invoices: InvoiceRunCompletedData['invoices'];
  /** Whether this request started the run (else it was sent before: a retry, or the same run again). */
  started: boolean;
  position: bigint;
}
