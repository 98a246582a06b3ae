import { Controller, Get, Inject, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type Database from 'better-sqlite3';
import { queryUnbilledDashboard } from '@billing/projections';
import { CommandMeta } from '../../auth/caller';
import { READERS, Roles } from '../../auth/roles.decorator';
import { BillingLookups } from '../../infrastructure/billing-lookups';
import { READ_MODEL_DB } from '../../infrastructure/read-models.module';
import type { CommandMetadata } from '../../infrastructure/stream-decisions';
import { UnbilledDashboardRequest } from './unbilled-dashboard.request.dto';

@ApiTags('read models')
@ApiBearerAuth()
@Controller('api/dashboard/unbilled')
export class UnbilledDashboardHttpController {
  constructor(
    @Inject(READ_MODEL_DB) private readonly db: Database.Database,
    private readonly lookups: BillingLookups,
  ) {}

  @Get()
  @Roles(...READERS)
  @ApiOperation({ summary: 'Every item not yet invoiced, by stage, with amount, age, age bucket and stuck flag; totals by account, contract and stage' })
  async dashboard(@Query() query: UnbilledDashboardRequest, @CommandMeta() metadata: CommandMetadata, @Res() response: Response): Promise<void> {
    const { stuckAfterDays } = await this.lookups.settings();
    const limit = query.limit ?? 100;
    const offset = query.offset ?? 0;
    const result = queryUnbilledDashboard(this.db, {
      accountId: query.accountId,
      contractId: query.contractId,
      type: query.type,
      workTypeId: query.workTypeId,
      resourceId: query.resourceId,
      from: query.from,
      to: query.to,
      stage: query.stage,
      asOf: query.asOf ?? metadata.occurredAt.slice(0, 10),
      stuckAfterDays,
      limit,
      offset,
    });
    // { items: DashboardItem[], total, limit, offset, totals }; the items arrive as JSON text already.
    response
      .type('application/json')
      .send(`{"items":${result.itemsJson},"total":${result.total},"limit":${limit},"offset":${offset},"totals":${result.totalsJson}}`);
  }
}
