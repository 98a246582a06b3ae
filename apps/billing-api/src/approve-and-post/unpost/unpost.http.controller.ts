import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { BillingItemView } from '@billing/projections';
import { CommandMeta } from '../../auth/caller';
import { Roles } from '../../auth/roles.decorator';
import { ReadYourWrites } from '../../infrastructure/read-models.module';
import type { CommandMetadata } from '../../infrastructure/stream-decisions';
import { UnpostItem } from './unpost-item.service';
import { UnpostRequest } from './unpost.request.dto';

@ApiTags('approve and post')
@ApiBearerAuth()
@Controller('api/billing-items')
export class UnpostHttpController {
  constructor(
    private readonly unpostItem: UnpostItem,
    private readonly readYourWrites: ReadYourWrites,
  ) {}

  @Post(':id/unpost')
  @HttpCode(200)
  @Roles('finance')
  @ApiOperation({ summary: 'Unpost a billing item not on a live invoice (both parts of a split go together); its source returns to pending with every draw given back' })
  async unpost(@Param('id') id: string, @Body() body: UnpostRequest, @CommandMeta() metadata: CommandMetadata): Promise<{ unposted: BillingItemView[] }> {
    const result = await this.unpostItem.unpost(id, body.reason, metadata);
    await this.readYourWrites.waitFor(result.position);
    return { unposted: result.unposted };
  }
}
