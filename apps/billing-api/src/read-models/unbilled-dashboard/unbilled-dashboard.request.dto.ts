import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { OptionalId } from '../../http/ids';
import { OptionalBusinessDate } from '../../http/business-date-field';
import { PageRequest } from '../../http/paging';

export class UnbilledDashboardRequest extends PageRequest {
  @OptionalId()
  accountId?: string;

  @OptionalId()
  contractId?: string;

  @ApiPropertyOptional({ description: 'Item type: LABOR, LABOR_OVERAGE, CHARGE, EXPENSE, BLOCK_PURCHASE, …' })
  @IsOptional()
  @Matches(/^[A-Z_]{1,40}$/, { message: 'type must be an item type such as LABOR' })
  type?: string;

  @OptionalId()
  workTypeId?: string;

  @OptionalId()
  resourceId?: string;

  @OptionalBusinessDate({ description: 'Item date from (inclusive)' })
  from?: string;

  @OptionalBusinessDate({ description: 'Item date to (inclusive)' })
  to?: string;

  @ApiPropertyOptional({ enum: ['AWAITING_POSTING', 'AWAITING_INVOICE'] })
  @IsOptional()
  @IsIn(['AWAITING_POSTING', 'AWAITING_INVOICE'])
  stage?: 'AWAITING_POSTING' | 'AWAITING_INVOICE';

  @OptionalBusinessDate({ description: 'Ages are counted to this date; today when absent' })
  asOf?: string;
}
