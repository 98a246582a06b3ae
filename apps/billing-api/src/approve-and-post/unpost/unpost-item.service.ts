import { Inject, Injectable } from '@nestjs/common';
import type Database from 'better-sqlite3';
import { ledgerDecider, ledgerStream, NotFound } from '@billing/domain';
import { billingItemView, findBillingItem, type BillingItemView } from '@billing/projections';
import { READ_MODEL_DB, ReadYourWrites } from '../../infrastructure/read-models.module';
import { StreamDecisions, type CommandMetadata } from '../../infrastructure/stream-decisions';
import { ItemReleases } from '../release-items/item-releases.service';

/**
 * Unpost, the mirror of posting: `ItemUnposted` on the ledger gives back everything the posting
 * drew, then `ItemReleased` on the source's stream makes it pending and editable again. After a
 * crash between the two, a retried unpost or the item's next Approve & Post finishes the release.
 */
@Injectable()
export class UnpostItem {
  constructor(
    private readonly streams: StreamDecisions,
    private readonly readYourWrites: ReadYourWrites,
    private readonly releases: ItemReleases,
    @Inject(READ_MODEL_DB) private readonly db: Database.Database,
  ) {}

  async unpost(billingItemId: string, reason: string, metadata: CommandMetadata): Promise<{ unposted: BillingItemView[]; position: bigint }> {
    await this.readYourWrites.waitForHead();
    const known = findBillingItem(this.db, billingItemId);
    if (!known) throw new NotFound('billing item', billingItemId);
    const meta = { ...metadata, reason };
    const decision = await this.streams.decide(ledgerStream(known.billToAccountId), ledgerDecider, { type: 'UnpostItem', billingItemId, reason }, meta, { cache: true });
    const ledgerItem = decision.state.items.get(billingItemId)!;
    const [unposted] = decision.events;
    const partIds: string[] = unposted?.type === 'ItemUnposted' ? unposted.data.billingItemIds : [billingItemId];
    let position = decision.position;

    const { sourceItemId, sourceType } = ledgerItem.data;
    if (!decision.state.postedBySource.has(sourceItemId)) {
      const released = await this.releases.release({ itemId: sourceItemId, sourceType }, reason, partIds, metadata);
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
