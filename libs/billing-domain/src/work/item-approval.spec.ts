import type { Decider, DomainEvent } from '../shared/decider';
import { deciderSpec, notFound, rule } from '../testing/decider-spec';
import { approvalSpent, decideApproval, withApproval, type Approval, type ItemApprovedData } from './item-approval';

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

describe('withApproval (the approval half of an editable item’s decider)', () => {
  // The smallest editable item: a note, written once.
  type NoteWritten = DomainEvent<'NoteWritten', { noteId: string; text: string }>;
  type NoteState = { status: 'none' } | { status: 'written'; text: string; approval: Approval };
  const note: Decider<{ type: 'WriteNote'; noteId: string; text: string }, NoteWritten, NoteState> = {
    initialState: () => ({ status: 'none' }),
    decide: (command) => [{ type: 'NoteWritten', data: { noteId: command.noteId, text: command.text } }],
    evolve: (_state, event) => ({ status: 'written', text: event.data.text, approval: { status: 'pending' } }),
  };
  const notes = deciderSpec(withApproval('note', note));
  const written: NoteWritten = { type: 'NoteWritten', data: { noteId: 'n1', text: 'hello' } };
  const approval: ItemApprovedData = { itemId: 'n1', ledgerAccountId: 'acme', postedDate: '2026-11-20', overrides: { amount: '10' }, approvedBy: 'k' };
  const release = { itemId: 'n1', reason: 'unposted', billingItemIds: ['bi-n1-1'] };

  it('given nothing, then it starts from the item’s own initial state, and the item’s own commands go to the item', () => {
    expect(notes.given([]).state()).toEqual({ status: 'none' });
    notes.given([]).when({ type: 'WriteNote', noteId: 'n1', text: 'hello' }).then([written]);
  });

  it('given no item, then approving or releasing it is 404 naming the item', () => {
    notes.given([]).when({ type: 'ApproveItem', approval }).then(notFound('note', 'n1'));
    notes.given([]).when({ type: 'ReleaseItem', release }).then(notFound('note', 'n1'));
  });

  it('given the item, then approving it folds the approval into its state, beside what the item holds', () => {
    const approving = notes.given([written]).when({ type: 'ApproveItem', approval });
    approving.then([{ type: 'ItemApproved', data: approval }]);
    expect(approving.stateAfter()).toEqual({ status: 'written', text: 'hello', approval: { status: 'approved', approval } });
  });

  it('given the item approved, then releasing it makes it pending again', () => {
    const releasing = notes.given([written, { type: 'ItemApproved', data: approval }]).when({ type: 'ReleaseItem', release });
    releasing.then([{ type: 'ItemReleased', data: release }]);
    expect(releasing.stateAfter()).toEqual({ status: 'written', text: 'hello', approval: { status: 'pending' } });
  });

  it('given the item, then a re-routing approved without a reason is refused (422 reason-required), with one it is approved', () => {
    const rerouted = (reason?: string): ItemApprovedData => ({ ...approval, overrides: { contractId: 'tm', ...(reason !== undefined && { reason }) } });
    notes.given([written]).when({ type: 'ApproveItem', approval: rerouted() }).then(rule('reason-required'));
    notes
      .given([written])
      .when({ type: 'ApproveItem', approval: rerouted('  ') })
      .then(rule('reason-required'));
    notes
      .given([written])
      .when({ type: 'ApproveItem', approval: { ...approval, overrides: { contractId: null } } })
      .then(rule('reason-required'));
    notes
      .given([written])
      .when({ type: 'ApproveItem', approval: rerouted('agreed as T&M') })
      .then([{ type: 'ItemApproved', data: rerouted('agreed as T&M') }]);
  });

  it('given approval events before the item exists, then there is nothing to fold them into', () => {
    expect(notes.given([{ type: 'ItemApproved', data: approval }]).state()).toEqual({ status: 'none' });
  });
});
