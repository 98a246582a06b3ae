import type { AccountState } from '../accounts/account.events';
import type { ContractState, ContractStatus, ContractType } from '../contracts/contract.events';
import { NotFound, RuleViolation } from '../shared/domain-errors';

/** What a charge, expense or ticket needs to know of the contract it names. */
export interface NamedContract {
  contractId: string;
  accountId: string;
  type: ContractType;
  status: ContractStatus;
  startDate: string;
  endDate: string;
}

export function namedContractOf(state: ContractState): NamedContract | undefined {
  if (state.status !== 'exists') return undefined;
  const { contractId, accountId, type, status, startDate, endDate } = state.terms;
  return { contractId, accountId, type, status, startDate, endDate };
}

/**
 * An item that names a contract must name one of its account (or of its parent) whose dates
 * cover the item's date: unlike a time entry, a charge or expense is not routed (billing-rules §8).
 */
export function checkNamedContract(
  item: { kind: string; id: string; accountId: string; contractId: string | null; date: string },
  account: AccountState,
  contract: NamedContract | undefined,
): void {
  if (account.status !== 'active') throw new NotFound('account', item.accountId);
  if (item.contractId === null) return;
  if (!contract) throw new NotFound('contract', item.contractId);
  if (contract.accountId !== item.accountId && contract.accountId !== account.terms.parentAccountId)
    throw new RuleViolation(
      'contract-of-another-account',
      `contract ${contract.contractId} belongs to account ${contract.accountId}, not to ${item.accountId}`,
    );
  if (item.date < contract.startDate || item.date > contract.endDate)
    throw new RuleViolation(
      'date-outside-contract',
      `${item.kind} ${item.id} is dated ${item.date}, outside contract ${contract.contractId} (${contract.startDate} to ${contract.endDate})`,
    );
  if (contract.status !== 'ACTIVE') throw new RuleViolation('contract-inactive', `contract ${contract.contractId} is not active`);
}
