import { Body, Controller, Delete, HttpCode, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CommandMeta } from '../../auth/command-meta.decorator';
import { CommandAnswers } from '../../http/command-answers';
import type { CommandMetadata } from '../../infrastructure/stream-decisions';
import type { WebhookAnswer } from '../get-webhooks/get-webhooks.handler';
import { GetWebhookQuery } from '../get-webhooks/get-webhooks.query';
import { RemoveWebhookCommand } from './remove-webhook.command';
import { RemoveWebhookRequest } from './remove-webhook.request.dto';

@ApiTags('webhooks')
@ApiBearerAuth()
@Controller('api/webhooks')
export class RemoveWebhookHttpController {
  constructor(private readonly answers: CommandAnswers) {}

  @Delete(':id')
  @HttpCode(200)
  @ApiOperation({ summary: 'Remove a webhook, with an optional reason: nothing more is delivered to it, and its id is not used again' })
  remove(@Param('id') id: string, @Body() body: RemoveWebhookRequest, @CommandMeta() metadata: CommandMetadata): Promise<WebhookAnswer> {
    return this.answers.afterChange(new RemoveWebhookCommand(id, body.reason ?? null, metadata), new GetWebhookQuery(id));
  }
}
