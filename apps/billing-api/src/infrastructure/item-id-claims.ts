import { Injectable } from '@nestjs/common';
import { itemIdClaimDecider, itemIdClaimStream, type Decider, type DomainEvent, type SourceType } from '@billing/domain';
import { StreamDecisions, type CommandMetadata, type Decision } from './stream-decisions';

/**
 * Creates a source item under an id no other item has (see `itemIdClaimDecider`). The create is
 * first decided without writing, so a refused create claims nothing; a repeat of the same create
 * finds its own claim.
 */
@Injectable()
export class ItemIdClaims {
  constructor(private readonly streams: StreamDecisions) {}

  async create<Command, Event extends DomainEvent, State>(
    claim: { itemId: string; sourceType: SourceType },
    streamId: string,
    decider: Decider<Command, Event, State>,
    command: Command,
    metadata: CommandMetadata,
  ): Promise<Decision<Event, State>> {
    const loaded = await this.streams.load(streamId, decider);
    if (decider.decide(command, loaded.state).length > 0) {
      await this.streams.decide(itemIdClaimStream(claim.itemId), itemIdClaimDecider, { type: 'ClaimItemId', claim: { ...claim, streamId } }, metadata);
    }
    // Decided on the stream as read above; if it moved meanwhile, the expected revision makes it read again.
    return this.streams.decide(streamId, decider, command, metadata, { readJustNow: loaded });
  }
}
