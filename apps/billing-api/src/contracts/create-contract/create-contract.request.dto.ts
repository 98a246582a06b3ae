import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsString, Matches, ValidateNested } from 'class-validator';
import { CONTRACT_TYPES, MAX_HOURLY_RATE, MAX_ITEM_AMOUNT, MAX_MULTIPLIER, PERIOD_TYPES, type ContractType, type PeriodType } from '@billing/domain';
import { IsDecimalField } from '../../http/decimal-field';
import { ID_PATTERN, ID_PATTERN_MESSAGE, IsId } from '../../http/ids';
import { IsBusinessDate } from '../../http/business-date-field';
import { Optional } from '../../http/optional';
import { IsPlainText } from '../../http/plain-text';

/** Most ids a list of a contract may hold. */
export const MAX_LIST = 200;

export class RoleRateRequest {
  @ApiProperty({ example: 'engineer' })
  @IsString()
  @IsId()
  roleId!: string;

  @ApiProperty({ type: String, example: '150.00', description: `Per hour; decimal string or number from 0 to ${MAX_HOURLY_RATE}, up to 4 places` })
  @IsDecimalField({ min: '0', max: MAX_HOURLY_RATE })
  hourlyRate!: string | number;
}

export class BlockHourMultiplierRequest {
  @ApiProperty({ example: 'architect' })
  @IsString()
  @IsId()
  roleId!: string;

  @ApiProperty({ type: String, example: '1.5', description: `Block hours drawn per hour to bill, at most ${MAX_MULTIPLIER}` })
  @IsDecimalField({ min: '0', max: MAX_MULTIPLIER })
  multiplier!: string | number;
}

export class CreateContractRequest {
  @ApiPropertyOptional({ description: 'Client id; the server makes a UUID when absent', example: 'acme-blk-2026' })
  @Optional()
  @IsString()
  @IsId()
  id?: string;

  @ApiProperty({ example: 'acme' })
  @IsString()
  @IsId()
  accountId!: string;

  @ApiProperty({ example: 'Acme block hours 2026' })
  @IsPlainText({ max: 200 })
  name!: string;

  @ApiProperty({ enum: CONTRACT_TYPES })
  @IsIn([...CONTRACT_TYPES], { message: `type must be one of ${CONTRACT_TYPES.join(', ')}` })
  type!: ContractType;

  @ApiProperty({ example: '2026-01-01' })
  @IsBusinessDate()
  startDate!: string;

  @ApiProperty({ example: '2026-12-31', description: 'After the start date, at most 20 years later' })
  @IsBusinessDate()
  endDate!: string;

  @ApiPropertyOptional({ example: 'PO-4411' })
  @Optional()
  @IsPlainText({ max: 100 })
  purchaseOrderNumber?: string;

  @ApiPropertyOptional({ default: false, description: "The account's default (service-desk) contract; at most one active per account" })
  @Optional()
  @IsBoolean()
  isDefault?: boolean;

  @ApiPropertyOptional()
  @Optional()
  @IsString()
  @IsId()
  exclusionSetId?: string;

  @ApiPropertyOptional({ type: [String] })
  @Optional()
  @IsArray()
  @ArrayMaxSize(MAX_LIST)
  @Matches(ID_PATTERN, { each: true, message: `each excludedWorkTypeIds entry ${ID_PATTERN_MESSAGE}` })
  excludedWorkTypeIds?: string[];

  @ApiPropertyOptional({ type: [String] })
  @Optional()
  @IsArray()
  @ArrayMaxSize(MAX_LIST)
  @Matches(ID_PATTERN, { each: true, message: `each excludedRoleIds entry ${ID_PATTERN_MESSAGE}` })
  excludedRoleIds?: string[];

  @ApiPropertyOptional({ description: 'Where work this contract excludes goes' })
  @Optional()
  @IsString()
  @IsId()
  exclusionContractId?: string;

  @ApiPropertyOptional({ description: 'Third-party or parent billing' })
  @Optional()
  @IsString()
  @IsId()
  billToAccountId?: string;

  @ApiPropertyOptional({ type: [RoleRateRequest], description: 'TIME_AND_MATERIALS, BLOCK_HOURS (overage table), RETAINER, FIXED_PRICE' })
  @Optional()
  @IsArray()
  @ArrayMaxSize(MAX_LIST)
  @ValidateNested({ each: true })
  @Type(() => RoleRateRequest)
  roleRates?: RoleRateRequest[];

  @ApiPropertyOptional({
    type: String,
    description: `BLOCK_HOURS: per hour of overage; PER_TICKET: per ticket beyond the purchases; at most ${MAX_HOURLY_RATE}`,
  })
  @Optional()
  @IsDecimalField({ min: '0', max: MAX_HOURLY_RATE })
  overageRate?: string | number;

  @ApiPropertyOptional({ type: [BlockHourMultiplierRequest], description: 'BLOCK_HOURS only' })
  @Optional()
  @IsArray()
  @ArrayMaxSize(MAX_LIST)
  @ValidateNested({ each: true })
  @Type(() => BlockHourMultiplierRequest)
  blockHourMultipliers?: BlockHourMultiplierRequest[];

  @ApiPropertyOptional({ enum: PERIOD_TYPES, description: 'Required for RECURRING_SERVICE, refused for the others' })
  @Optional()
  @IsIn([...PERIOD_TYPES], { message: `periodType must be one of ${PERIOD_TYPES.join(', ')}` })
  periodType?: PeriodType;

  @ApiPropertyOptional({ type: String, example: '500.00' })
  @Optional()
  @IsDecimalField({ min: '0', max: MAX_ITEM_AMOUNT })
  setupFee?: string | number;

  @ApiPropertyOptional({
    type: String,
    example: '20',
    description:
      'RECURRING_SERVICE only: a licence count synced from outside that changes the units by more than this percentage is held for finance (a change of 2 units or fewer always applies); default 20. A decimal string or a JSON number, 0 to 1000, up to 2 places',
  })
  @Optional()
  @IsDecimalField({ min: '0', max: '1000', maxDecimalPlaces: 2 })
  licenceTolerancePercent?: string | number;

  @ApiPropertyOptional({
    enum: PERIOD_TYPES,
    description: 'Any type: when accrual runs past the end date, the contract renews itself by this period (billing-rules §7); none: it ends',
  })
  @Optional()
  @IsIn([...PERIOD_TYPES], { message: `renewalPeriod must be one of ${PERIOD_TYPES.join(', ')}` })
  renewalPeriod?: PeriodType;
}
