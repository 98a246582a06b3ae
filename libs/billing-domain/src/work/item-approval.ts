import { Conflict, NotFound } from '../shared/domain-errors';
import type { DomainEvent } from '../shared/decider';

/**
 * The approval half of Approve & Post, shared by every editable source item (time entries,
 * charges, expenses): `ItemApproved` locks the item against edits and records the approver's
 * decisions; `ItemReleased` (after an unpost) makes it pending and editable again.
 */
export interface ItemOverrides {
  hoursToBill?: string;
  hourlyRate?: string;
  amount?: string;
}

export interface ItemApprovedData {
  itemId: string;
  /** The bill-to account whose ledger the item posts to. */
  ledgerAccountId: string;
  postedDate: string;
  overrides: ItemOverrides;
  approvedBy: string;
  /**
   * How many billing items the ledger had ever posted for this item when it was approved. A
   * ledger that has posted more since has used this approval: if the item is not posted now, an
   * unpost stopped before releasing it, and the approval is spent. Absent: 0.
   */
  postingsBefore?: number;
}

/** True when the approval led to a posting that was later unposted (see `postingsBefore`). */
export function approvalSpent(approval: ItemApprovedData, ledger: { postedNow: boolean; postingsEver: number }): boolean {
  return !ledger.postedNow && ledger.postingsEver > (approval.postingsBefore ?? 0);
}

export interface ItemReleasedData {
  itemId: string;
  reason: string;
  billingItemIds: string[];
}

export type ItemApproved = DomainEvent<'ItemApproved', ItemApprovedData>;
export type ItemReleased = DomainEvent<'ItemReleased', ItemReleasedData>;
export type ApprovalEvent = ItemApproved | ItemReleased;

export type Approval = { status: 'pending' } | { status: 'approved'; approval: ItemApprovedData };

export interface ApproveItem {
  type: 'ApproveItem';
  approval: ItemApprovedData;
}

export interface ReleaseItem {
  type: 'ReleaseItem';
  release: ItemReleasedData;
}

export type ApprovalCommand = ApproveItem | ReleaseItem;

/** Approving an approved item again decides nothing: its first approval stands (a retry, or finishing a crash). */
export function decideApproval(command: ApprovalCommand, approval: Approval): ApprovalEvent[] {
  switch (command.type) {
    case 'ApproveItem':
      return approval.status === 'approved' ? [] : [{ type: 'ItemApproved', data: command.approval }];
    case 'ReleaseItem':
      return approval.status === 'approved' ? [{ type: 'ItemReleased', data: command.release }] : [];
    default: {
      const unknown: never = command;
      throw new Error(`unknown command ${JSON.stringify(unknown)}`);
    }
  }
}

export function evolveApproval(event: ApprovalEvent): Approval {
  return event.type === 'ItemApproved' ? { status: 'approved', approval: event.data } : { status: 'pending' };
}

/** An item's stream state once the item exists: its approval beside whatever else it holds. */
interface WithApproval {
  approval: Approval;
}

/** The approval commands of an item stream: refused while the item does not exist (`exists` false). */
export function decideItemApproval(kind: string, item: WithApproval | undefined, command: ApprovalCommand): ApprovalEvent[] {
  if (!item) throw new NotFound(kind, command.type === 'ApproveItem' ? command.approval.itemId : command.release.itemId);
  return decideApproval(command, item.approval);
}

/** Folds an approval event into an item's state; before the item exists there is nothing to fold into. */
export function evolveItemApproval<State extends { status: string }>(state: State, event: ApprovalEvent): State {
  return 'approval' in state ? { ...state, approval: evolveApproval(event) } : state;
}

export function assertEditable(itemType: string, itemId: string, approval: Approval): void {
  if (approval.status === 'approved') throw new Conflict(`${itemType} ${itemId} is approved for posting and can no longer be changed; unpost it first`, 'item-locked');
}
