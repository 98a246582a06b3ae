import { Body, Controller, Delete, HttpCode, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CommandAnswers } from '../../http/command-answers';
import type { CommandMetadata } from '../../infrastructure/stream-decisions';
import { CommandMeta } from '../command-meta.decorator';
import type { ApiKeyListEntry } from '../list-api-keys/list-api-keys.handler';
import { GetApiKeyQuery } from '../list-api-keys/list-api-keys.query';
import { RevokeApiKeyCommand } from './revoke-api-key.command';
import { RevokeApiKeyRequest } from './revoke-api-key.request.dto';

@ApiTags('API keys')
@ApiBearerAuth()
@Controller('api/api-keys')
export class RevokeApiKeyHttpController {
  constructor(private readonly answers: CommandAnswers) {}

  @Delete(':id')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Revoke a key, with a reason: it stops working at once (on another instance as soon as its read models have the revocation); the last working finance key cannot be revoked (422)',
  })
  revoke(@Param('id') id: string, @Body() body: RevokeApiKeyRequest, @CommandMeta() metadata: CommandMetadata): Promise<ApiKeyListEntry> {
    return this.answers.afterChange(new RevokeApiKeyCommand(id, body.reason, metadata), new GetApiKeyQuery(id));
  }
}
