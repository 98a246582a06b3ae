import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { OptionalId } from '../../http/ids';
import { PageRequest } from '../../http/paging';

export class ListBillingItemsRequest extends PageRequest {
  @OptionalId({ description: 'The account the work was for, or the bill-to account' })
  accountId?: string;

  @OptionalId()
  contractId?: string;

  @ApiPropertyOptional({ enum: ['true', 'false'] })
  @IsOptional()
  @IsIn(['true', 'false'])
  invoiced?: 'true' | 'false';
}
