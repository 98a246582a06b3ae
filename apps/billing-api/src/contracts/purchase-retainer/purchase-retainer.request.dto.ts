import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches } from 'class-validator';
import { IsBusinessDate, IsDecimalField } from '../../http/decimal-field';
import { ID_PATTERN, ID_PATTERN_MESSAGE } from '../../http/ids';

export class PurchaseRetainerRequest {
  @ApiPropertyOptional({ description: 'Client id, unique within the contract; the server makes a UUID when absent', example: 'ret-2026-q1' })
  @IsOptional()
  @IsString()
  @Matches(ID_PATTERN, { message: `id ${ID_PATTERN_MESSAGE}` })
  id?: string;

  @ApiProperty({ type: String, example: '5000.00', description: 'Prepaid money, greater than 0' })
  @IsDecimalField({ greaterThan: '0' })
  amount!: string | number;

  @ApiProperty({ example: '2026-01-01', description: 'Inside the contract dates' })
  @IsBusinessDate()
  startDate!: string;

  @ApiProperty({ example: '2026-03-31', description: 'On or after the start date, inside the contract dates' })
  @IsBusinessDate()
  endDate!: string;
}
