import { Body, Controller, Headers, HttpCode, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { IDEMPOTENCY_HEADER, resolveCreateId } from '../../http/ids';
import { CommandAnswers } from '../../http/command-answers';
import type { CommandMetadata } from '../../infrastructure/stream-decisions';
import { newApiKey } from '../api-key-hash';
import { CommandMeta } from '../command-meta.decorator';
import type { CommandResult } from '../../infrastructure/command-result';
import { IssueApiKeyCommand } from './issue-api-key.command';
import { IssueApiKeyRequest } from './issue-api-key.request.dto';

@ApiTags('API keys')
@ApiBearerAuth()
@Controller('api/api-keys')
export class IssueApiKeyHttpController {
  constructor(private readonly answers: CommandAnswers) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Issue an API key with a role; the key is shown in this answer only' })
  async issue(
    @Body() body: IssueApiKeyRequest,
    @Headers(IDEMPOTENCY_HEADER) idempotencyKey: string | undefined,
    @CommandMeta() metadata: CommandMetadata,
    @Res({ passthrough: true }) response: Response,
  ) {
    const id = resolveCreateId('api-keys', body.id, idempotencyKey);
    const key = newApiKey();
    const resourceId = body.resourceId ?? null;
    const result = await this.answers.afterProcess<CommandResult>(new IssueApiKeyCommand(id, body.name, body.role, resourceId, key, false, metadata));
    if (!result.wrote) {
      // A retry: the key was shown once, when it was issued, and only its hash is kept.
      response.status(200);
      return { id, name: body.name, role: body.role, resourceId, key: null };
    }
    return { id, name: body.name, role: body.role, resourceId, key };
  }
}
