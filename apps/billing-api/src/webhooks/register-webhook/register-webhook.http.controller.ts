import { Body, Controller, Headers, HttpCode, Post, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CommandMeta } from '../../auth/command-meta.decorator';
import { CommandAnswers } from '../../http/command-answers';
import { IDEMPOTENCY_HEADER, resolveCreateId } from '../../http/ids';
import type { CommandResult } from '../../infrastructure/command-result';
import type { CommandMetadata } from '../../infrastructure/stream-decisions';
import { newWebhookSecret } from '../delivery/webhook-secrets';
import type { WebhookAnswer } from '../get-webhooks/get-webhooks.handler';
import { GetWebhookQuery } from '../get-webhooks/get-webhooks.query';
import { RegisterWebhookCommand } from './register-webhook.command';
import { RegisterWebhookRequest } from './register-webhook.request.dto';

@ApiTags('webhooks')
@ApiBearerAuth()
@Controller('api/webhooks')
export class RegisterWebhookHttpController {
  constructor(
    private readonly answers: CommandAnswers,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({
    summary:
      'Register an endpoint that receives the events of the given types (or * for all) after this registration, signed with its secret (docs/webhooks.md). A secret the server makes is in this answer only (`secret`); the same request again answers 200 without it',
  })
  async register(
    @Body() body: RegisterWebhookRequest,
    @Headers(IDEMPOTENCY_HEADER) idempotencyKey: string | undefined,
    @CommandMeta() metadata: CommandMetadata,
    @Res({ passthrough: true }) response: Response,
  ): Promise<WebhookAnswer & { secret: string | null }> {
    const id = resolveCreateId('webhooks', body.id, idempotencyKey);
    const secret = body.secret ?? newWebhookSecret();
    const generated = body.secret === undefined;
    const result = await this.answers.afterProcess<CommandResult>(new RegisterWebhookCommand(id, body.url, body.types, secret, generated, metadata));
    if (!result.wrote) response.status(200);
    const webhook = await this.queries.execute<GetWebhookQuery, WebhookAnswer>(new GetWebhookQuery(id));
    // A secret the server made is shown this once; one the client gave is not sent back.
    return { ...webhook, secret: result.wrote && generated ? secret : null };
  }
}
