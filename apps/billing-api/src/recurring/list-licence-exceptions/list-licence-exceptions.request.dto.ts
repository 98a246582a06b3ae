import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import type { LicenceExceptionStatus } from '@billing/domain';
import { OptionalId } from '../../http/ids';
import { PageRequest } from '../../http/paging';

const STATUSES: LicenceExceptionStatus[] = ['HELD', 'CONFIRMED', 'REJECTED', 'SUPERSEDED'];

export class ListLicenceExceptionsRequest extends PageRequest {
  @ApiPropertyOptional({ enum: STATUSES, description: 'HELD: waiting for finance; the others say how it ended' })
  @IsOptional()
  @IsIn(STATUSES, { message: `status must be one of ${STATUSES.join(', ')}` })
  status?: LicenceExceptionStatus;

  @OptionalId()
  accountId?: string;

  @OptionalId()
  contractId?: string;
}
