import type { Decider } from '../shared/decider';
import { RuleViolation } from '../shared/domain-errors';
import { evolveDefaultContract, initialDefaultContractState, type DefaultContractEvent, type DefaultContractState } from './default-contract.events';

/**
 * The claim is replaced only when its holder can never again be an active default: its contract
 * exists and is not an active default (deactivating a default contract clears `isDefault` for
 * good), or its contract never appeared within `STALE_CLAIM_MS` of the claim (a create that
 * failed between its two appends).
 */
export const STALE_CLAIM_MS = 5 * 60 * 1000;

/** What the holder's contract stream says, loaded by the handler. */
export type DefaultHolderStatus = 'ACTIVE_DEFAULT' | 'NOT_DEFAULT' | 'MISSING';

export interface ClaimDefaultContract {
  type: 'ClaimDefaultContract';
  accountId: string;
  contractId: string;
  /** The command's business time. */
  claimedAt: string;
  /** The current holder's status; needed when another contract holds the claim. */
  holderStatus?: DefaultHolderStatus;
}
export type DefaultContractCommand = ClaimDefaultContract;

function decideDefaultContract(command: DefaultContractCommand, state: DefaultContractState): DefaultContractEvent[] {
  switch (command.type) {
    case 'ClaimDefaultContract': {
      const { accountId, contractId, claimedAt } = command;
      const holder = state.holder;
      if (holder?.contractId === contractId) return [];
      if (holder !== null) {
        switch (command.holderStatus) {
          case 'ACTIVE_DEFAULT':
            throw new RuleViolation('one-default-contract', `account ${accountId} already has an active default contract: ${holder.contractId}`);
          case 'MISSING':
            if (Date.parse(claimedAt) - Date.parse(holder.claimedAt) < STALE_CLAIM_MS)
              throw new RuleViolation(
                'one-default-contract',
                `contract ${holder.contractId} is being created as the default contract of account ${accountId}; try again later`,
              );
            break;
          case 'NOT_DEFAULT':
            break;
          case undefined:
            throw new Error(`the status of contract ${holder.contractId}, which holds the default claim, was not given`);
          default: {
            const unknown: never = command.holderStatus;
            throw new Error(`unknown holder status ${String(unknown)}`);
          }
        }
      }
      return [{ type: 'DefaultContractClaimed', data: { accountId, contractId, replacedContractId: holder?.contractId ?? null, claimedAt } }];
    }
    default: {
      const unknown: never = command.type;
      throw new Error(`unknown command ${String(unknown)}`);
    }
  }
}

export const defaultContractDecider: Decider<DefaultContractCommand, DefaultContractEvent, DefaultContractState> = {
  decide: decideDefaultContract,
  evolve: evolveDefaultContract,
  initialState: initialDefaultContractState,
};
