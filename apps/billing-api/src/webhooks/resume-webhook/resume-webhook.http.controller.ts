import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CommandMeta } from '../../auth/command-meta.decorator';
import { CommandAnswers } from '../../http/command-answers';
import type { CommandMetadata } from '../../infrastructure/stream-decisions';
import type { WebhookAnswer } from '../get-webhooks/get-webhooks.handler';
import { GetWebhookQuery } from '../get-webhooks/get-webhooks.query';
import { ResumeWebhookCommand } from './resume-webhook.command';

@ApiTags('webhooks')
@ApiBearerAuth()
@Controller('api/webhooks')
export class ResumeWebhookHttpController {
  constructor(private readonly answers: CommandAnswers) {}

  @Post(':id/resume')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Resume a paused webhook: delivery goes on from where it stopped, the failed delivery first, then every event since, in order (an active webhook: nothing changes; a removed one: 409)',
  })
  resume(@Param('id') id: string, @CommandMeta() metadata: CommandMetadata): Promise<WebhookAnswer> {
    return this.answers.afterChange(new ResumeWebhookCommand(id, metadata), new GetWebhookQuery(id));
  }
}
