import { Injectable } from '@nestjs/common';
import { editableSource, isEditableSource, type ItemApprovedData, type SourceType } from '@billing/domain';
import { StreamDecisions, type CommandMetadata, type LoadedStream } from '../infrastructure/stream-decisions';

/**
 * The approval half of Approve & Post on an editable item's own stream (`EDITABLE_SOURCES` says
 * which stream and decider): `ItemApproved` locks the item, `ItemReleased` makes it pending and
 * editable again (after an unpost, to finish an unpost that stopped halfway, or when finance
 * releases an approval that should not post as it is). Purchases and tickets have no approval.
 */
@Injectable()
export class ItemApprovals {
  constructor(private readonly streams: StreamDecisions) {}

  /** The item's state once approved (as it was if already approved) and the position of the approval. */
  async approve(
    ref: { itemId: string; sourceType: SourceType },
    approval: ItemApprovedData,
    metadata: CommandMetadata,
    readJustNow?: LoadedStream<unknown>,
  ): Promise<{ position: bigint; state: unknown }> {
    if (!isEditableSource(ref.sourceType)) throw new Error(`${ref.sourceType} items are not approved on their own stream`);
    const source = editableSource(ref.sourceType);
    // A re-routing is the approver's decision about this item, with its reason.
    const reason = approval.overrides.reason;
    const withReason = reason === undefined ? metadata : { ...metadata, reason };
    return this.streams.decide(source.stream(ref.itemId), source.decider, { type: 'ApproveItem', approval }, withReason, { readJustNow });
  }

  /** The position of the release, or 0n when there was nothing to release. */
  async release(ref: { itemId: string; sourceType: SourceType }, reason: string, billingItemIds: string[], metadata: CommandMetadata): Promise<bigint> {
    if (!isEditableSource(ref.sourceType)) return 0n;
    const source = editableSource(ref.sourceType);
    const command = { type: 'ReleaseItem' as const, release: { itemId: ref.itemId, reason, billingItemIds } };
    return (await this.streams.decide(source.stream(ref.itemId), source.decider, command, { ...metadata, reason })).position;
  }
}
