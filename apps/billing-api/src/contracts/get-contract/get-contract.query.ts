import type { ContractFilters } from '@billing/projections';

export class GetContractQuery {
  constructor(readonly contractId: string) {}
}

export class ListContractsQuery {
  constructor(readonly filters: ContractFilters) {}
}

/** One purchase of a contract, as a purchase POST answers it. */
export class GetContractPurchaseQuery {
  constructor(
    readonly contractId: string,
    readonly purchaseId: string,
  ) {}
}

/** One milestone of a contract, as a milestone POST answers it. */
export class GetContractMilestoneQuery {
  constructor(
    readonly contractId: string,
    readonly milestoneId: string,
  ) {}
}

/** One service of a contract, as a service POST answers it. */
export class GetContractServiceQuery {
  constructor(
    readonly contractId: string,
    readonly serviceId: string,
  ) {}
}
