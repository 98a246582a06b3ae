import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { BillingItemView } from '@billing/projections';
import { CommandMeta } from '../../auth/command-meta.decorator';
import { CommandAnswers } from '../../http/command-answers';
import type { CommandMetadata } from '../../infrastructure/stream-decisions';
import { UnpostItemCommand, type UnpostItemResult } from './unpost-item.command';
import { UnpostItemRequest } from './unpost-item.request.dto';

@ApiTags('approve and post')
@ApiBearerAuth()
@Controller('api/billing-items')
export class UnpostItemHttpController {
  constructor(private readonly answers: CommandAnswers) {}

  @Post(':id/unpost')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Unpost a billing item not on a live invoice (both parts of a split go together); its source returns to pending with every draw given back',
  })
  async unpost(@Param('id') id: string, @Body() body: UnpostItemRequest, @CommandMeta() metadata: CommandMetadata): Promise<{ unposted: BillingItemView[] }> {
    const { unposted } = await this.answers.afterProcess<UnpostItemResult>(new UnpostItemCommand(id, body.reason, metadata));
    return { unposted };
  }
}
