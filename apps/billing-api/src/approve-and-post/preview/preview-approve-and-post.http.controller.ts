import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CommandMeta } from '../../auth/command-meta.decorator';
import { READERS, Roles } from '../../auth/roles.decorator';
import type { CommandMetadata } from '../../infrastructure/stream-decisions';
import { PreviewApproveAndPostQuery, type PendingItemPreview } from './preview-approve-and-post.query';
import { PreviewApproveAndPostRequest } from './preview-approve-and-post.request.dto';

@ApiTags('approve and post')
@ApiBearerAuth()
@Controller('api/approve-and-post')
export class PreviewApproveAndPostHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Roles(...READERS)
  @ApiOperation({ summary: 'Pending items with a preview of how each will rate: rate, hours to bill, amount, covered or overage, contract and balance drawn' })
  async preview(@Query() query: PreviewApproveAndPostRequest, @CommandMeta() metadata: CommandMetadata): Promise<{ items: PendingItemPreview[] }> {
    const filter = { accountId: query.accountId, contractId: query.contractId, itemType: query.type, from: query.from, to: query.to };
    const items = await this.queries.execute<PreviewApproveAndPostQuery, PendingItemPreview[]>(
      new PreviewApproveAndPostQuery(filter, metadata.occurredAt.slice(0, 10), metadata.actor),
    );
    return { items };
  }
}
