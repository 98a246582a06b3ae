import { NotFound, RuleViolation } from '../shared/domain-errors';
import { isoDateOf } from './rating-decimals';
import type { IsoDate, RoutingContract, RoutingContractLookup, TimeEntryToRoute } from './rating-inputs';

/** Why a contract on the path did or did not take the entry. */
export type RoutingOutcome = 'ACCEPTED' | 'INACTIVE' | 'OUTSIDE_DATES' | 'EXCLUDED_WORK_TYPE' | 'EXCLUDED_ROLE';

export interface RoutingStep {
  contractId: string;
  outcome: RoutingOutcome;
}

export interface RoutingResult {
  /** The contract that accepted the entry; null when the chain ended without one. */
  contractId: string | null;
  /** Every contract tried, in order, including the one that accepted. */
  path: string[];
  steps: RoutingStep[];
}

/** Whether a contract takes an entry (billing-rules §4.2, §4.3). */
export function routingOutcome(contract: RoutingContract, entry: { dateWorked: IsoDate; workTypeId: string; roleId: string }): RoutingOutcome {
  if (contract.status !== 'ACTIVE') return 'INACTIVE';
  if (entry.dateWorked < contract.startDate || entry.dateWorked > contract.endDate) return 'OUTSIDE_DATES';
  const set = contract.exclusionSet;
  if (contract.excludedWorkTypeIds.includes(entry.workTypeId) || (set?.workTypeIds.includes(entry.workTypeId) ?? false)) {
    return 'EXCLUDED_WORK_TYPE';
  }
  if (contract.excludedRoleIds.includes(entry.roleId) || (set?.roleIds.includes(entry.roleId) ?? false)) {
    return 'EXCLUDED_ROLE';
  }
  return 'ACCEPTED';
}

/**
 * Routes a time entry (billing-rules §4): the named contract, else the account's default, else
 * none; a contract that is inactive, out of its dates or excludes the work type or role passes the
 * entry to its exclusion contract, until one accepts it or the chain ends with no contract.
 */
export function routeTimeEntry(entry: TimeEntryToRoute, lookup: RoutingContractLookup): RoutingResult {
  isoDateOf(entry.dateWorked, 'dateWorked');
  const path: string[] = [];
  const steps: RoutingStep[] = [];
  let nextId = entry.contractId ?? entry.defaultContractId ?? null;
  while (nextId !== null) {
    if (path.includes(nextId)) {
      // Saving a contract refuses cycles (findExclusionCycle); this guards data saved before that rule.
      throw new RuleViolation('exclusion-cycle', `exclusion contracts form a cycle: ${[...path, nextId].join(' → ')}`);
    }
    const contract = lookup(nextId);
    if (contract === undefined) throw new NotFound('contract', nextId);
    path.push(contract.id);
    const outcome = routingOutcome(contract, entry);
    steps.push({ contractId: contract.id, outcome });
    if (outcome === 'ACCEPTED') return { contractId: contract.id, path, steps };
    nextId = contract.exclusionContractId ?? null;
  }
  return { contractId: null, path, steps };
}

/**
 * The cycle that saving `contractId → proposedExclusionContractId` would leave on the exclusion
 * path, as the ids walked with the first repeated at the end (`["a", "b", "a"]`; a contract
 * pointing at itself gives `["a", "a"]`); null when the path ends. A contract the lookup does not
 * know ends the path (that is a missing contract, not a cycle).
 */
export function findExclusionCycle(contractId: string, proposedExclusionContractId: string | null | undefined, lookup: RoutingContractLookup): string[] | null {
  const walked: string[] = [contractId];
  let nextId: string | null = proposedExclusionContractId ?? null;
  while (nextId !== null) {
    const seenAt = walked.indexOf(nextId);
    if (seenAt >= 0) return [...walked.slice(seenAt), nextId];
    walked.push(nextId);
    const contract = lookup(nextId);
    if (contract === undefined) return null;
    nextId = contract.exclusionContractId ?? null;
  }
  return null;
}
