import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CommandMeta } from '../../auth/command-meta.decorator';
import { ApiPageResponse, pageBounds, type PageAnswer } from '../../http/paging';
import type { CommandMetadata } from '../../infrastructure/stream-decisions';
import { PreviewApproveAndPostQuery, type PendingItemPreview } from './preview-approve-and-post.query';
import { PreviewApproveAndPostRequest } from './preview-approve-and-post.request.dto';

@ApiTags('approve and post')
@ApiBearerAuth()
@Controller('api/approve-and-post')
export class PreviewApproveAndPostHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({
    summary:
      'Pending items with a preview of how each will rate: rate, hours to bill, amount, covered or overage, contract and balance drawn; a page at a time, by item date, then id, each page rated as one posting of that page. ' +
      '`rerouteItemId` and `rerouteContractId` show one time entry re-routed (billing-rules §4.4) before posting it with that `contractId` override; a re-routing that would be refused shows as the item’s `error`',
  })
  @ApiPageResponse('A page of pending items with their previews')
  preview(@Query() query: PreviewApproveAndPostRequest, @CommandMeta() metadata: CommandMetadata): Promise<PageAnswer<PendingItemPreview>> {
    const filter = { accountId: query.accountId, contractId: query.contractId, itemType: query.type, from: query.from, to: query.to };
    const reroute = query.rerouteItemId === undefined ? null : { itemId: query.rerouteItemId, contractId: query.rerouteContractId || null };
    return this.queries.execute(new PreviewApproveAndPostQuery(filter, metadata.occurredAt.slice(0, 10), metadata.actor, pageBounds(query), reroute));
  }
}
