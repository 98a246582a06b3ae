import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type Database from 'better-sqlite3';
import { NotFound } from '@billing/domain';
import { findTaxRegion, listTaxRegions, type TaxRegionView } from '@billing/projections';
import { READ_MODEL_DB } from '../../../infrastructure/read-model-db.token';
import { GetTaxRegionQuery, ListTaxRegionsQuery } from './get-tax-region.query';

@QueryHandler(GetTaxRegionQuery)
export class GetTaxRegionHandler implements IQueryHandler<GetTaxRegionQuery, TaxRegionView> {
  constructor(@Inject(READ_MODEL_DB) private readonly db: Database.Database) {}

  async execute({ taxRegionId }: GetTaxRegionQuery): Promise<TaxRegionView> {
    const region = findTaxRegion(this.db, taxRegionId);
    if (!region) throw new NotFound('tax region', taxRegionId);
    return region;
  }
}

@QueryHandler(ListTaxRegionsQuery)
export class ListTaxRegionsHandler implements IQueryHandler<ListTaxRegionsQuery, TaxRegionView[]> {
  constructor(@Inject(READ_MODEL_DB) private readonly db: Database.Database) {}

  async execute(): Promise<TaxRegionView[]> {
    return listTaxRegions(this.db);
  }
}
