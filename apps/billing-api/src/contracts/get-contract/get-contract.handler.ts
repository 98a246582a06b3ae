import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type Database from 'better-sqlite3';
import { NotFound } from '@billing/domain';
import {
  findContract,
  listContracts,
  type ContractMilestoneView,
  type ContractPurchaseView,
  type ContractServiceView,
  type ContractView,
} from '@billing/projections';
import { READ_MODEL_DB } from '../../infrastructure/read-model-db.token';
import { GetContractMilestoneQuery, GetContractPurchaseQuery, GetContractQuery, GetContractServiceQuery, ListContractsQuery } from './get-contract.query';

export type ContractPurchaseAnswer = { contractId: string } & ContractPurchaseView;
export type ContractServiceAnswer = { contractId: string } & ContractServiceView;
export type ContractMilestoneAnswer = { contractId: string } & ContractMilestoneView;

function existing(db: Database.Database, contractId: string): ContractView {
  const contract = findContract(db, contractId);
  if (!contract) throw new NotFound('contract', contractId);
  return contract;
}

@QueryHandler(GetContractQuery)
export class GetContractHandler implements IQueryHandler<GetContractQuery, ContractView> {
  constructor(@Inject(READ_MODEL_DB) private readonly db: Database.Database) {}

  async execute({ contractId }: GetContractQuery): Promise<ContractView> {
    return existing(this.db, contractId);
  }
}

@QueryHandler(ListContractsQuery)
export class ListContractsHandler implements IQueryHandler<ListContractsQuery, ContractView[]> {
  constructor(@Inject(READ_MODEL_DB) private readonly db: Database.Database) {}

  async execute({ filters }: ListContractsQuery): Promise<ContractView[]> {
    return listContracts(this.db, filters);
  }
}

@QueryHandler(GetContractPurchaseQuery)
export class GetContractPurchaseHandler implements IQueryHandler<GetContractPurchaseQuery, ContractPurchaseAnswer> {
  constructor(@Inject(READ_MODEL_DB) private readonly db: Database.Database) {}

  async execute({ contractId, purchaseId }: GetContractPurchaseQuery): Promise<ContractPurchaseAnswer> {
    const purchase = existing(this.db, contractId).purchases.find((p) => p.id === purchaseId);
    if (!purchase) throw new NotFound('purchase', purchaseId);
    return { contractId, ...purchase };
  }
}

@QueryHandler(GetContractServiceQuery)
export class GetContractServiceHandler implements IQueryHandler<GetContractServiceQuery, ContractServiceAnswer> {
  constructor(@Inject(READ_MODEL_DB) private readonly db: Database.Database) {}

  async execute({ contractId, serviceId }: GetContractServiceQuery): Promise<ContractServiceAnswer> {
    const service = existing(this.db, contractId).services.find((s) => s.id === serviceId);
    if (!service) throw new NotFound('service', serviceId);
    return { contractId, ...service };
  }
}

@QueryHandler(GetContractMilestoneQuery)
export class GetContractMilestoneHandler implements IQueryHandler<GetContractMilestoneQuery, ContractMilestoneAnswer> {
  constructor(@Inject(READ_MODEL_DB) private readonly db: Database.Database) {}

  async execute({ contractId, milestoneId }: GetContractMilestoneQuery): Promise<ContractMilestoneAnswer> {
    const milestone = existing(this.db, contractId).milestones.find((m) => m.id === milestoneId);
    if (!milestone) throw new NotFound('milestone', milestoneId);
    return { contractId, ...milestone };
  }
}
