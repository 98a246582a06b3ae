import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type Database from 'better-sqlite3';
import { ledgerDecider, ledgerStream, NotFound } from '@billing/domain';
import { findInvoice, invoiceViewOf } from '@billing/projections';
import { ItemApprovals } from '../../approve-and-post/item-approvals';
import { READ_MODEL_DB } from '../../infrastructure/read-model-db.token';
import { ReadYourWrites } from '../../infrastructure/read-your-writes';
import { StreamDecisions } from '../../infrastructure/stream-decisions';
import { VoidInvoiceCommand, type VoidInvoiceResult } from './void-invoice.command';

/**
 * Void, in the order of an unpost: `InvoiceVoided` on the invoice's ledger (with `unpost`, the
 * `ItemUnposted` of each of its items in the same append, as an unpost decides them), then
 * `ItemReleased` on each unposted item's own stream. A release a crash left undone is finished by
 * a retried unpost of the item or by its next Approve & Post, as after any unpost.
 */
@CommandHandler(VoidInvoiceCommand)
export class VoidInvoiceHandler implements ICommandHandler<VoidInvoiceCommand, VoidInvoiceResult> {
  constructor(
    private readonly streams: StreamDecisions,
    private readonly readYourWrites: ReadYourWrites,
    private readonly approvals: ItemApprovals,
    @Inject(READ_MODEL_DB) private readonly db: Database.Database,
  ) {}

  async execute({ invoiceId, reason, unpost, metadata }: VoidInvoiceCommand): Promise<VoidInvoiceResult> {
    await this.readYourWrites.waitForHead();
    // The invoices read model says which ledger holds the invoice; the ledger decides.
    const known = findInvoice(this.db, invoiceId);
    if (!known) throw new NotFound('invoice', invoiceId);
    const decision = await this.streams.decide(
      ledgerStream(known.billToAccountId),
      ledgerDecider,
      { type: 'VoidInvoice', invoiceId, reason, voidedBy: metadata.actor, voidedAt: metadata.occurredAt, unpost },
      { ...metadata, reason },
      { cache: true },
    );
    let position = decision.position;
    for (const event of decision.events) {
      if (event.type !== 'ItemUnposted') continue;
      const { sourceItemId, sourceType, billingItemIds } = event.data;
      const released = await this.approvals.release({ itemId: sourceItemId, sourceType }, reason, billingItemIds, metadata);
      if (released > position) position = released;
    }
    return { invoice: invoiceViewOf(decision.state.invoices.get(invoiceId)!), position };
  }
}
