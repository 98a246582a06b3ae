import type { SourceType } from '../ledger/ledger.events';
import type { Decider } from '../shared/decider';
import { Conflict } from '../shared/domain-errors';
import { evolveItemIdClaim, initialItemIdClaimState, type ItemIdClaimedData, type ItemIdClaimEvent, type ItemIdClaimState } from './item-id-claim.events';

export interface ClaimItemId {
  type: 'ClaimItemId';
  claim: ItemIdClaimedData;
}
export type ItemIdClaimCommand = ClaimItemId;

const KIND: Record<SourceType, string> = {
  TIME_ENTRY: 'a time entry',
  CHARGE: 'a charge',
  EXPENSE: 'an expense',
  BLOCK_PURCHASE: 'a block purchase',
  RETAINER_PURCHASE: 'a retainer purchase',
  TICKET_PURCHASE: 'a ticket purchase',
  TICKET: 'a completed ticket',
};

function decideItemIdClaim(command: ItemIdClaimCommand, state: ItemIdClaimState): ItemIdClaimEvent[] {
  switch (command.type) {
    case 'ClaimItemId': {
      const { claim } = command;
      if (state.status === 'free') return [{ type: 'ItemIdClaimed', data: claim }];
      if (state.claim.sourceType === claim.sourceType && state.claim.streamId === claim.streamId) return [];
      throw new Conflict(
        'item-id-taken',
        `id ${claim.itemId} already names ${KIND[state.claim.sourceType]} (${state.claim.streamId}); an item id names one item across time entries, charges, expenses, purchases and tickets`,
      );
    }
    default: {
      const unknown: never = command.type;
      throw new Error(`unknown command ${String(unknown)}`);
    }
  }
}

export const itemIdClaimDecider: Decider<ItemIdClaimCommand, ItemIdClaimEvent, ItemIdClaimState> = {
  decide: decideItemIdClaim,
  evolve: evolveItemIdClaim,
  initialState: initialItemIdClaimState,
};
