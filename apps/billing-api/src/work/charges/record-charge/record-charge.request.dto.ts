import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsString, Length, Matches } from 'class-validator';
import { IsBusinessDate, IsDecimalField } from '../../../http/decimal-field';
import { ID_PATTERN, ID_PATTERN_MESSAGE } from '../../../http/ids';

export class RecordChargeRequest {
  @ApiPropertyOptional()
  @IsOptional()
  @Matches(ID_PATTERN, { message: `id ${ID_PATTERN_MESSAGE}` })
  id?: string;

  @ApiProperty()
  @Matches(ID_PATTERN, { message: `accountId ${ID_PATTERN_MESSAGE}` })
  accountId!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(ID_PATTERN, { message: `contractId ${ID_PATTERN_MESSAGE}` })
  contractId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(ID_PATTERN, { message: `billingCodeId ${ID_PATTERN_MESSAGE}` })
  billingCodeId?: string;

  @ApiProperty({ example: 'SSD 1 TB' })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiProperty({ example: '2026-11-16' })
  @IsBusinessDate()
  date!: string;

  @ApiProperty({ example: '2' })
  @IsDecimalField({ greaterThan: '0' })
  quantity!: string | number;

  @ApiProperty({ example: '129.99' })
  @IsDecimalField({ min: '0' })
  unitPrice!: string | number;

  @ApiPropertyOptional({ example: '80', default: '0' })
  @IsOptional()
  @IsDecimalField({ min: '0' })
  unitCost?: string | number;

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  billable?: boolean;

  @ApiPropertyOptional({ description: 'Its own purchase order number; else the contract’s' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  purchaseOrderNumber?: string;
}
