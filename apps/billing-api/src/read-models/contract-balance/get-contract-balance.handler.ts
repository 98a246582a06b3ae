import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type Database from 'better-sqlite3';
import { NotFound } from '@billing/domain';
import { findContractBalance, type ContractBalance } from '@billing/projections';
import { READ_MODEL_DB } from '../../infrastructure/read-model-db.token';
import { GetContractBalanceQuery } from './get-contract-balance.query';

@QueryHandler(GetContractBalanceQuery)
export class GetContractBalanceHandler implements IQueryHandler<GetContractBalanceQuery, ContractBalance> {
  constructor(@Inject(READ_MODEL_DB) private readonly db: Database.Database) {}

  async execute({ contractId }: GetContractBalanceQuery): Promise<ContractBalance> {
    const balance = findContractBalance(this.db, contractId);
    if (!balance) throw new NotFound('contract', contractId);
    return balance;
  }
}
