import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiPageResponse, pageBounds, type PageAnswer } from '../../http/paging';
import type { DeliveryView } from '../delivery/delivery-log';
import { ListDeliveriesQuery } from './list-deliveries.query';
import { ListDeliveriesRequest } from './list-deliveries.request.dto';

@ApiTags('webhooks')
@ApiBearerAuth()
@Controller('api/webhooks')
export class ListDeliveriesHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':id/deliveries')
  @ApiOperation({
    summary:
      'A webhook’s deliveries on this instance, newest first: event, status (pending, retrying, paused, delivered), attempts, last answer (status code or error), next attempt',
  })
  @ApiPageResponse('A page of deliveries')
  list(@Param('id') id: string, @Query() query: ListDeliveriesRequest): Promise<PageAnswer<DeliveryView>> {
    return this.queries.execute(new ListDeliveriesQuery(id, query.status, pageBounds(query)));
  }
}
