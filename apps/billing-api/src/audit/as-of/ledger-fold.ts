import { evolveLedger, initialLedgerState, isOverage, type InvoiceGeneratedData, type LedgerEvent, type LedgerState } from '@billing/domain';
import type { RecordedEvent } from '@billing/event-store';
import { domainEvent } from '@billing/projections';

/** Of a posted item, what as-of answers need beside the ledger's state: where its `ItemPosted` is, and what it adds to a contract's overage. */
export interface PostedItemFacts {
  /** The revision of its `ItemPosted` on the ledger stream (the item's data is read from there). */
  revision: bigint;
  /** Its contract and amount when it is overage on that contract, else null. */
  overage: { contractId: string; amount: string } | null;
}

/** An invoice as generated, without its items and lines (an invoice of a month may hold thousands). */
export type InvoiceHeader = Omit<InvoiceGeneratedData, 'items' | 'lines'>;

export interface GeneratedInvoiceFacts {
  revision: bigint;
  header: InvoiceHeader;
  lineCount: number;
  itemCount: number;
}

/**
 * A ledger folded up to a point: the state `evolveLedger` makes (the same fold as the write
 * side's), and the facts its creating events carry that the answers read.
 */
export interface LedgerFold {
  state: LedgerState;
  /** The last event folded: its revision (-1n before the first), position (0n before the first), id and when it was recorded. */
  revision: bigint;
  position: bigint;
  eventId: string | null;
  recordedAt: string | null;
  items: Map<string, PostedItemFacts>;
  invoices: Map<string, GeneratedInvoiceFacts>;
}

export const emptyLedgerFold = (): LedgerFold => ({
  state: initialLedgerState(),
  revision: -1n,
  position: 0n,
  eventId: null,
  recordedAt: null,
  items: new Map(),
  invoices: new Map(),
});

/** Folds the next event of the ledger's stream into `fold` (in place, as `evolveLedger` does). */
export function foldLedgerEvent(fold: LedgerFold, recorded: RecordedEvent): LedgerFold {
  const event = domainEvent<LedgerEvent>(recorded);
  fold.state = evolveLedger(fold.state, event);
  if (event.type === 'ItemPosted') {
    const item = event.data;
    fold.items.set(item.billingItemId, {
      revision: recorded.revision,
      overage: item.contractId && isOverage(item) ? { contractId: item.contractId, amount: item.amount } : null,
    });
  } else if (event.type === 'InvoiceGenerated') {
    const { items, lines, ...header } = event.data;
    fold.invoices.set(header.invoiceId, { revision: recorded.revision, header, lineCount: lines.length, itemCount: items.length });
  }
  fold.revision = recorded.revision;
  fold.position = recorded.position;
  fold.eventId = recorded.id;
  fold.recordedAt = recorded.recordedAt;
  return fold;
}
