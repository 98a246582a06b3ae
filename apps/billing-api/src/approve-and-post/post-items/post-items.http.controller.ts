import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiExtraModels, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ItemOverrides } from '@billing/domain';
import type { BillingItemView } from '@billing/projections';
import { CommandMeta } from '../../auth/command-meta.decorator';
import { canonical } from '../../http/decimal-field';
import { ReadYourWrites } from '../../infrastructure/read-your-writes';
import type { CommandMetadata } from '../../infrastructure/stream-decisions';
import { PostItemsCommand, type PostItemsResult } from './post-items.command';
import { ItemOverrideRequest, PostItemsRequest } from './post-items.request.dto';

/** The overrides as the domain keeps them (the request checked them): decimals in canonical form, in the order sent. */
function overridesOf(request: PostItemsRequest): Record<string, ItemOverrides> {
  const keptAsSent = (field: string) => field === 'contractId' || field === 'reason';
  return Object.fromEntries(
    Object.entries(request.overrides ?? {}).map(([itemId, fields]) => [
      itemId,
      Object.fromEntries(
        Object.entries(fields as Record<string, string | number | null>).map(([field, value]) => [
          field,
          keptAsSent(field) ? value : canonical(value as string | number),
        ]),
      ),
    ]),
  );
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
  @ApiOperation({
    summary:
      'Approve and post items: all or nothing per bill-to account; an entry split by a short block yields two billing items; a retry posts nothing twice',
  })
  async post(@Body() body: PostItemsRequest, @CommandMeta() metadata: CommandMetadata): Promise<{ posted: BillingItemView[] }> {
    const postedDate = body.postedDate ?? metadata.occurredAt.slice(0, 10);
    const command = new PostItemsCommand(body.itemIds, postedDate, body.postedDate !== undefined, overridesOf(body), metadata);
    const result = await this.commands.execute<PostItemsCommand, PostItemsResult>(command);
    // The answer comes from the ledger itself; the caller's next request waits for the read models.
    this.readYourWrites.remember(metadata.actor, result.position);
    return { posted: result.posted };
  }
}
