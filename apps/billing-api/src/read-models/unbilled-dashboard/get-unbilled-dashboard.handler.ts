import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type Database from 'better-sqlite3';
import { queryUnbilledDashboard } from '@billing/projections';
import { BillingLookups } from '../../infrastructure/billing-lookups';
import { READ_MODEL_DB } from '../../infrastructure/read-model-db.token';
import { GetUnbilledDashboardQuery, type UnbilledDashboardJson } from './get-unbilled-dashboard.query';

@QueryHandler(GetUnbilledDashboardQuery)
export class GetUnbilledDashboardHandler implements IQueryHandler<GetUnbilledDashboardQuery, UnbilledDashboardJson> {
  constructor(
    @Inject(READ_MODEL_DB) private readonly db: Database.Database,
    private readonly lookups: BillingLookups,
  ) {}

  async execute({ filter }: GetUnbilledDashboardQuery): Promise<UnbilledDashboardJson> {
    const { stuckAfterDays } = await this.lookups.settings();
    const result = queryUnbilledDashboard(this.db, { ...filter, stuckAfterDays });
    // The items and totals arrive as JSON text already: parsing them to write them again cost more than the query.
    return { json: `{"items":${result.itemsJson},"total":${result.total},"limit":${filter.limit},"offset":${filter.offset},"totals":${result.totalsJson}}` };
  }
}
