import type { ExclusionSetSnapshot, RoutingContract } from '../rating/rating-inputs';
import type { ContractTerms } from './contract.events';

/**
 * What routing (billing-rules §4) needs of a contract's terms. Pass the exclusion set's current
 * work types and roles when the contract names one: a set changes every contract that uses it.
 */
export function toRoutingContract(terms: ContractTerms, exclusionSet?: ExclusionSetSnapshot | null): RoutingContract {
  return {
    id: terms.contractId,
    type: terms.type,
    status: terms.status,
    startDate: terms.startDate,
    endDate: terms.endDate,
    excludedWorkTypeIds: terms.excludedWorkTypeIds,
    excludedRoleIds: terms.excludedRoleIds,
    exclusionSet: exclusionSet ?? null,
    exclusionContractId: terms.exclusionContractId,
  };
}
