import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { CommandMeta } from '../../auth/caller';
import { READERS, Roles } from '../../auth/roles.decorator';
import { IsBusinessDate } from '../../http/decimal-field';
import { ID_PATTERN, ID_PATTERN_MESSAGE } from '../../http/ids';
import type { CommandMetadata } from '../../infrastructure/stream-decisions';
import { PreviewApproveAndPost, type PendingItemPreview } from './preview.service';

const ITEM_TYPES = ['LABOR', 'CHARGE', 'EXPENSE', 'BLOCK_PURCHASE', 'RETAINER_PURCHASE', 'TICKET_PURCHASE', 'TICKET'];

export class PreviewRequest {
  @ApiPropertyOptional()
  @IsOptional()
  @Matches(ID_PATTERN, { message: `accountId ${ID_PATTERN_MESSAGE}` })
  accountId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(ID_PATTERN, { message: `contractId ${ID_PATTERN_MESSAGE}` })
  contractId?: string;

  @ApiPropertyOptional({ enum: ITEM_TYPES })
  @IsOptional()
  @IsIn(ITEM_TYPES)
  type?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBusinessDate()
  from?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBusinessDate()
  to?: string;
}

@ApiTags('approve and post')
@ApiBearerAuth()
@Controller('api/approve-and-post')
export class PreviewHttpController {
  constructor(private readonly previews: PreviewApproveAndPost) {}

  @Get()
  @Roles(...READERS)
  @ApiOperation({ summary: 'Pending items with a preview of how each will rate: rate, hours to bill, amount, covered or overage, contract and balance drawn' })
  async preview(@Query() query: PreviewRequest, @CommandMeta() metadata: CommandMetadata): Promise<{ items: PendingItemPreview[] }> {
    const items = await this.previews.preview(
      { accountId: query.accountId, contractId: query.contractId, itemType: query.type, from: query.from, to: query.to },
      metadata.occurredAt.slice(0, 10),
      metadata.actor,
    );
    return { items };
  }
}
