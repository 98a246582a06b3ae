import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString } from 'class-validator';
import { IsDecimalField } from '../../http/decimal-field';
import { IsId } from '../../http/ids';
import { IsBusinessDate } from '../../http/business-date-field';

export class PurchaseRetainerRequest {
  @ApiPropertyOptional({ description: 'Client id, unique within the contract; the server makes a UUID when absent', example: 'ret-2026-q1' })
  @IsOptional()
  @IsString()
  @IsId()
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
