import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { IsBusinessDate } from '../../../http/decimal-field';
import { ID_PATTERN, ID_PATTERN_MESSAGE } from '../../../http/ids';

export class ListTimeEntriesRequest {
  @ApiPropertyOptional()
  @IsOptional()
  @Matches(ID_PATTERN, { message: `accountId ${ID_PATTERN_MESSAGE}` })
  accountId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(ID_PATTERN, { message: `resourceId ${ID_PATTERN_MESSAGE}` })
  resourceId?: string;

  @ApiPropertyOptional({ description: 'Date worked from (inclusive)' })
  @IsOptional()
  @IsBusinessDate()
  from?: string;

  @ApiPropertyOptional({ description: 'Date worked to (inclusive)' })
  @IsOptional()
  @IsBusinessDate()
  to?: string;

  @ApiPropertyOptional({ enum: ['PENDING', 'APPROVED', 'POSTED'] })
  @IsOptional()
  @IsIn(['PENDING', 'APPROVED', 'POSTED'])
  status?: 'PENDING' | 'APPROVED' | 'POSTED';
}
