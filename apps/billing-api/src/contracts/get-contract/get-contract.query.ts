import type { ContractFilters } from '@billing/projections';

export class GetContractQuery {
  constructor(readonly contractId: string) {}
}

export class ListContractsQuery {
  constructor(readonly filters: ContractFilters) {}
}
