import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { BillingItemView } from '@billing/projections';
import { ApiPageResponse, pageBounds, type PageAnswer } from '../../http/paging';
import { GetBillingItemQuery, ListBillingItemsQuery } from './get-billing-items.query';
import { ListBillingItemsRequest } from './list-billing-items.request.dto';

@ApiTags('approve and post')
@ApiBearerAuth()
@Controller('api/billing-items')
export class GetBillingItemsHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({ summary: 'Posted billing items; a page at a time, by item date, then id' })
  @ApiPageResponse('A page of posted billing items (each as GET /api/billing-items/{id} answers it)')
  list(@Query() query: ListBillingItemsRequest): Promise<PageAnswer<BillingItemView>> {
    const invoiced = query.invoiced === undefined ? undefined : query.invoiced === 'true';
    return this.queries.execute(new ListBillingItemsQuery({ accountId: query.accountId, contractId: query.contractId, invoiced }, pageBounds(query)));
  }

  @Get(':id')
  @ApiOperation({ summary: 'One billing item (posted or unposted)' })
  get(@Param('id') id: string): Promise<BillingItemView> {
    return this.queries.execute(new GetBillingItemQuery(id));
  }
}
