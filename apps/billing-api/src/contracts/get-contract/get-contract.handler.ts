import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type Database from 'better-sqlite3';
import { NotFound } from '@billing/domain';
import { findContract, listContracts, type ContractView } from '@billing/projections';
import { READ_MODEL_DB } from '../../infrastructure/read-models.module';
import { GetContractQuery, ListContractsQuery } from './get-contract.query';

@QueryHandler(GetContractQuery)
export class GetContractHandler implements IQueryHandler<GetContractQuery, ContractView> {
  constructor(@Inject(READ_MODEL_DB) private readonly db: Database.Database) {}

  async execute({ contractId }: GetContractQuery): Promise<ContractView> {
    const contract = findContract(this.db, contractId);
    if (!contract) throw new NotFound('contract', contractId);
    return contract;
  }
}

@QueryHandler(ListContractsQuery)
export class ListContractsHandler implements IQueryHandler<ListContractsQuery, ContractView[]> {
  constructor(@Inject(READ_MODEL_DB) private readonly db: Database.Database) {}

  async execute({ filters }: ListContractsQuery): Promise<ContractView[]> {
    return listContracts(this.db, filters);
  }
}
