import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString } from 'class-validator';
import { CONTRACT_STATUSES, CONTRACT_TYPES, type ContractStatus, type ContractType } from '@billing/domain';

/** Filters of `GET /api/contracts`; each narrows the list. */
export class ListContractsRequest {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  accountId?: string;

  @ApiPropertyOptional({ enum: CONTRACT_TYPES })
  @IsOptional()
  @IsIn([...CONTRACT_TYPES], { message: `type must be one of ${CONTRACT_TYPES.join(', ')}` })
  type?: ContractType;

  @ApiPropertyOptional({ enum: CONTRACT_STATUSES })
  @IsOptional()
  @IsIn([...CONTRACT_STATUSES], { message: `status must be one of ${CONTRACT_STATUSES.join(', ')}` })
  status?: ContractStatus;
}
