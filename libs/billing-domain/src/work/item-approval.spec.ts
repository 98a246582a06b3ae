import { approvalSpent, decideApproval, type ItemApprovedData } from './item-approval';

describe('item approval', () => {
  const approval: ItemApprovedData = { itemId: 'te1', ledgerAccountId: 'acme', postedDate: '2026-11-20', overrides: {}, approvedBy: 'k', postingsBefore: 2 };

  it('an approval is spent once the ledger has posted the item since, and it is not posted now', () => {
    expect(approvalSpent(approval, { postedNow: false, postingsEver: 2 })).toBe(false); // approved, never posted: a crash to finish
    expect(approvalSpent(approval, { postedNow: true, postingsEver: 3 })).toBe(false); // posted: nothing to do
    expect(approvalSpent(approval, { postedNow: false, postingsEver: 3 })).toBe(true); // posted, then unposted without the release
    expect(approvalSpent({ ...approval, postingsBefore: undefined }, { postedNow: false, postingsEver: 0 })).toBe(false);
  });

  it('approving an approved item decides nothing; releasing a pending one too', () => {
    expect(decideApproval({ type: 'ApproveItem', approval }, { status: 'approved', approval })).toEqual([]);
    expect(decideApproval({ type: 'ReleaseItem', release: { itemId: 'te1', reason: 'x', billingItemIds: [] } }, { status: 'pending' })).toEqual([]);
  });
});
