import type { Decider, DomainEvent } from '../shared/decider';
import { Conflict } from '../shared/domain-errors';
import type { SourceType } from '../ledger/ledger.decider';

/**
 * Approve & Post, the ledger and the read models know a source item by its id alone, so an id
 * names one item across every kind (time entries, charges, expenses, purchases of every contract,
 * completed tickets). Each create claims its id on a stream of its own, which refuses a second
 * owner without a race.
 */
export interface ItemIdClaimedData {
  itemId: string;
  sourceType: SourceType;
  /** The stream that holds the item. */
  streamId: string;
}

export type ItemIdClaimed = DomainEvent<'ItemIdClaimed', ItemIdClaimedData>;
export type ItemIdClaimState = { status: 'free' } | { status: 'claimed'; claim: ItemIdClaimedData };

export interface ClaimItemId {
  type: 'ClaimItemId';
  claim: ItemIdClaimedData;
}

export const itemIdClaimStream = (itemId: string) => `itemId-${itemId}`;

const KIND: Record<SourceType, string> = {
  TIME_ENTRY: 'a time entry',
  CHARGE: 'a charge',
  EXPENSE: 'an expense',
  BLOCK_PURCHASE: 'a block purchase',
  RETAINER_PURCHASE: 'a retainer purchase',
  TICKET_PURCHASE: 'a ticket purchase',
  TICKET: 'a completed ticket',
};

export const itemIdClaimDecider: Decider<ClaimItemId, ItemIdClaimed, ItemIdClaimState> = {
  initialState: { status: 'free' },
  decide({ claim }, state) {
    if (state.status === 'free') return [{ type: 'ItemIdClaimed', data: claim }];
    if (state.claim.sourceType === claim.sourceType && state.claim.streamId === claim.streamId) return [];
    throw new Conflict(
      `id ${claim.itemId} already names ${KIND[state.claim.sourceType]} (${state.claim.streamId}); an item id names one item across time entries, charges, expenses, purchases and tickets`,
      'item-id-taken',
    );
  },
  evolve(_state, event) {
    return { status: 'claimed', claim: event.data };
  },
};
