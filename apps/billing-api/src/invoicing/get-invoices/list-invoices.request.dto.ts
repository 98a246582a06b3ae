import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { OptionalBusinessDate } from '../../http/business-date-field';
import { OptionalId } from '../../http/ids';
import { PageRequest } from '../../http/paging';

export class ListInvoicesRequest extends PageRequest {
  @OptionalId({ description: 'The bill-to account' })
  accountId?: string;

  @ApiPropertyOptional({ enum: ['ISSUED', 'VOID'] })
  @IsOptional()
  @IsIn(['ISSUED', 'VOID'])
  status?: 'ISSUED' | 'VOID';

  @OptionalBusinessDate({ description: 'Invoice date from (inclusive)' })
  from?: string;

  @OptionalBusinessDate({ description: 'Invoice date to (inclusive)' })
  to?: string;

  @ApiPropertyOptional({ description: 'The invoice number, as printed (INV-000042)' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9._/-]{1,40}$/, { message: 'number must be an invoice number such as INV-000042' })
  number?: string;
}
