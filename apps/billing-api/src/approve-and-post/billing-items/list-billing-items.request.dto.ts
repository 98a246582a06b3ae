import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { OptionalId } from '../../http/ids';

export class ListBillingItemsRequest {
  @OptionalId({ description: 'The account the work was for, or the bill-to account' })
  accountId?: string;

  @OptionalId()
  contractId?: string;

  @ApiPropertyOptional({ enum: ['true', 'false'] })
  @IsOptional()
  @IsIn(['true', 'false'])
  invoiced?: 'true' | 'false';
}
