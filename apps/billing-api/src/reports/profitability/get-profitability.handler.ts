import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type Database from 'better-sqlite3';
import { profitabilityReport, type ProfitabilityReport } from '@billing/projections';
import { READ_MODEL_DB } from '../../infrastructure/read-model-db.token';
import { GetProfitabilityQuery } from './get-profitability.query';

@QueryHandler(GetProfitabilityQuery)
export class GetProfitabilityHandler implements IQueryHandler<GetProfitabilityQuery, ProfitabilityReport> {
  constructor(@Inject(READ_MODEL_DB) private readonly db: Database.Database) {}

  async execute({ filter }: GetProfitabilityQuery): Promise<ProfitabilityReport> {
    return profitabilityReport(this.db, filter);
  }
}
