import { replay } from '../shared/decider';
import { Conflict } from '../shared/domain-errors';
import { itemIdClaimDecider } from './item-id-claim.decider';

describe('item id claims', () => {
  const claim = { itemId: 'Q4', sourceType: 'BLOCK_PURCHASE' as const, streamId: 'contract-blkA' };

  it('the first create claims the id; the same item again decides nothing', () => {
    const events = itemIdClaimDecider.decide({ type: 'ClaimItemId', claim }, itemIdClaimDecider.initialState);
    expect(events).toEqual([{ type: 'ItemIdClaimed', data: claim }]);
    expect(itemIdClaimDecider.decide({ type: 'ClaimItemId', claim }, replay(itemIdClaimDecider, events))).toEqual([]);
  });

  it('another contract’s purchase, or another kind of item, with the same id is refused', () => {
    const state = replay(itemIdClaimDecider, itemIdClaimDecider.decide({ type: 'ClaimItemId', claim }, itemIdClaimDecider.initialState));
    expect(() => itemIdClaimDecider.decide({ type: 'ClaimItemId', claim: { ...claim, streamId: 'contract-blkB' } }, state)).toThrow(Conflict);
    expect(() => itemIdClaimDecider.decide({ type: 'ClaimItemId', claim: { itemId: 'Q4', sourceType: 'TIME_ENTRY', streamId: 'timeEntry-Q4' } }, state)).toThrow(
      /already names a block purchase/,
    );
  });
});
