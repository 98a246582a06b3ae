import { Controller, Get, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CommandMeta } from '../../auth/command-meta.decorator';
import { ApiPageResponse, pageBounds } from '../../http/paging';
import type { CommandMetadata } from '../../infrastructure/stream-decisions';
import { GetUnbilledDashboardQuery, type UnbilledDashboardJson } from './get-unbilled-dashboard.query';
import { UnbilledDashboardRequest } from './unbilled-dashboard.request.dto';

@ApiTags('read models')
@ApiBearerAuth()
@Controller('api/dashboard/unbilled')
export class UnbilledDashboardHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({ summary: 'Every item not yet invoiced, by stage, with amount, age, age bucket and stuck flag; totals by account, contract and stage' })
  @ApiPageResponse('A page of unbilled items, by item date; the totals cover every item the filter selects', {
    totals: { type: 'object', description: '{ byAccount, byContract, byStage }, each key to { count, amount }' },
  })
  async dashboard(@Query() query: UnbilledDashboardRequest, @CommandMeta() metadata: CommandMetadata, @Res() response: Response): Promise<void> {
    const { accountId, contractId, type, workTypeId, resourceId, from, to, stage } = query;
    const page = await this.queries.execute<GetUnbilledDashboardQuery, UnbilledDashboardJson>(
      new GetUnbilledDashboardQuery({
        accountId,
        contractId,
        type,
        workTypeId,
        resourceId,
        from,
        to,
        stage,
        asOf: query.asOf ?? metadata.occurredAt.slice(0, 10),
        ...pageBounds(query),
      }),
    );
    response.type('application/json').send(page.json);
  }
}
