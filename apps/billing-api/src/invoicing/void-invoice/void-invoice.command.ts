import type { InvoiceView } from '@billing/projections';
import type { CommandMetadata } from '../../infrastructure/stream-decisions';

/** Void an invoice (billing-rules §10): its items go back to be invoiced, or with `unpost` back to Approve & Post. */
export class VoidInvoiceCommand {
  constructor(
    readonly invoiceId: string,
    readonly reason: string,
    readonly unpost: boolean,
    readonly metadata: CommandMetadata,
  ) {}
}

export interface VoidInvoiceResult {
  invoice: InvoiceView;
  position: bigint;
}
