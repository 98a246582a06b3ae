import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiExtraModels, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ItemOverride } from '@billing/domain';
import type { BillingItemView } from '@billing/projections';
import { CommandMeta } from '../../auth/command-meta.decorator';
import { Roles } from '../../auth/roles.decorator';
import { canonical } from '../../http/decimal-field';
import { ReadYourWrites } from '../../infrastructure/read-your-writes';
import type { CommandMetadata } from '../../infrastructure/stream-decisions';
import { PostItemsCommand, type PostItemsResult } from './post-items.command';
import { ItemOverrideRequest, PostItemsRequest } from './post-items.request.dto';

/** An override as the domain keeps it: only the fields given, decimals in canonical form. */
function overrideOf(request: ItemOverrideRequest): ItemOverride {
  return {
    ...(request.hoursToBill !== undefined && { hoursToBill: canonical(request.hoursToBill) }),
    ...(request.hourlyRate !== undefined && { hourlyRate: canonical(request.hourlyRate) }),
    ...(request.amount !== undefined && { amount: canonical(request.amount) }),
  };
}

@ApiTags('approve and post')
@ApiBearerAuth()
@ApiExtraModels(ItemOverrideRequest)
@Controller('api/approve-and-post')
export class PostItemsHttpController {
  constructor(
    private readonly commands: CommandBus,
    private readonly readYourWrites: ReadYourWrites,
  ) {}

  @Post()
  @HttpCode(200)
  @Roles('finance')
  @ApiOperation({
    summary:
      'Approve and post items: all or nothing per bill-to account; an entry split by a short block yields two billing items; a retry posts nothing twice',
  })
  async post(@Body() body: PostItemsRequest, @CommandMeta() metadata: CommandMetadata): Promise<{ posted: BillingItemView[] }> {
    const overrides = Object.fromEntries(
      [...(body.overrides ?? new Map<string, ItemOverrideRequest>())].map(([itemId, override]) => [itemId, overrideOf(override)]),
    );
    const postedDate = body.postedDate ?? metadata.occurredAt.slice(0, 10);
    const result = await this.commands.execute<PostItemsCommand, PostItemsResult>(
      new PostItemsCommand(body.itemIds, postedDate, body.postedDate !== undefined, overrides, metadata),
    );
    // The answer comes from the ledger itself; the caller's next request waits for the read models.
    this.readYourWrites.remember(metadata.actor, result.position);
    return { posted: result.posted };
  }
}
