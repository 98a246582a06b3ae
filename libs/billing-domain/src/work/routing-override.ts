import type { AccountState } from '../accounts/account.events';
import { RuleViolation } from '../shared/domain-errors';
import type { ItemOverrides } from './item-approval';
import { checkNamedContract, type NamedContract } from './named-contract';

/** A time entry as routing left it when it was logged or last revised (billing-rules §4). */
export interface RoutedEntry {
  timeEntryId: string;
  accountId: string;
  dateWorked: string;
  /** Where routing ended, or null: no contract. */
  contractId: string | null;
  /** Every contract routing tried, in order. */
  routing: string[];
}

/** An entry the approver re-routed at Approve & Post (billing-rules §4.4), as its posting records it. */
export interface RoutingOverride {
  /** Where routing had put the entry, and the path it took there. */
  routedContractId: string | null;
  routing: string[];
  /** Where the approver put it: null, no contract. */
  contractId: string | null;
  reason: string;
}

/**
 * billing-rules §4.4: the approver may rate an entry on another contract of its account (or of its
 * parent, as a technician may name one) that is active and whose dates cover the date worked, or
 * on none (`null`). Unknown contract: 404; otherwise the refusals of a named contract (422
 * `contract-of-another-account`, `date-outside-contract`, `contract-inactive`).
 */
export function checkRoutingOverride(entry: RoutedEntry, contractId: string | null, account: AccountState, contract: NamedContract | undefined): void {
  checkNamedContract({ kind: 'time entry', id: entry.timeEntryId, accountId: entry.accountId, contractId, date: entry.dateWorked }, account, contract);
}

/** What the posting of an entry records of its re-routing, or null when the approver kept the routing. */
export function routingOverrideOf(entry: RoutedEntry, overrides: ItemOverrides | undefined): RoutingOverride | null {
  if (overrides?.contractId === undefined) return null;
  return { routedContractId: entry.contractId, routing: entry.routing, contractId: overrides.contractId, reason: overrides.reason ?? '' };
}

/** Only a time entry is routed, so only a time entry is re-routed: a charge or an expense names its contract itself. */
export function refuseRoutingOverride(kind: string, itemId: string, overrides: ItemOverrides | undefined): void {
  if (overrides?.contractId !== undefined)
    throw new RuleViolation('override-not-allowed', `only a time entry can be re-routed; ${kind} ${itemId} is not routed`);
}
