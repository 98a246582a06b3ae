import type { SourceType } from '../ledger/ledger.events';
import type { DomainEvent } from '../shared/decider';

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
export type ItemIdClaimEvent = ItemIdClaimed;
export type ItemIdClaimState = { status: 'free' } | { status: 'claimed'; claim: ItemIdClaimedData };

export const itemIdClaimStream = (itemId: string) => `itemId-${itemId}`;

export const initialItemIdClaimState = (): ItemIdClaimState => ({ status: 'free' });

export function evolveItemIdClaim(_state: ItemIdClaimState, event: ItemIdClaimEvent): ItemIdClaimState {
  switch (event.type) {
    case 'ItemIdClaimed':
      return { status: 'claimed', claim: event.data };
    default: {
      const unknown: never = event.type;
      return unknown;
    }
  }
}
