import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { WebhookAnswer } from './get-webhooks.handler';
import { GetWebhookQuery, ListWebhooksQuery } from './get-webhooks.query';

@ApiTags('webhooks')
@ApiBearerAuth()
@Controller('api/webhooks')
export class GetWebhooksHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({ summary: 'Every webhook (removed ones last): URL, types, status, and its delivery progress on this instance; never its secret' })
  list(): Promise<WebhookAnswer[]> {
    return this.queries.execute(new ListWebhooksQuery());
  }

  @Get(':id')
  @ApiOperation({ summary: 'One webhook: URL, types, status (active, paused and why, removed), and its delivery progress on this instance' })
  get(@Param('id') id: string): Promise<WebhookAnswer> {
    return this.queries.execute(new GetWebhookQuery(id));
  }
}
