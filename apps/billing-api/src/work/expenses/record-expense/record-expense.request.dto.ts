import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsString, Length } from 'class-validator';
import { IsDecimalField } from '../../../http/decimal-field';
import { IsId, OptionalId } from '../../../http/ids';
import { IsBusinessDate } from '../../../http/business-date-field';

export class RecordExpenseRequest {
  @OptionalId()
  id?: string;

  @ApiProperty()
  @IsId()
  accountId!: string;

  @OptionalId()
  contractId?: string;

  @ApiProperty({ example: 'mileage' })
  @IsString()
  @Length(1, 100)
  category!: string;

  @ApiProperty({ example: '2026-11-16' })
  @IsBusinessDate()
  date!: string;

  @ApiProperty({ example: '42.80' })
  @IsDecimalField({ min: '0' })
  amount!: string | number;

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  billable?: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(0, 2000)
  description?: string;
}
