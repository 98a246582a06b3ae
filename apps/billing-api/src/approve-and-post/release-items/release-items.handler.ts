import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Conflict, isEditableSource, ledgerDecider, ledgerStream, RuleViolation } from '@billing/domain';
import { ReadYourWrites } from '../../infrastructure/read-your-writes';
import { StreamDecisions } from '../../infrastructure/stream-decisions';
import { ItemApprovals } from '../item-approvals';
import { byLedger } from '../ledger-chunks';
import { PostingBatchBuilder } from '../posting-batch-builder';
import { ReleaseItemsCommand, type ReleaseItemsResult } from './release-items.command';

/**
 * Checks every item first (it exists, it has an approval of its own, its ledger has not posted it),
 * then releases the approved ones, each on its own stream.
 */
@CommandHandler(ReleaseItemsCommand)
export class ReleaseItemsHandler implements ICommandHandler<ReleaseItemsCommand, ReleaseItemsResult> {
  constructor(
    private readonly batches: PostingBatchBuilder,
    private readonly approvals: ItemApprovals,
    private readonly streams: StreamDecisions,
    private readonly readYourWrites: ReadYourWrites,
  ) {}

  async execute({ itemIds, reason, metadata }: ReleaseItemsCommand): Promise<ReleaseItemsResult> {
    await this.readYourWrites.waitForHead();
    const items = await this.batches.prepareAll(this.batches.resolve(itemIds));
    for (const item of items) {
      if (!isEditableSource(item.ref.sourceType))
        throw new RuleViolation(
          'not-approved-on-its-own',
          `${item.ref.sourceType.toLowerCase().replace('_', ' ')} ${item.pending.id} has no approval of its own to release`,
        );
    }
    for (const [billToAccountId, group] of byLedger(items)) {
      const posted = await this.streams.withStream(
        ledgerStream(billToAccountId),
        ledgerDecider,
        async ({ state }) => group.map((item) => ({ id: item.pending.id, as: state.postedBySource.get(item.pending.id) })).find((p) => p.as),
        { cache: true },
      );
      if (posted) throw new Conflict('item-posted', `item ${posted.id} is posted as ${posted.as!.join(', ')}; unpost it instead`);
    }
    const released: string[] = [];
    let position = 0n;
    for (const item of items) {
      if (item.approval?.status !== 'approved') continue;
      const at = await this.approvals.release(item.ref, reason, [], metadata);
      if (at > position) position = at;
      released.push(item.pending.id);
    }
    return { released, position };
  }
}
