import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CommandMeta } from '../../auth/command-meta.decorator';
import { CommandAnswers } from '../../http/command-answers';
import type { CommandMetadata } from '../../infrastructure/stream-decisions';
import { ReleaseItemsCommand, type ReleaseItemsResult } from './release-items.command';
import { ReleaseItemsRequest } from './release-items.request.dto';

@ApiTags('approve and post')
@ApiBearerAuth()
@Controller('api/approve-and-post/release')
export class ReleaseItemsHttpController {
  constructor(private readonly answers: CommandAnswers) {}

  @Post()
  @HttpCode(200)
  @ApiOperation({ summary: 'Release approved items that are not posted (e.g. approved with a wrong override before a crash): pending and editable again' })
  async release(@Body() body: ReleaseItemsRequest, @CommandMeta() metadata: CommandMetadata): Promise<{ released: string[] }> {
    const { released } = await this.answers.afterProcess<ReleaseItemsResult>(new ReleaseItemsCommand(body.itemIds, body.reason, metadata));
    return { released };
  }
}
