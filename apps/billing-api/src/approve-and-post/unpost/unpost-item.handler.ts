import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type Database from 'better-sqlite3';
import { ledgerDecider, ledgerStream, NotFound } from '@billing/domain';
import { billingItemView, findBillingItem } from '@billing/projections';
import { READ_MODEL_DB } from '../../infrastructure/read-model-db.token';
import { ReadYourWrites } from '../../infrastructure/read-your-writes';
import { StreamDecisions } from '../../infrastructure/stream-decisions';
import { ItemApprovals } from '../item-approvals';
import { UnpostItemCommand, type UnpostItemResult } from './unpost-item.command';

/**
 * Unpost, the mirror of posting, in two single-stream steps: `ItemUnposted` on the ledger gives
 * back everything the posting drew, then `ItemReleased` on the source's stream makes it pending and
 * editable again. After a crash between the two, a retried unpost or the item's next Approve &
 * Post finishes the release.
 */
@CommandHandler(UnpostItemCommand)
export class UnpostItemHandler implements ICommandHandler<UnpostItemCommand, UnpostItemResult> {
  constructor(
    private readonly streams: StreamDecisions,
    private readonly readYourWrites: ReadYourWrites,
    private readonly approvals: ItemApprovals,
    @Inject(READ_MODEL_DB) private readonly db: Database.Database,
  ) {}

  async execute({ billingItemId, reason, metadata }: UnpostItemCommand): Promise<UnpostItemResult> {
    await this.readYourWrites.waitForHead();
    // The billing-items read model says which ledger holds the item; the ledger decides.
    const known = findBillingItem(this.db, billingItemId);
    if (!known) throw new NotFound('billing item', billingItemId);
    const decision = await this.streams.decide(
      ledgerStream(known.billToAccountId),
      ledgerDecider,
      { type: 'UnpostItem', billingItemId, reason },
      { ...metadata, reason },
      { cache: true },
    );
    const ledgerItem = decision.state.items.get(billingItemId)!;
    const [unposted] = decision.events;
    const partIds: string[] = unposted?.type === 'ItemUnposted' ? unposted.data.billingItemIds : [billingItemId];
    let position = decision.position;

    const { sourceItemId, sourceType } = ledgerItem.data;
    if (!decision.state.postedBySource.has(sourceItemId)) {
      const released = await this.approvals.release({ itemId: sourceItemId, sourceType }, reason, partIds, metadata);
      if (released > position) position = released;
    }
    return {
      unposted: partIds.map((id) => {
        const item = decision.state.items.get(id)!;
        return billingItemView(item.data, item.invoiceId, item.status);
      }),
      position,
    };
  }
}
