import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { BillingItemView } from '@billing/projections';
import { READERS, Roles } from '../../auth/roles.decorator';
import { GetBillingItemQuery, ListBillingItemsQuery } from './get-billing-items.query';
import { ListBillingItemsRequest } from './list-billing-items.request.dto';

@ApiTags('approve and post')
@ApiBearerAuth()
@Controller('api/billing-items')
export class GetBillingItemsHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Roles(...READERS)
  @ApiOperation({ summary: 'Posted billing items' })
  list(@Query() query: ListBillingItemsRequest): Promise<BillingItemView[]> {
    const invoiced = query.invoiced === undefined ? undefined : query.invoiced === 'true';
    return this.queries.execute(new ListBillingItemsQuery({ accountId: query.accountId, contractId: query.contractId, invoiced }));
  }

  @Get(':id')
  @Roles(...READERS)
  @ApiOperation({ summary: 'One billing item (posted or unposted)' })
  get(@Param('id') id: string): Promise<BillingItemView> {
    return this.queries.execute(new GetBillingItemQuery(id));
  }
}
