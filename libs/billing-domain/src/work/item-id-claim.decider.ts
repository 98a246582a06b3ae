import type { SourceType } from '../ledger/ledger.events';
import type { Decider } from '../shared/decider';
import { Conflict, RuleViolation } from '../shared/domain-errors';
import { reservedSourceTypeOf } from './derived-item-ids';
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
  SERVICE_PERIOD: 'a service period',
  SERVICE_ADJUSTMENT: 'a service adjustment',
  SETUP_FEE: 'a setup fee',
  MILESTONE: 'a milestone',
};

function decideItemIdClaim(command: ItemIdClaimCommand, state: ItemIdClaimState): ItemIdClaimEvent[] {
  switch (command.type) {
    case 'ClaimItemId': {
      const { claim } = command;
      const reservedFor = reservedSourceTypeOf(claim.itemId);
      if (reservedFor !== null && reservedFor !== claim.sourceType)
        throw new RuleViolation(
          'item-id-reserved',
          `id ${claim.itemId} has the form of the id the ledger makes for ${KIND[reservedFor]}; choose one that does not begin with ${claim.itemId.slice(0, claim.itemId.indexOf(':') + 1)}`,
        );
      if (state.status === 'free') return [{ type: 'ItemIdClaimed', data: claim }];
      if (state.claim.sourceType === claim.sourceType && state.claim.streamId === claim.streamId) return [];
      throw new Conflict(
        'item-id-taken',
        `id ${claim.itemId} already names ${KIND[state.claim.sourceType]} (${state.claim.streamId}); an item id names one item across time entries, charges, expenses, purchases, tickets and milestones`,
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
