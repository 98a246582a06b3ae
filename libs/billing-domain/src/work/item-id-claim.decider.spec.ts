import { conflict, deciderSpec, rule } from '../testing/decider-spec';
import { itemIdClaimDecider } from './item-id-claim.decider';
import type { ItemIdClaimEvent } from './item-id-claim.events';

const claims = deciderSpec(itemIdClaimDecider);

describe('item id claims', () => {
  const claim = { itemId: 'Q4', sourceType: 'BLOCK_PURCHASE' as const, streamId: 'contract-blkA' };
  const claimed: ItemIdClaimEvent = { type: 'ItemIdClaimed', data: claim };

  it('the first create claims the id; the same item again decides nothing', () => {
    claims.given([]).when({ type: 'ClaimItemId', claim }).then([claimed]);
    claims.given([claimed]).when({ type: 'ClaimItemId', claim }).then([]);
  });

  it('another contract’s purchase, or another kind of item, with the same id is refused', () => {
    claims
      .given([claimed])
      .when({ type: 'ClaimItemId', claim: { ...claim, streamId: 'contract-blkB' } })
      .then(conflict('item-id-taken'));
    claims
      .given([claimed])
      .when({ type: 'ClaimItemId', claim: { itemId: 'Q4', sourceType: 'TIME_ENTRY', streamId: 'timeEntry-Q4' } })
      .then(conflict('item-id-taken').withMessage(/already names a block purchase/));
  });

  it('an id of the form the ledger derives is refused to every other kind of item', () => {
    claims
      .given([])
      .when({ type: 'ClaimItemId', claim: { itemId: 'svc:rec:desk:2026-01-01', sourceType: 'TIME_ENTRY', streamId: 'timeEntry-svc:rec:desk:2026-01-01' } })
      .then(rule('item-id-reserved'));
    claims
      .given([])
      .when({ type: 'ClaimItemId', claim: { itemId: 'setup:rec', sourceType: 'BLOCK_PURCHASE', streamId: 'contract-rec' } })
      .then(rule('item-id-reserved'));
    claims
      .given([])
      .when({ type: 'ClaimItemId', claim: { itemId: 'ticket:T-1', sourceType: 'TICKET', streamId: 'ticket-T-1' } })
      .then([{ type: 'ItemIdClaimed', data: { itemId: 'ticket:T-1', sourceType: 'TICKET', streamId: 'ticket-T-1' } }]);
  });
});
