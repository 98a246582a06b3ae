import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import type Database from 'better-sqlite3';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { NotFound } from '@billing/domain';
import { findBillingItem, listBillingItems, type BillingItemView } from '@billing/projections';
import { READERS, Roles } from '../../auth/roles.decorator';
import { ID_PATTERN, ID_PATTERN_MESSAGE } from '../../http/ids';
import { READ_MODEL_DB } from '../../infrastructure/read-models.module';

export class ListBillingItemsRequest {
  @ApiPropertyOptional({ description: 'The account the work was for, or the bill-to account' })
  @IsOptional()
  @Matches(ID_PATTERN, { message: `accountId ${ID_PATTERN_MESSAGE}` })
  accountId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(ID_PATTERN, { message: `contractId ${ID_PATTERN_MESSAGE}` })
  contractId?: string;

  @ApiPropertyOptional({ enum: ['true', 'false'] })
  @IsOptional()
  @IsIn(['true', 'false'])
  invoiced?: 'true' | 'false';
}

@ApiTags('approve and post')
@ApiBearerAuth()
@Controller('api/billing-items')
export class GetBillingItemsHttpController {
  constructor(@Inject(READ_MODEL_DB) private readonly db: Database.Database) {}

  @Get()
  @Roles(...READERS)
  @ApiOperation({ summary: 'Posted billing items' })
  list(@Query() query: ListBillingItemsRequest): BillingItemView[] {
    return listBillingItems(this.db, { accountId: query.accountId, contractId: query.contractId, invoiced: query.invoiced === undefined ? undefined : query.invoiced === 'true' });
  }

  @Get(':id')
  @Roles(...READERS)
  @ApiOperation({ summary: 'One billing item (posted or unposted)' })
  get(@Param('id') id: string): BillingItemView {
    const item = findBillingItem(this.db, id);
    if (!item) throw new NotFound('billing item', id);
    return item;
  }
}
