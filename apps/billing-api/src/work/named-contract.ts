import type { ContractState, NamedContract } from '@billing/domain';

export function namedContractOf(state: ContractState): NamedContract | undefined {
  if (state.status !== 'exists') return undefined;
  const { contractId, accountId, type, status, startDate, endDate } = state.terms;
  return { contractId, accountId, type, status, startDate, endDate };
}
