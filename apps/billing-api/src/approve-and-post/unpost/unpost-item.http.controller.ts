import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { BillingItemView } from '@billing/projections';
import { CommandMeta } from '../../auth/command-meta.decorator';
import { Roles } from '../../auth/roles.decorator';
import { ReadYourWrites } from '../../infrastructure/read-your-writes';
import type { CommandMetadata } from '../../infrastructure/stream-decisions';
import { UnpostItemCommand, type UnpostItemResult } from './unpost-item.command';
import { UnpostItemRequest } from './unpost-item.request.dto';

@ApiTags('approve and post')
@ApiBearerAuth()
@Controller('api/billing-items')
export class UnpostItemHttpController {
  constructor(
    private readonly commands: CommandBus,
    private readonly readYourWrites: ReadYourWrites,
  ) {}

  @Post(':id/unpost')
  @HttpCode(200)
  @Roles('finance')
  @ApiOperation({
    summary: 'Unpost a billing item not on a live invoice (both parts of a split go together); its source returns to pending with every draw given back',
  })
  async unpost(@Param('id') id: string, @Body() body: UnpostItemRequest, @CommandMeta() metadata: CommandMetadata): Promise<{ unposted: BillingItemView[] }> {
    const result = await this.commands.execute<UnpostItemCommand, UnpostItemResult>(new UnpostItemCommand(id, body.reason, metadata));
    await this.readYourWrites.waitFor(result.position);
    return { unposted: result.unposted };
  }
}
