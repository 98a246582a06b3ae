import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CommandAnswers } from '../../http/command-answers';
import type { CommandResult } from '../../infrastructure/command-result';
import type { CommandMetadata } from '../../infrastructure/stream-decisions';
import { newApiKey } from '../api-key-hash';
import { CommandMeta } from '../command-meta.decorator';
import { RotateApiKeyCommand } from './rotate-api-key.command';
import { RotateApiKeyRequest } from './rotate-api-key.request.dto';

@ApiTags('API keys')
@ApiBearerAuth()
@Controller('api/api-keys')
export class RotateApiKeyHttpController {
  constructor(private readonly answers: CommandAnswers) {}

  /** Not idempotent by design: each call makes a new key, and the one before it stops working. */
  @Post(':id/rotate')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Replace a key (the bootstrap key too) with a new one under the same id, name and role; the new key is shown in this answer only',
  })
  async rotate(@Param('id') id: string, @Body() body: RotateApiKeyRequest, @CommandMeta() metadata: CommandMetadata) {
    const key = newApiKey();
    await this.answers.afterProcess<CommandResult>(new RotateApiKeyCommand(id, key, body.reason, metadata));
    return { id, key };
  }
}
