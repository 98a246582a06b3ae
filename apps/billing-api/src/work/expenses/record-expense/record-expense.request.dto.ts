import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsString, Length, Matches } from 'class-validator';
import { IsBusinessDate, IsDecimalField } from '../../../http/decimal-field';
import { ID_PATTERN, ID_PATTERN_MESSAGE } from '../../../http/ids';

export class RecordExpenseRequest {
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
