import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { accountStream, ledgerStream, NotFound, type ItemPosted } from '@billing/domain';
import { EVENT_STORE, type EventStore, type RecordedEvent } from '@billing/event-store';
import { billingItemView, type BillingItemView, domainEvent, type InvoiceSummary } from '@billing/projections';
import { pageAnswer, type PageAnswer } from '../../http/paging';
import { asOfView, resolveAsOf, withinAsOf, type AsOf, type AsOfView } from '../as-of/as-of';
import type { LedgerFold } from '../as-of/ledger-fold';
import { LedgerReplays } from '../as-of/ledger-replays';
import { GetLedgerAsOfQuery } from './get-ledger-as-of.query';

/** A posted item as it stood: its billing item, its status and invoice then, and where its posting is in the store. */
export type LedgerItemAsOf = BillingItemView & { postedAt: { position: string; recordedAt: string } };

/** An invoice as it stood: generated (not numbered yet), issued or void; its lines are counted (GET /api/invoices/{id} has them: they never change). */
export type InvoiceAsOf = Omit<InvoiceSummary, 'status' | 'number'> & { status: 'GENERATED' | 'ISSUED' | 'VOID'; number: string | null; itemCount: number };

export interface LedgerAsOf extends PageAnswer<LedgerItemAsOf> {
  accountId: string;
  asOf: AsOfView;
  /** The position of the ledger's last event counted ("0": none yet). */
  lastPosition: string;
  counts: { posted: number; unposted: number };
  /** Every invoice generated on the ledger by then, in the order generated. */
  invoices: InvoiceAsOf[];
}

/** The events at these revisions of a stream, read in runs of consecutive revisions. */
async function eventsAt(store: EventStore, streamId: string, revisions: readonly bigint[]): Promise<Map<bigint, RecordedEvent>> {
  const found = new Map<bigint, RecordedEvent>();
  const sorted = [...new Set(revisions)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1n) j++;
    for await (const event of store.readStream(streamId, { fromRevision: sorted[i], maxCount: j - i + 1 })) found.set(event.revision, event);
    i = j + 1;
  }
  return found;
}

function invoicesOf(fold: LedgerFold): InvoiceAsOf[] {
  return [...fold.state.invoices].map(([invoiceId, invoice]) => {
    const { header, lineCount, itemCount } = fold.invoices.get(invoiceId)!;
    const { voided } = invoice;
    return {
      id: invoiceId,
      number: invoice.number,
      status: invoice.status,
      runId: header.runId,
      billToAccountId: header.billToAccountId,
      purchaseOrderNumber: header.purchaseOrderNumber,
      invoiceDate: header.invoiceDate,
      dueDate: header.dueDate,
      through: header.through,
      currency: header.currency,
      contractSubtotals: header.contractSubtotals,
      subtotal: header.subtotal,
      tax: header.tax,
      total: header.total,
      void: voided && { reason: voided.reason, voidedBy: voided.voidedBy, voidedAt: voided.voidedAt, unposted: voided.unpost },
      lineCount,
      itemCount,
    };
  });
}

/** A bill-to account's ledger replayed up to the point with the write side's `evolveLedger` (from a snapshot when one is near). */
@QueryHandler(GetLedgerAsOfQuery)
export class GetLedgerAsOfHandler implements IQueryHandler<GetLedgerAsOfQuery, LedgerAsOf> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly ledgers: LedgerReplays,
  ) {}

  async execute({ accountId, asOf: asked, page }: GetLedgerAsOfQuery): Promise<LedgerAsOf> {
    const asOf = resolveAsOf(asked, await this.store.headPosition(), new Date());
    const fold = await this.ledgers.asOf(accountId, asOf);
    if (fold.revision < 0n && !(await this.accountExisted(accountId, asOf))) throw new NotFound('account', accountId);
    const all = [...fold.state.items];
    const shown = all.slice(page.offset, page.offset + page.limit);
    const streamId = ledgerStream(accountId);
    const posted = await eventsAt(
      this.store,
      streamId,
      shown.map(([id]) => fold.items.get(id)!.revision),
    );
    const items = shown.map(([id, item]): LedgerItemAsOf => {
      const recorded = posted.get(fold.items.get(id)!.revision)!;
      const { data } = domainEvent<ItemPosted>(recorded);
      return { ...billingItemView(data, item.invoiceId, item.status), postedAt: { position: recorded.position.toString(), recordedAt: recorded.recordedAt } };
    });
    const unposted = all.filter(([, item]) => item.status === 'UNPOSTED').length;
    return {
      accountId,
      asOf: asOfView(asOf),
      lastPosition: fold.position.toString(),
      counts: { posted: all.length - unposted, unposted },
      invoices: invoicesOf(fold),
      ...pageAnswer(items, all.length, page),
    };
  }

  private async accountExisted(accountId: string, asOf: AsOf): Promise<boolean> {
    const within = withinAsOf(asOf);
    for await (const event of this.store.readStream(accountStream(accountId), { maxCount: 1 })) return within(event);
    return false;
  }
}
