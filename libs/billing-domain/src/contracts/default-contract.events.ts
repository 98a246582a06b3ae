import type { DomainEvent } from '../shared/decider';

/**
 * One stream per account holds the claim on its default contract, so that two requests creating a
 * default contract for one account at once cannot both succeed: each claims here first, with the
 * expected revision, and only then creates its contract.
 */
export const defaultContractStream = (accountId: string) => `defaultContract-${accountId}`;

export type DefaultContractClaimed = DomainEvent<
  'DefaultContractClaimed',
  { accountId: string; contractId: string; replacedContractId: string | null; claimedAt: string }
>;
export type DefaultContractEvent = DefaultContractClaimed;

export type DefaultContractState = { holder: null } | { holder: { contractId: string; claimedAt: string } };

export const initialDefaultContractState = (): DefaultContractState => ({ holder: null });

export function evolveDefaultContract(_state: DefaultContractState, event: DefaultContractEvent): DefaultContractState {
  switch (event.type) {
    case 'DefaultContractClaimed':
      return { holder: { contractId: event.data.contractId, claimedAt: event.data.claimedAt } };
    default: {
      const unknown: never = event.type;
      return unknown;
    }
  }
}
