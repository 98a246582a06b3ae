import type { Decider, DomainEvent } from '../shared/decider';
import { Conflict, NotFound, RuleViolation } from '../shared/domain-errors';

/**
 * The approval half of Approve & Post, shared by every editable source item (time entries,
 * charges, expenses): `ItemApproved` locks the item against edits and records the approver's
 * decisions; `ItemReleased` (after an unpost) makes it pending and editable again.
 */
export interface ItemOverrides {
  hoursToBill?: string;
  hourlyRate?: string;
  amount?: string;
  /** A time entry re-routed by the approver (billing-rules §4.4): the contract it is rated on, null for none. */
  contractId?: string | null;
  /** Why the entry was re-routed: given with `contractId`, and only with it. */
  reason?: string;
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
    case 'ApproveItem': {
      if (approval.status === 'approved') return [];
      const { overrides, itemId } = command.approval;
      if (overrides.contractId !== undefined && !overrides.reason?.trim())
        throw new RuleViolation('reason-required', `re-routing item ${itemId} needs a reason`);
      return [{ type: 'ItemApproved', data: command.approval }];
    }
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

export function assertEditable(itemType: string, itemId: string, approval: Approval): void {
  if (approval.status === 'approved')
    throw new Conflict('item-locked', `${itemType} ${itemId} is approved for posting and can no longer be changed; unpost it first`);
}

const isApprovalCommand = (command: { type: string }): command is ApprovalCommand => command.type === 'ApproveItem' || command.type === 'ReleaseItem';
const isApprovalEvent = (event: { type: string }): event is ApprovalEvent => event.type === 'ItemApproved' || event.type === 'ItemReleased';
/** An item's stream state once the item exists holds its approval beside whatever else. */
const approvalIn = (state: object): Approval | undefined => ('approval' in state ? (state.approval as Approval) : undefined);

/**
 * An editable item's decider: its own commands and events, and the approval commands and events
 * of Approve & Post. Approval commands are refused (404) while the item does not exist; approval
 * events fold into the state's `approval`.
 */
export function withApproval<Command extends { type: string }, Event extends DomainEvent, State extends object>(
  noun: string,
  item: Decider<Command, Event, State>,
): Decider<Command | ApprovalCommand, Event | ApprovalEvent, State> {
  return {
    initialState: item.initialState,
    decide(command, state) {
      if (!isApprovalCommand(command)) return item.decide(command, state);
      const approval = approvalIn(state);
      if (!approval) throw new NotFound(noun, command.type === 'ApproveItem' ? command.approval.itemId : command.release.itemId);
      return decideApproval(command, approval);
    },
    evolve(state, event) {
      if (!isApprovalEvent(event)) return item.evolve(state, event);
      return approvalIn(state) ? { ...state, approval: evolveApproval(event) } : state;
    },
  };
}
