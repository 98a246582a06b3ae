import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { ItemHistory } from './get-item-history.handler';
import { GetItemHistoryQuery } from './get-item-history.query';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('api/audit/items')
export class GetItemHistoryHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':itemId/history')
  @ApiOperation({
    summary:
      'Every event about one billable item, in global order: logged, revised, approved (overrides and what they replaced), posted (rate, where it came from, ' +
      'balances drawn, overage), invoiced, issued, voided, unposted, released; each with who, when, why and the event as published',
  })
  @ApiParam({ name: 'itemId', description: 'The source item id (te-1, ch-2, a purchase id, svc:…); a billing item id (bi-te-1-1) names its source item' })
  history(@Param('itemId') itemId: string): Promise<ItemHistory> {
    return this.queries.execute(new GetItemHistoryQuery(itemId));
  }
}
