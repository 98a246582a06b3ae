import { ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, Matches, ValidateIf } from 'class-validator';
import { CONTRACT_STATUSES, PERIOD_TYPES, type ContractStatus, type PeriodType } from '@billing/domain';
import { MAX_LIST } from '../create-contract/create-contract.request.dto';
import { ID_PATTERN, ID_PATTERN_MESSAGE, IsId } from '../../http/ids';
import { IsBusinessDate } from '../../http/business-date-field';
import { IsPlainText } from '../../http/plain-text';

/** Present fields only; `null` clears a nullable one. */
const given = (_object: object, value: unknown) => value !== undefined;

export class ChangeContractTermsRequest {
  @ApiPropertyOptional({ nullable: true, description: 'null clears it' })
  @IsOptional()
  @IsPlainText({ max: 100 })
  purchaseOrderNumber?: string | null;

  @ApiPropertyOptional({ nullable: true, description: 'null clears it' })
  @IsOptional()
  @IsString()
  @IsId()
  exclusionSetId?: string | null;

  @ApiPropertyOptional({ type: [String], description: 'The full new list' })
  @ValidateIf(given)
  @IsArray()
  @ArrayMaxSize(MAX_LIST)
  @Matches(ID_PATTERN, { each: true, message: `each excludedWorkTypeIds entry ${ID_PATTERN_MESSAGE}` })
  excludedWorkTypeIds?: string[];

  @ApiPropertyOptional({ type: [String], description: 'The full new list' })
  @ValidateIf(given)
  @IsArray()
  @ArrayMaxSize(MAX_LIST)
  @Matches(ID_PATTERN, { each: true, message: `each excludedRoleIds entry ${ID_PATTERN_MESSAGE}` })
  excludedRoleIds?: string[];

  @ApiPropertyOptional({ nullable: true, description: 'null removes the link' })
  @IsOptional()
  @IsString()
  @IsId()
  exclusionContractId?: string | null;

  @ApiPropertyOptional({
    example: '2027-12-31',
    description: 'A later end date is a renewal (`ContractExtended`); never before a purchase ends or a milestone is due',
  })
  @ValidateIf(given)
  @IsBusinessDate()
  endDate?: string;

  @ApiPropertyOptional({ enum: CONTRACT_STATUSES, description: 'INACTIVE on a default contract also ends it being the default' })
  @ValidateIf(given)
  @IsIn([...CONTRACT_STATUSES], { message: `status must be one of ${CONTRACT_STATUSES.join(', ')}` })
  status?: ContractStatus;

  @ApiPropertyOptional({
    enum: PERIOD_TYPES,
    nullable: true,
    description: 'The period the contract renews itself by when accrual runs past its end; null: it no longer renews itself',
  })
  @IsOptional()
  @IsIn([...PERIOD_TYPES], { message: `renewalPeriod must be one of ${PERIOD_TYPES.join(', ')}, or null` })
  renewalPeriod?: PeriodType | null;
}
