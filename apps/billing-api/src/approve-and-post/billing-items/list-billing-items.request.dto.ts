import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { ID_PATTERN, ID_PATTERN_MESSAGE } from '../../http/ids';

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
