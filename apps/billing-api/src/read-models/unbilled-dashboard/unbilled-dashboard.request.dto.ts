import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { IsBusinessDate } from '../../http/decimal-field';
import { ID_PATTERN, ID_PATTERN_MESSAGE } from '../../http/ids';

export class UnbilledDashboardRequest {
  @ApiPropertyOptional()
  @IsOptional()
  @Matches(ID_PATTERN, { message: `accountId ${ID_PATTERN_MESSAGE}` })
  accountId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(ID_PATTERN, { message: `contractId ${ID_PATTERN_MESSAGE}` })
  contractId?: string;

  @ApiPropertyOptional({ description: 'Item type: LABOR, LABOR_OVERAGE, CHARGE, EXPENSE, BLOCK_PURCHASE, …' })
  @IsOptional()
  @Matches(/^[A-Z_]{1,40}$/, { message: 'type must be an item type such as LABOR' })
  type?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(ID_PATTERN, { message: `workTypeId ${ID_PATTERN_MESSAGE}` })
  workTypeId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(ID_PATTERN, { message: `resourceId ${ID_PATTERN_MESSAGE}` })
  resourceId?: string;

  @ApiPropertyOptional({ description: 'Item date from (inclusive)' })
  @IsOptional()
  @IsBusinessDate()
  from?: string;

  @ApiPropertyOptional({ description: 'Item date to (inclusive)' })
  @IsOptional()
  @IsBusinessDate()
  to?: string;

  @ApiPropertyOptional({ enum: ['AWAITING_POSTING', 'AWAITING_INVOICE'] })
  @IsOptional()
  @IsIn(['AWAITING_POSTING', 'AWAITING_INVOICE'])
  stage?: 'AWAITING_POSTING' | 'AWAITING_INVOICE';

  @ApiPropertyOptional({ description: 'Ages are counted to this date; today when absent' })
  @IsOptional()
  @IsBusinessDate()
  asOf?: string;

  @ApiPropertyOptional({ default: 100, maximum: 10000 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(10000)
  limit?: number;

  @ApiPropertyOptional({ default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  offset?: number;
}
