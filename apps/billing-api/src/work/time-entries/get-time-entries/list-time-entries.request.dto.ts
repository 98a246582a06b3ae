import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { OptionalId } from '../../../http/ids';
import { OptionalBusinessDate } from '../../../http/business-date-field';
import { PageRequest } from '../../../http/paging';

export class ListTimeEntriesRequest extends PageRequest {
  @OptionalId()
  accountId?: string;

  @OptionalId()
  resourceId?: string;

  @OptionalBusinessDate({ description: 'Date worked from (inclusive)' })
  from?: string;

  @OptionalBusinessDate({ description: 'Date worked to (inclusive)' })
  to?: string;

  @ApiPropertyOptional({ enum: ['PENDING', 'APPROVED', 'POSTED'] })
  @IsOptional()
  @IsIn(['PENDING', 'APPROVED', 'POSTED'])
  status?: 'PENDING' | 'APPROVED' | 'POSTED';
}
