import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { OptionalId } from '../../http/ids';
import { OptionalBusinessDate } from '../../http/business-date-field';

const ITEM_TYPES = ['LABOR', 'CHARGE', 'EXPENSE', 'BLOCK_PURCHASE', 'RETAINER_PURCHASE', 'TICKET_PURCHASE', 'TICKET'];

export class PreviewApproveAndPostRequest {
  @OptionalId()
  accountId?: string;

  @OptionalId()
  contractId?: string;

  @ApiPropertyOptional({ enum: ITEM_TYPES })
  @IsOptional()
  @IsIn(ITEM_TYPES)
  type?: string;

  @OptionalBusinessDate()
  from?: string;

  @OptionalBusinessDate()
  to?: string;
}
