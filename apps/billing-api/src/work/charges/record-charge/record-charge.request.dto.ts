import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsString, Length } from 'class-validator';
import { IsDecimalField } from '../../../http/decimal-field';
import { IsId, OptionalId } from '../../../http/ids';
import { IsBusinessDate } from '../../../http/business-date-field';

export class RecordChargeRequest {
  @OptionalId()
  id?: string;

  @ApiProperty()
  @IsId()
  accountId!: string;

  @OptionalId()
  contractId?: string;

  @OptionalId()
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
