import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { IsBusinessDate } from '../../http/decimal-field';
import { ID_PATTERN, ID_PATTERN_MESSAGE } from '../../http/ids';

const ITEM_TYPES = ['LABOR', 'CHARGE', 'EXPENSE', 'BLOCK_PURCHASE', 'RETAINER_PURCHASE', 'TICKET_PURCHASE', 'TICKET'];

export class PreviewApproveAndPostRequest {
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
