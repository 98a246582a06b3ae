import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ItemOverride } from '@billing/domain';
import type { BillingItemView } from '@billing/projections';
import { CommandMeta } from '../../auth/caller';
import { Roles } from '../../auth/roles.decorator';
import { canonical, decimalText } from '../../http/decimal-field';
import type { FieldProblem } from '../../http/problem';
import { RequestValidationError } from '../../http/validation';
import { ReadYourWrites } from '../../infrastructure/read-models.module';
import type { CommandMetadata } from '../../infrastructure/stream-decisions';
import { ApproveAndPost } from './approve-and-post.service';
import { PostItemsRequest } from './post-items.request.dto';

const OVERRIDE_FIELDS = ['hoursToBill', 'hourlyRate', 'amount'] as const;

/** Overrides are keyed by item id, so class-validator cannot see their fields: check them here, every problem listed. */
function parseOverrides(raw: Record<string, unknown> | undefined, itemIds: string[]): Record<string, ItemOverride> {
  const problems: FieldProblem[] = [];
  const overrides: Record<string, ItemOverride> = {};
  for (const [itemId, value] of Object.entries(raw ?? {})) {
    const field = `overrides.${itemId}`;
    if (!itemIds.includes(itemId)) problems.push({ field, message: `item ${itemId} is not in itemIds` });
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      problems.push({ field, message: 'must be an object { hoursToBill?, hourlyRate?, amount? }' });
      continue;
    }
    const override: ItemOverride = {};
    for (const [key, v] of Object.entries(value)) {
      if (!(OVERRIDE_FIELDS as readonly string[]).includes(key)) {
        problems.push({ field: `${field}.${key}`, message: `unknown field: ${key} is not accepted here` });
        continue;
      }
      const text = decimalText(v);
      const places = text?.split('.')[1]?.length ?? 0;
      if (text === undefined || places > 4 || text.startsWith('-') || (key === 'hoursToBill' && Number(text) > 24)) {
        problems.push({ field: `${field}.${key}`, message: `${key} must be a decimal of at least 0 with at most 4 decimal places${key === 'hoursToBill' ? ', at most 24' : ''}` });
        continue;
      }
      override[key as (typeof OVERRIDE_FIELDS)[number]] = canonical(text);
    }
    overrides[itemId] = override;
  }
  if (problems.length) throw new RequestValidationError(problems);
  return overrides;
}

@ApiTags('approve and post')
@ApiBearerAuth()
@Controller('api/approve-and-post')
export class PostItemsHttpController {
  constructor(
    private readonly approveAndPost: ApproveAndPost,
    private readonly readYourWrites: ReadYourWrites,
  ) {}

  @Post()
  @HttpCode(200)
  @Roles('finance')
  @ApiOperation({
    summary: 'Approve and post items: all or nothing per bill-to account; an entry split by a short block yields two billing items; a retry posts nothing twice',
  })
  async post(@Body() body: PostItemsRequest, @CommandMeta() metadata: CommandMetadata): Promise<{ posted: BillingItemView[] }> {
    const overrides = parseOverrides(body.overrides, body.itemIds);
    const result = await this.approveAndPost.post(
      { itemIds: body.itemIds, postedDate: body.postedDate ?? metadata.occurredAt.slice(0, 10), postedDateGiven: body.postedDate !== undefined, overrides },
      metadata,
    );
    // The answer comes from the ledger itself; the caller's next request waits for the read models.
    this.readYourWrites.remember(metadata.actor, result.position);
    return { posted: result.posted };
  }
}
