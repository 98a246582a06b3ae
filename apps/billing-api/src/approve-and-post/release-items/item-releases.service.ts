import { Injectable } from '@nestjs/common';
import { chargeDecider, chargeStream, expenseDecider, expenseStream, timeEntryDecider, timeEntryStream, type ReleaseItem, type SourceType } from '@billing/domain';
import { StreamDecisions, type CommandMetadata } from '../../infrastructure/stream-decisions';

/**
 * `ItemReleased` on an editable item's own stream: it is pending and editable again. Used after an
 * unpost, to finish an unpost that stopped halfway, and by finance to release an approval that
 * should not be posted as it is. Purchases and tickets have no approval to release.
 */
@Injectable()
export class ItemReleases {
  constructor(private readonly streams: StreamDecisions) {}

  /** The position of the release, or 0n when there was nothing to release. */
  async release(ref: { itemId: string; sourceType: SourceType }, reason: string, billingItemIds: string[], metadata: CommandMetadata): Promise<bigint> {
    const command: ReleaseItem = { type: 'ReleaseItem', release: { itemId: ref.itemId, reason, billingItemIds } };
    const meta = { ...metadata, reason };
    switch (ref.sourceType) {
      case 'TIME_ENTRY':
        return (await this.streams.decide(timeEntryStream(ref.itemId), timeEntryDecider, command, meta)).position;
      case 'CHARGE':
        return (await this.streams.decide(chargeStream(ref.itemId), chargeDecider, command, meta)).position;
      case 'EXPENSE':
        return (await this.streams.decide(expenseStream(ref.itemId), expenseDecider, command, meta)).position;
      default:
        return 0n;
    }
  }
}
